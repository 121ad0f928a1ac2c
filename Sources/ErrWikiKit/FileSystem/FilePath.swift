import Foundation

package enum FilePath {
    /// The canonical absolute path (symbolic links, `.` and `..` resolved), or nil when it does not exist.
    package static func real(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
