/// What the index keeps of one article: what results show, and its weighted term frequencies.
public struct IndexedArticle: Sendable, Hashable {
    public var info: ArticleSummary
    /// Term → Σ over fields of (field weight × occurrences), in half units (weights can be 1.5).
    var termWeights: [String: UInt32]
    /// Σ of all term weights: the weighted length BM25 normalises by.
    var length: UInt32
    /// The file's stamp when it was indexed.
    var stamp: FileStamp

    init(info: ArticleSummary, termWeights: [String: UInt32], stamp: FileStamp) {
        self.info = info
        self.termWeights = termWeights
        self.length = termWeights.values.reduce(0, +)
        self.stamp = stamp
    }

    /// Extracts every searchable field of an article (see `SearchField` for the weights).
    init(_ article: Article, stamp: FileStamp) {
        self.init(info: ArticleSummary(article), termWeights: SearchField.termWeights(of: article), stamp: stamp)
    }
}

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

