import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import Foundation

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of the article front matter.",
        discussion: """
        For editors and CI tools that validate YAML (for example check-jsonschema, or the YAML \
        language server's `# yaml-language-server: $schema=` comment). The site publishes the same \
        file as schema/article.json. errwiki check also checks what a schema cannot: unique ids, \
        related ids that exist, patterns that compile and match their samples.
        """
    )

    @Option(help: ArgumentHelp("Write it to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        guard let out else {
            print(ArticleSchema.json, terminator: "")
            return
        }
        do {
            try AtomicFile.write(Array(ArticleSchema.json.utf8), to: out)
        } catch {
            StandardError.write("errwiki schema: \(Terminal.sanitized(out)): \(error)\n")
            throw ExitCode(1)
        }
    }
}
