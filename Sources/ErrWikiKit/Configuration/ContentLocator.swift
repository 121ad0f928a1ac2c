import Foundation

/// Decides which content folders a command reads, in order.
///
/// In order: every `--content DIR` given; else `$ERRWIKI_PATH`, a `:`-separated list in which an
/// empty element stands for the default (as in `MANPATH`: `~/runbooks:` is "mine, then the shipped
/// wiki"); else the default: `./Content` when it exists, else `$ERRWIKI_CONTENT`, else the content
/// installed beside the tool (`<prefix>/share/errwiki/Content` for `<prefix>/bin/errwiki`), so that
/// `errwiki lookup oom` works from any directory once installed. A folder named twice is read once,
/// where it first appears.
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
                return "no content folder: pass --content DIR, run from a folder that has Content/, or set ERRWIKI_PATH or ERRWIKI_CONTENT"
            }
        }
    }

    /// The folders to read, as the user would write them (relative paths stay relative for messages).
    package func contentRoots(explicit: [String]) -> Result<[String], Failure> {
        var folders: [String] = []
        if !explicit.isEmpty {
            for folder in explicit {
                guard isFolder(folder) else { return .failure(.notAFolder(folder, source: "--content")) }
                folders.append(folder)
            }
        } else if let path = environment["ERRWIKI_PATH"], !path.isEmpty {
            for element in path.split(separator: ":", omittingEmptySubsequences: false).map(String.init) {
                if element.isEmpty {
                    switch contentFolder(explicit: nil) {
                    case .success(let folder): folders.append(folder)
                    case .failure(let failure): return .failure(failure)
                    }
                    continue
                }
                let folder = expandingHome(element)
                guard isFolder(folder) else { return .failure(.notAFolder(folder, source: "ERRWIKI_PATH")) }
                folders.append(folder)
            }
        } else {
            return contentFolder(explicit: nil).map { [$0] }
        }
        // The same folder twice (`Content` and `./Content`) is one root, where it first appears.
        var seen = Set<String>()
        return .success(folders.filter { seen.insert(FilePath.real(absolute($0)) ?? $0).inserted })
    }

    /// `~/x` as the shell would expand it; `ERRWIKI_PATH` is often written with a quoted `~`.
    private func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : currentDirectory + "/" + path
    }

    /// The default folder, as the user would write it (relative paths stay relative for messages).
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
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The real path of the running binary (through symlinks such as /usr/local/bin/errwiki).
    package static func runningExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .flatMap { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    }
}
