import Foundation

/// Ranks the articles of an index for a query. Pure and deterministic: the same index and query
/// always give the same order, whatever the limit or a filter that the shown hits all pass.
///
/// Order (`RankingSpec`, which also records the decisions shared with the site's ranker): exact id
/// or code; log line matched by an article's `patterns`; id or code prefix; all words found; some
/// words found. Within a kind, by BM25F score over the weighted fields (`SearchField`) plus the title
/// bonuses, then severity (critical first), then id. A word missing from the vocabulary is matched by
/// prefix and, failing that, corrected to the closest vocabulary word within its typo budget.
package struct Ranker: Sendable {
    package var index: SearchIndex

    package init(index: SearchIndex) {
        self.index = index
    }

    package struct Filter: Sendable {
        package var category: String?
        package var severity: Severity?
        package init(category: String? = nil, severity: Severity? = nil) {
            self.category = category
            self.severity = severity
        }

        var isEmpty: Bool { category == nil && severity == nil }

        func admits(_ article: ArticleSummary) -> Bool {
            (category.map { $0 == article.category } ?? true) && (severity.map { $0 == article.severity } ?? true)
        }
    }

    package func search(_ text: String, filter: Filter = Filter(), limit: Int = 20) -> SearchOutcome {
        let query = SearchQuery(text)
        // Dense per-article state: common words can match most of a large wiki.
        var table = CandidateTable(count: index.articleCount)

        if !query.key.isEmpty {
            for article in index.articles(withKey: query.key) { table.mark(article, .exactCode) }
            if query.key.utf8.count >= RankingSpec.keyPrefixMinimum {
                for article in index.articles(withKeyPrefix: query.key) { table.mark(article, .codePrefix) }
            }
        }

        let variants = QueryVariants.alternatives(for: query, synonyms: index.synonyms) { index.termIndex($0) != nil }
        let expansions = query.terms.indices.map { expand(query.terms[$0], also: variants[$0]) }
        let significant = query.terms.indices.filter { !SearchQuery.stopWords.contains(query.terms[$0]) }
        let coverage = Coverage(significant: significant.isEmpty ? Array(query.terms.indices) : significant,
                                weights: expansions.map { expansion in
                                    inverseDocumentFrequency(frequency: expansion.matches.first.map { index.documentFrequency($0.termIndex) } ?? 0)
                                })
        // Every significant word must be found for an all-words match (a one-word query: that word).
        let required = (query.terms.count == 1 ? [0] : significant).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
        var best = [Double](repeating: 0, count: index.articleCount)
        var bestIsCorrection = [Bool](repeating: false, count: index.articleCount)
        // Whether an article matched the current word other than through a weak match (dense, like `best`).
        var found = [Bool](repeating: false, count: index.articleCount)
        let (k1, b) = (RankingSpec.k1, RankingSpec.b)
        for (position, expansion) in expansions.enumerated() {
            // A word counts once per article: its best match (exact, a completion or a correction).
            var touched: [Int] = []
            for match in expansion.matches {
                let idf = inverseDocumentFrequency(match.termIndex)
                for (article, weight) in index.postings(match.termIndex) {
                    let tf = Double(weight) / 2
                    let length = Double(RankingSpec.rankedLength(Int(index.length(ofArticle: article))))
                    let normaliser = k1 * (1 - b + b * length / index.averageLength)
                    let score = idf * tf * (k1 + 1) / (tf + normaliser) * match.factor
                    if best[article] == 0 { touched.append(article) }
                    if !match.isWeak { found[article] = true }
                    if score > best[article] {
                        best[article] = score
                        bestIsCorrection[article] = match.isCorrection
                    }
                }
            }
            for article in touched {
                table.add(article: article, score: best[article], position: position, found: found[article],
                          isCorrection: bestIsCorrection[article])
                best[article] = 0
                found[article] = false
            }
        }
        for article in table.touched where table.kinds[article] == nil {
            table.kinds[article] = required != 0 && table.matched[article] & required == required ? .allWords : .someWords
        }

        // Every candidate gets its bonuses, before any filter or limit: the order of the first hits
        // must not depend on how many are asked for, or on a filter they all pass.
        let bonus = TitleBonus(query: query, alternatives: significant.map { position in
            Set(expansions[position].matches.map { index.term(at: $0.termIndex) })
        })
        // Candidates carry only what ranking and filters read; whole records are read for the log-line
        // window and the hits shown. They are ordered through a permutation, never moved: a common
        // word matches thousands of articles, and moving hits (strings, arrays) costs more than ranking.
        var candidates = table.touched.compactMap { article -> Candidate? in
            guard let summary = index.rankingSummary(ofArticle: article) else { return nil }
            return Candidate(article: article, hit: SearchHit(article: summary, kind: table.kinds[article]!,
                                                              score: table.scores[article] + bonus.score(summary),
                                                              usedCorrection: table.corrected[article],
                                                              coverage: coverage.share(table.covered[article])))
        }
        var order = Self.sortedPositions(candidates)
        if query.looksLikeLogLine { promoteLogPatternMatches(&candidates, order: &order, query: query) }
        var hits: [SearchHit] = []
        var anyAdmitted = false
        // The verdict reads the first two admitted hits, whatever the limit.
        var leading: [SearchHit] = []
        for position in order where filter.admits(candidates[position].hit.article) {
            anyAdmitted = true
            if leading.count < 2 { leading.append(candidates[position].hit) }
            if hits.count == limit {
                if leading.count == 2 { break }
                continue
            }
            var hit = candidates[position].hit
            if !candidates[position].whole {
                guard let summary = index.summary(ofArticle: candidates[position].article) else { continue }
                hit.article = summary
            }
            hits.append(hit)
        }

        // A hit that used a correction implies the query has one.
        let corrected = hits.first?.usedCorrection != true ? nil
            : zip(query.terms, expansions).map { term, expansion in expansion.correction ?? term }.joined(separator: " ")
        return SearchOutcome(query: query, corrected: corrected, hits: hits,
                             suggestions: anyAdmitted ? [] : suggestions(for: query),
                             verdict: Verdict(leading, logLine: query.looksLikeLogLine))
    }

    /// The candidates' positions in `order`, compared through plain keys (ids only on ties).
    static func sortedPositions(_ candidates: [Candidate]) -> [Int] {
        let keys = candidates.map { RankKey($0.hit) }
        var positions = Array(candidates.indices)
        keys.withUnsafeBufferPointer { keys in
            candidates.withUnsafeBufferPointer { candidates in
                positions.sort { a, b in
                    precedes(keys[a], keys[b]) { ContentScanner.byteOrder(candidates[a].hit.article.id, candidates[b].hit.article.id) }
                }
            }
        }
        return positions
    }

    /// A hit and its article's place in the index; `whole` once its whole record has been read.
    struct Candidate {
        var article: Int
        var hit: SearchHit
        var whole = false
    }

    /// Kind, then score, then severity, then id: a total order, so results never flicker.
    static func order(_ lhs: SearchHit, _ rhs: SearchHit) -> Bool {
        precedes(RankKey(lhs), RankKey(rhs)) { ContentScanner.byteOrder(lhs.article.id, rhs.article.id) }
    }

    /// What `order` compares before the id, as plain numbers.
    struct RankKey {
        var kind: UInt8
        var score: Double
        var severity: Int
        init(_ hit: SearchHit) {
            kind = hit.kind.rawValue
            score = hit.score
            severity = hit.article.severity.rank
        }
    }

    /// The one ordering rule; `idOrder` is asked only when everything else ties.
    static func precedes(_ x: RankKey, _ y: RankKey, idOrder: () -> Bool) -> Bool {
        if x.kind != y.kind { return x.kind < y.kind }
        if abs(x.score - y.score) > RankingSpec.scoreEpsilon { return x.score > y.score }
        if x.severity != y.severity { return x.severity < y.severity }
        return idOrder()
    }

    // MARK: - Terms

    /// Per-article scores, matched query words (a bit per word: `matched` for the tiers, `covered`,
    /// which also has the words matched through a synonym, for the verdict) and match kinds, in flat arrays.
    struct CandidateTable {
        var scores: [Double]
        var matched: [UInt64]
        var covered: [UInt64]
        var kinds: [MatchKind?]
        var corrected: [Bool]
        /// Every article with a kind or a matched word, once each.
        var touched: [Int] = []

        init(count: Int) {
            scores = [Double](repeating: 0, count: count)
            matched = [UInt64](repeating: 0, count: count)
            covered = [UInt64](repeating: 0, count: count)
            kinds = [MatchKind?](repeating: nil, count: count)
            corrected = [Bool](repeating: false, count: count)
        }

        /// Records a match by id or code key; an exact match is never downgraded to a prefix.
        mutating func mark(_ article: Int, _ kind: MatchKind) {
            if kinds[article] == nil && covered[article] == 0 { touched.append(article) }
            if kinds[article].map({ $0 > kind }) ?? true { kinds[article] = kind }
        }

        mutating func add(article: Int, score: Double, position: Int, found: Bool, isCorrection: Bool) {
            if kinds[article] == nil && covered[article] == 0 { touched.append(article) }
            scores[article] += score
            covered[article] |= 1 << UInt64(position)
            if found { matched[article] |= 1 << UInt64(position) }
            if isCorrection { corrected[article] = true }
        }
    }

    struct TermMatch {
        var termIndex: Int
        var factor: Double
        var isCorrection = false
        /// A weak match (a one-word synonym) counts towards coverage, not towards the all-words tier (`QueryVariants`).
        var isWeak = false
    }

    struct Expansion {
        var matches: [TermMatch] = []
        /// The vocabulary word a misspelt query word was corrected to.
        var correction: String?
    }

    /// The vocabulary terms a query word stands for: itself; else the words it starts; else the two
    /// words it runs together; then its joins and synonyms (`alternatives`, from `QueryVariants`);
    /// and when none of these is in the vocabulary, its closest correction.
    func expand(_ term: String, also alternatives: [QueryVariants.Alternative] = []) -> Expansion {
        var expansion = Expansion()
        let exact = index.termIndex(term)
        if let exact { expansion.matches.append(TermMatch(termIndex: exact, factor: 1)) }
        if term.utf8.count >= RankingSpec.completionMinimum && exact == nil {
            // The most common completions only (ties in byte order, which term indices follow): a short
            // stem must not pull in the whole vocabulary.
            let best = index.termIndices(withPrefix: term).map { ($0, index.documentFrequency($0)) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(RankingSpec.completionLimit)
            expansion.matches += best.map { TermMatch(termIndex: $0.0, factor: RankingSpec.completionFactor) }
        }
        if expansion.matches.isEmpty,
           let (head, tail) = QueryVariants.split(term, frequency: { index.termIndex($0).map(index.documentFrequency) }) {
            for part in [head, tail] {
                if let part = index.termIndex(part) {
                    expansion.matches.append(TermMatch(termIndex: part, factor: RankingSpec.splitFactor, isCorrection: true))
                }
            }
            expansion.correction = head + " " + tail
        }
        for alternative in alternatives {
            guard let termIndex = index.termIndex(alternative.term),
                  !expansion.matches.contains(where: { $0.termIndex == termIndex }) else { continue }
            expansion.matches.append(TermMatch(termIndex: termIndex, factor: alternative.factor, isWeak: alternative.isWeak))
        }
        if expansion.matches.isEmpty, let corrected = closestTerm(to: term) {
            expansion.matches.append(TermMatch(termIndex: corrected, factor: RankingSpec.correctionFactor, isCorrection: true))
            expansion.correction = index.term(at: corrected)
        }
        return expansion
    }

    /// The vocabulary word within the typo budget with the fewest edits, then the most articles, then
    /// the first in byte order.
    func closestTerm(to term: String) -> Int? {
        let budget = Tokenizer.typoBudget(term)
        guard budget > 0 else { return nil }
        let query = Array(term.utf8)
        var best: (index: Int, distance: Int, frequency: Int)?
        index.forEachTerm { termIndex, candidate in
            guard abs(candidate.count - query.count) <= budget,
                  !Tokenizer.containsDigit(candidate),
                  let distance = BoundedEditDistance.distance(query, candidate, limit: budget) else { return }
            if let current = best, distance > current.distance { return }
            let frequency = index.documentFrequency(termIndex)
            if let current = best, distance == current.distance, frequency <= current.frequency { return }
            best = (termIndex, distance, frequency)
        }
        return best?.index
    }

    func inverseDocumentFrequency(_ termIndex: Int) -> Double {
        inverseDocumentFrequency(frequency: index.documentFrequency(termIndex))
    }

    func inverseDocumentFrequency(frequency: Int) -> Double {
        let n = Double(index.articleCount)
        let df = Double(frequency)
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// The IDF-weighted share of the query's significant words an article matched (`Verdict`). A
    /// word weighs the IDF of its first match (itself, else its most common completion, else its
    /// correction); a word no article has weighs most.
    struct Coverage {
        var significant: [Int]
        var weights: [Double]

        func share(_ matched: UInt64) -> Double {
            var total = 0.0, found = 0.0
            for position in significant {
                total += weights[position]
                if matched & (1 << UInt64(position)) != 0 { found += weights[position] }
            }
            return total > 0 ? found / total : 0
        }
    }

    // MARK: - Log lines

    /// Moves articles whose patterns match the pasted line to the front (after exact codes).
    /// Only the best-scoring candidates are tried: compiling every pattern of a large wiki per query
    /// would cost more than the rest of the lookup.
    func promoteLogPatternMatches(_ hits: inout [Candidate], order: inout [Int], query: SearchQuery) {
        let line = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = RequiredLiterals.caseFolded(line)
        for position in order.prefix(RankingSpec.logLineWindow) where hits[position].hit.kind > .logPattern {
            guard let summary = index.summary(ofArticle: hits[position].article) else { continue }
            hits[position].hit.article = summary
            hits[position].whole = true
            let matched = summary.patterns.contains { source in
                // Compiling a pattern costs far more than checking that the line has its words.
                guard RequiredLiterals(pattern: source).mayMatchIgnoringCase(foldedLine: folded) else { return false }
                // A typed message rarely keeps the log's capitals.
                return (try? LogPattern(source, ignoringCase: true))?.matches(line) ?? false
            }
            if matched { hits[position].hit.kind = .logPattern }
        }
        order = Self.sortedPositions(hits)
    }

    // MARK: - Suggestions

    /// Close vocabulary words and ids, for "did you mean" when nothing matched: words within
    /// 1 to 3 edits (a third of their bytes), ids within 2 or a third of the key; fewest edits first,
    /// then byte order.
    func suggestions(for query: SearchQuery) -> [String] {
        var found: [(String, Int)] = []
        let spec = RankingSpec.self
        for term in query.terms where term.utf8.count >= spec.suggestionWordMinimum {
            let bytes = Array(term.utf8)
            let limit = max(1, min(spec.suggestionMaximumEdits, bytes.count / spec.suggestionBytesPerEdit))
            index.forEachTerm { _, candidate in
                if let distance = BoundedEditDistance.distance(bytes, candidate, limit: limit), distance > 0 {
                    found.append((String(decoding: candidate, as: UTF8.self), distance))
                }
            }
        }
        let key = Array(query.key.utf8)
        for article in 0..<index.articleCount {
            guard let id = index.summary(ofArticle: article)?.id else { continue }
            let limit = max(spec.suggestionIDMinimumEdits, key.count / spec.suggestionBytesPerEdit)
            if let distance = BoundedEditDistance.distance(key, Array(id.utf8), limit: limit) {
                found.append((id, distance))
            }
        }
        var seen: Set<String> = []
        return found.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : ContentScanner.byteOrder($0.0, $1.0) }.map(\.0)
            .filter { seen.insert($0).inserted }.prefix(spec.suggestionLimit).map { $0 }
    }
}

extension Ranker {
    /// Every article (filtered), by id: `lookup --list` with no query.
    package func all(filter: Filter = Filter()) -> [SearchHit] {
        (0..<index.articleCount).compactMap { article in
            guard let summary = index.summary(ofArticle: article), filter.admits(summary) else { return nil }
            return SearchHit(article: summary, kind: .someWords, score: 0, usedCorrection: false)
        }
    }
}

extension Ranker {
    /// The article with exactly this id.
    package func article(withID id: String) -> ArticleSummary? {
        for article in index.articles(withKey: Tokenizer.key(id)) {
            if let summary = index.summary(ofArticle: article), summary.id == id { return summary }
        }
        return nil
    }
}
