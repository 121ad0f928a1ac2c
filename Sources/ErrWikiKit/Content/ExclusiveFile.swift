import Foundation

/// Creates a file that must not exist yet (`O_EXCL`, never following a symbolic link) and writes all
/// of `bytes`, retrying short and interrupted writes. A new article and every page of a build are
/// written this way: nothing that exists is ever replaced.
public enum ExclusiveFile {
    public enum Failure: Error, Equatable {
        case exists
        case failed(reason: String)
    }

    public static func create(_ path: String, bytes: [UInt8]) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists }
            throw .failed(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var written = 0
        let reason: String? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return String(cString: strerror(errno)) }
                written += result
            }
            return nil
        }
        if let reason {
            unlink(path)
            throw .failed(reason: reason)
        }
    }
}
