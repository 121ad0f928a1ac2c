/// Decodes one article file from bytes, without the disk: the loader `check` uses, for fuzzing and
/// regression tests that hold an article as data.
package enum ArticleBytes {
    /// Splits, decodes and scans `bytes` as the article file at `relativePath` (`errno/enoent.md`).
    /// The id falls back to the file stem and the category to the first folder, as for a file on disk.
    /// - Returns: the article, or nil when its front matter could not be read; every problem found.
    package static func decode(_ bytes: [UInt8], relativePath: String) -> (article: Article?, diagnostics: [Diagnostic]) {
        let (stem, folder) = ArticleLoader.defaults(for: relativePath)
        switch ArticleLoader.decode(bytes, path: relativePath, relativePath: relativePath, stem: stem, folder: folder) {
        case .article(let article, let diagnostics): return (article, diagnostics)
        case .unreadable(_, let diagnostics): return (nil, diagnostics)
        }
    }
}
