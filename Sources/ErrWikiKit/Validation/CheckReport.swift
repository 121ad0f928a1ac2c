/// `check`: load the whole tree and validate it, every problem sorted by file and line.
package struct CheckReport: Sendable {
    package var wiki: Wiki
    package var diagnostics: [Diagnostic]
    /// The folders that were checked: print the diagnostics' excerpts through them.
    package var roots: ContentRoots
    /// Article files read, including those shadowed and those whose front matter could not be read.
    package var fileCount: Int { wiki.articles.count + wiki.shadowed.count + wiki.unreadableCount }

    /// The diagnostics about one file (`new --edit` checks only the article it wrote).
    package func diagnostics(in file: String) -> [Diagnostic] {
        let path = FilePath.real(file)
        return diagnostics.filter { FilePath.real($0.location.file) == path }
    }

    /// Whether the content passes: no errors, and no warnings either when `strict`.
    package func passes(strict: Bool) -> Bool {
        diagnostics.errorCount == 0 && (!strict || diagnostics.warningCount == 0)
    }
}

package enum ContentCheck {
    package static func run(root: String, displayRoot: String? = nil) -> CheckReport {
        run(ContentRoots(root, display: displayRoot))
    }

    package static func run(_ roots: ContentRoots) -> CheckReport {
        let loaded = WikiLoader.load(roots)
        let diagnostics = (loaded.diagnostics + WikiValidator.validate(loaded.wiki)).sorted()
        return CheckReport(wiki: loaded.wiki, diagnostics: diagnostics, roots: loaded.roots)
    }
}
