// What one query loads of a built site's search data, as the page would load it:
//   node query-cost.js SITE_FOLDER QUERY
// prints {"files": loaded, "bytes": loaded, "allFiles": in search/, "allBytes": in search/, "first": first result id}.
"use strict";
var fs = require("fs"), path = require("path");
var site = require(path.join(__dirname, "site-search.js")).open(process.argv[2]);
var outcome = site.search(process.argv[3], { limit: 50 });
var folder = path.join(process.argv[2], "search"), names = fs.readdirSync(folder);
process.stdout.write(JSON.stringify({
  files: site.usage.files, bytes: site.usage.bytes, allFiles: names.length,
  allBytes: names.reduce(function (sum, name) { return sum + fs.statSync(path.join(folder, name)).size; }, 0),
  first: outcome.results.length ? outcome.results[0].id : null
}) + "\n");
