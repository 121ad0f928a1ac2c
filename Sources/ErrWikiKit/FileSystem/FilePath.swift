import Foundation

package enum FilePath {
    /// The canonical absolute path (symbolic links, `.` and `..` resolved), or nil when it does not exist.
    package static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute path with `.`, `..` and repeated slashes resolved as text, without asking the file
    /// system (Foundation's `standardizingPath` also follows links, and on Linux turned a link that
    /// points at itself into a path in the current folder).
    package static func lexical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
