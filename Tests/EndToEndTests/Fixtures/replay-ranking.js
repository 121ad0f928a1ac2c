// Replays ranking vectors through the site's ranker under Node.js, with no browser:
//   node replay-ranking.js SITE_FOLDER VECTORS_JSON
// Runs every case's query with its filter and limit through the site's search as the page does
// (site-search.js: search/index.js, then the search/ files the ranker asks for) and prints one JSON
// document in the vectors' shape: {"limit", "cases": [{query, filter, corrected, suggestions, verdict, hits}]};
// on stderr, how many files and bytes the cases loaded.
"use strict";
var fs = require("fs"), path = require("path");

var site = require(path.join(__dirname, "site-search.js")).open(process.argv[2]);
var vectors = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
var cases = vectors.cases.map(function (vector) {
  var options = { limit: vectors.limit };
  if (vector.filter.category) options.category = vector.filter.category;
  if (vector.filter.severity) options.severity = vector.filter.severity;
  var outcome = site.search(vector.query, options);
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
console.error("loaded " + site.usage.files + " files, " + site.usage.bytes + " bytes");
