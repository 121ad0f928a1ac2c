import ArgumentParser
import ErrWikiKit

/// `--content DIR` (repeatable), shared by every command that reads articles.
package struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A content folder; repeat it to layer folders (the first that has an id wins).",
        discussion: "Default: $ERRWIKI_PATH (folders separated by `:`, an empty one stands for the default), else ./Content, else $ERRWIKI_CONTENT, else the installed content.",
        valueName: "dir"))
    package var content: [String] = []

    package init() {}

    /// The folders to read, or a usage error (exit 64) naming what was tried.
    package func resolve() throws -> ContentRoots {
        switch ContentLocator().contentRoots(explicit: content) {
        case .success(let folders): return ContentRoots(folders)
        case .failure(let failure): throw ValidationError(failure.description)
        }
    }
}
