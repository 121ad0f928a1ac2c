import ArgumentParser
import ErrWikiKit

/// What `lookup` and `show` share.
enum Lookups {
    /// One line on stderr when some files could not be indexed, so a broken article is not silently missing.
    static func warnAboutSkippedFiles(_ diagnostics: [Diagnostic]) {
        let files = Set(diagnostics.filter { $0.severity == .error }.map(\.location.file))
        guard !files.isEmpty else { return }
        let names = files.sorted().prefix(3).joined(separator: ", ")
        StandardError.write("warning: \(files.count) article \(files.count == 1 ? "file has" : "files have") errors and \(files.count == 1 ? "is" : "are") left out (\(names)\(files.count > 3 ? ", …" : "")); run `errwiki check`\n")
    }

    /// Reads the full article behind a search hit; exit 1 when it no longer loads.
    static func loadArticle(_ summary: ArticleSummary, contentRoot: String) throws -> Article {
        guard let article = readArticle(summary, contentRoot: contentRoot) else { throw ExitCode(1) }
        return article
    }

    /// Reads the full article behind a hit; nil, with its error on stderr, when the file no longer
    /// loads (it changed after the index was read).
    static func readArticle(_ summary: ArticleSummary, contentRoot: String) -> Article? {
        switch ArticleFile.load(relativePath: summary.relativePath, contentRoot: contentRoot) {
        case .success(let article): return article
        case .failure(let diagnostic):
            StandardError.write(DiagnosticFormatter(root: ContentRoot(contentRoot)).format(diagnostic))
            return nil
        }
    }
}
