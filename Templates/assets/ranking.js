// errwiki's ranking for the site search: index + query → ranked results, with no page code, so it
// runs in the browser (search.html) and under Node.js (the test suite replays the ranking vectors
// recorded from `errwiki lookup` through it).
//
// Every constant comes from the index (`ranking`, written by `errwiki build` from
// Sources/ErrWikiKit/Search/RankingSpec.swift, which also records the decisions behind the rules).
// The rules mirror the Swift ranker step for step, in the same order of arithmetic, so scores agree
// to the last bits: lengths are UTF-8 bytes, strings compare in byte (code point) order.
(function (root) {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;

  // Shards (search-index-N.js) into one index: documents in order, postings shifted by offset.
  // null when a shard is missing or of another version.
  function merge(parts) {
    if (!parts || !parts.length || parts.some(function (part) { return part.version !== 3; })) return null;
    parts = parts.slice().sort(function (a, b) { return a.offset - b.offset; });
    var merged = { ranking: parts[0].ranking, synonyms: parts[0].synonyms || [], docs: [], terms: Object.create(null) };
    for (var p = 0; p < parts.length; p++) {
      var part = parts[p], offset = merged.docs.length;
      if (offset !== part.offset) return null;
      Array.prototype.push.apply(merged.docs, part.docs);
      var names = Object.keys(part.terms);
      for (var n = 0; n < names.length; n++) {
        var source = part.terms[names[n]];
        var target = merged.terms[names[n]] || (merged.terms[names[n]] = []);
        for (var i = 0; i < source.length; i += 2) target.push(source[i] + offset, source[i + 1]);
      }
    }
    return merged;
  }

  // A UTF-16 code unit mapped so that comparing mapped units compares code points (surrogate
  // pairs stand for code points above every other BMP character).
  function unitOrder(c) { return c >= 0xD800 && c <= 0xDFFF ? c + 0x2000 : c >= 0xE000 ? c - 0x800 : c; }

  function compareBytes(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) return unitOrder(x) - unitOrder(y);
    }
    return a.length - b.length;
  }

  function utf8(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      if (c > 0xFFFF) i++;
      if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xC0 | c >> 6, 0x80 | c & 63);
      else if (c < 0x10000) out.push(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
      else out.push(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
    }
    return out;
  }

  function byteLength(text) { return utf8(text).length; }

  // Runs of ASCII letters and digits (lowercased) or non-ASCII characters, cut to `maximumBytes`
  // at a character boundary (Tokenizer.swift).
  function tokenizeWith(text, maximumBytes) {
    var out = [], term = "", bytes = 0, full = false;
    function flush() {
      if (term) out.push(term);
      term = ""; bytes = 0; full = false;
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i), character, width;
      if (c < 0x80) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) character = text.charAt(i);
        else if (c >= 65 && c <= 90) character = String.fromCharCode(c + 32);
        else { flush(); continue; }
        width = 1;
      } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
        character = text.substr(i++, 2); width = 4;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        character = "\uFFFD"; width = 3;
      } else {
        character = text.charAt(i); width = c < 0x800 ? 2 : 3;
      }
      if (!full && bytes + width <= maximumBytes) { term += character; bytes += width; } else full = true;
    }
    flush();
    return out;
  }

  function hasDigit(text) { return /[0-9]/.test(text); }

  // Edit distance over bytes with adjacent transpositions (optimal string alignment), or -1 when
  // above `limit`.
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return -1;
    if (!a.length) return b.length;
    if (!b.length) return a.length;
    var beforePrevious = null, previous = [], current;
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      current = [i];
      var rowMinimum = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
        current.push(value);
        if (value < rowMinimum) rowMinimum = value;
      }
      if (rowMinimum > limit) return -1;
      beforePrevious = previous;
      previous = current;
    }
    return previous[b.length] <= limit ? previous[b.length] : -1;
  }

  function open(parts) {
    var data = merge(parts);
    if (!data || !data.ranking) return null;
    var spec = data.ranking, docs = data.docs, terms = data.terms, synonyms = data.synonyms;
    var vocabulary = Object.keys(terms).sort(compareBytes), vocabularyBytes = null;
    var total = docs.length, lengthSum = 0, stopWords = Object.create(null), severityRank = Object.create(null);
    spec.stopWords.forEach(function (word) { stopWords[word] = true; });
    spec.severities.forEach(function (name, rank) { severityRank[name] = rank; });
    docs.forEach(function (doc) { lengthSum += doc.length; });
    var averageLength = total === 0 ? 1 : Math.max(1, lengthSum / total);
    var TIER = Object.create(null);
    spec.tiers.forEach(function (name, rank) { TIER[name] = rank; });

    function tokenize(text) { return tokenizeWith(text, spec.maximumTermBytes); }

    function typoBudget(term) {
      var length = byteLength(term);
      if (length < spec.typoOneEditFrom || hasDigit(term)) return 0;
      return length >= spec.typoTwoEditsFrom ? 2 : 1;
    }

    function lowerBound(prefix) {
      var lo = 0, hi = vocabulary.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (compareBytes(vocabulary[mid], prefix) < 0) lo = mid + 1; else hi = mid;
      }
      return lo;
    }

    function encodedVocabulary() {
      return vocabularyBytes || (vocabularyBytes = vocabulary.map(utf8));
    }

    function documentFrequency(term) { return terms[term].length / 2; }

    function idf(term) {
      var df = documentFrequency(term);
      return Math.log(1 + (total - df + 0.5) / (df + 0.5));
    }

    // Two vocabulary words an unknown word runs together (QueryVariants.split): ASCII letters only,
    // the split whose rarer half is in the most articles, the earliest on ties.
    function split(word) {
      var part = spec.splitPartMinimum, best = null;
      if (!/^[a-z]+$/.test(word) || word.length < Math.max(spec.splitMinimum, 2 * part)) return null;
      for (var cut = part; cut <= word.length - part; cut++) {
        var head = word.slice(0, cut), tail = word.slice(cut);
        if (!hasOwn.call(terms, head) || !hasOwn.call(terms, tail)) continue;
        var frequency = Math.min(documentFrequency(head), documentFrequency(tail));
        if (!best || frequency > best.frequency) best = { head: head, tail: tail, frequency: frequency };
      }
      return best;
    }

    // What each query word also stands for (QueryVariants.alternatives): its inflections (plus or
    // less a final "s"), joins of adjacent typed words, then the synonyms of the vocabulary file, each vocabulary term once per word.
    function alternativesFor(typed, words) {
      var position = Object.create(null), result = [], seen = [];
      words.forEach(function (w, index) { position[w] = index; result.push([]); seen.push(Object.create(null)); });
      // A one-word synonym scores but does not make the word found for the all-words tier (weak).
      function add(term, typedIndex, factor, weak) {
        var word = typed[typedIndex];
        if (!hasOwn.call(position, word) || stopWords[word] === true || term === word || !hasOwn.call(terms, term)) return;
        var at = position[word];
        if (seen[at][term] === true) return;
        seen[at][term] = true;
        result[at].push({ term: term, factor: factor, weak: weak === true });
      }
      function joinable(w) { return stopWords[w] !== true && !hasDigit(w); }
      typed.forEach(function (w, index) {
        if (!joinable(w) || byteLength(w) < spec.inflectionMinimum) return;
        add(w + "s", index, spec.inflectionFactor);
        if (byteLength(w) > spec.inflectionMinimum && w.charAt(w.length - 1) === "s" && w.charAt(w.length - 2) !== "s") {
          add(w.slice(0, -1), index, spec.inflectionFactor);
        }
      });
      for (var i = 0; i + 1 < typed.length; i++) {
        if (!joinable(typed[i]) || !joinable(typed[i + 1])) continue;
        add(typed[i] + typed[i + 1], i, spec.joinFactor);
        add(typed[i] + typed[i + 1], i + 1, spec.joinFactor);
      }
      synonyms.forEach(function (group) {
        group.forEach(function (phrase, which) {
          for (var start = 0; start + phrase.length <= typed.length; start++) {
            var found = true;
            for (var k = 0; k < phrase.length && found; k++) {
              found = typed[start + k] === phrase[k] || typed[start + k] === phrase[k] + "s";
            }
            if (!found) continue;
            group.forEach(function (alternative, other) {
              if (other === which) return;
              alternative.forEach(function (word) {
                if (stopWords[word] === true || byteLength(word) < 2) return;
                for (var offset = 0; offset < phrase.length; offset++) {
                  add(word, start + offset, spec.synonymFactor, phrase.length < 2);
                  add(word + "s", start + offset, spec.synonymFactor, phrase.length < 2);
                }
              });
            });
          }
        });
      });
      return result;
    }

    // The vocabulary words a query word stands for: itself; else the most common words it begins;
    // else the two words it runs together; then its joins and synonyms (`also`); and when none of
    // these is in the vocabulary, its closest spelling (fewest edits, most articles, byte order).
    function expand(word, also) {
      var matches = [], correction = null;
      if (hasOwn.call(terms, word)) {
        matches.push({ term: word, factor: 1 });
      } else {
        if (byteLength(word) >= spec.completionMinimum) {
          for (var i = lowerBound(word); i < vocabulary.length && vocabulary[i].lastIndexOf(word, 0) === 0; i++) {
            matches.push({ term: vocabulary[i], factor: spec.completionFactor, order: i });
          }
          matches.sort(function (a, b) {
            return documentFrequency(b.term) - documentFrequency(a.term) || a.order - b.order;
          });
          matches = matches.slice(0, spec.completionLimit);
        }
        var parts = matches.length ? null : split(word);
        if (parts) {
          matches.push({ term: parts.head, factor: spec.splitFactor, correction: true },
                       { term: parts.tail, factor: spec.splitFactor, correction: true });
          correction = parts.head + " " + parts.tail;
        }
      }
      also.forEach(function (alternative) {
        if (!matches.some(function (m) { return m.term === alternative.term; })) matches.push(alternative);
      });
      if (matches.length) return { matches: matches, correction: correction };
      var budget = typoBudget(word), best = null;
      if (budget === 0) return { matches: [] };
      var query = utf8(word), encoded = encodedVocabulary();
      for (var k = 0; k < vocabulary.length; k++) {
        var candidate = encoded[k];
        if (Math.abs(candidate.length - query.length) > budget || hasDigit(vocabulary[k])) continue;
        var d = distance(query, candidate, budget);
        if (d < 0 || (best && d > best.distance)) continue;
        var frequency = documentFrequency(vocabulary[k]);
        if (best && d === best.distance && frequency <= best.frequency) continue;
        best = { term: vocabulary[k], distance: d, frequency: frequency };
      }
      return best ? { matches: [{ term: best.term, factor: spec.correctionFactor, correction: true }], correction: best.term }
        : { matches: [] };
    }

    // Title bonuses (TitleBonus.swift): adjacent query words side by side in the title or a code,
    // and how much of the query the title covers and of the title the query covers. Each text is
    // tokenized once: this runs for every candidate.
    function pairsFound(words, pairs) {
      var found = 0;
      for (var p = 0; p < pairs.length; p++) {
        for (var i = 1; i < words.length; i++) {
          if (words[i - 1] === pairs[p][0] && words[i] === pairs[p][1]) { found += 1; break; }
        }
      }
      return found;
    }

    // Code bonus (TitleBonus.swift): a number of the article's codes (a term with a digit, of
    // codeInQueryMinimum bytes or more) is a word of the query (`typedNumbers`).
    function isCodeNumber(term) {
      return byteLength(term) >= spec.codeInQueryMinimum && hasDigit(term);
    }

    function codeInQuery(codeWords, typedNumbers) {
      if (!typedNumbers.length) return 0;
      return codeWords.some(function (words) {
        return words.some(function (term) { return typedNumbers.indexOf(term) >= 0; });
      }) ? spec.codeInQueryBonus : 0;
    }

    function titleBonus(doc, pairs, alternatives, queryWords, typedNumbers) {
      if (!pairs.length && alternatives.length < spec.coverageMinimumWords) return 0;
      var titleWords = tokenize(doc.title), codeWords = doc.codes.map(tokenize), phrase = 0, coverage = 0;
      if (pairs.length) {
        var inCodes = 0;
        codeWords.forEach(function (words) { inCodes += pairsFound(words, pairs); });
        phrase = spec.titlePairBonus * pairsFound(titleWords, pairs) + spec.codePairBonus * inCodes;
      }
      if (alternatives.length >= spec.coverageMinimumWords) {
        var present = Object.create(null), found = 0, covered = 0;
        titleWords.forEach(function (w) { present[w] = true; });
        alternatives.forEach(function (set) {
          if (set.some(function (w) { return present[w] === true; })) found += 1;
        });
        titleWords.forEach(function (w) { if (queryWords[w] === true || stopWords[w] === true) covered += 1; });
        coverage = spec.queryInTitleBonus * found / alternatives.length
          + spec.titleInQueryBonus * covered / Math.max(1, titleWords.length);
      }
      return phrase + coverage + codeInQuery(codeWords, typedNumbers);
    }

    function asciiLower(text) {
      return text.replace(/[A-Z]+/g, function (run) { return run.toLowerCase(); });
    }

    // Patterns are written for Swift's Regex; the PCRE-like subset JavaScript shares works here, the
    // rest never matches. Case is ignored, as for a line a person pasted. A pattern is only tried
    // when the line holds one of its required literals (RequiredLiterals.swift, computed at build).
    var compiled = Object.create(null);
    function patternMatches(doc, line, foldedLine) {
      return doc.patterns.some(function (source, index) {
        var literals = doc.patternLiterals[index];
        if (literals.length && !literals.some(function (literal) { return foldedLine.indexOf(literal) >= 0; })) return false;
        if (!hasOwn.call(compiled, source)) {
          try { compiled[source] = new RegExp(source.replace(/^\(\?i\)/, ""), "i"); } catch (e) { compiled[source] = null; }
        }
        return compiled[source] !== null && compiled[source].test(line);
      });
    }

    function order(a, b) {
      if (a.tier !== b.tier) return a.tier - b.tier;
      if (Math.abs(a.score - b.score) > spec.scoreEpsilon) return b.score - a.score;
      var da = docs[a.doc], db = docs[b.doc];
      if (da.severity !== db.severity) return severityRank[da.severity] - severityRank[db.severity];
      return compareBytes(da.id, db.id);
    }

    // "Did you mean": close vocabulary words and ids, when nothing matched.
    function suggestions(words, queryKey) {
      var found = [], encoded = encodedVocabulary();
      words.forEach(function (word) {
        var bytes = utf8(word);
        if (bytes.length < spec.suggestionWordMinimum) return;
        var limit = Math.max(1, Math.min(spec.suggestionMaximumEdits, Math.floor(bytes.length / spec.suggestionBytesPerEdit)));
        for (var k = 0; k < vocabulary.length; k++) {
          var d = distance(bytes, encoded[k], limit);
          if (d > 0) found.push({ text: vocabulary[k], distance: d });
        }
      });
      var keyBytes = utf8(queryKey);
      var idLimit = Math.max(spec.suggestionIDMinimumEdits, Math.floor(keyBytes.length / spec.suggestionBytesPerEdit));
      docs.forEach(function (doc) {
        var d = distance(keyBytes, utf8(doc.id), idLimit);
        if (d >= 0) found.push({ text: doc.id, distance: d });
      });
      found.sort(function (a, b) { return a.distance - b.distance || compareBytes(a.text, b.text); });
      var seen = Object.create(null), out = [];
      for (var i = 0; i < found.length && out.length < spec.suggestionLimit; i++) {
        if (seen[found[i].text] !== true) { seen[found[i].text] = true; out.push(found[i].text); }
      }
      return out;
    }

    // options: { category, severity, limit }. Results are ranked over every article, then filtered,
    // then cut to the limit (RankingSpec: the first results never depend on either).
    // Verdict.swift, from the first two results (before any limit).
    function verdict(first, second, logLine) {
      if (!first) return "none";
      if (first.tier === TIER.exactCode || first.tier === TIER.logPattern) return "answer";
      if (first.tier === TIER.codePrefix) return second && second.tier <= TIER.codePrefix ? "candidates" : "answer";
      if (first.tier === TIER.allWords) {
        if (logLine) return "candidates";
        if (!second || second.tier !== TIER.allWords) return "answer";
        return first.score >= spec.answerScoreRatio * second.score ? "answer" : "candidates";
      }
      return first.coverage < spec.noneCoverageBelow ? "none" : "candidates";
    }

    function search(query, options) {
      options = options || {};
      var typed = tokenize(query), queryKey = typed.join(" "), seen = Object.create(null), words = [];
      typed.forEach(function (w) {
        if (seen[w] !== true && words.length < spec.maximumQueryWords) { seen[w] = true; words.push(w); }
      });
      var found = [], entries = Object.create(null);
      function entry(doc) {
        if (!entries[doc]) {
          entries[doc] = { doc: doc, score: 0, matched: Object.create(null), covered: Object.create(null), corrected: false, keyTier: -1 };
          found.push(entries[doc]);
        }
        return entries[doc];
      }
      var prefixes = byteLength(queryKey) >= spec.keyPrefixMinimum;
      docs.forEach(function (doc, index) {
        for (var i = 0; i < doc.keys.length; i++) {
          if (doc.keys[i] === queryKey) { entry(index).keyTier = TIER.exactCode; return; }
          if (prefixes && doc.keys[i].lastIndexOf(queryKey, 0) === 0) entry(index).keyTier = TIER.codePrefix;
        }
      });
      var also = alternativesFor(typed, words);
      var expansions = words.map(function (w, position) { return expand(w, also[position]); }), significant = [];
      words.forEach(function (w, position) { if (stopWords[w] !== true) significant.push(position); });
      var required = words.length === 1 ? [0] : significant;
      var k1 = spec.k1, b = spec.b;
      expansions.forEach(function (expansion, position) {
        var best = Object.create(null), touched = [], found = Object.create(null);
        expansion.matches.forEach(function (match) {
          var postings = terms[match.term], weight = idf(match.term);
          for (var p = 0; p < postings.length; p += 2) {
            var doc = postings[p], tf = postings[p + 1] / 2;
            var normaliser = k1 * (1 - b + b * docs[doc].length / averageLength);
            var score = weight * tf * (k1 + 1) / (tf + normaliser) * match.factor;
            if (!best[doc]) { best[doc] = { score: 0, correction: false }; touched.push(doc); }
            if (!match.weak) found[doc] = true;
            if (score > best[doc].score) best[doc] = { score: score, correction: !!match.correction };
          }
        });
        touched.forEach(function (doc) {
          var e = entry(doc);
          e.score += best[doc].score;
          e.covered[position] = true;
          if (found[doc] === true) e.matched[position] = true;
          if (best[doc].correction) e.corrected = true;
        });
      });
      var pairs = [];
      for (var i = 1; i < typed.length; i++) pairs.push([typed[i - 1], typed[i]]);
      var alternatives = significant.map(function (position) {
        var unique = Object.create(null), list = [];
        expansions[position].matches.forEach(function (m) { if (unique[m.term] !== true) { unique[m.term] = true; list.push(m.term); } });
        return list;
      });
      var typedNumbers = typed.filter(isCodeNumber);
      var queryWords = Object.create(null);
      alternatives.forEach(function (list) { list.forEach(function (w) { queryWords[w] = true; }); });
      // Coverage (Verdict.swift): the IDF-weighted share of the significant words an article matched; a
      // word weighs the IDF of its first match, a word no article has the most.
      var coverageWeights = expansions.map(function (expansion) {
        var df = expansion.matches.length ? documentFrequency(expansion.matches[0].term) : 0;
        return Math.log(1 + (total - df + 0.5) / (df + 0.5));
      });
      var coveragePositions = significant.length ? significant : words.map(function (w, position) { return position; });
      var results = found.map(function (e) {
        var weighed = 0, matchedWeight = 0;
        coveragePositions.forEach(function (position) {
          weighed += coverageWeights[position];
          if (e.covered[position] === true) matchedWeight += coverageWeights[position];
        });
        e.coverage = weighed > 0 ? matchedWeight / weighed : 0;
        var all = required.length > 0 && required.every(function (position) { return e.matched[position] === true; });
        e.tier = e.keyTier >= 0 ? e.keyTier : all ? TIER.allWords : TIER.someWords;
        e.score += titleBonus(docs[e.doc], pairs, alternatives, queryWords, typedNumbers);
        return e;
      });
      results.sort(order);
      var logLine = typed.length >= spec.logLineMinimumWords || query.indexOf(": ") >= 0;
      if (logLine) {
        var line = query.trim(), foldedLine = asciiLower(line);
        results.slice(0, spec.logLineWindow).forEach(function (e) {
          if (e.tier > TIER.logPattern && patternMatches(docs[e.doc], line, foldedLine)) e.tier = TIER.logPattern;
        });
        results.sort(order);
      }
      if (options.category != null || options.severity != null) {
        results = results.filter(function (e) {
          var doc = docs[e.doc];
          return (options.category == null || doc.category === options.category) &&
            (options.severity == null || doc.severity === options.severity);
        });
      }
      var corrected = null;
      if (results.length && results[0].corrected) {
        corrected = words.map(function (w, position) { return expansions[position].correction || w; }).join(" ");
      }
      var shown = options.limit == null ? results : results.slice(0, options.limit);
      var overall = verdict(results[0], results[1], logLine);
      return {
        results: shown.map(function (e, position) {
          var doc = docs[e.doc];
          return { doc: doc, id: doc.id, tier: spec.tiers[e.tier], label: spec.labels[e.tier], score: e.score, corrected: e.corrected,
                   coverage: e.coverage, verdict: position === 0 || overall === "none" ? overall : "candidates" };
        }),
        verdict: overall,
        relatedShown: spec.noneRelatedShown,
        total: results.length,
        corrected: corrected,
        suggestions: results.length ? [] : suggestions(words, queryKey)
      };
    }

    return { search: search, documents: docs, tokenize: tokenize };
  }

  // The code catalogs (catalog-index.js, from CatalogSpec.swift's rules, which CatalogResolver.swift
  // implements for the lookup): which entries a query names, claimed ones first. An entry is
  // [catalog, number, name, aliases, message, anchor, articles]; keys map a normalised number,
  // name or alias to entry positions (ascending). null when the data is missing or of another version.
  function openCatalogs(data) {
    if (!data || data.version !== 1) return null;
    var spec = data.spec, catalogs = data.catalogs, entries = data.entries, keys = data.keys;
    function words(text) { return tokenizeWith(text, data.maximumTermBytes); }
    function key(text) { return words(text).join(" "); }
    function refs(k) { return hasOwn.call(keys, k) ? keys[k] : []; }
    function names(entry) { return (entry[2] ? [entry[2]] : []).concat(entry[3]); }
    function nameMatches(name, whole, typed) {
      var k = key(name);
      if (k !== whole) return false;
      return k.indexOf(" ") < 0 || typed.trim().toLowerCase() === name.toLowerCase();
    }
    function catalogNamed(id) {
      for (var i = 0; i < catalogs.length; i++) if (catalogs[i].id === id) return i;
      return -1;
    }
    function win32Code(whole) {
      if (whole.length !== 10 || whole.slice(0, 2) !== "0x" || !/^[0-9a-f]{8}$/.test(whole.slice(2))) return null;
      var value = parseInt(whole.slice(2), 16);
      if (value < 0x80000000 || ((value >>> 16) & 0x1FFF) !== spec.win32Facility) return null;
      return value & 0xFFFF;
    }
    function ordered(found, whole) {
      var httpFirst = whole.length === 3 && /^[0-9]+$/.test(whole) && Number(whole) >= spec.httpRange[0] && Number(whole) <= spec.httpRange[1];
      var seen = Object.create(null), unique = [];
      found.forEach(function (match) { if (!seen[match.entry]) { seen[match.entry] = true; unique.push(match); } });
      return unique.sort(function (a, b) {
        var aHTTP = httpFirst && catalogs[entries[a.entry][0]].id === spec.httpCatalog;
        var bHTTP = httpFirst && catalogs[entries[b.entry][0]].id === spec.httpCatalog;
        if (aHTTP !== bHTTP) return aHTTP ? -1 : 1;
        if ((a.form === "decoded") !== (b.form === "decoded")) return a.form === "decoded" ? 1 : -1;
        return a.entry - b.entry;
      });
    }
    function number(position) { return key(entries[position][1]); }
    function decodedWin32(k) {
      var code = win32Code(k), win32 = catalogNamed(spec.win32Catalog), out = [];
      if (code === null || win32 < 0) return out;
      refs(String(code)).forEach(function (position) {
        if (entries[position][0] === win32 && number(position) === String(code)) out.push({ entry: position, form: "decoded" });
      });
      return out;
    }
    function isSQLSTATE(term) { return term.length === 5 && /^[0-9a-z]+$/.test(term) && /[0-9]/.test(term); }
    function isHexCode(term) { return /^0x[0-9a-f]{8}$/.test(term); }
    // CatalogSpec.identifiers: runs of [A-Za-z0-9_] with an underscore between two letters or digits.
    function identifiers(text) {
      return (text.match(/[A-Za-z0-9_]+/g) || []).filter(function (run) {
        var underscore = run.indexOf("_");
        return underscore >= 0 && /[^_]/.test(run.slice(0, underscore)) && /[^_]/.test(run.slice(underscore + 1));
      });
    }
    // What the rules read of the tables, once per open: the narrowing phrases, the client-error
    // tables, the tables whose bare numbers do not answer.
    var phrases = [], client = Object.create(null), qualifiedOnly = Object.create(null);
    catalogs.forEach(function (catalog, index) {
      catalog.words.forEach(function (phrase) { phrases.push({ catalog: index, words: phrase.split(" ") }); });
      if (spec.clientErrorCatalogs.indexOf(catalog.id) >= 0) client[index] = true;
    });
    spec.qualifiedOnly.forEach(function (id) { qualifiedOnly[id] = true; });
    function bare(position) { return qualifiedOnly[catalogs[entries[position][0]].id] !== true; }

    function resolve(text) {
      var typed = words(text);
      if (!typed.length) return [];
      var whole = typed.join(" "), found = [];
      // 1. The whole query is a code.
      refs(whole).forEach(function (position) {
        var entry = entries[position];
        if (key(entry[1]) === whole) { if (bare(position)) found.push({ entry: position, form: "number" }); }
        else if (names(entry).some(function (name) { return nameMatches(name, whole, text); })) found.push({ entry: position, form: "name" });
      });
      found = found.concat(decodedWin32(whole));
      if (found.length) return ordered(found, whole);
      // 2. A catalog's word, then a code of that catalog; or the client's ERROR 1045 (28000).
      for (var start = 0; start < typed.length; start++) {
        phrases.forEach(function (phrase) {
          if (start + phrase.words.length >= typed.length) return;
          for (var i = 0; i < phrase.words.length; i++) if (typed[start + i] !== phrase.words[i]) return;
          var code = typed[start + phrase.words.length];
          refs(code).forEach(function (position) {
            if (entries[position][0] === phrase.catalog && number(position) === code) found.push({ entry: position, form: "qualified" });
          });
        });
        if (typed[start] === spec.clientErrorWord && start + 2 < typed.length && isSQLSTATE(typed[start + 2])) {
          refs(typed[start + 1]).forEach(function (position) {
            if (client[entries[position][0]] === true && number(position) === typed[start + 1]) found.push({ entry: position, form: "qualified" });
          });
        }
        if (found.length) return ordered(found, whole);
      }
      // 3. A number followed by its own name.
      for (var at = 0; at + 1 < typed.length; at++) {
        refs(typed[at]).forEach(function (position) {
          var entry = entries[position];
          if (key(entry[1]) !== typed[at]) return;
          if (names(entry).some(function (name) {
            var nameWords = words(name);
            if (!nameWords.length || at + 1 + nameWords.length > typed.length) return false;
            for (var i = 0; i < nameWords.length; i++) if (typed[at + 1 + i] !== nameWords[i]) return false;
            return true;
          })) found.push({ entry: position, form: "numberAndName" });
        });
        if (found.length) return ordered(found, whole);
      }
      // 4. Codes that stand out anywhere in the text.
      identifiers(text).forEach(function (identifier) {
        var lower = identifier.toLowerCase();
        refs(key(identifier)).forEach(function (position) {
          if (names(entries[position]).some(function (name) { return name.toLowerCase() === lower; })) found.push({ entry: position, form: "inText" });
        });
      });
      typed.forEach(function (word) {
        if (!isHexCode(word)) return;
        refs(word).forEach(function (position) {
          if (number(position) === word && bare(position)) found.push({ entry: position, form: "inText" });
        });
        found = found.concat(decodedWin32(word));
      });
      return found.length ? ordered(found, whole) : [];
    }
    // CatalogFinding.swift: claimed entries first; a code named inside a longer text gives way to an
    // article whose tier is exact or log pattern (`best`: the first article result, {tier, path,
    // verdict}), keeping only the entries that article claims; a whole-query name no article claims
    // gives way to an article whose verdict is answer.
    function find(text, best) {
      var matches = resolve(text);
      if (!matches.length) return [];
      var inText = matches[0].form === "qualified" || matches[0].form === "numberAndName" || matches[0].form === "inText";
      var winner = best && inText && spec.answerTiers.indexOf(best.tier) >= 0 ? best.path : null;
      var items = [];
      matches.forEach(function (match) {
        var entry = entries[match.entry], catalog = catalogs[entry[0]];
        var articles = entry[6].map(function (pair) { return { title: pair[0], path: pair[1] }; });
        if (winner !== null) {
          articles = articles.filter(function (article) { return article.path === winner; });
          if (!articles.length) return;
        }
        items.push({ catalog: catalog.id, catalogTitle: catalog.title, page: catalog.page, word: catalog.words[0] || "",
                     number: entry[1], name: entry[2], aliases: entry[3], message: entry[4], anchor: entry[5],
                     articles: articles, form: match.form });
      });
      if (!items.length) return [];
      if (matches[0].form === "name" && best && best.verdict === "answer" && items.every(function (item) { return !item.articles.length; })) return [];
      return items.filter(function (item) { return item.articles.length; }).concat(items.filter(function (item) { return !item.articles.length; }));
    }
    return { resolve: resolve, find: find };
  }

  var api = { open: open, openCatalogs: openCatalogs };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ErrWikiRanking = api;
})(this);
