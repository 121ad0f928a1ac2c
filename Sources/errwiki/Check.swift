import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate every article; report each problem as file:line:col on stderr.",
        discussion: "Exit status: 0 clean, 1 content errors (or warnings with --strict), 64 usage error."
    )

    @OptionGroup var content: ContentOption

    @Flag(help: "Fail on warnings too (placeholders, missing FAQ, patterns without samples).")
    var strict = false

    @Flag(help: "Also print, per code catalog family, how many codes have an article (on stdout).")
    var coverage = false

    func run() throws {
        let report = ContentCheck.run(try content.resolve())
        StandardError.write(DiagnosticFormatter.report(report.diagnostics, fileCount: report.fileCount, roots: report.roots))
        if coverage { print(CatalogCoverage(report.wiki).text, terminator: "") }
        if !report.passes(strict: strict) { throw ExitCode(1) }
    }
}
