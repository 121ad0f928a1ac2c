import Foundation

/// Hyperscan's part of `diagnose`: one database, in prefilter mode, of every signature whose
/// pattern `PrefilterPattern` can rewrite. Its ids are signature indices. The compiled database is
/// kept in the cache folder (one file per wiki) and used again while the patterns and the library
/// version are the same, so a small log does not pay the compile; a file that is damaged or stale
/// is compiled again and replaced, never trusted.
package final class HyperscanPrefilter: Sendable {
    package let database: HyperscanLibrary.Database
    /// Signatures the database does not cover (no rewrite, or Hyperscan refused them): they keep
    /// the literal prefilter.
    package let leftOver: [Int]
    /// How the database was obtained, for `--verbose`.
    package let origin: String
    package let library: HyperscanLibrary

    private init(database: HyperscanLibrary.Database, leftOver: [Int], origin: String, library: HyperscanLibrary) {
        self.database = database
        self.leftOver = leftOver
        self.origin = origin
        self.library = library
    }

    /// Flags of every expression: approximated where Hyperscan cannot match exactly, `^` and `$` at
    /// each line of a block. Without HS_FLAG_ALLOWEMPTY, Hyperscan refuses a pattern that can match
    /// the empty string, so every match ends inside the line where it matched; such a pattern keeps
    /// the literal prefilter.
    static let flags = HyperscanLibrary.Flag.prefilter | HyperscanLibrary.Flag.multiline

    /// Each signature's expression: its pattern rewritten (`PrefilterPattern`), or, when it cannot
    /// be, the literals the literal prefilter requires of it (`RequiredLiterals`, ASCII case
    /// ignored, as that prefilter does), so that such a pattern admits the very lines it admits in
    /// the Swift engine without a second scan of every line. A pattern with neither is left over.
    package static func expressions(_ sources: [String]) -> [HyperscanLibrary.Expression] {
        sources.enumerated().flatMap { index, source -> [HyperscanLibrary.Expression] in
            if let rewritten = PrefilterPattern(source) {
                return [HyperscanLibrary.Expression(pattern: rewritten.expression, flags: flags | (rewritten.caseless ? HyperscanLibrary.Flag.caseless : 0), id: UInt32(index))]
            }
            return RequiredLiterals(pattern: source).alternatives.map { literal in
                HyperscanLibrary.Expression(pattern: PrefilterPattern.literal(literal), flags: flags | HyperscanLibrary.Flag.caseless, id: UInt32(index))
            }
        }
    }

    /// The prefilter for `sources` (one per signature), from `cachePath` when it holds this very
    /// database; nil with the reason when Hyperscan cannot be used.
    package static func make(sources: [String], library: HyperscanLibrary, cachePath: String?) -> Result<HyperscanPrefilter, HyperscanLibrary.Unavailable> {
        let expressions = Self.expressions(sources)
        let key = cacheKey(expressions, version: library.version)
        let rewritten = Set(expressions.map { Int($0.id) })
        func leftOver(refused: Set<Int>) -> [Int] {
            sources.indices.filter { !rewritten.contains($0) || refused.contains($0) }
        }
        if let cachePath, let cached = CachedDatabase.read(cachePath, key: key), let database = library.database(serialized: cached.payload),
           database.scansHere {
            return .success(HyperscanPrefilter(database: database, leftOver: leftOver(refused: cached.refused), origin: "from the cache", library: library))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let (compiled, refused) = library.compile(expressions)
        guard let database = compiled, database.scansHere else {
            return .failure(HyperscanLibrary.Unavailable(description: "Hyperscan compiled none of the \(expressions.count) patterns"))
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let refusedSignatures = Set(refused.keys.map(Int.init))
        if let cachePath, let payload = database.serialized {
            // A cache that cannot be written only costs the next run a compile.
            try? CachedDatabase(key: key, refused: refusedSignatures, payload: payload).write(cachePath)
        }
        return .success(HyperscanPrefilter(database: database, leftOver: leftOver(refused: refusedSignatures),
                                            origin: "compiled in \(milliseconds) ms", library: library))
    }

    static func cacheKey(_ expressions: [HyperscanLibrary.Expression], version: String) -> String {
        var hasher = StableHasher()
        hasher.combine(version)
        hasher.combine(Int64(expressions.count))
        for expression in expressions {
            hasher.combine(Int64(expression.id))
            hasher.combine(Int64(expression.flags))
            hasher.combine(expression.pattern)
        }
        return hasher.hexDigest
    }
}

/// The cache file: four text lines (format, key, refused signatures, the payload's digest), then
/// the serialized database. Written atomically; read only when every line checks out.
struct CachedDatabase {
    static let magic = "errwiki-prefilter 1"
    var key: String
    var refused: Set<Int>
    var payload: [UInt8]

    static func digest(_ payload: [UInt8]) -> String {
        var hasher = StableHasher()
        payload.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.hexDigest
    }

    func write(_ path: String) throws {
        let header = [Self.magic, "key " + key, "refused " + refused.sorted().map(String.init).joined(separator: ","),
                      "digest " + Self.digest(payload)].joined(separator: "\n") + "\n"
        try AtomicFile.write(Array(header.utf8) + payload, to: path)
    }

    static func read(_ path: String, key: String) -> CachedDatabase? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var lines: [String] = []
        var start = 0
        while lines.count < 4 {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { return nil }
            lines.append(String(decoding: bytes[start..<newline], as: UTF8.self))
            start = newline + 1
        }
        guard lines[0] == magic, lines[1] == "key " + key, lines[2].hasPrefix("refused "), lines[3].hasPrefix("digest ") else { return nil }
        let payload = Array(bytes[start...])
        guard lines[3] == "digest " + digest(payload) else { return nil }
        let listed = lines[2].dropFirst("refused ".count).split(separator: ",")
        let refused = listed.compactMap { Int($0) }
        guard refused.count == listed.count else { return nil }
        return CachedDatabase(key: key, refused: Set(refused), payload: payload)
    }
}
