import ArgumentParser
import ErrWikiKit
import Foundation

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the article for an error: a code, a message, a few words or a pasted log line.",
        discussion: """
        Prints the article when one clearly wins, otherwise a ranked list.
        Exit status: 0 found, 1 no match, 64 usage error.

        Examples:
          errwiki lookup oom
          errwiki lookup ENOSPC
          errwiki lookup "port already in use"
          errwiki lookup --list            # every article, one per line (for fzf)
        """
    )

    @Argument(help: "What to look for. Words are joined with spaces.", completion: ArticleIDCompletion.kind)
    var query: [String] = []

    @OptionGroup var content: ContentOption
    @OptionGroup var output: OutputOptions

    @Flag(help: "Print the ranked list only (with no query: every article, one per line).")
    var list = false

    @Option(help: "At most this many results.")
    var limit = 10

    @Flag(help: "Print results as JSON.")
    var json = false

    @Option(help: "Print only one part of the winning article: summary, causes, steps or faq.")
    var section: ArticleSection?

    @Option(help: "Only articles of this category.")
    var category: String?

    @Option(help: "Only articles of this severity (critical, high, medium, low, info).")
    var severity: Severity?

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if query.isEmpty && !list { throw ValidationError("give a query, or --list to list every article") }
    }

    func run() throws {
        let folder = try content.resolve()
        let store = IndexStore(contentRoot: folder)
        let filter = Ranker.Filter(category: category, severity: severity)
        let text = query.joined(separator: " ")
        let terminal = output.terminal()

        if text.isEmpty {
            let (all, opened) = store.answer { Ranker(index: $0).all(filter: filter) }
            Lookups.warnAboutLeftOut(opened)
            if json {
                terminal.write(LookupJSON.encode(query: "", corrected: nil, hits: all, contentRoot: folder))
            } else {
                terminal.write(all.map { "\($0.article.id)\t\($0.article.severity.rawValue)\t\(Terminal.sanitized($0.article.title))\n" }.joined())
            }
            return
        }

        let (outcome, opened) = store.answer { Ranker(index: $0).search(text, filter: filter, limit: limit) }
        Lookups.warnAboutLeftOut(opened)
        if json {
            terminal.write(LookupJSON.encode(query: text, corrected: outcome.corrected, hits: outcome.hits, contentRoot: folder))
            if outcome.hits.isEmpty { throw ExitCode(1) }
            return
        }
        guard let best = outcome.hits.first else {
            StandardError.write("no article matches '\(Terminal.sanitized(text))'\n")
            if !outcome.suggestions.isEmpty {
                StandardError.write("did you mean: \(outcome.suggestions.map(Terminal.sanitized).joined(separator: ", "))?\n")
            }
            throw ExitCode(1)
        }
        var page = ""
        if let corrected = outcome.corrected {
            page += terminal.styled("showing results for \(Terminal.sanitized(corrected))", .dim) + "\n\n"
        }
        if !list, LookupDecision.clearWinner(outcome.hits) {
            let article = try Lookups.loadArticle(best.article, contentRoot: folder)
            page += ArticleTerminalRenderer(style: terminal.style, width: terminal.width).render(article, section: section)
        } else {
            page += ResultListRenderer(style: terminal.style, width: terminal.width).render(outcome.hits)
        }
        terminal.page(page)
    }
}

extension Severity: ExpressibleByArgument {}
extension ArticleSection: ExpressibleByArgument {}
