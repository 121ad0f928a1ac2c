/// One ranked article.
public struct SearchHit: Sendable, Hashable {
    public var article: ArticleSummary
    public var kind: MatchKind
    /// BM25F over the weighted fields (0 for exact and prefix matches found by key only).
    public var score: Double
    /// Whether a typo-corrected word contributed to the match.
    public var usedCorrection: Bool
}

/// The answer to a query.
public struct SearchOutcome: Sendable {
    public var query: SearchQuery
    /// The query with corrected words ("showing results for ..."), when a correction was used.
    public var corrected: String?
    public var hits: [SearchHit]
    /// Words and ids close to the query, for "did you mean" when nothing matched.
    public var suggestions: [String]
}
