// Replays catalog queries through the site's resolver under Node.js, with no browser:
//   node replay-catalogs.js SITE_FOLDER QUERIES_TXT
// Loads SITE_FOLDER's catalog-index.js and its search (site-search.js) as the search page does, and prints
// one line per query: the query, a tab, then each entry found as catalog:label:form:article-ids,
// separated by " ; " (the format CatalogVectorTests records from Swift).
"use strict";
var fs = require("fs"), path = require("path");

var queries = fs.readFileSync(process.argv[3], "utf8").split("\n").filter(function (line) { return line.length > 0; });
var site = require(path.join(__dirname, "site-search.js")).open(process.argv[2], ["catalog-index.js"]);
var catalogs = site.ranking.openCatalogs(site.window.ERRWIKI_CATALOGS);
if (!catalogs) { console.error("the site's catalog index did not open"); process.exit(2); }
var out = queries.map(function (query) {
  // As the search page does: the first article result decides whether a code inside a line gives way.
  var first = site.search(query, { limit: 10 }).results[0];
  var best = first ? { tier: first.tier, path: first.doc.path, verdict: first.verdict } : null;
  return query + "\t" + catalogs.find(query, best).map(function (item) {
    var ids = item.articles.map(function (article) { return path.basename(article.path, ".html"); });
    return [item.catalog, item.name || item.number, item.form, ids.join(",")].join(":");
  }).join(" ; ");
});
process.stdout.write(out.join("\n") + "\n");
