import Foundation

/// The bytes of a file mapped read-only into memory: a lookup touches only the pages it reads.
/// Falls back to an in-memory copy for bytes that did not come from a file.
final class IndexBytes: @unchecked Sendable {
    // Immutable after init; the mapping lives until deinit.
    let base: UnsafeRawPointer?
    let count: Int
    private let mapped: Bool
    private let owned: UnsafeMutableRawBufferPointer?

    init(copying bytes: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 8)
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        owned = buffer
        base = UnsafeRawPointer(buffer.baseAddress)
        count = bytes.count
        mapped = false
    }

    /// Maps `path`; nil when it cannot be opened or mapped (a missing index is simply rebuilt).
    init?(mapping path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(pointer)
        count = size
        mapped = true
        owned = nil
    }

    deinit {
        if mapped, let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
        owned?.deallocate()
    }

    var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
