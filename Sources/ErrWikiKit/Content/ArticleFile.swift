/// Reads one article by its path under a content root (for `show` and `lookup`).
package enum ArticleFile {
    package static func load(relativePath: String, contentRoot: String) -> Result<Article, Diagnostic> {
        // The path comes from the index in the cache folder: the root's rule refuses one leading out.
        let root = ContentRoot(contentRoot)
        switch ArticleLoader.load(ContentScanner.File(relativePath: relativePath, stamp: .unknown), from: root) {
        case .article(let article, let diagnostics):
            if let error = diagnostics.first(where: { $0.severity == .error }) { return .failure(error) }
            return .success(article)
        case .unreadable(_, let diagnostics):
            return .failure(diagnostics.first ?? Diagnostic(.unreadableFile, at: SourceLocation(file: root.display(relativePath), line: 1, column: 1), "cannot read the file"))
        }
    }
}
