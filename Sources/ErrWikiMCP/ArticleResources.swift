import ErrWikiKit
import MCP

/// Articles as MCP resources, `errwiki://article/<id>`, read as the same Markdown `get_article` gives.
enum ArticleResources {
    static let scheme = "errwiki://article/"

    static func uri(_ id: String) -> String { scheme + id }

    static let template = Resource.Template(
        uriTemplate: scheme + "{id}", name: "article", title: "An errwiki article",
        description: "One troubleshooting article as Markdown; the id comes from search_errors or diagnose_log.",
        mimeType: "text/markdown")

    static func list(in session: LookupSession) -> [Resource] {
        session.everyArticle().articles.map { summary in
            Resource(name: summary.id, uri: uri(summary.id), title: summary.title,
                     description: Snippet.make(summary.summary), mimeType: "text/markdown")
        }
    }

    static func read(_ address: String, in session: LookupSession) throws -> ReadResource.Result {
        guard address.hasPrefix(scheme) else {
            throw MCPError.invalidParams("unknown resource '\(address)'; articles are \(scheme)<id>")
        }
        let article: Article
        do {
            article = try self.article(String(address.dropFirst(scheme.count)), in: session)
        } catch let problem as ArgumentProblem {
            throw MCPError.invalidParams(problem.message)
        }
        let text = ArticleMarkdown.render(article, budget: ToolCatalog.articleBudget).text
        return ReadResource.Result(contents: [.text(text, uri: address, mimeType: "text/markdown")])
    }

    /// The whole article with exactly this id; the closest ids in the message when there is none.
    static func article(_ id: String, in session: LookupSession) throws -> Article {
        let (summary, suggestions) = session.summary(id: id)
        guard let summary else {
            throw ArgumentProblem(message: "no article has the id '\(id)'"
                + (suggestions.isEmpty ? "; use search_errors to find one" : "; did you mean: \(suggestions.joined(separator: ", "))?"))
        }
        switch session.article(summary) {
        case .success(let article): return article
        case .failure(let unreadable): throw ArgumentProblem(message: "the article '\(id)' cannot be read now: \(unreadable.message)")
        }
    }
}
