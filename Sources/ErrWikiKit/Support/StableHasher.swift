/// FNV-1a, 64-bit: the same digest in every process (Swift's `Hasher` is seeded per run), for
/// fingerprints kept on disk between runs: page digests, tree stamps, the index file's name. Not
/// for security.
package struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func combine(bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }

    package mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
        combine(Int64(text.utf8.count)) // so ("ab","c") and ("a","bc") differ
    }

    package mutating func combine(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { combine(bytes: $0) }
    }

    package mutating func combine(_ values: [String]) {
        combine(Int64(values.count))
        for value in values { combine(value) }
    }

    package var value: UInt64 { state }
    package var hexDigest: String { Self.hex(state) }

    /// A digest as 16 hex digits, as manifests and file names hold it.
    package static func hex(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
