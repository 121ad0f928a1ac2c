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
        let folder = try content.resolve()
        let ((hit, suggestions), opened) = IndexStore(contentRoot: folder).answer { index in
            let ranker = Ranker(index: index)
            let hit = ranker.article(withID: id)
            return (hit, hit == nil ? ranker.search(id, limit: 3).hits.map(\.article.id) : [])
        }
        Lookups.warnAboutLeftOut(opened)
        guard let hit else {
            StandardError.write("no article has the id '\(Terminal.sanitized(id))'\n")
            if !suggestions.isEmpty { StandardError.write("did you mean: \(suggestions.joined(separator: ", "))?\n") }
            throw ExitCode(1)
        }
        let terminal = output.terminal()
        let article = try Lookups.loadArticle(hit, contentRoot: folder)
        terminal.page(ArticleTerminalRenderer(style: terminal.style, width: terminal.width).render(article, section: section))
    }
}
