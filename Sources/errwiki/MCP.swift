import ArgumentParser
import ErrWikiCommandLine

/// `errwiki mcp` as `errwiki --help` lists it. The command itself is the `errwiki-mcp` program
/// (`Helper`), run before this parser sees the arguments.
struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mcp", abstract: MCPHelp.abstract, discussion: MCPHelp.discussion)

    @Argument(parsing: .captureForPassthrough, help: "The options of errwiki-mcp (see errwiki mcp --help).")
    var arguments: [String] = []

    func run() throws {
        Helper.execIfDelegated(["mcp"] + arguments)
    }
}
