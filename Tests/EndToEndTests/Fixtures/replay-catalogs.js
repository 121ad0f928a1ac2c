// Replays catalog queries through the site's resolver under Node.js, with no browser:
//   node replay-catalogs.js SITE_FOLDER QUERIES_TXT
// Loads SITE_FOLDER's catalog-index.js, its search shards and its assets/ranking.js as the search page does, and prints
// one line per query: the query, a tab, then each entry found as catalog:label:form:article-ids,
// separated by " ; " (the format CatalogVectorTests records from Swift).
"use strict";
var fs = require("fs"), path = require("path"), vm = require("vm");

var site = process.argv[2];
var queries = fs.readFileSync(process.argv[3], "utf8").split("\n").filter(function (line) { return line.length > 0; });
var sandbox = { window: {} };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(path.join(site, "catalog-index.js"), "utf8"), sandbox, { filename: "catalog-index.js" });
fs.readdirSync(site).filter(function (name) { return /^search-index-\d+\.js$/.test(name); }).sort().forEach(function (name) {
  vm.runInContext(fs.readFileSync(path.join(site, name), "utf8"), sandbox, { filename: name });
});
var ranking = require(path.resolve(site, "assets", "ranking.js"));
var catalogs = ranking.openCatalogs(sandbox.window.ERRWIKI_CATALOGS);
var ranker = ranking.open(sandbox.window.ERRWIKI_SEARCH_PARTS);
if (!catalogs || !ranker) { console.error("the site's catalog or search index did not open"); process.exit(2); }
var out = queries.map(function (query) {
  // As the search page does: the first article result decides whether a code inside a line gives way.
  var first = ranker.search(query, { limit: 10 }).results[0];
  var best = first ? { tier: first.tier, path: first.doc.path, verdict: first.verdict } : null;
  return query + "\t" + catalogs.find(query, best).map(function (item) {
    var ids = item.articles.map(function (article) { return path.basename(article.path, ".html"); });
    return [item.catalog, item.name || item.number, item.form, ids.join(",")].join(":");
  }).join(" ; ");
});
process.stdout.write(out.join("\n") + "\n");
