import Foundation

/// Writes a file so that readers see the old content or the new, never a mix: a temporary file in
/// the same folder, flushed, then renamed over the target.
package enum AtomicFile {
    package static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = try FlushedTemporaryFile.write(bytes, besides: path, suffix: ".tmp")
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
