import Foundation

/// The one rule every reader of content goes through: a path under the root is read only when its
/// real location (every symbolic link, `.` and `..` resolved) is inside the root's real location.
/// The scanner, the loader, the excerpt printer, the search index, `new` and `serve` all ask here,
/// so a link out of the folder (to `/etc/passwd`, a sibling folder, through a chain of links or a
/// linked folder) is never read by any of them.
package struct ContentRoot: Sendable, Hashable {
    /// The folder as given (a relative path stays relative to the working directory).
    package let path: String
    /// How diagnostics name the folder: `path` unless told otherwise (tests print `.`).
    package let displayPath: String
    /// The folder's real location; nil when it cannot be resolved (missing, or not searchable).
    package let realPath: String?

    package init(_ path: String, display: String? = nil) {
        self.path = path
        self.displayPath = display ?? path
        self.realPath = FilePath.real(path)
    }

    /// Whether a resolved path is the root itself or lies inside it (`/wiki-old` is not inside `/wiki`).
    package func contains(real: String) -> Bool {
        guard let realPath else { return false }
        return real == realPath || real.hasPrefix(realPath == "/" ? "/" : realPath + "/")
    }

    /// The real location of `relative` (a path under the root, `/`-separated), or nil when it does
    /// not exist or resolves outside the root.
    package func resolve(_ relative: String) -> String? {
        guard let real = FilePath.real(relative.isEmpty ? path : path + "/" + relative), contains(real: real) else { return nil }
        return real
    }

    /// The bytes of the file at `relative`, or nil when it cannot be read or lies outside the root.
    package func read(_ relative: String) -> [UInt8]? {
        guard let real = resolve(relative) else { return nil }
        // The resolved path has no links left; opening it without following refuses one swapped in since.
        return FileReading.bytes(atPath: real)
    }

    /// A path under the root as diagnostics print it: the display folder joined with `relative`.
    package func display(_ relative: String) -> String {
        if displayPath.isEmpty || displayPath == "." { return relative }
        return displayPath.hasSuffix("/") ? displayPath + relative : displayPath + "/" + relative
    }

    /// The inverse of `display`: the path under the root that a diagnostic's file names, or nil when
    /// it names no file under the root (the root itself, or a file elsewhere).
    func relative(ofDisplayed file: String) -> String? {
        if displayPath.isEmpty || displayPath == "." { return file.isEmpty ? nil : file }
        let prefix = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        guard file.hasPrefix(prefix), file.count > prefix.count else { return nil }
        return String(file.dropFirst(prefix.count))
    }
}
