/// Reads one article by its path under a content root (for `show` and `lookup`).
public enum ArticleFile {
    public static func load(relativePath: String, contentRoot: String) -> Result<Article, Diagnostic> {
        let scanner = ContentScanner(root: contentRoot, displayRoot: contentRoot)
        let file = ContentScanner.File(absolutePath: contentRoot + "/" + relativePath, relativePath: relativePath, stamp: .unknown)
        switch ArticleLoader.load(file, display: scanner.display(relativePath)) {
        case .article(let article, let diagnostics):
            if let error = diagnostics.first(where: { $0.severity == .error }) { return .failure(error) }
            return .success(article)
        case .unreadable(_, let diagnostics):
            return .failure(diagnostics.first ?? Diagnostic(.unreadableFile, at: SourceLocation(file: relativePath, line: 1, column: 1), "cannot read the file"))
        }
    }
}
