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

  // The search data is sharded by term (SearchIndexScript.swift): search/index.js (the manifest, read
  // here) says which file holds what, and each data file, once loaded, calls add(name, data). A search
  // that reads a file not yet loaded returns { pending: [names] }: the page (or the Node replay) loads
  // them and asks again, until the result comes. Nothing else is loaded, so a query reads only its
  // terms, the articles they touch, and what it shows.
  var DIGIT = (function () {
    var table = [], finals = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", leadings = "!#$%'()*+,./:;=?@[]^`{|}~";
    for (var i = 0; i < 128; i++) table.push(-1);
    for (i = 0; i < finals.length; i++) table[finals.charCodeAt(i)] = i;
    for (i = 0; i < leadings.length; i++) table[leadings.charCodeAt(i)] = 64 + i;
    return table;
  })();

  // The numbers of a run (SearchNumberCode.swift).
  function numbers(text) {
    var out = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 64) value = value * 25 + (digit - 64);
      else { out.push(value * 64 + digit); value = 0; }
    }
    return out;
  }

  function open(manifest) {
    if (!manifest || manifest.version !== 4 || !manifest.ranking) return null;
    var spec = manifest.ranking, synonyms = manifest.synonyms || [], total = manifest.total;
    var stopWords = Object.create(null);
    spec.stopWords.forEach(function (word) { stopWords[word] = true; });
    var averageLength = total === 0 ? 1 : Math.max(1, manifest.lengthSum / total);
    var TIER = Object.create(null);
    spec.tiers.forEach(function (name, rank) { TIER[name] = rank; });
    function lengths(list) { var set = Object.create(null); list.forEach(function (n) { set[n] = true; }); return set; }
    var wordLengths = lengths(manifest.words), numberLengths = lengths(manifest.numbers), idLengths = lengths(manifest.ids);

    // Loaded files, what was decoded from them, and the files the current search lacks.
    var loaded = Object.create(null), decoded = Object.create(null), missing = [];
    function add(name, data) { loaded[name] = data; }
    function file(name) {
      if (hasOwn.call(loaded, name)) return loaded[name];
      if (missing.indexOf(name) < 0) missing.push(name);
      return null;
    }
    function parsed(name, parse) {
      if (hasOwn.call(decoded, name)) return decoded[name];
      var data = file(name);
      return data === null ? null : (decoded[name] = parse(data));
    }
    // A flat [word, count, word, count, …] (v-N, t-L): the words in order and their counts.
    function wordList(data) {
      var list = [], count = Object.create(null);
      for (var i = 0; i < data.length; i += 2) { list.push(data[i]); count[data[i]] = data[i + 1]; }
      return { list: list, count: count };
    }

    function tokenize(text) { return tokenizeWith(text, spec.maximumTermBytes); }

    function typoBudget(term) {
      var length = byteLength(term);
      if (length < spec.typoOneEditFrom || hasDigit(term)) return 0;
      return length >= spec.typoTwoEditsFrom ? 2 : 1;
    }

    // The shard of a sorted list (given by each shard's first key) that would hold `key`; -1 before all.
    function shardOf(firsts, key) {
      var lo = 0, hi = firsts.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (compareBytes(firsts[mid], key) <= 0) lo = mid + 1; else hi = mid;
      }
      return lo - 1;
    }
    // The shards that may hold keys starting with `prefix`.
    function shardsWithPrefix(firsts, prefix) {
      var out = [], first = Math.max(0, shardOf(firsts, prefix));
      for (var i = first; i < firsts.length; i++) {
        if (i > first && firsts[i].lastIndexOf(prefix, 0) !== 0) break;
        out.push(i);
      }
      return out;
    }

    function vocabularyShard(term) {
      var shard = shardOf(manifest.vocabulary, term);
      return shard < 0 ? { list: [], count: Object.create(null) } : parsed("v-" + shard, wordList);
    }
    function known(term) {
      var shard = vocabularyShard(term);
      return shard !== null && hasOwn.call(shard.count, term);
    }
    function documentFrequency(term) {
      var shard = vocabularyShard(term);
      return shard !== null && hasOwn.call(shard.count, term) ? shard.count[term] : 0;
    }

    function idf(term) {
      var df = documentFrequency(term);
      return Math.log(1 + (total - df + 0.5) / (df + 0.5));
    }

    // A term's postings: articles, weights (half units), and per article with the term in its title
    // or a code, the title positions and the flat (code, position) pairs. null while its shard is missing.
    var NOTHING = { docs: [], weights: [], headings: Object.create(null) };
    var postingsCache = Object.create(null);
    function postingsOf(term) {
      if (hasOwn.call(postingsCache, term)) return postingsCache[term];
      var shard = shardOf(manifest.postings, term);
      if (shard < 0) return NOTHING;
      var data = file("p-" + shard);
      if (data === null) return null;
      if (!hasOwn.call(data, term)) return (postingsCache[term] = NOTHING);
      // Sparse (form 0): gap, flagged weight, … Dense (form 1): a flagged weight per article, 0 where absent.
      var run = numbers(data[term]), docs = [], weights = [], headings = Object.create(null), dense = run[0] === 1, doc = dense ? -1 : 0;
      for (var i = 1; i < run.length;) {
        if (dense) doc += 1; else doc += run[i++];
        var flagged = run[i++];
        if (flagged === 0) continue;
        docs.push(doc);
        weights.push(flagged >> 1);
        if (flagged & 1) {
          var title = run.slice(i + 1, i + 1 + run[i]);
          i += 1 + title.length;
          var codes = run.slice(i + 1, i + 1 + 2 * run[i]);
          i += 1 + codes.length;
          headings[doc] = { title: title, codes: codes };
        }
      }
      return (postingsCache[term] = { docs: docs, weights: weights, headings: headings });
    }
    // Within a ranking, after every term's postings are loaded: the term's title and code positions
    // in an article, or null.
    function headingOf(term, doc) {
      var postings = hasOwn.call(postingsCache, term) ? postingsCache[term] : null;
      return postings !== null && hasOwn.call(postings.headings, doc) ? postings.headings[doc] : null;
    }

    // Per article: [weighted length, title terms, title stop words] (s-N); what a result shows and its patterns (d-N).
    // The length BM25 reads, from its level (RankingSpec.lengthOfLevel).
    function lengthOfLevel(level) {
      var half = Math.pow(2, spec.lengthBits - 1);
      if (level < 2 * half) return level;
      var shift = Math.floor(level / half) - 1;
      return (level - half * shift) * Math.pow(2, shift);
    }
    // stat(doc, 0) is the length level, 1 the title's terms, 2 its stop words; undefined while
    // the file is missing. Read once per posting: no object per call. A file holds per article the
    // length and t × (t + 1) / 2 + s for t title terms of which s are stop words.
    var statRuns = [];
    function stat(doc, which) {
      var chunk = (doc / manifest.statsChunk) | 0, run = statRuns[chunk];
      if (run === undefined) {
        run = parsed("s-" + chunk, numbers);
        if (run === null) return undefined;
        statRuns[chunk] = run;
      }
      var at = 2 * (doc - chunk * manifest.statsChunk);
      if (which === 0) return run[at];
      var packed = run[at + 1], terms = Math.floor((Math.sqrt(8 * packed + 1) - 1) / 2);
      while ((terms + 1) * (terms + 2) / 2 <= packed) terms += 1;
      while (terms * (terms + 1) / 2 > packed) terms -= 1;
      return which === 1 ? terms : packed - terms * (terms + 1) / 2;
    }
    function displayOf(doc) {
      var chunk = Math.floor(doc / manifest.displayChunk);
      var list = parsed("d-" + chunk, function (data) {
        return data.map(function (r) {
          return { id: r[0], title: r[1], path: r[2], severity: r[3], category: r[4], categoryLabel: r[5], snippet: r[6], patterns: r[7] };
        });
      });
      return list === null ? null : list[doc - chunk * manifest.displayChunk];
    }

    // The vocabulary words of `low`…`high` bytes (t-L), with or without those with a digit (u-L);
    // null while one of their files is missing.
    function wordsOfLengths(low, high, withNumbers) {
      var list = [], count = Object.create(null), complete = true;
      for (var length = Math.max(1, low); length <= high; length++) {
        if (wordLengths[length] === true) {
          var bucket = parsed("t-" + length, wordList);
          if (bucket) bucket.list.forEach(function (w) { list.push(w); count[w] = bucket.count[w]; }); else complete = false;
        }
        if (withNumbers && numberLengths[length] === true) {
          var numbered = file("u-" + length);
          if (numbered) Array.prototype.push.apply(list, numbered); else complete = false;
        }
      }
      return complete ? { list: list.sort(compareBytes), count: count } : null;
    }

    // Two vocabulary words an unknown word runs together (QueryVariants.split): ASCII letters only,
    // the split whose rarer half is in the most articles, the earliest on ties.
    // PENDING while a part's vocabulary shard is missing.
    var PENDING = {};
    function split(word) {
      var part = spec.splitPartMinimum, best = null, complete = true;
      if (!/^[a-z]+$/.test(word) || word.length < Math.max(spec.splitMinimum, 2 * part)) return null;
      for (var cut = part; cut <= word.length - part; cut++) {
        var head = word.slice(0, cut), tail = word.slice(cut);
        if (vocabularyShard(head) === null) complete = false;
        if (vocabularyShard(tail) === null) complete = false;
        if (!complete || !known(head) || !known(tail)) continue;
        var frequency = Math.min(documentFrequency(head), documentFrequency(tail));
        if (!best || frequency > best.frequency) best = { head: head, tail: tail, frequency: frequency };
      }
      return complete ? best : PENDING;
    }

    // What each query word also stands for (QueryVariants.alternatives): its inflections (plus or
    // less a final "s"), joins of adjacent typed words, then the synonyms of the vocabulary file, each vocabulary term once per word.
    function alternativesFor(typed, words) {
      var position = Object.create(null), result = [], seen = [];
      words.forEach(function (w, index) { position[w] = index; result.push([]); seen.push(Object.create(null)); });
      // A one-word synonym scores but does not make the word found for the all-words tier (weak).
      function add(term, typedIndex, factor, weak) {
        var word = typed[typedIndex];
        if (!hasOwn.call(position, word) || stopWords[word] === true || term === word || !known(term)) return;
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
    // Each step reads files only when the one before found nothing: null while they are missing.
    function expand(word, also) {
      var matches = [], correction = null;
      if (vocabularyShard(word) === null) return null;
      if (known(word)) {
        matches.push({ term: word, factor: 1 });
      } else {
        if (byteLength(word) >= spec.completionMinimum) {
          var complete = true;
          shardsWithPrefix(manifest.vocabulary, word).forEach(function (shard) {
            var words = parsed("v-" + shard, wordList);
            if (words) words.list.forEach(function (term) { if (term.lastIndexOf(word, 0) === 0) matches.push({ term: term, factor: spec.completionFactor }); });
            else complete = false;
          });
          if (!complete) return null;
          matches.forEach(function (m, order) { m.order = order; m.frequency = documentFrequency(m.term); });
          matches.sort(function (a, b) { return b.frequency - a.frequency || a.order - b.order; });
          matches = matches.slice(0, spec.completionLimit).map(function (m) { return { term: m.term, factor: m.factor }; });
        }
        var parts = matches.length ? null : split(word);
        if (parts === PENDING) return null;
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
      var query = utf8(word), candidates = wordsOfLengths(query.length - budget, query.length + budget, false);
      if (candidates === null) return null;
      for (var k = 0; k < candidates.list.length; k++) {
        var term = candidates.list[k];
        var d = distance(query, utf8(term), budget);
        if (d < 0 || (best && d > best.distance)) continue;
        var frequency = candidates.count[term];
        if (best && d === best.distance && frequency <= best.frequency) continue;
        best = { term: term, distance: d, frequency: frequency };
      }
      return best ? { matches: [{ term: best.term, factor: spec.correctionFactor, correction: true }], correction: best.term }
        : { matches: [] };
    }

    // Title bonuses (TitleBonus.swift), from the positions the postings carry: adjacent query words
    // side by side in the title or a code, how much of the query the title covers and of the title
    // the query covers, and a number of the article's codes typed in the query.
    function adjacent(first, second) {
      for (var i = 0; i < first.length; i++) if (second.indexOf(first[i] + 1) >= 0) return true;
      return false;
    }
    // How many codes hold the pair: flat (code, position) lists.
    function codesWithPair(first, second) {
      var codes = Object.create(null), count = 0;
      for (var i = 0; i < first.length; i += 2) {
        if (codes[first[i]] === true) continue;
        for (var j = 0; j < second.length; j += 2) {
          if (second[j] === first[i] && second[j + 1] === first[i + 1] + 1) { codes[first[i]] = true; count += 1; break; }
        }
      }
      return count;
    }

    function titleBonus(doc, query) {
      if (!query.pairs.length && query.alternatives.length < spec.coverageMinimumWords) return 0;
      var phrase = 0, coverage = 0;
      // No query word in its title or codes (most candidates): only the title's stop words count.
      if (query.headed[doc] !== true) {
        if (query.alternatives.length < spec.coverageMinimumWords) return 0;
        return spec.queryInTitleBonus * 0 / query.alternatives.length + spec.titleInQueryBonus * stat(doc, 2) / Math.max(1, stat(doc, 1));
      }
      if (query.pairs.length) {
        var inTitle = 0, inCodes = 0;
        query.pairs.forEach(function (pair) {
          var first = headingOf(pair[0], doc), second = first && headingOf(pair[1], doc);
          if (!first || !second) return;
          if (adjacent(first.title, second.title)) inTitle += 1;
          inCodes += codesWithPair(first.codes, second.codes);
        });
        phrase = spec.titlePairBonus * inTitle + spec.codePairBonus * inCodes;
      }
      if (query.alternatives.length >= spec.coverageMinimumWords) {
        var found = 0, covered = stat(doc, 2);
        query.alternatives.forEach(function (set) {
          if (set.some(function (w) { var heading = headingOf(w, doc); return heading !== null && heading.title.length > 0; })) found += 1;
        });
        query.words.forEach(function (w) {
          var heading = stopWords[w] === true ? null : headingOf(w, doc);
          if (heading !== null) covered += heading.title.length;
        });
        coverage = spec.queryInTitleBonus * found / query.alternatives.length
          + spec.titleInQueryBonus * covered / Math.max(1, stat(doc, 1));
      }
      var code = query.numbers.some(function (w) { var heading = headingOf(w, doc); return heading !== null && heading.codes.length > 0; })
        ? spec.codeInQueryBonus : 0;
      return phrase + coverage + code;
    }

    function isCodeNumber(term) {
      return byteLength(term) >= spec.codeInQueryMinimum && hasDigit(term);
    }

    function asciiLower(text) {
      return text.replace(/[A-Z]+/g, function (run) { return run.toLowerCase(); });
    }

    // Patterns are written for Swift's Regex; the PCRE-like subset JavaScript shares works here, the
    // rest never matches. Case is ignored, as for a line a person pasted. A pattern is only tried
    // when the line holds one of its required literals (RequiredLiterals.swift, computed at build).
    // `record` is [patterns, literals] or 0.
    var compiled = Object.create(null);
    function patternMatches(record, line, foldedLine) {
      if (!record) return false;
      return record[0].some(function (source, index) {
        var literals = record[1][index];
        if (literals.length && !literals.some(function (literal) { return foldedLine.indexOf(literal) >= 0; })) return false;
        if (!hasOwn.call(compiled, source)) {
          try { compiled[source] = new RegExp(source.replace(/^\(\?i\)/, ""), "i"); } catch (e) { compiled[source] = null; }
        }
        return compiled[source] !== null && compiled[source].test(line);
      });
    }

    // Articles are numbered in tie order (severity, then id): a tie goes to the lower number.
    function order(a, b) {
      if (a.tier !== b.tier) return a.tier - b.tier;
      if (Math.abs(a.score - b.score) > spec.scoreEpsilon) return b.score - a.score;
      return a.doc - b.doc;
    }

    // "Did you mean": close vocabulary words and ids, when nothing matched.
    function suggestions(words, queryKey) {
      var found = [];
      words.forEach(function (word) {
        var bytes = utf8(word);
        if (bytes.length < spec.suggestionWordMinimum) return;
        var limit = Math.max(1, Math.min(spec.suggestionMaximumEdits, Math.floor(bytes.length / spec.suggestionBytesPerEdit)));
        var candidates = wordsOfLengths(bytes.length - limit, bytes.length + limit, true);
        if (candidates) candidates.list.forEach(function (term) {
          var d = distance(bytes, utf8(term), limit);
          if (d > 0) found.push({ text: term, distance: d });
        });
      });
      var keyBytes = utf8(queryKey);
      var idLimit = Math.max(spec.suggestionIDMinimumEdits, Math.floor(keyBytes.length / spec.suggestionBytesPerEdit));
      for (var length = Math.max(1, keyBytes.length - idLimit); length <= keyBytes.length + idLimit; length++) {
        var ids = idLengths[length] === true ? file("i-" + length) : null;
        if (ids) ids.forEach(function (id) {
          var d = distance(keyBytes, utf8(id), idLimit);
          if (d >= 0) found.push({ text: id, distance: d });
        });
      }
      found.sort(function (a, b) { return a.distance - b.distance || compareBytes(a.text, b.text); });
      var seen = Object.create(null), out = [];
      for (var i = 0; i < found.length && out.length < spec.suggestionLimit; i++) {
        if (seen[found[i].text] !== true) { seen[found[i].text] = true; out.push(found[i].text); }
      }
      return out;
    }

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

    // options: { category, severity, limit }. Results are ranked over every article, then filtered,
    // then cut to the limit (RankingSpec: the first results never depend on either).
    // Returns the results, or { pending: [file names] } when files must be loaded first.
    function search(query, options) {
      missing = [];
      var outcome = rank(query, options || {});
      return missing.length ? { pending: missing.slice() } : outcome;
    }

    // The ranking before the log-line patterns, kept for the query asked last: a search asks
    // again after each round of files, and this part is most of the work.
    var memo = null;
    function rank(query, options) {
      var state = memo !== null && memo.query === query ? memo.state : scored(query);
      if (state === null) return null;
      memo = { query: query, state: state };
      var typed = state.typed, words = state.words, queryKey = state.queryKey, expansions = state.expansions;
      var results = state.results.map(function (e) {
        return { doc: e.doc, tier: e.tier, score: e.score, coverage: e.coverage, corrected: e.corrected };
      });
      return finish(query, options, typed, words, queryKey, expansions, results);
    }

    function scored(query) {
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
      // 1. The query as an id or code (k-N), and the vocabulary of its words (v-N).
      var exact = [], prefixed = [];
      if (queryKey && manifest.keys.length) {
        var keys = file("k-" + Math.max(0, shardOf(manifest.keys, queryKey)));
        if (keys && hasOwn.call(keys, queryKey)) exact = keys[queryKey];
        if (byteLength(queryKey) >= spec.keyPrefixMinimum) {
          shardsWithPrefix(manifest.keys, queryKey).forEach(function (shard) {
            var data = file("k-" + shard);
            if (data) Object.keys(data).forEach(function (key) { if (key.lastIndexOf(queryKey, 0) === 0) prefixed = prefixed.concat(data[key]); });
          });
        }
      }
      // The typed words' postings (and their plurals', usually in the same file) are asked for with
      // their vocabulary, one round of files sooner: a typed word is nearly always known.
      typed.forEach(function (w) {
        known(w);
        [w, w + "s"].forEach(function (term) { var shard = shardOf(manifest.postings, term); if (shard >= 0) file("p-" + shard); });
      });
      var also = alternativesFor(typed, words);
      var expansions = words.map(function (w, position) { return expand(w, also[position]); });
      if (missing.length) return null;
      prefixed.forEach(function (doc) { entry(doc).keyTier = TIER.codePrefix; });
      exact.forEach(function (doc) { entry(doc).keyTier = TIER.exactCode; });
      // 2. The postings of every matched term and of the typed words (the phrase bonus reads them),
      // then the lengths of the articles they touch.
      var terms = [];
      expansions.forEach(function (expansion) { expansion.matches.forEach(function (m) { terms.push(m.term); }); });
      typed.forEach(function (w) { if (known(w)) terms.push(w); });
      terms.forEach(postingsOf);
      // A word in a tenth of the articles touches nearly every stats file: ask for them all with its postings.
      if (terms.some(function (term) { return documentFrequency(term) * 10 >= total; })) {
        for (var chunk = 0; chunk * manifest.statsChunk < total; chunk++) stat(chunk * manifest.statsChunk, 0);
      }
      if (missing.length) return null;
      terms.forEach(function (term) { postingsOf(term).docs.forEach(function (doc) { stat(doc, 0); }); });
      if (missing.length) return null;
      var significant = [];
      words.forEach(function (w, position) { if (stopWords[w] !== true) significant.push(position); });
      var required = words.length === 1 ? [0] : significant;
      var k1 = spec.k1, b = spec.b;
      // Per article for the current word (dense, reset after each word): best score, whether it came
      // from a correction, whether a non-weak match found it, whether it was touched.
      var best = new Float64Array(total), fromCorrection = new Uint8Array(total), foundBy = new Uint8Array(total), seenBy = new Uint8Array(total);
      expansions.forEach(function (expansion, position) {
        var touched = [];
        expansion.matches.forEach(function (match) {
          var postings = postingsOf(match.term), weight = idf(match.term), docs = postings.docs, weights = postings.weights;
          for (var p = 0; p < docs.length; p++) {
            var doc = docs[p], tf = weights[p] / 2;
            var normaliser = k1 * (1 - b + b * lengthOfLevel(stat(doc, 0)) / averageLength);
            var score = weight * tf * (k1 + 1) / (tf + normaliser) * match.factor;
            if (seenBy[doc] === 0) { seenBy[doc] = 1; best[doc] = 0; fromCorrection[doc] = 0; touched.push(doc); }
            if (!match.weak) foundBy[doc] = 1;
            if (score > best[doc]) { best[doc] = score; fromCorrection[doc] = match.correction ? 1 : 0; }
          }
        });
        touched.forEach(function (doc) {
          var e = entry(doc);
          e.score += best[doc];
          e.covered[position] = true;
          if (foundBy[doc] === 1) e.matched[position] = true;
          if (fromCorrection[doc] === 1) e.corrected = true;
          seenBy[doc] = 0; foundBy[doc] = 0;
        });
      });
      var pairs = [];
      for (var i = 1; i < typed.length; i++) pairs.push([typed[i - 1], typed[i]]);
      var alternatives = significant.map(function (position) {
        var unique = Object.create(null), list = [];
        expansions[position].matches.forEach(function (m) { if (unique[m.term] !== true) { unique[m.term] = true; list.push(m.term); } });
        return list;
      });
      var queryWords = Object.create(null), queryWordList = [];
      alternatives.forEach(function (list) { list.forEach(function (w) { if (queryWords[w] !== true) { queryWords[w] = true; queryWordList.push(w); } }); });
      var bonusQuery = { pairs: pairs, alternatives: alternatives, words: queryWordList, numbers: typed.filter(isCodeNumber), headed: Object.create(null) };
      // The articles with a query word in their title or codes.
      [typed, queryWordList].forEach(function (list) {
        list.forEach(function (w) {
          var postings = hasOwn.call(postingsCache, w) ? postingsCache[w] : null;
          if (postings !== null) for (var doc in postings.headings) bonusQuery.headed[doc] = true;
        });
      });
      // Coverage (Verdict.swift): the IDF-weighted share of the significant words an article matched; a
      // word weighs the IDF of its first match, a word no article has the most.
      var coverageWeights = expansions.map(function (expansion) {
        var df = expansion.matches.length ? documentFrequency(expansion.matches[0].term) : 0;
        return Math.log(1 + (total - df + 0.5) / (df + 0.5));
      });
      var coveragePositions = significant.length ? significant : words.map(function (w, position) { return position; });
      found.forEach(function (e) { stat(e.doc, 0); });
      if (missing.length) return null;
      var results = found.map(function (e) {
        var weighed = 0, matchedWeight = 0;
        coveragePositions.forEach(function (position) {
          weighed += coverageWeights[position];
          if (e.covered[position] === true) matchedWeight += coverageWeights[position];
        });
        e.coverage = weighed > 0 ? matchedWeight / weighed : 0;
        var all = required.length > 0 && required.every(function (position) { return e.matched[position] === true; });
        e.tier = e.keyTier >= 0 ? e.keyTier : all ? TIER.allWords : TIER.someWords;
        e.score += titleBonus(e.doc, bonusQuery);
        return e;
      });
      results.sort(order);
      return { typed: typed, words: words, queryKey: queryKey, expansions: expansions, results: results };
    }

    function finish(query, options, typed, words, queryKey, expansions, results) {
      // 3. A log line: the patterns of the first candidates (d-N).
      var logLine = typed.length >= spec.logLineMinimumWords || query.indexOf(": ") >= 0;
      if (logLine) {
        var candidates = results.slice(0, spec.logLineWindow);
        candidates.forEach(function (e) { displayOf(e.doc); });
        if (missing.length) return null;
        var line = query.trim(), foldedLine = asciiLower(line);
        candidates.forEach(function (e) {
          if (e.tier > TIER.logPattern && patternMatches(displayOf(e.doc).patterns, line, foldedLine)) e.tier = TIER.logPattern;
        });
        results.sort(order);
      }
      // 4. Filters read every candidate's category and severity; the results shown, what they show (d-N).
      if (options.category != null || options.severity != null) {
        results.forEach(function (e) { displayOf(e.doc); });
        if (missing.length) return null;
        results = results.filter(function (e) {
          var doc = displayOf(e.doc);
          return (options.category == null || doc.category === options.category) &&
            (options.severity == null || doc.severity === options.severity);
        });
      }
      var corrected = null;
      if (results.length && results[0].corrected) {
        corrected = words.map(function (w, position) { return expansions[position].correction || w; }).join(" ");
      }
      var shown = options.limit == null ? results : results.slice(0, options.limit);
      shown.forEach(function (e) { displayOf(e.doc); });
      var suggested = results.length ? [] : suggestions(words, queryKey);
      if (missing.length) return null;
      var overall = verdict(results[0], results[1], logLine);
      return {
        results: shown.map(function (e, position) {
          var doc = displayOf(e.doc);
          return { doc: doc, id: doc.id, tier: spec.tiers[e.tier], label: spec.labels[e.tier], score: e.score, corrected: e.corrected,
                   coverage: e.coverage, verdict: position === 0 || overall === "none" ? overall : "candidates" };
        }),
        verdict: overall,
        relatedShown: spec.noneRelatedShown,
        total: results.length,
        corrected: corrected,
        suggestions: suggested
      };
    }

    return { search: search, add: add, tokenize: tokenize };
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
