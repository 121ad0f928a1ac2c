// errwiki site search: the page code. search/index.js (written by `errwiki build`) describes the
// search data; assets/ranking.js (the terminal lookup's ranking, with its constants read from that
// file) says which files of search/ a query needs, this file loads them with classic <script src>
// tags, which work from disk (file://) where browsers block fetch() and module scripts, and asks
// again until the results come. They are built with textContent only: no article text becomes HTML.
(function () {
  "use strict";

  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var ranker = window.ErrWikiRanking && window.ErrWikiRanking.open(window.ERRWIKI_SEARCH);
  var stale = "The search data (search/) is missing or stale; rebuild the site with errwiki build.";
  if (!ranker) {
    status.textContent = stale;
    return;
  }
  // The first results are shown as soon as their files are in, the rest of the page of results after.
  var FIRST = 10, LIMIT = 50;
  var dataRoot = document.body.getAttribute("data-search") || "search/";
  window.ERRWIKI_SEARCH_ADD = function (name, data) { ranker.add(name, data); };
  // Each data file once: name → { state: loading | loaded | failed, waiters }.
  var files = Object.create(null);
  function load(names, done) {
    var left = names.length, failed = false;
    function finish(ok) {
      if (!ok) failed = true;
      if (--left === 0) done(!failed);
    }
    names.forEach(function (name) {
      var file = files[name];
      if (!file) {
        file = files[name] = { state: "loading", waiters: [] };
        var script = document.createElement("script");
        script.src = dataRoot + name + ".js";
        script.onload = function () { file.state = "loaded"; file.waiters.splice(0).forEach(function (w) { w(true); }); };
        script.onerror = function () { file.state = "failed"; file.waiters.splice(0).forEach(function (w) { w(false); }); };
        document.head.appendChild(script);
      }
      if (file.state === "loading") file.waiters.push(finish); else finish(file.state === "loaded");
    });
  }
  // Runs a search, loading what it asks for; `shown` gets the results unless a newer search started.
  var generation = 0;
  function run(query, limit, shown) {
    var mine = ++generation;
    (function attempt() {
      var found = ranker.search(query, { limit: limit });
      if (!found.pending) return shown(found);
      // A file that loaded but did not add its data is from another build.
      if (found.pending.some(function (name) { return files[name] && files[name].state === "loaded"; })) { status.textContent = stale; return; }
      load(found.pending, function (ok) {
        if (mine !== generation) return;
        if (ok) attempt(); else status.textContent = stale;
      });
    })();
  }
  var codesList = document.getElementById("search-codes");
  // The code catalogs (catalog-index.js) are large: loaded the first time someone types.
  var catalogPath = document.body.getAttribute("data-catalogs"), catalogs = null, catalogsRequested = false;
  function loadCatalogs() {
    if (catalogsRequested || !catalogPath) return;
    catalogsRequested = true;
    var script = document.createElement("script");
    script.src = catalogPath;
    script.onload = function () {
      catalogs = window.ErrWikiRanking.openCatalogs(window.ERRWIKI_CATALOGS);
      render(input.value);
    };
    document.head.appendChild(script);
  }

  // The catalog entries a query names, each linking its row on the family page and the articles that claim it.
  function renderCodes(query, best) {
    if (!codesList) return 0;
    codesList.textContent = "";
    if (!catalogs) return 0;
    var items = catalogs.find(query, best);
    items.forEach(function (entry) {
      var item = element("li", "result code-result");
      var link = element("a", "result-link");
      link.href = entry.page + "#" + entry.anchor;
      var label = entry.number ? (entry.word ? entry.word + " " : "") + entry.number : "";
      link.appendChild(element("span", "result-title", [entry.name, label].filter(Boolean).join(" · ")));
      item.appendChild(link);
      var meta = element("p", "result-meta");
      meta.appendChild(element("span", "match-kind", "code"));
      meta.appendChild(document.createTextNode(" " + entry.catalogTitle));
      item.appendChild(meta);
      if (entry.message) item.appendChild(element("p", "result-snippet", entry.message));
      if (entry.articles.length) {
        var covered = element("p", "result-articles", "Article: ");
        entry.articles.forEach(function (article, index) {
          if (index) covered.appendChild(document.createTextNode(", "));
          var articleLink = element("a", null, article.title);
          articleLink.href = article.path;
          covered.appendChild(articleLink);
        });
        item.appendChild(covered);
      } else {
        item.appendChild(element("p", "result-articles", "No article covers this code yet."));
      }
      codesList.appendChild(item);
    });
    return items.length;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(query) {
    if (!query.trim()) { generation++; list.textContent = ""; status.textContent = ""; if (codesList) codesList.textContent = ""; return; }
    loadCatalogs();
    run(query, FIRST, function (found) {
      if (show(query, found, false)) run(query, LIMIT, function (all) { show(query, all, true); });
    });
  }

  // Shows the results (`rest`: those after the first FIRST, below them); true when more are to come.
  function show(query, found, rest) {
    var shown = found.results;
    if (rest) {
      shown.slice(FIRST).forEach(addResult);
      list.setAttribute("data-complete", query);
      return false;
    }
    list.textContent = "";
    var codes = renderCodes(query, found.results.length ? { tier: found.results[0].tier, path: found.results[0].doc.path, verdict: found.verdict } : null);
    // The verdict (ranking.js, the lookup's rule): an answer, candidates, or nothing that covers it.
    var verdictText = found.verdict === "none" && !codes ? "No article covers “" + query.trim() + "” yet; possibly related: " :
      found.verdict === "candidates" && !codes ? "Possible matches: " : "";
    var message = (codes ? codes + (codes === 1 ? " code. " : " codes. ") : "") + verdictText + (found.total === 0 ? "No article matches “" + query.trim() + "”." :
      found.total + (found.total === 1 ? " article" : " articles") +
      (found.total > LIMIT ? " (first " + LIMIT + " shown)" : "") + ".");
    if (found.corrected) message += " Showing results for “" + found.corrected + "”.";
    if (found.suggestions.length) message += " Did you mean: " + found.suggestions.join(", ") + "?";
    status.textContent = message;
    // Under a miss, only the few nearest articles, as the terminal shows them.
    var miss = found.verdict === "none" && !codes;
    (miss ? shown.slice(0, found.relatedShown) : shown).forEach(addResult);
    // Which query the list shows (the tests and the benchmark wait for it).
    list.setAttribute("data-query", query);
    var more = !miss && found.total > shown.length;
    if (!more) list.setAttribute("data-complete", query);
    return more;
  }

  function addResult(result) {
    var doc = result.doc;
    var item = element("li", "result tier-" + result.tier + " verdict-" + result.verdict);
    var link = element("a", "result-link");
    link.href = doc.path;
    link.appendChild(element("span", "result-title", doc.title));
    item.appendChild(link);
    var meta = element("p", "result-meta");
    meta.appendChild(element("span", "badge severity-" + doc.severity, doc.severity.charAt(0).toUpperCase() + doc.severity.slice(1)));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(element("span", "result-category", doc.categoryLabel));
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(element("span", "match-kind", result.label + (result.corrected ? ", typo corrected" : "")));
    if (result.verdict === "answer") { meta.appendChild(document.createTextNode(" ")); meta.appendChild(element("span", "verdict", "answer")); }
    item.appendChild(meta);
    item.appendChild(element("p", "result-snippet", doc.snippet));
    list.appendChild(item);
  }

  function links() { return Array.prototype.slice.call(document.querySelectorAll("#search-codes a.result-link, #search-results a.result-link")); }

  function update() {
    render(input.value);
    try {
      var url = input.value.trim() ? "?q=" + encodeURIComponent(input.value) : location.pathname.split("/").pop();
      history.replaceState(null, "", url);
    } catch (e) { /* some browsers refuse history changes on file:// */ }
  }

  input.addEventListener("input", update);
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click(); else update();
  });
  // Arrow keys move between the input and the results; Escape clears.
  document.addEventListener("keydown", function (event) {
    var all = links(), position = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || position >= 0)) {
      if (position + 1 < all.length) all[position + 1].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && position >= 0) {
      if (position === 0) input.focus(); else all[position - 1].focus();
      event.preventDefault();
    } else if (event.key === "Escape" && document.activeElement === input) {
      input.value = "";
      update();
    }
  });

  var initial = new URLSearchParams(location.search).get("q");
  if (initial) input.value = initial;
  render(input.value);
  input.focus();
})();
