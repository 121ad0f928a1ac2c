import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article by its exact id.",
        discussion: """
        With several content roots, the first that has the id answers; --where prints which file that is \
        and which files of later roots it shadows.
        Exit status: 0 shown, 1 no such id, 64 usage error.

        Examples:
          errwiki show linux-oom-killer
          errwiki show --where linux-oom-killer --content team --content Content
        """
    )

    @Argument(help: "The article id.", completion: ArticleIDCompletion.kind)
    var id: String

    @OptionGroup var content: ContentOption
    @OptionGroup var output: OutputOptions

    @Option(help: "Print only one part: summary, causes, steps or faq.")
    var section: ArticleSection?

    @Flag(name: .customLong("where"), help: "Print the file that answers for the id and the files it shadows, not the article.")
    var showWhere = false

    func validate() throws {
        if showWhere && section != nil { throw ValidationError("--where and --section cannot be combined") }
    }

    func run() throws {
        let terminal = output.terminal()
        let roots = try content.resolve()
        if showWhere { return try terminal.write(ArticleOrigin.report(id: id, in: roots)) }
        let session = LookupSession(content: roots, style: terminal.style, width: terminal.width)
        try terminal.write(session.show(id: id, section: section))
    }
}
