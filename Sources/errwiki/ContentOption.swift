import ArgumentParser
import ErrWikiKit

/// `--content DIR`, shared by every command that reads articles.
struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder.", discussion: "Default: ./Content, else $ERRWIKI_CONTENT, else the installed content.", valueName: "dir"))
    var content: String?

    /// The folder to read, or a usage error (exit 64) naming what was tried.
    func resolve() throws -> String {
        switch ContentLocator().contentFolder(explicit: content) {
        case .success(let folder): return folder
        case .failure(let failure): throw ValidationError(failure.description)
        }
    }
}
