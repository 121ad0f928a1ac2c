import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import ErrWikiSite
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static wiki: every article, category, tag and severity page, home, A–Z and search.",
        discussion: """
        The site works opened straight from disk (file://), search included. It is written into a \
        staging folder and swapped in only when complete; an unchanged wiki is not rebuilt, and only \
        pages whose inputs changed are rendered again. Content with errors (see `errwiki check`) is \
        refused and the previous site is left as it was.
        Exit status: 0 built, 1 content, template or output errors, 64 usage error.
        """
    )

    @OptionGroup var content: ContentOption

    @OptionGroup var theme: ThemeOption

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var out = "site"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site will be served from: adds canonical links and sitemap.xml.", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("site-name"), help: "The name in the header and in every title.")
    var siteName = "errwiki"

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    @Flag(help: "No progress bar, only the summary line.")
    var quiet = false

    func validate() throws {
        if let baseURL, SiteOptions.normalizedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an http(s) URL without query or fragment, e.g. https://errors.example.org/")
        }
    }

    func run() throws {
        let folder = try content.resolve()
        let theme = self.theme.resolve()
        let options = SiteOptions(siteName: siteName, baseURL: baseURL.flatMap(SiteOptions.normalizedBaseURL), includeDrafts: drafts)
        let request = BuildRequest(content: folder, templatesFolder: theme, outputFolder: out, options: options)
        let bar = !quiet && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, total in bar.update(done, total) } }
        // Errors stop the build and are shown in full; warnings (placeholders, missing samples) do not,
        // so a build only counts them: `errwiki check` shows them.
        let report: (CheckReport) -> Void = { report in
            let errors = report.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty {
                StandardError.write(DiagnosticFormatter.report(errors, fileCount: report.fileCount, roots: report.roots))
            }
            let warnings = report.diagnostics.warningCount
            if warnings > 0 {
                StandardError.write("\(warnings) warning\(warnings == 1 ? "" : "s") in the content; run `errwiki check` to see \(warnings == 1 ? "it" : "them")\n")
            }
        }
        do {
            let summary = try SiteBuilder.build(request, report: report, progress: progress)
            bar?.clear()
            let time = String(format: "%.2f s", summary.seconds)
            if summary.upToDate {
                print("\(out): up to date (\(summary.pages) files, nothing changed) in \(time)")
            } else {
                print("\(out): \(summary.pages) files, \(summary.rendered) written, \(summary.pages - summary.rendered) unchanged in \(time)")
            }
        } catch {
            bar?.clear()
            // A located error starts its line (`file:line:col: error:`), as a compiler's does.
            if case .template = error { StandardError.write("\(error)\n") } else { StandardError.write("errwiki build: \(error)\n") }
            throw ExitCode(1)
        }
    }
}
