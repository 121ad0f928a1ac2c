import ArgumentParser
import ErrWikiCommandLine

@main
struct ErrWiki: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errwiki",
        abstract: "An offline troubleshooting wiki: error articles as Markdown, a static site and a terminal lookup.",
        version: ErrWikiVersion.current,
        subcommands: [Lookup.self, Show.self, Diagnose.self, Check.self, Build.self, New.self, Serve.self, MCP.self, Theme.self, Schema.self, Export.self]
    )

    static func main() {
        Helper.execIfDelegated(Array(CommandLine.arguments.dropFirst()))
        main(nil)
    }
}
