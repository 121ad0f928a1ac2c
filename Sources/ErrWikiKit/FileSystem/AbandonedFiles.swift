import Foundation

/// Temporary files left by a process that was killed before it could rename or link them into
/// place. Their names carry the writer's pid: `.<name>.<pid>.<random><suffix>`. Only files whose
/// writer is gone are removed, so a concurrent writer's temporary file is never touched.
enum AbandonedFiles {
    static func remove(besides path: String, suffix: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = "." + (path as NSString).lastPathComponent + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pidText = middle.split(separator: ".").first, let pid = Int32(pidText), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { unlink(folder + "/" + name) }
        }
    }
}
