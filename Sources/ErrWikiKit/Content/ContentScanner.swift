import Foundation

/// Finds the article files of a content tree: every `*.md` file, hidden files and folders skipped,
/// each with its size and modification time (the fingerprint that tells a search index it is stale).
///
/// Symbolic links are never followed out of the content root. A link whose target is inside the root
/// is skipped as well (the walk reaches the target itself), which also makes link loops harmless.
/// Uses readdir/lstat directly: `lookup` scans the whole tree on every run.
struct ContentScanner {
    struct File: Sendable, Hashable {
        /// Absolute (or root-relative) path to read.
        var absolutePath: String
        /// Path under the content root with `/` separators.
        var relativePath: String
        var size: Int64
        /// Modification time in nanoseconds since 1970.
        var modified: Int64
    }

    let root: String
    let displayRoot: String

    func scan() -> (files: [File], diagnostics: [Diagnostic]) {
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        guard let rootReal = Self.realPath(root) else { return ([], []) }
        var pending: [String] = [""]  // relative folder paths
        while let folder = pending.popLast() {
            let absoluteFolder = folder.isEmpty ? root : root + "/" + folder
            for name in Self.entries(of: absoluteFolder) where !name.hasPrefix(".") {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let absolute = absoluteFolder + "/" + name
                var info = stat()
                guard lstat(absolute, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(relative)
                case S_IFREG where name.hasSuffix(".md"):
                    let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                    files.append(File(absolutePath: absolute, relativePath: relative, size: Int64(info.st_size), modified: modified))
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

    /// The names in a folder (unsorted), without `.` and `..`.
    static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
