import ArgumentParser
import ErrWikiKit
import Foundation

/// `--templates DIR`, shared by `build` and `serve`.
struct ThemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("The theme folder (templates and assets).",
                               discussion: "Default: ./Templates, else the installed theme, else the theme built into errwiki.", valueName: "dir"))
    var templates: String?

    /// The theme folder; nil for the theme built into the binary.
    func resolve() -> String? {
        if let templates { return templates }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Templates", isDirectory: &isFolder), isFolder.boolValue { return "Templates" }
        return ContentLocator().installedFolder("Templates")
    }
}
