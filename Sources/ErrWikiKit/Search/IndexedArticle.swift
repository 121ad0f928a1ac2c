/// What the index keeps of one article: what results show, and its weighted term frequencies.
package struct IndexedArticle: Sendable, Hashable {
    package var info: ArticleSummary
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
