// The site's search under Node.js, as search.html runs it: opens SITE_FOLDER/search/index.js with
// SITE_FOLDER/assets/ranking.js, and answers a query by loading each search/ file the ranker asks
// for (ERRWIKI_SEARCH_ADD, as the page's inserted scripts do) until it can rank.
//   var site = require("./site-search.js").open(SITE_FOLDER); site.search(query, options)
"use strict";
var fs = require("fs"), path = require("path"), vm = require("vm");

exports.open = function (site, extraScripts) {
  var sandbox = { window: {} };
  vm.createContext(sandbox);
  (extraScripts || []).concat(["search/index.js"]).forEach(function (name) {
    vm.runInContext(fs.readFileSync(path.join(site, name), "utf8"), sandbox, { filename: name });
  });
  var ranking = require(path.resolve(site, "assets", "ranking.js"));
  var ranker = ranking.open(sandbox.window.ERRWIKI_SEARCH);
  if (!ranker) { console.error("the site's search index did not open"); process.exit(2); }
  sandbox.ERRWIKI_SEARCH_ADD = function (name, data) { ranker.add(name, data); };
  var loaded = Object.create(null), usage = { files: 0, bytes: 0 };
  function search(query, options) {
    for (;;) {
      var outcome = ranker.search(query, options);
      if (!outcome.pending) return outcome;
      outcome.pending.forEach(function (name) {
        // A file that ran but did not add its data would be asked for forever.
        if (loaded[name]) { console.error("search/" + name + ".js was loaded but is still asked for"); process.exit(2); }
        loaded[name] = true;
        var text = fs.readFileSync(path.join(site, "search", name + ".js"), "utf8");
        usage.files += 1; usage.bytes += Buffer.byteLength(text);
        vm.runInContext(text, sandbox, { filename: name + ".js" });
      });
    }
  }
  return { search: search, ranking: ranking, window: sandbox.window, usage: usage };
};
