import Foundation

/// One value that changes whenever any article file of a tree is added, removed or edited, read from
/// the directory entries alone (no file is opened). `build` compares it with the last build's to
/// skip a build with nothing to do.
public struct ContentStamp: Sendable, Equatable {
    /// A digest of every file's path, size, times and inode, in scan order.
    public let digest: String
    /// The most recent modification or change time of any file, nanoseconds since 1970.
    public let latestChange: Int64

    public static func of(root: String) -> ContentStamp {
        let (files, _) = ContentScanner(root: ContentRoot(root)).scan()
        var hasher = StableHasher()
        var latest: Int64 = 0
        for file in files {
            hasher.combine(file.relativePath)
            hasher.combine(file.stamp.size)
            hasher.combine(file.stamp.modified)
            hasher.combine(file.stamp.changed)
            hasher.combine(Int64(bitPattern: file.stamp.inode))
            latest = max(latest, file.stamp.latest)
        }
        hasher.combine(Int64(files.count))
        return ContentStamp(digest: hasher.hexDigest, latestChange: latest)
    }

    /// Whether a build that started at `builtAt` (ns since 1970) may have missed an edit made within
    /// the same coarse timestamp tick.
    public func isRacy(builtAt: Int64) -> Bool {
        latestChange >= builtAt - 100_000_000
    }
}

/// FNV-1a, 64-bit: the same digest in every process (Swift's `Hasher` is seeded per run), for
/// fingerprints kept on disk between builds. Not for security.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(Int64(text.utf8.count)) // so ("ab","c") and ("a","bc") differ
    }

    public mutating func combine(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { combine(bytes: $0) }
    }

    public mutating func combine(_ values: [String]) {
        combine(Int64(values.count))
        for value in values { combine(value) }
    }

    public var value: UInt64 { state }
    public var hexDigest: String {
        let hex = String(state, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
