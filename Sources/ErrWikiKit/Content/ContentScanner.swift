import Foundation

/// Finds the article files of a content tree: every `*.md` file, hidden files and folders skipped.
///
/// Symbolic links are never followed out of the content root. A link whose target is inside the root
/// is skipped as well (the walk reaches the target itself), which also makes link loops harmless.
struct ContentScanner {
    struct File: Sendable {
        /// Absolute path to read.
        var absolutePath: String
        /// Path under the content root with `/` separators.
        var relativePath: String
    }

    let root: String
    let displayRoot: String

    func scan() -> (files: [File], diagnostics: [Diagnostic]) {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        guard let rootReal = Self.realPath(root) else { return ([], []) }
        var pending: [String] = [""]  // relative folder paths
        let manager = FileManager.default
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? manager.contentsOfDirectory(atPath: absoluteFolder) else { continue }
            for name in names.sorted(by: >) where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let absolute = absoluteFolder + "/" + name
                var info = stat()
                guard lstat(absolute, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(relative)
                case S_IFREG where name.hasSuffix(".md"):
                    files.append(File(absolutePath: absolute, relativePath: relative))
                case S_IFLNK:
                    let location = SourceLocation(file: display(relative), line: 1, column: 1)
                    guard let target = Self.realPath(absolute) else {
                        diagnostics.append(Diagnostic(.brokenSymlink, .warning, at: location,
                                                      "symbolic link is broken or loops; skipped"))
                        continue
                    }
                    if target != rootReal && !target.hasPrefix(rootReal + "/") {
                        diagnostics.append(Diagnostic(.symlinkOutside, .warning, at: location,
                                                      "symbolic link points outside the content folder; not followed",
                                                      hint: "copy the article into the content folder instead"))
                    }
                default:
                    continue
                }
            }
        }
        files.sort { $0.relativePath < $1.relativePath }
        return (files, diagnostics)
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : (displayRoot.hasSuffix("/") ? displayRoot + relative : displayRoot + "/" + relative)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
