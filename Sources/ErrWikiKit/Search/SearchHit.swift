/// One ranked article.
package struct SearchHit: Sendable, Hashable {
    package var article: ArticleSummary
    package var kind: MatchKind
    /// BM25F over the weighted fields (0 for exact and prefix matches found by key only).
    package var score: Double
    /// Whether a typo-corrected word contributed to the match.
    package var usedCorrection: Bool
}

/// The answer to a query.
package struct SearchOutcome: Sendable {
    package var query: SearchQuery
    /// The query with corrected words ("showing results for ..."), when a correction was used.
    package var corrected: String?
    package var hits: [SearchHit]
    /// Words and ids close to the query, for "did you mean" when nothing matched.
    package var suggestions: [String]

    package init(query: SearchQuery, corrected: String?, hits: [SearchHit], suggestions: [String]) {
        self.query = query
        self.corrected = corrected
        self.hits = hits
        self.suggestions = suggestions
    }
}
