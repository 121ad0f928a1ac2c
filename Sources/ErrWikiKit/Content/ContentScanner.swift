import Foundation

/// Finds the article files of a content tree: every `*.md` file, hidden files and folders skipped,
/// each with its size and modification time (the fingerprint that tells a search index it is stale).
///
/// Symbolic links are never followed. One leading out of the root (by `ContentRoot`'s rule) is
/// reported; one whose target is inside is skipped silently (the walk reaches the target itself),
/// which also makes link loops harmless.
/// Uses readdir/lstat directly: `lookup` scans the whole tree on every run.
package struct ContentScanner {
    struct File: Sendable, Hashable {
        /// Path under the content root with `/` separators; read it through the root.
        var relativePath: String
        /// What identifies this version of the file without reading it.
        var stamp: FileStamp
    }

    let root: ContentRoot

    /// Every article file, and every problem met on the way: a link out of the root, and any part of
    /// the tree that cannot be read (the root itself, a folder, an entry's details), each named, so
    /// no article goes missing without a word.
    func scan() -> (files: [File], diagnostics: [Diagnostic]) {
        guard root.realPath != nil else {
            var info = stat()
            let reason = stat(root.path, &info) == 0 ? "its location cannot be resolved" : Self.reason()
            return ([], [unreadable(.unreadableFolder, "", "the content folder cannot be read: \(reason)")])
        }
        var files: [File] = []
        var diagnostics: [Diagnostic] = []
        // Breadth first. A stat per file is most of a lookup's cost on a large wiki and folders are
        // independent, so once the files found pass `parallelFrom` the rest of a level is scanned in
        // parallel; below it, starting the worker threads costs more than it saves.
        var level: [String] = [""]
        while !level.isEmpty {
            var results: [FolderScan] = []
            var next = level.startIndex
            var found = files.count
            while next < level.endIndex && found < Self.parallelFrom {
                results.append(scanFolder(level[next]))
                found += results[results.count - 1].files.count
                next += 1
            }
            results += ParallelMap.map(Array(level[next...])) { scanFolder($0) }
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

    /// - Parameter suffix: the files it collects (`.md` articles, `.tsv` catalogs).
    private func scanFolder(_ folder: String, suffix: String = ".md") -> FolderScan {
        var result = FolderScan()
        let absoluteFolder = folder.isEmpty ? root.path : root.path + "/" + folder
        // Not following a link: a folder swapped for one since it was listed is not entered.
        let directory = open(absoluteFolder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else {
            // A subfolder deleted since its parent was listed is simply gone.
            if errno != ENOENT || folder.isEmpty {
                let what = folder.isEmpty ? "the content folder" : "folder"
                result.diagnostics.append(unreadable(.unreadableFolder, folder, "\(what) cannot be read: \(Self.reason())",
                                                     hint: "the articles in it are left out; give errwiki read access or remove it"))
            }
            return result
        }
        defer { close(directory) }
        let listing = Self.entries(of: directory, suffix: suffix)
        if let failure = listing.failure {
            result.diagnostics.append(unreadable(.unreadableFolder, folder, "folder could not be listed completely: \(failure)"))
        }
        for entry in listing.entries.sorted(by: { Self.byteOrder($0.name, $1.name) }) where !entry.name.hasPrefix(".") {
            let name = entry.name
            let relative = folder.isEmpty ? name : folder + "/" + name
            var info = stat()
            // Relative to the open folder: no full path lookup per file.
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                // An entry deleted since the folder was listed is simply gone.
                if errno != ENOENT {
                    let isFolder = entry.type == UInt8(DT_DIR)
                    result.diagnostics.append(unreadable(isFolder ? .unreadableFolder : .unreadableFile, relative,
                                                         "cannot look at the \(isFolder ? "folder" : "file"): \(Self.reason())"))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                // The code catalogs' folder holds tables, not articles (`catalogFiles`).
                if relative != Self.catalogFolder { result.folders.append(relative) }
            case S_IFREG where name.hasSuffix(suffix):
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

    /// How many files a scan finds one folder at a time before it scans the rest in parallel.
    static let parallelFrom = 2_000

    /// The folder at the top of a content root that holds the code catalogs.
    package static let catalogFolder = "catalogs"

    /// The catalog files (`catalogs/*.tsv`), in name order, and the problems met reading the folder:
    /// the walk of an article folder (links never followed, unreadable parts named), its subfolders
    /// ignored.
    func catalogFiles() -> (files: [File], diagnostics: [Diagnostic]) {
        // Not a folder (missing, a file, or a link the root's own scan already names): no catalogs.
        var info = stat()
        guard lstat(root.path + "/" + Self.catalogFolder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return ([], []) }
        let scan = scanFolder(Self.catalogFolder, suffix: ".tsv")
        return (scan.files, scan.diagnostics)
    }

    /// The synonym vocabulary (`synonyms.tsv` at the top of the root), when it is a regular file; a
    /// link is named and not followed, like an article's.
    func synonymFile() -> (file: File?, diagnostics: [Diagnostic]) {
        var info = stat()
        let name = SynonymTable.fileName
        // Failing here means the root itself cannot be searched, which the root's scan reports.
        guard lstat(root.path + "/" + name, &info) == 0 else { return (nil, []) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (File(relativePath: name, stamp: FileStamp(info)), [])
        case S_IFLNK:
            return (nil, [Diagnostic(.symlinkOutside, .warning, at: SourceLocation(file: root.display(name), line: 1, column: 1),
                                     "the synonyms file is a symbolic link; not followed", hint: "copy the file into the content folder instead")])
        default: return (nil, [])
        }
    }

    /// An error at a path under the root (the root itself for ""), at line 1 as for a whole file.
    private func unreadable(_ rule: Rule, _ relative: String, _ message: String, hint: String? = nil) -> Diagnostic {
        let file = relative.isEmpty ? root.displayPath : root.display(relative)
        return Diagnostic(rule, at: SourceLocation(file: file, line: 1, column: 1), message, hint: hint)
    }

    /// The reason the last system call failed, as the system words it (`Permission denied`).
    private static func reason() -> String { String(cString: strerror(errno)) }

    /// The entries of an open folder (unsorted), without `.` and `..`, with readdir's type. Files not
    /// ending in `.md` that readdir already knows are regular files are dropped here, saving a stat
    /// each. `failure` says why the listing stopped early, when it did.
    static func entries(of descriptor: Int32, suffix: String = ".md") -> (entries: [(name: String, type: UInt8)], failure: String?) {
        let duplicate = dup(descriptor)
        guard duplicate >= 0, let directory = fdopendir(duplicate) else {
            let failure = reason()
            if duplicate >= 0 { close(duplicate) }
            return ([], failure)
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while true {
            // readdir returns nil both at the end and on an error; only errno tells them apart.
            errno = 0
            guard let entry = readdir(directory) else { break }
            let type = entry.pointee.d_type
            // Read the name in place: a dirent can be shorter than the struct, so copying
            // `entry.pointee` may read past the end of readdir's buffer.
            let name = String(cString: (UnsafeRawPointer(entry) + Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            if type == UInt8(DT_REG) && !name.hasSuffix(suffix) { continue }
            entries.append((name, type))
        }
        return (entries, errno == 0 ? nil : reason())
    }

    /// Byte-wise order (memcmp), much cheaper than `String`'s Unicode-aware comparison.
    package static func byteOrder(_ a: String, _ b: String) -> Bool {
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
