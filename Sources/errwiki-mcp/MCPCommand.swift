import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import ErrWikiMCP

/// `errwiki mcp`, a program of its own: the MCP SDK links FoundationNetworking (and libcurl's
/// thirty libraries), which every `errwiki lookup` would otherwise load at start. `errwiki mcp`
/// runs this binary, installed beside `errwiki`.
@main
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errwiki mcp",
        abstract: MCPHelp.abstract,
        discussion: MCPHelp.discussion,
        version: ErrWikiVersion.current
    )

    @OptionGroup var content: ContentOption

    func run() throws {
        let server = MCPServer(content: try content.resolve(), version: ErrWikiVersion.current,
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
