import ArgumentParser
import ErrWikiKit
import ErrWikiMCP

struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve the wiki to coding assistants over the Model Context Protocol (stdio).",
        discussion: """
        Speaks MCP on standard input and output until the client closes them; log lines go to standard \
        error. Tools: search_errors, get_article, diagnose_log, lookup_code; every article is also a \
        resource, errwiki://article/<id>. Nothing leaves the machine.

        Register it with an assistant, for example:
          claude mcp add errwiki -- errwiki mcp --content /path/to/Content
        """
    )

    @OptionGroup var content: ContentOption

    func run() throws {
        let server = MCPServer(content: try content.resolve(), version: ErrWiki.configuration.version,
                               log: { StandardError.write($0) })
        AsyncRun.forever {
            do {
                try await server.run()
                return 0
            } catch {
                StandardError.write("errwiki mcp: \(error)\n")
                return 1
            }
        }
    }
}
