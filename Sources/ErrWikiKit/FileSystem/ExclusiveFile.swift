import Foundation

/// Creates files that must not exist yet; nothing that exists is ever replaced.
package enum ExclusiveFile {
    package enum Failure: Error, Equatable {
        case exists
        case failed(reason: String)
    }

    /// Creates `path` (`O_EXCL`, never following a symbolic link) and writes all of `bytes`, retrying
    /// short and interrupted writes. For files inside a staging folder, which is discarded whole if
    /// the process dies.
    package static func create(_ path: String, bytes: [UInt8]) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists }
            throw .failed(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        if let reason = writeAll(bytes, to: descriptor) {
            unlink(path)
            throw .failed(reason: reason)
        }
    }

    /// Makes `path` appear whole or not at all, even if the process is killed half-way (a new
    /// article): the bytes go to a hidden temporary file in the same folder, are flushed, then
    /// hard-linked to `path`. `link` fails when `path` exists, so it never replaces anything.
    package static func publish(_ path: String, bytes: [UInt8]) throws(Failure) {
        let temporary = try FlushedTemporaryFile.write(bytes, besides: path, suffix: ".partial")
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { throw .exists }
            throw .failed(reason: String(cString: strerror(errno)))
        }
    }

    /// Writes every byte; the reason on failure.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        return bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return String(cString: strerror(errno)) }
                written += result
            }
            return nil
        }
    }
}
