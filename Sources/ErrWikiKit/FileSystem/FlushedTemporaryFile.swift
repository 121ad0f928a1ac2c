import Foundation

/// The first half of every whole-or-nothing write: the bytes in a hidden temporary file beside the
/// target, flushed to disk, named `.<name>.<pid>.<random><suffix>` so that a later write can remove
/// it if this process dies before renaming or linking it into place (`AbandonedFiles`).
enum FlushedTemporaryFile {
    /// Returns the temporary file's path; the caller renames or links it, then unlinks it.
    static func write(_ bytes: [UInt8], besides path: String, suffix: String) throws(ExclusiveFile.Failure) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        AbandonedFiles.remove(besides: path, suffix: suffix)
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max))" + suffix
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .failed(reason: String(cString: strerror(errno))) }
        var reason = ExclusiveFile.writeAll(bytes, to: descriptor)
        if reason == nil && fsync(descriptor) != 0 { reason = String(cString: strerror(errno)) }
        close(descriptor)
        if let reason {
            unlink(temporary)
            throw .failed(reason: reason)
        }
        return temporary
    }
}
