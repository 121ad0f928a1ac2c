import Foundation

/// Finds the article files of a content tree: every `*.md` file, hidden files and folders skipped,
/// each with its size and modification time (the fingerprint that tells a search index it is stale).
///
/// Symbolic links are never followed. One leading out of the root (by `ContentRoot`'s rule) is
/// reported; one whose target is inside is skipped silently (the walk reaches the target itself),
/// which also makes link loops harmless.
/// Uses readdir/lstat directly: `lookup` scans the whole tree on every run.
struct ContentScanner {
    struct File: Sendable, Hashable {
        /// Path under the content root with `/` separators; read it through the root.
        var relativePath: String
        /// What identifies this version of the file without reading it.
        var stamp: FileStamp
    }

    let root: ContentRoot

    func scan() -> (files: [File], diagnostics: [Diagnostic]) {
        guard root.realPath != nil else { return ([], []) }
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        // Breadth first, the folders of one level in parallel: a stat per file is most of a lookup's
        // cost on a large wiki, and folders are independent.
        var level: [String] = [""]
        while !level.isEmpty {
            let results = ParallelMap.map(level) { scanFolder($0) }
            level = results.flatMap(\.folders)
            for result in results {
                files += result.files
                diagnostics += result.diagnostics
            }
        }
        // Folders are visited in name order and each folder's names are sorted, so the order is stable.
        return (files, diagnostics)
    }

    private struct FolderScan: Sendable {
        var files: [File] = []
        var folders: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    private func scanFolder(_ folder: String) -> FolderScan {
        var result = FolderScan()
        let absoluteFolder = folder.isEmpty ? root.path : root.path + "/" + folder
        // Not following a link: a folder swapped for one since it was listed is not entered.
        let directory = open(absoluteFolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else { return result }
        defer { close(directory) }
        for name in Self.entries(of: directory).sorted(by: Self.byteOrder) where !name.hasPrefix(".") {
            let relative = folder.isEmpty ? name : folder + "/" + name
            var info = stat()
            // Relative to the open folder: no full path lookup per file.
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                result.folders.append(relative)
            case S_IFREG where name.hasSuffix(".md"):
                result.files.append(File(relativePath: relative, stamp: FileStamp(info)))
            case S_IFLNK:
                let location = SourceLocation(file: root.display(relative), line: 1, column: 1)
                guard let target = FilePath.real(absoluteFolder + "/" + name) else {
                    result.diagnostics.append(Diagnostic(.brokenSymlink, .warning, at: location,
                                                         "symbolic link is broken or loops; skipped"))
                    continue
                }
                if !root.contains(real: target) {
                    result.diagnostics.append(Diagnostic(.symlinkOutside, .warning, at: location,
                                                         "symbolic link points outside the content folder; not followed",
                                                         hint: "copy the article into the content folder instead"))
                }
            default:
                continue
            }
        }
        return result
    }

    /// The names in an open folder (unsorted), without `.` and `..`. Files not ending in `.md` that
    /// readdir already knows are regular files are dropped here, saving a stat each.
    static func entries(of descriptor: Int32) -> [String] {
        let duplicate = dup(descriptor)
        guard duplicate >= 0, let directory = fdopendir(duplicate) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            // Read the name in place: a dirent can be shorter than the struct, so copying
            // `entry.pointee` may read past the end of readdir's buffer.
            let name = String(cString: (UnsafeRawPointer(entry) + Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            if type == UInt8(DT_REG) && !name.hasSuffix(".md") { continue }
            names.append(name)
        }
        return names
    }

    /// Byte-wise order (memcmp), much cheaper than `String`'s Unicode-aware comparison.
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                let common = min(left.count, right.count)
                let result = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return result != 0 ? result < 0 : left.count < right.count
            }
        }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

}
