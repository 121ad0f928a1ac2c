import Foundation

/// One value that changes whenever any file of a tree is added, removed or edited, read from the
/// directory entries alone (no file is opened). `build` compares the content's with the last
/// build's to skip a build with nothing to do, `lookup` its index's, `serve` the content's and the
/// theme's to know when to rebuild.
package struct TreeStamp: Sendable, Equatable {
    /// A digest of every file's path and `FileStamp`, in the order given.
    package let value: UInt64
    /// The most recent modification or change time of any file, nanoseconds since 1970.
    package let latestChange: Int64

    /// `value` as 16 hex digits.
    package var digest: String { StableHasher.hex(value) }

    init(_ files: some Sequence<(path: String, stamp: FileStamp)>) {
        var hasher = StableHasher()
        var latest: Int64 = 0
        var count: Int64 = 0
        for (path, stamp) in files {
            hasher.combine(path)
            hasher.combine(stamp.size)
            hasher.combine(stamp.modified)
            hasher.combine(stamp.changed)
            hasher.combine(Int64(bitPattern: stamp.inode))
            latest = max(latest, stamp.latest)
            count += 1
        }
        hasher.combine(count)
        value = hasher.value
        latestChange = latest
    }

    /// Every regular file under `folder` (a theme), hidden files and folders skipped, symbolic links
    /// followed (the theme is read through them).
    package static func of(folder: String) -> TreeStamp {
        // Hidden folders (a theme kept in git has `.git`) are not walked at all: serve polls this.
        var names: [String] = []
        if let walk = FileManager.default.enumerator(atPath: folder) {
            while let name = walk.nextObject() as? String {
                if (name as NSString).lastPathComponent.hasPrefix(".") { walk.skipDescendants(); continue }
                names.append(name)
            }
        }
        return TreeStamp(names.sorted().lazy.compactMap { name -> (path: String, stamp: FileStamp)? in
            var info = stat()
            guard stat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            return (name, FileStamp(info))
        })
    }

    /// Whether a run that started at `builtAt` (ns since 1970) may have missed an edit made within
    /// the same coarse timestamp tick (see `FileStamp.racyWindow`).
    package func isRacy(builtAt: Int64) -> Bool {
        FileStamp.isRacy(changedAt: latestChange, builtAt: builtAt)
    }
}
