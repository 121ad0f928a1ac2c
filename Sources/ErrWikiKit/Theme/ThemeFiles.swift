import Foundation

/// A theme's files by path (`article.mustache`, `assets/style.css`, `article.md`): read from a
/// folder, or the default theme built into the binary (`EmbeddedTheme`), so `build`, `serve` and
/// `new` work in a folder that has only articles.
package struct ThemeFiles: Sendable {
    /// The folder, or nil for the built-in theme.
    package var folder: String?
    package var files: [String: [UInt8]]

    /// How messages name the theme.
    package var label: String { folder ?? "(built-in theme)" }

    /// The built-in theme, decoded once.
    package static let builtIn: ThemeFiles = ThemeFiles(folder: nil, files: Dictionary(uniqueKeysWithValues: EmbeddedTheme.base64Files.map {
        ($0.path, [UInt8](Data(base64Encoded: $0.base64, options: .ignoreUnknownCharacters) ?? Data()))
    }))

    package struct Unreadable: Error, CustomStringConvertible {
        package var description: String
    }

    /// The top-level files and those in `assets/` (not deeper; hidden files skipped), as a build reads them.
    package static func read(folder: String) throws(Unreadable) -> ThemeFiles {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Unreadable(description: "\(folder): no such templates folder (pass --templates DIR)")
        }
        var files: [String: [UInt8]] = [:]
        for sub in ["", "assets/"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + sub)) ?? []
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + sub + name
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(description: "\(path): cannot be read") }
                files[sub + name] = [UInt8](data)
            }
        }
        return ThemeFiles(folder: folder, files: files)
    }

    /// Writes every file under `destination`, which must not exist or be empty (nothing is overwritten).
    package func export(to destination: String) throws(Unreadable) {
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: destination), !existing.isEmpty {
            throw Unreadable(description: "\(destination): not empty; export the theme into a new or empty folder")
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isFolder), !isFolder.boolValue {
            throw Unreadable(description: "\(destination): exists and is not a folder")
        }
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let target = destination + "/" + path
            do {
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
            } catch {
                throw Unreadable(description: "\(target): cannot be written (\(error.localizedDescription))")
            }
        }
    }
}
