import CHyperscan
import Foundation

/// The only code that calls Hyperscan's C API (libhs.so.5: Intel's Hyperscan, or Vectorscan, its
/// portable fork). The library is opened with `dlopen` the first time `diagnose` asks for it, so a
/// lookup never loads it (nor its C++ start-up), and a machine without it, or a CPU it does not
/// support (SSE4.2 on x86), falls back to the pure-Swift matcher instead of failing to start.
///
/// A library that fails `passesKnownAnswer()` is not used: Debian 12's Vectorscan 5.4.9 misses that match
/// (two patterns sharing a `:\d+: ` prefix, the match beyond the line's first 16 bytes), a false
/// negative that a prefilter must never have. Intel's Hyperscan 5.4.0 passes.
package final class HyperscanLibrary: @unchecked Sendable {
    // Function pointers resolved once in init and never changed: safe to share.
    private typealias CompileMulti = @convention(c) (
        UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UInt32>?, UnsafePointer<UInt32>?, UInt32, UInt32,
        UnsafeRawPointer?, UnsafeMutablePointer<OpaquePointer?>?, UnsafeMutablePointer<UnsafeMutablePointer<hs_compile_error_t>?>?
    ) -> Int32
    private typealias FreeCompileError = @convention(c) (UnsafeMutablePointer<hs_compile_error_t>?) -> Int32
    private typealias FreePointer = @convention(c) (OpaquePointer?) -> Int32
    private typealias AllocScratch = @convention(c) (OpaquePointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias Serialize = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?) -> Int32
    private typealias Deserialize = @convention(c) (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias MatchHandler = @convention(c) (UInt32, UInt64, UInt64, UInt32, UnsafeMutableRawPointer?) -> Int32
    private typealias Scan = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UInt32, UInt32, OpaquePointer?, MatchHandler?, UnsafeMutableRawPointer?) -> Int32
    private typealias Version = @convention(c) () -> UnsafePointer<CChar>?
    private typealias ValidPlatform = @convention(c) () -> Int32

    private let compileMulti: CompileMulti
    private let freeCompileError: FreeCompileError
    private let freeDatabase: FreePointer
    private let freeScratch: FreePointer
    private let allocScratch: AllocScratch
    private let serialize: Serialize
    private let deserialize: Deserialize
    private let scan: Scan
    /// The library's version string, e.g. "5.4.9 2023-03-23"; part of the database cache key.
    package let version: String

    /// The library, or why it cannot be used (shown by `diagnose --verbose`).
    package static let shared: Result<HyperscanLibrary, Unavailable> = open()

    package struct Unavailable: Error, Sendable, CustomStringConvertible {
        package var description: String
    }

    private init(handle: UnsafeMutableRawPointer) throws(Unavailable) {
        func symbol<T>(_ name: String, as type: T.Type) throws(Unavailable) -> T {
            guard let address = dlsym(handle, name) else { throw Unavailable(description: "libhs.so.5 has no \(name)") }
            return unsafeBitCast(address, to: type)
        }
        compileMulti = try symbol("hs_compile_multi", as: CompileMulti.self)
        freeCompileError = try symbol("hs_free_compile_error", as: FreeCompileError.self)
        freeDatabase = try symbol("hs_free_database", as: FreePointer.self)
        freeScratch = try symbol("hs_free_scratch", as: FreePointer.self)
        allocScratch = try symbol("hs_alloc_scratch", as: AllocScratch.self)
        serialize = try symbol("hs_serialize_database", as: Serialize.self)
        deserialize = try symbol("hs_deserialize_database", as: Deserialize.self)
        scan = try symbol("hs_scan", as: Scan.self)
        let validPlatform = try symbol("hs_valid_platform", as: ValidPlatform.self)
        guard validPlatform() == HS_SUCCESS else { throw Unavailable(description: "this CPU lacks what Hyperscan needs (SSE4.2 on x86)") }
        version = try symbol("hs_version", as: Version.self)().map { String(cString: $0).trimmingCharacters(in: .whitespaces) } ?? "unknown"
        guard passesKnownAnswer() else {
            throw Unavailable(description: "libhs \(version) misses a match it must find (Vectorscan 5.4.9's false negative); install Intel's Hyperscan (apt-get install libhyperscan5)")
        }
    }

    /// Two shipped systemd patterns, rewritten and compiled as `diagnose` does, and a line the first matches.
    private func passesKnownAnswer() -> Bool {
        let (database, _) = compile(HyperscanPrefilter.expressions([":\\d+: Missing '='", ":\\d+: Assignment outside of section\\. Ignoring"]))
        guard let database, let scratch = database.makeScratch() else { return false }
        let line = Array("/tmp/sdv/bad.service:7: Missing '=', ignoring line.".utf8)
        var found: [UInt32] = []
        let scanned = line.withUnsafeBufferPointer { text in database.scan(text, scratch: scratch) { id, _ in found.append(id) } }
        return scanned && found == [0]
    }

    private static func open() -> Result<HyperscanLibrary, Unavailable> {
        guard let handle = dlopen("libhs.so.5", RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(Unavailable(description: "Hyperscan is not installed (\(reason)); apt-get install libhyperscan5"))
        }
        do { return .success(try HyperscanLibrary(handle: handle)) } catch { return .failure(error) }
    }

    /// Expression flags (`hs_compile.h`).
    package enum Flag {
        package static let caseless = UInt32(HS_FLAG_CASELESS)
        package static let multiline = UInt32(HS_FLAG_MULTILINE)
        package static let prefilter = UInt32(HS_FLAG_PREFILTER)
    }

    /// One expression for a database: Hyperscan's syntax, its flags, the id reported on a match.
    package struct Expression: Sendable, Hashable {
        package var pattern: String
        package var flags: UInt32
        package var id: UInt32
    }

    /// Compiles `expressions` in block mode. An expression Hyperscan refuses is left out with every
    /// other of its id, the id named in `refused` (with Hyperscan's reason), and the rest compiled again.
    package func compile(_ expressions: [Expression]) -> (database: Database?, refused: [UInt32: String]) {
        var remaining = expressions
        var refused: [UInt32: String] = [:]
        while !remaining.isEmpty {
            var database: OpaquePointer?
            var failure: UnsafeMutablePointer<hs_compile_error_t>?
            let patterns = remaining.map { strdup($0.pattern) }
            defer { patterns.forEach { free($0) } }
            let status = patterns.map { UnsafePointer($0) }.withUnsafeBufferPointer { pointers in
                remaining.map(\.flags).withUnsafeBufferPointer { flags in
                    remaining.map(\.id).withUnsafeBufferPointer { ids in
                        compileMulti(pointers.baseAddress, flags.baseAddress, ids.baseAddress, UInt32(remaining.count),
                                     UInt32(HS_MODE_BLOCK), nil, &database, &failure)
                    }
                }
            }
            if status == HS_SUCCESS, let database { return (Database(library: self, pointer: database), refused) }
            let message = failure.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(status)"
            let index = failure.map { Int($0.pointee.expression) } ?? -1
            if let failure { _ = freeCompileError(failure) }
            // A failure that names no expression (out of memory, a database too large) ends the try.
            guard remaining.indices.contains(index) else { break }
            // All of that id's expressions go: a signature is prefiltered by Hyperscan wholly or not at all.
            let id = remaining[index].id
            refused[id] = message
            remaining.removeAll { $0.id == id }
        }
        return (nil, refused)
    }

    /// A database from `serialized` bytes (as `Database.serialized` wrote them), or nil when
    /// Hyperscan does not accept them (another version, another CPU, damage).
    package func database(serialized bytes: [UInt8]) -> Database? {
        var database: OpaquePointer?
        let status = bytes.withUnsafeBytes { raw in
            deserialize(raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count, &database)
        }
        guard status == HS_SUCCESS, let database else { return nil }
        return Database(library: self, pointer: database)
    }

    /// A compiled database; freed with its last reference.
    package final class Database: @unchecked Sendable {
        // Read-only after compilation: Hyperscan allows one database to be scanned from many threads,
        // each with its own scratch.
        fileprivate let library: HyperscanLibrary
        fileprivate let pointer: OpaquePointer

        fileprivate init(library: HyperscanLibrary, pointer: OpaquePointer) {
            self.library = library
            self.pointer = pointer
        }

        deinit { _ = library.freeDatabase(pointer) }

        /// The database as bytes, for the cache.
        package var serialized: [UInt8]? {
            var bytes: UnsafeMutablePointer<CChar>?
            var length = 0
            guard library.serialize(pointer, &bytes, &length) == HS_SUCCESS, let bytes else { return nil }
            defer { free(bytes) }
            return Array(UnsafeRawBufferPointer(start: bytes, count: length))
        }

        /// Scratch space for one thread's scans.
        package func makeScratch() -> Scratch? {
            var scratch: OpaquePointer?
            guard library.allocScratch(pointer, &scratch) == HS_SUCCESS, let scratch else { return nil }
            return Scratch(library: library, pointer: scratch)
        }

        /// Calls `onMatch` with the id and end offset of every match in `bytes` (every end offset of
        /// every expression). False when Hyperscan could not scan (a database built for another CPU,
        /// for one): then the matches reported are not all there are.
        @discardableResult
        package func scan(_ bytes: UnsafeBufferPointer<UInt8>, scratch: Scratch, _ onMatch: (_ id: UInt32, _ end: Int) -> Void) -> Bool {
            guard bytes.count <= Int(UInt32.max) else { return false }  // hs_scan takes a 32-bit length
            return withoutActuallyEscaping(onMatch) { onMatch in
                var sink = onMatch
                let handler: MatchHandler = { id, _, to, _, context in
                    context!.assumingMemoryBound(to: ((UInt32, Int) -> Void).self).pointee(id, Int(to))
                    return 0
                }
                let status = withUnsafeMutablePointer(to: &sink) { context in
                    bytes.withMemoryRebound(to: CChar.self) { text in
                        library.scan(pointer, text.baseAddress, UInt32(text.count), 0, scratch.pointer, handler, context)
                    }
                }
                return status == HS_SUCCESS
            }
        }

        /// Whether this database scans on this machine (one read from the cache may have been
        /// compiled on another CPU, which Hyperscan refuses at scan time).
        package var scansHere: Bool {
            guard let scratch = makeScratch() else { return false }
            let line = Array("errwiki".utf8)
            return line.withUnsafeBufferPointer { scan($0, scratch: scratch) { _, _ in } }
        }
    }

    /// Per-thread scan state; freed with its last reference. Sendable so that it can be handed to
    /// the thread that uses it; one scan at a time may use it.
    package final class Scratch: @unchecked Sendable {
        fileprivate let library: HyperscanLibrary
        fileprivate let pointer: OpaquePointer

        fileprivate init(library: HyperscanLibrary, pointer: OpaquePointer) {
            self.library = library
            self.pointer = pointer
        }

        deinit { _ = library.freeScratch(pointer) }
    }
}
