import ArgumentParser
import ErrWikiKit
import Foundation

/// `--templates DIR`, shared by `build` and `serve`.
struct ThemeOption: ParsableArguments {
    @Option(help: ArgumentHelp("The theme folder (templates and assets).", discussion: "Default: ./Templates, else the installed theme.", valueName: "dir"))
    var templates: String?

    func resolve() throws -> String {
        if let templates { return templates }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Templates", isDirectory: &isFolder), isFolder.boolValue { return "Templates" }
        if let installed = ContentLocator().installedFolder("Templates") { return installed }
        throw ValidationError("no templates folder: pass --templates DIR or run from a folder that has Templates/")
    }
}
