import ArgumentParser
import ErrWikiKit

/// What `lookup` and `show` share.
enum Lookups {
    /// The rule: every command that answers from the index prints, on every run, one line on stderr
    /// naming the articles left out of it because they have errors (the index keeps the list), so a
    /// broken article is never silently missing from the answers.
    static func warnAboutLeftOut(_ opened: IndexStore.Opened) {
        let files = opened.leftOut
        guard !files.isEmpty else { return }
        let shown = files.prefix(leftOutNamesShown).map(Terminal.sanitized).joined(separator: ", ")
        let more = files.count > leftOutNamesShown ? " and \(files.count - leftOutNamesShown) more" : ""
        let subject = files.count == 1 ? "1 article with errors is" : "\(files.count) articles with errors are"
        StandardError.write("warning: \(subject) left out of the index (errwiki check lists \(files.count == 1 ? "it" : "them")): \(shown)\(more)\n")
    }

    /// How many left-out files the warning names; one line, whatever the wiki.
    static let leftOutNamesShown = 3

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
