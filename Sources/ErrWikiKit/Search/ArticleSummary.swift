/// The part of an article a result list shows, kept in the index so a lookup reads no article file.
public struct ArticleSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    public var category: String
    public var severity: Severity
    /// Inline Markdown, as written.
    public var summary: String
    public var codes: [String]
    public var tags: [String]
    public var patterns: [String]
    /// Path under the content root.
    public var relativePath: String

    public init(_ article: Article) {
        id = article.id
        title = article.title
        category = article.category
        severity = article.severity
        summary = article.summary
        codes = article.codes
        tags = article.tags
        patterns = article.patterns
        relativePath = article.relativePath
    }
}

