/// One ranked article.
package struct SearchHit: Sendable, Hashable {
    package var article: ArticleSummary
    package var kind: MatchKind
    /// BM25F over the weighted fields (0 for exact and prefix matches found by key only).
    package var score: Double
    /// Whether a typo-corrected word contributed to the match.
    package var usedCorrection: Bool
    /// How much of the query's distinctive vocabulary the article has: the IDF-weighted share of the
    /// query's significant words it matched (`Verdict`). 0 for a match by key only.
    package var coverage: Double = 0
}

/// The answer to a query.
package struct SearchOutcome: Sendable {
    package var query: SearchQuery
    /// The query with corrected words ("showing results for ..."), when a correction was used.
    package var corrected: String?
    package var hits: [SearchHit]
    /// Words and ids close to the query, for "did you mean" when nothing matched.
    package var suggestions: [String]
    /// Whether the first hit answers, the hits are only candidates, or nothing covers the query.
    package var verdict: Verdict

    /// - Parameter verdict: the ranker's, from the first hits before the limit; by default the
    ///   verdict of `hits` themselves.
    package init(query: SearchQuery, corrected: String?, hits: [SearchHit], suggestions: [String], verdict: Verdict? = nil) {
        self.query = query
        self.corrected = corrected
        self.hits = hits
        self.suggestions = suggestions
        self.verdict = verdict ?? Verdict(hits, logLine: query.looksLikeLogLine)
    }
}
