import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import ErrWikiSite
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the wiki in a machine-readable form.",
        subcommands: [JSON.self]
    )

    struct JSON: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json",
            abstract: "Every article (all fields, the body as Markdown and HTML) and every catalog entry as one JSON document.",
            discussion: """
            The document: {"format": "errwiki-export", "version": 1, "article_format": 1, "generator", \
            "article_count", "articles": [{"id", "title", "category", "severity", "summary", "codes", \
            "tags", "key_details", "symptoms", "causes", "steps": [{"title", "command", "note"}], \
            "faq": [{"q", "a"}], "related", "patterns", "samples", "updated", "draft", "overrides", \
            "content_root" (0: the first --content), "path" (under that root), "url", \
            "body_markdown", "body_html"}], "catalog_entry_count", "catalogs": [{"id", "family", \
            "family_title", "title", "category", "licence", "sources", "entries": [{"number", "name", \
            "aliases", "message", "group", "standard", "details", "sources", "articles"}]}]}. \
            The site publishes the same document as api/articles.json. Content errors stop it, as they stop build.
            Exit status: 0 written, 1 content errors or the file cannot be written, 64 usage error.
            """
        )

        @OptionGroup var content: ContentOption

        @Option(help: ArgumentHelp("Write it to this file (atomically) instead of standard output.", valueName: "file"))
        var out: String?

        @Flag(help: "Include articles marked draft: true.")
        var drafts = false

        func run() throws {
            let text: String
            do {
                text = try WikiExport.json(content: try content.resolve(), includeDrafts: drafts,
                                           generator: "errwiki \(ErrWikiVersion.current)") { report in
                    let errors = report.diagnostics.filter { $0.severity == .error }
                    if !errors.isEmpty { StandardError.write(DiagnosticFormatter.report(errors, fileCount: report.fileCount, roots: report.roots)) }
                }
            } catch {
                StandardError.write("errwiki export json: \(error)\n")
                throw ExitCode(1)
            }
            guard let out else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try AtomicFile.write(Array(text.utf8), to: out)
            } catch {
                StandardError.write("errwiki export json: \(Terminal.sanitized(out)): \(error)\n")
                throw ExitCode(1)
            }
        }
    }
}
