import ErrWikiKit
import Foundation

/// The site's folder on disk, replaced whole: a build writes into a hidden staging folder beside it
/// and swaps it in only when every page is written, so a failed or interrupted build leaves the
/// previous site exactly as it was. A folder is only ever replaced if an earlier build made it (it
/// holds the `.errwiki-site` marker) or it is empty: a mistyped `--out` never deletes anyone's files.
struct OutputFolder {
    static let markerName = ".errwiki-site"

    /// Absolute, standardized.
    let path: String
    var parent: String { (path as NSString).deletingLastPathComponent }
    var name: String { (path as NSString).lastPathComponent }
    var stagingPrefix: String { ".\(name).errwiki-build-" }
    /// Lists a folder's names. A seam for tests: as root (the tests' user) permissions never make it fail.
    let listFolder: @Sendable (String) throws -> [String]

    init(_ path: String, listFolder: @escaping @Sendable (String) throws -> [String] = { try FileManager.default.contentsOfDirectory(atPath: $0) }) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        // A link that resolves is followed (the site replaces what it points at, as before); one that
        // does not (a loop, a dangling link) stays as given, and `validate` refuses it.
        self.path = FilePath.real(absolute) ?? FilePath.lexical(absolute)
        self.listFolder = listFolder
    }

    /// Refuses folders a build must never replace.
    func validate(protecting protected: [String]) throws(BuildError) {
        let real = FilePath.real(path) ?? path
        if real == "/" || real == FilePath.real(NSHomeDirectory()) {
            throw .output("\(path): refusing to replace this folder with a site; choose another --out")
        }
        for folder in protected {
            guard let protectedReal = FilePath.real(folder) else { continue }
            if protectedReal == real || protectedReal.hasPrefix(real + "/") || real.hasPrefix(protectedReal + "/") {
                throw .output("\(path): the output folder may not contain or be inside \(folder); choose another --out")
            }
        }
        // Only a name that is certainly free is free: something that cannot be read (a link loop, a
        // dangling link, a folder that cannot be listed) may be someone's files.
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return }
            throw .output("\(path): cannot be read (\(String(cString: strerror(errno)))); refusing to replace it (choose another --out)")
        }
        guard stat(path, &info) == 0 else {
            throw .output("\(path): cannot be read (\(String(cString: strerror(errno)))); refusing to replace it (choose another --out)")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .output("\(path): exists and is not a folder; refusing to replace it (choose another --out)")
        }
        let entries: [String]
        do {
            entries = try listFolder(path)
        } catch {
            throw .output("\(path): cannot be listed (\(error.localizedDescription)); refusing to replace a folder whose contents are unknown (choose another --out)")
        }
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            throw .output("\(path): exists and was not made by errwiki build (no \(Self.markerName) in it); refusing to replace it. Choose another --out or empty that folder yourself")
        }
    }

    var lockPath: String { parent + "/." + name + ".errwiki-lock" }

    /// Takes the output's lock file (`.<name>.errwiki-lock` beside it) for the build, so two builds
    /// into one folder cannot interleave: the second one stops with a message. The file is removed
    /// when the build ends; a lock taken on a file that was removed meanwhile is retried, so two
    /// builds can never each hold a different file. The kernel drops the lock if the process dies.
    func lock() throws(BuildError) -> Int32 {
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        for _ in 0..<100 {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw .output("\(lockPath): cannot open the lock file: \(String(cString: strerror(errno)))") }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                throw .output("\(path): another errwiki build is writing this folder; try again when it has finished")
            }
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(lockPath, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return descriptor
            }
            close(descriptor)
        }
        throw .output("\(lockPath): the lock file keeps changing; is another build running?")
    }

    func unlock(_ descriptor: Int32) {
        unlink(lockPath)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// A fresh staging folder beside the output. Leftovers of builds that were killed are removed first.
    func makeStaging() throws(BuildError) -> String {
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(stagingPrefix) {
            // `<prefix><pid>` is a staging folder, `<prefix>old-<pid>` a previous site moved aside.
            let suffix = entry.dropFirst(stagingPrefix.count)
            if let pid = Int32(suffix.hasPrefix("old-") ? suffix.dropFirst(4) : suffix), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: parent + "/" + entry)
            }
        }
        let staging = parent + "/" + stagingPrefix + String(getpid())
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw .output("\(staging): cannot create the staging folder: \(String(cString: strerror(errno)))")
        }
        return staging
    }

    /// Puts the finished staging folder in place of the output folder in one step (an atomic exchange
    /// where the file system supports it), then deletes the previous site.
    func commit(staging: String) throws(BuildError) {
        if access(path, F_OK) != 0 {
            guard rename(staging, path) == 0 else { throw .output("\(path): cannot move the new site in place: \(String(cString: strerror(errno)))") }
            return
        }
        if Self.exchange(staging, path) {
            try? FileManager.default.removeItem(atPath: staging)
            return
        }
        // No atomic exchange here: two renames, with the old site kept until the new one is in place.
        let previous = parent + "/" + stagingPrefix + "old-" + String(getpid())
        guard rename(path, previous) == 0 else { throw .output("\(path): cannot move the previous site aside: \(String(cString: strerror(errno)))") }
        guard rename(staging, path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(previous, path)
            throw .output("\(path): cannot move the new site in place: \(reason)")
        }
        try? FileManager.default.removeItem(atPath: previous)
    }

    func discard(staging: String) {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux `renameat2(RENAME_EXCHANGE)`, looked up at run time (Swift's Glibc module does not declare it).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}
