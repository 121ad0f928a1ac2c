import Foundation

/// Decides which content folder a command reads.
///
/// In order: `--content DIR`; `./Content` when it exists; `$ERRWIKI_CONTENT`; the content installed
/// beside the tool (`<prefix>/share/errwiki/Content` for `<prefix>/bin/errwiki`), so that
/// `errwiki lookup oom` works from any directory once installed.
package struct ContentLocator: Sendable {
    package var currentDirectory: String
    package var environment: [String: String]
    package var executablePath: String?

    package init(currentDirectory: String = FileManager.default.currentDirectoryPath,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                executablePath: String? = ContentLocator.runningExecutable()) {
        self.currentDirectory = currentDirectory
        self.environment = environment
        self.executablePath = executablePath
    }

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case notAFolder(String, source: String)
        case nothingFound

        package var description: String {
            switch self {
            case .notAFolder(let path, let source): return "content folder \(path) (\(source)) does not exist or is not a folder"
            case .nothingFound:
                return "no content folder: pass --content DIR, run from a folder that has Content/, or set ERRWIKI_CONTENT"
            }
        }
    }

    /// The folder to read, as the user would write it (relative paths stay relative for messages).
    package func contentFolder(explicit: String?) -> Result<String, Failure> {
        if let explicit {
            return isFolder(explicit) ? .success(explicit) : .failure(.notAFolder(explicit, source: "--content"))
        }
        if isFolder("Content") { return .success("Content") }
        if let fromEnvironment = environment["ERRWIKI_CONTENT"], !fromEnvironment.isEmpty {
            return isFolder(fromEnvironment) ? .success(fromEnvironment) : .failure(.notAFolder(fromEnvironment, source: "ERRWIKI_CONTENT"))
        }
        if let installed = installedFolder("Content") { return .success(installed) }
        return .failure(.nothingFound)
    }

    /// `<prefix>/share/errwiki/<name>` beside `<prefix>/bin/errwiki`, when it exists.
    package func installedFolder(_ name: String) -> String? {
        guard let executablePath else { return nil }
        let prefix = URL(fileURLWithPath: executablePath).deletingLastPathComponent().deletingLastPathComponent()
        let candidate = prefix.appendingPathComponent("share/errwiki/\(name)").path
        return isFolder(candidate) ? candidate : nil
    }

    private func isFolder(_ path: String) -> Bool {
        let absolute = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The real path of the running binary (through symlinks such as /usr/local/bin/errwiki).
    package static func runningExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .flatMap { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }
}
