import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the article for an error: a code, a message, a few words or a pasted log line.",
        discussion: """
        Every answer has a verdict: answer (the article is printed), candidates ("Possible matches"),
        or none ("No article covers this yet.", a few possibly related articles and the errwiki new
        command that would start one). A code from the code catalogs prints its entry.
        Exit status: 0 answer or candidates, 1 none or no match, 64 usage error.

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
        let terminal = output.terminal()
        let session = LookupSession(content: try content.resolve(), style: terminal.style, width: terminal.width)
        let request = LookupSession.Request(query: query.joined(separator: " "), filter: Ranker.Filter(category: category, severity: severity),
                                            limit: limit, listOnly: list, json: json, section: section)
        try terminal.write(session.lookup(request))
    }
}

extension Severity: ExpressibleByArgument {}
extension ArticleSection: ExpressibleByArgument {}
