/// The part of an article a result list shows, kept in the index so a lookup reads no article file.
package struct ArticleSummary: Sendable, Hashable {
    package var id: String
    package var title: String
    package var category: String
    package var severity: Severity
    /// Inline Markdown, as written.
    package var summary: String
    package var codes: [String]
    package var tags: [String]
    package var patterns: [String]
    /// Path under its content root.
    package var relativePath: String
    /// Which of the content roots holds the file (0: the first).
    package var root: Int

    package init(_ article: Article) {
        id = article.id
        title = article.title
        category = article.category
        severity = article.severity
        summary = article.summary
        codes = article.codes
        tags = article.tags
        patterns = article.patterns
        relativePath = article.relativePath
        root = article.root
    }
}

