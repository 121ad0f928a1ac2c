import ErrWikiKit
import Foundation
import MCP

/// `errwiki mcp`: the wiki as a Model Context Protocol server on standard input and output, for
/// coding assistants. Every call asks the index afresh, so edits to the content are seen at once.
package struct MCPServer: Sendable {
    package let content: ContentRoots
    package let version: String
    /// Log lines (standard error: standard output carries the protocol).
    package let log: @Sendable (String) -> Void

    package init(content: ContentRoots, version: String, log: @escaping @Sendable (String) -> Void) {
        self.content = content
        self.version = version
        self.log = log
    }

    static let instructions = """
    errwiki is an offline troubleshooting wiki of error articles (causes, ordered fix steps with \
    commands, FAQ) and official error-code catalogs. When a command, build, test or service fails, \
    call search_errors with the error line, or diagnose_log with the whole output, then get_article \
    for the steps. Trust the verdict: "none" means no article covers the error.
    """

    /// Serves until the client closes standard input.
    package func run() async throws {
        let server = Server(name: "errwiki", version: version, title: "errwiki", instructions: Self.instructions,
                            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        let calls = ToolCalls(content: content, log: log)
        let session = LookupSession(content: content)
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: ToolCatalog.tools) }
        await server.withMethodHandler(CallTool.self) { params in try calls.call(params.name, params.arguments ?? [:]) }
        await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: ArticleResources.list(in: session)) }
        await server.withMethodHandler(ListResourceTemplates.self) { _ in ListResourceTemplates.Result(templates: [ArticleResources.template]) }
        await server.withMethodHandler(ReadResource.self) { params in try ArticleResources.read(params.uri, in: session) }
        log("errwiki mcp: serving \(content) on standard input and output\n")
        try await server.start(transport: LineTransport())
        await server.waitUntilCompleted()
    }
}
