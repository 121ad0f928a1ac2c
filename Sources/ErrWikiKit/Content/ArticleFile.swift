/// Reads one article by its root and path under it (for `show` and `lookup`).
package enum ArticleFile {
    package static func load(relativePath: String, root index: Int = 0, in roots: ContentRoots) -> Result<Article, Diagnostic> {
        // The path comes from the index in the cache folder: the root's rule refuses one leading out.
        guard roots.roots.indices.contains(index) else {
            return .failure(Diagnostic(.unreadableFile, at: SourceLocation(file: relativePath, line: 1, column: 1), "cannot read the file"))
        }
        let root = roots.roots[index]
        switch ArticleLoader.load(ContentScanner.File(relativePath: relativePath, stamp: .unknown), from: root) {
        case .article(var article, let diagnostics):
            if let error = diagnostics.first(where: { $0.severity == .error }) { return .failure(error) }
            article.root = index
            return .success(article)
        case .unreadable(_, let diagnostics):
            return .failure(diagnostics.first ?? Diagnostic(.unreadableFile, at: SourceLocation(file: root.display(relativePath), line: 1, column: 1), "cannot read the file"))
        }
    }
}
