/// Little-endian binary writing for the search index.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func string(_ value: String) {
        varint(UInt64(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        varint(UInt64(values.count))
        for value in values { string(value) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}

/// Bounds-checked reading: a truncated or corrupt index throws instead of crashing.
struct ByteReader {
    struct Corrupt: Error {}

    let bytes: UnsafeRawBufferPointer
    var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    mutating func u8() throws -> UInt8 {
        guard offset < bytes.count else { throw Corrupt() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u32() throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw Corrupt() }
        defer { offset += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    mutating func u64() throws -> UInt64 {
        guard offset >= 0, offset + 8 <= bytes.count else { throw Corrupt() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try u8()
            guard shift < 64 else { throw Corrupt() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int {
        let value = try varint()
        guard value <= UInt64(Int32.max) else { throw Corrupt() }
        return Int(value)
    }

    mutating func string() throws -> String {
        let count = try int()
        guard offset + count <= bytes.count else { throw Corrupt() }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
    }

    /// Steps over a string without making one.
    mutating func skipString() throws {
        let count = try int()
        guard offset + count <= bytes.count else { throw Corrupt() }
        offset += count
    }

    mutating func strings() throws -> [String] {
        let count = try int()
        guard count <= bytes.count - offset else { throw Corrupt() }
        return try (0..<count).map { _ in try string() }
    }
}
