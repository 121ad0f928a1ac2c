import ArgumentParser
import ErrWikiKit

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one article by its exact id.",
        discussion: "Exit status: 0 shown, 1 no such id, 64 usage error.\n\nExample:\n  errwiki show linux-oom-killer"
    )

    @Argument(help: "The article id.", completion: ArticleIDCompletion.kind)
    var id: String

    @OptionGroup var content: ContentOption
    @OptionGroup var output: OutputOptions

    @Option(help: "Print only one part: summary, causes, steps or faq.")
    var section: ArticleSection?

    func run() throws {
        let terminal = output.terminal()
        let session = LookupSession(contentRoot: try content.resolve(), style: terminal.style, width: terminal.width)
        try terminal.write(session.show(id: id, section: section))
    }
}
