import ArgumentParser
import ErrWikiCommandLine

/// `errwiki mcp` as `errwiki --help` lists it. The command itself is the `errwiki-mcp` program,
/// which `ErrWiki.main` runs (`Helper`) before this parser sees the arguments; it takes no
/// arguments of its own here, since a pass-through argument makes every parse reflect on it.
struct MCP: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mcp", abstract: MCPHelp.abstract, discussion: MCPHelp.discussion)

    func run() throws {
        Helper.execIfDelegated(["mcp"])
    }
}
