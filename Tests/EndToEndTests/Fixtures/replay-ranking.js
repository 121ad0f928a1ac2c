// Replays ranking vectors through the site's ranker under Node.js, with no browser:
//   node replay-ranking.js SITE_FOLDER VECTORS_JSON
// Loads SITE_FOLDER's search-index-*.js shards as the page would (each pushes onto
// window.ERRWIKI_SEARCH_PARTS) and its assets/ranking.js, runs every case's query with its filter
// and limit, and prints one JSON document in the vectors' shape: {"limit", "cases": [{query, filter, corrected, suggestions, hits}]}.
"use strict";
var fs = require("fs"), path = require("path"), vm = require("vm");

var site = process.argv[2], vectors = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
var sandbox = { window: {} };
vm.createContext(sandbox);
fs.readdirSync(site).filter(function (name) { return /^search-index-\d+\.js$/.test(name); }).sort().forEach(function (name) {
  vm.runInContext(fs.readFileSync(path.join(site, name), "utf8"), sandbox, { filename: name });
});
var ranking = require(path.resolve(site, "assets", "ranking.js"));
var ranker = ranking.open(sandbox.window.ERRWIKI_SEARCH_PARTS);
if (!ranker) { console.error("the site's search index did not open"); process.exit(2); }

var cases = vectors.cases.map(function (vector) {
  var options = { limit: vectors.limit };
  if (vector.filter.category) options.category = vector.filter.category;
  if (vector.filter.severity) options.severity = vector.filter.severity;
  var outcome = ranker.search(vector.query, options);
  return {
    query: vector.query,
    filter: vector.filter,
    corrected: outcome.corrected,
    suggestions: outcome.suggestions,
    verdict: outcome.verdict,
    hits: outcome.results.map(function (r) {
      return { id: r.id, tier: r.tier, label: r.label, corrected: r.corrected, score: r.score, coverage: r.coverage };
    })
  };
});
process.stdout.write(JSON.stringify({ limit: vectors.limit, cases: cases }) + "\n");
