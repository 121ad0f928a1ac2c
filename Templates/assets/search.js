// errwiki site search. Reads window.ERRWIKI_SEARCH_PARTS, written by `errwiki build` into
// search-index-N.js (shards of 1,000 articles) and loaded with classic <script src> tags so that it
// works from disk (file://), where browsers block fetch() and module scripts. Results are built with textContent only: no article text becomes HTML.
//
// Ranking is the terminal lookup's (README, "Ranking"), ported: the same terms (runs of ASCII letters
// and digits or non-ASCII characters, ASCII lowercased), field weights, stop words, BM25F (k1 1.2,
// b 0.4), completions, typo correction (none under 5 letters, 1 from 5, 2 from 9, never with digits)
// and title bonuses, in tiers: exact code or id, code or id prefix, all words, all words after a typo
// correction, some words. Not ported: matching a pasted log line against the articles' patterns.
(function () {
  "use strict";

  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var data = merge(window.ERRWIKI_SEARCH_PARTS || []);
  if (!data) {
    status.textContent = "The search index (search-index-*.js) is missing or stale; rebuild the site with errwiki build.";
    return;
  }

  // One index from the shards: documents in order, each shard's postings shifted by its offset.
  function merge(parts) {
    if (!parts.length || parts.some(function (part) { return part.version !== 2; })) return null;
    parts = parts.slice().sort(function (a, b) { return a.offset - b.offset; });
    var merged = { stopWords: parts[0].stopWords, docs: [], terms: Object.create(null) };
    parts.forEach(function (part) {
      var offset = merged.docs.length;
      if (offset !== part.offset) return;
      Array.prototype.push.apply(merged.docs, part.docs);
      Object.keys(part.terms).forEach(function (term) {
        var source = part.terms[term];
        var target = merged.terms[term] || (merged.terms[term] = []);
        for (var i = 0; i < source.length; i += 2) target.push(source[i] + offset, source[i + 1]);
      });
    });
    return merged;
  }

  var MAX_TERM = 64, K1 = 1.2, B = 0.4, LIMIT = 50;
  var hasOwn = Object.prototype.hasOwnProperty;
  var SEVERITY = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
  var TIER_LABEL = ["exact code", "matches the log line", "code prefix", "", "typo corrected", "some words"];
  var docs = data.docs, terms = data.terms, vocabulary = Object.keys(terms).sort();
  var total = docs.length, stopWords = Object.create(null), averageLength = 0;
  data.stopWords.forEach(function (w) { stopWords[w] = true; });
  docs.forEach(function (doc) { averageLength += doc.length / Math.max(1, total); });

  function tokenize(text) {
    var out = [], term = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 128) term += text.charAt(i);
      else if (c >= 65 && c <= 90) term += String.fromCharCode(c + 32);
      else if (term) { out.push(term.slice(0, MAX_TERM)); term = ""; }
    }
    if (term) out.push(term.slice(0, MAX_TERM));
    return out;
  }

  function typoBudget(term) {
    if (term.length < 5 || /[0-9]/.test(term)) return 0;
    return term.length >= 9 ? 2 : 1;
  }

  // Edit distance with adjacent transpositions, or -1 when above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return -1;
    var previous2 = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          value = Math.min(value, previous2[j - 2] + 1);
        }
        current.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return -1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length] <= limit ? previous[b.length] : -1;
  }

  function lowerBound(prefix) {
    var lo = 0, hi = vocabulary.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function documentFrequency(term) { return terms[term].length / 2; }

  // The index terms a query word stands for: itself; else (3 letters or more) the 20 most common
  // words it begins, since the last word is often half typed; else its closest spelling.
  function expand(word) {
    if (hasOwn.call(terms, word)) return { matches: [{ term: word, factor: 1 }] };
    var matches = [];
    if (word.length >= 3) {
      for (var i = lowerBound(word); i < vocabulary.length && vocabulary[i].lastIndexOf(word, 0) === 0; i++) {
        matches.push({ term: vocabulary[i], factor: 0.7 });
      }
      matches.sort(function (a, b) { return documentFrequency(b.term) - documentFrequency(a.term); });
      matches = matches.slice(0, 20);
    }
    if (matches.length) return { matches: matches };
    var budget = typoBudget(word), best = null;
    if (budget === 0) return { matches: [] };
    for (var k = 0; k < vocabulary.length; k++) {
      var candidate = vocabulary[k];
      if (Math.abs(candidate.length - word.length) > budget || /[0-9]/.test(candidate)) continue;
      var d = distance(word, candidate, budget);
      if (d < 0 || (best && d > best.distance)) continue;
      var frequency = documentFrequency(candidate);
      if (best && d === best.distance && frequency <= best.frequency) continue;
      best = { term: candidate, distance: d, frequency: frequency };
    }
    return best ? { matches: [{ term: best.term, factor: 0.6, correction: true }], correction: best.term } : { matches: [] };
  }

  function idf(term) {
    var df = documentFrequency(term);
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }

  // Adjacent query words found side by side in a text: "too many open files" is the EMFILE title,
  // not five words scattered over another article.
  function pairsIn(text, pairs) {
    var key = " " + tokenize(text).join(" ") + " ", found = 0;
    pairs.forEach(function (pair) { if (key.indexOf(pair) >= 0) found += 1; });
    return found;
  }

  function titleBonus(doc, pairs, alternatives, queryWords) {
    var bonus = 0;
    if (pairs.length) {
      bonus += 3 * pairsIn(doc.title, pairs) + 1 * pairsIn(doc.snippet, pairs);
      doc.codes.forEach(function (code) { bonus += 3 * pairsIn(code, pairs); });
    }
    if (alternatives.length >= 2) {
      var titleWords = tokenize(doc.title), found = 0, covered = 0;
      alternatives.forEach(function (set) {
        if (titleWords.some(function (w) { return set.indexOf(w) >= 0; })) found += 1;
      });
      titleWords.forEach(function (w) { if (queryWords.indexOf(w) >= 0 || stopWords[w]) covered += 1; });
      bonus += 8 * found / alternatives.length + 12 * covered / Math.max(1, titleWords.length);
    }
    return bonus;
  }

  // Whether one of the article's `patterns` finds the pasted line. Patterns are written for Swift's
  // Regex; the PCRE-like subset JavaScript shares works here, the rest is skipped.
  var compiled = Object.create(null);
  function patternMatches(doc, line) {
    return (doc.patterns || []).some(function (source) {
      if (!hasOwn.call(compiled, source)) {
        try { compiled[source] = new RegExp(source.replace(/^\(\?i\)/, ""), "i"); } catch (e) { compiled[source] = null; }
      }
      return compiled[source] !== null && compiled[source].test(line);
    });
  }

  // Tiers: 0 exact code or id, 1 a pasted log line matched by the article's patterns, 2 code or id
  // prefix, 3 all words, 4 all words after a typo correction, 5 some words.
  function search(query) {
    var typed = tokenize(query), key = typed.join(" "), seen = Object.create(null), words = [];
    typed.forEach(function (w) { if (!seen[w] && words.length < 64) { seen[w] = true; words.push(w); } });
    if (!words.length) return { results: [], corrected: null };
    var found = Object.create(null);
    function entry(doc) {
      return found[doc] || (found[doc] = { doc: doc, score: 0, matched: {}, count: 0, corrected: false, keyTier: -1 });
    }
    docs.forEach(function (doc, index) {
      for (var i = 0; i < doc.keys.length; i++) {
        if (doc.keys[i] === key) { entry(index).keyTier = 0; return; }
        if (key.length >= 3 && doc.keys[i].lastIndexOf(key, 0) === 0) entry(index).keyTier = 2;
      }
    });
    var expansions = words.map(expand);
    var significant = [];
    words.forEach(function (w, position) { if (!stopWords[w]) significant.push(position); });
    var required = words.length === 1 ? [0] : significant;
    expansions.forEach(function (expansion, position) {
      var best = Object.create(null);
      expansion.matches.forEach(function (match) {
        var postings = terms[match.term], weight = idf(match.term) * match.factor;
        for (var p = 0; p < postings.length; p += 2) {
          var doc = postings[p], tf = postings[p + 1] / 2;
          var normaliser = K1 * (1 - B + B * docs[doc].length / averageLength);
          var score = weight * tf * (K1 + 1) / (tf + normaliser);
          if (!best[doc] || score > best[doc].score) best[doc] = { score: score, correction: !!match.correction };
        }
      });
      Object.keys(best).forEach(function (doc) {
        var e = entry(+doc);
        e.score += best[doc].score;
        e.matched[position] = true;
        e.corrected = e.corrected || best[doc].correction;
      });
    });
    var pairs = [];
    for (var i = 1; i < typed.length; i++) pairs.push(" " + typed[i - 1] + " " + typed[i] + " ");
    var alternatives = significant.map(function (position) {
      return expansions[position].matches.map(function (m) { return m.term; });
    });
    var queryWords = [].concat.apply([], alternatives);
    var results = Object.keys(found).map(function (k) {
      var e = found[k];
      var all = required.length > 0 && required.every(function (position) { return e.matched[position]; });
      e.tier = e.keyTier >= 0 ? e.keyTier : all ? (e.corrected ? 4 : 3) : 5;
      e.score += titleBonus(docs[e.doc], pairs, alternatives, queryWords);
      return e;
    });
    function order(a, b) {
      if (a.tier !== b.tier) return a.tier - b.tier;
      if (Math.abs(a.score - b.score) > 1e-9) return b.score - a.score;
      var da = docs[a.doc], db = docs[b.doc];
      if (da.severity !== db.severity) return SEVERITY[da.severity] - SEVERITY[db.severity];
      return da.path < db.path ? -1 : da.path > db.path ? 1 : 0;
    }
    results.sort(order);
    // A pasted log line (four words or more, or a "source: message" shape): the best candidates whose
    // patterns match it move up, right after exact codes.
    if (typed.length >= 4 || query.indexOf(": ") >= 0) {
      var line = query.trim();
      results.slice(0, 40).forEach(function (e) {
        if (e.tier > 1 && patternMatches(docs[e.doc], line)) e.tier = 1;
      });
      results.sort(order);
    }
    var corrected = null;
    if (results.length && results[0].corrected) {
      corrected = words.map(function (w, position) { return expansions[position].correction || w; }).join(" ");
    }
    return { results: results, corrected: corrected };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(query) {
    list.textContent = "";
    var found = search(query);
    if (!query.trim()) { status.textContent = ""; return; }
    var shown = found.results.slice(0, LIMIT);
    var message = found.results.length === 0 ? "No article matches “" + query.trim() + "”." :
      found.results.length + (found.results.length === 1 ? " article" : " articles") +
      (found.results.length > LIMIT ? " (first " + LIMIT + " shown)" : "") + ".";
    if (found.corrected) message += " Showing results for “" + found.corrected + "”.";
    status.textContent = message;
    shown.forEach(function (result) {
      var doc = docs[result.doc];
      var item = element("li", "result tier-" + result.tier);
      var link = element("a", "result-link");
      link.href = doc.path;
      link.appendChild(element("span", "result-title", doc.title));
      item.appendChild(link);
      var meta = element("p", "result-meta");
      meta.appendChild(element("span", "badge severity-" + doc.severity, doc.severity.charAt(0).toUpperCase() + doc.severity.slice(1)));
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(element("span", "result-category", doc.category));
      if (TIER_LABEL[result.tier]) {
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(element("span", "match-kind", TIER_LABEL[result.tier]));
      }
      item.appendChild(meta);
      item.appendChild(element("p", "result-snippet", doc.snippet));
      list.appendChild(item);
    });
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.result-link")); }

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
