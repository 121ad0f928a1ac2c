// Replays catalog queries through the site's resolver under Node.js, with no browser:
//   node replay-catalogs.js SITE_FOLDER QUERIES_TXT
// Loads SITE_FOLDER's catalog-index.js as the search page does and its assets/ranking.js, and prints
// one line per query: the query, a tab, then each entry found as catalog:label:form:article-ids,
// separated by " ; " (the format CatalogVectorTests records from Swift).
"use strict";
var fs = require("fs"), path = require("path"), vm = require("vm");

var site = process.argv[2];
var queries = fs.readFileSync(process.argv[3], "utf8").split("\n").filter(function (line) { return line.length > 0; });
var sandbox = { window: {} };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(site, "catalog-index.js"), "utf8"), sandbox, { filename: "catalog-index.js" });
var ranking = require(path.resolve(site, "assets", "ranking.js"));
var catalogs = ranking.openCatalogs(sandbox.window.ERRWIKI_CATALOGS);
if (!catalogs) { console.error("the site's catalog index did not open"); process.exit(2); }
var out = queries.map(function (query) {
  return query + "\t" + catalogs.find(query, null).map(function (item) {
    var ids = item.articles.map(function (article) { return path.basename(article.path, ".html"); });
    return [item.catalog, item.name || item.number, item.form, ids.join(",")].join(":");
  }).join(" ; ");
});
process.stdout.write(out.join("\n") + "\n");
