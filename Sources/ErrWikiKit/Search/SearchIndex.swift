/// The persisted search index: a compact binary file read without decoding it whole.
///
/// Layout (little endian): a header (magic, format version, ranking fingerprint, tree fingerprint,
/// counts, section offsets), then twelve tables, each `u32 offsets[count + 1]` followed by a blob:
/// articles (summary records), terms (sorted bytes), postings (per term: count, then
/// doc-delta/weight varint pairs), keys (sorted normalised ids and codes), key postings (doc lists),
/// left out (the paths of the article files not indexed because they have errors), five catalog
/// tables and the synonym groups, then a `u32` weighted length per article. A lookup binary-searches terms and keys in place and decodes only
/// the postings of its query terms and the records of the articles it shows; a read that does not
/// decode marks the index damaged (`isDamaged`) instead of answering from it.
package struct SearchIndex: Sendable {
    /// 2: the left-out table. 3: terms cut at a character boundary (the shared ranking's tokenizer).
    /// 4: the code catalogs (headers, entries, keys, the articles that claim each entry).
    /// 5: the synonym vocabulary (one entry per group, `SynonymTable.lines`), and the ranking's
    /// fingerprint after the version.
    package static let formatVersion: UInt32 = 6
    /// The index stores weighted terms: one written by a binary with other weights or rules is not
    /// reused, not even in part.
    /// Written out, so that a lookup does not build the ranking spec's JSON only to hash it (about
    /// 3 % of a lookup in a profile); `RankingTests.theRankingFingerprintIsTheSpecs` fails, naming
    /// the new value, when the spec changes without it.
    package static let rankingFingerprint: UInt64 = 0x3c8e4695733d11f8

    /// The fingerprint of `RankingSpec.json` as it is now.
    static var computedRankingFingerprint: UInt64 {
        var hasher = StableHasher()
        hasher.combine(RankingSpec.json)
        return hasher.value
    }
    /// How many tables follow the header.
    static let tableCount = 12
    static let magic: [UInt8] = Array("ERRWIDX\u{0}".utf8)

    private let storage: IndexBytes
    /// Fingerprint of the content tree the index was built from.
    package let treeHash: UInt64
    /// When the index was built (nanoseconds since 1970): files touched shortly before it may have
    /// changed again within one timestamp tick, so they are not trusted (see `IndexStore`).
    package let builtAt: Int64
    package let articleCount: Int
    package let averageLength: Double
    private let articles: Table
    private let terms: Table
    private let postings: Table
    private let keys: Table
    private let keyPostings: Table
    /// The code catalogs: one header record per catalog (`CatalogHeaderRecord`), one record per
    /// entry, the sorted entry keys with their entries, and per entry the articles that claim it.
    let catalogHeaderTable: Table
    let catalogEntries: Table
    let catalogKeys: Table
    let catalogKeyEntries: Table
    let entryClaims: Table
    private let lengthsOffset: Int
    /// Paths under the content root of the article files left out because they have errors, so
    /// every lookup can name them, not only the one that rebuilt the index.
    package let leftOut: [String]
    /// The content root's synonym vocabulary, decoded whole on open (a few hundred short lines).
    package let synonyms: SynonymTable
    private let damage = IndexDamage()
    /// The catalogs' headers (a few small records), decoded once on open.
    package private(set) var catalogHeaders: [CodeCatalog] = []
    /// Where each catalog's entries start in `catalogEntries`.
    private(set) var catalogEntryStarts: [Int] = []

    struct Table: Sendable {
        var offsetsStart: Int
        var count: Int
        var blobStart: Int
    }

    /// Opens serialised index bytes; throws when they are not a complete index of this format.
    package init(bytes: [UInt8]) throws {
        try self.init(storage: IndexBytes(copying: bytes))
    }

    /// Maps an index file; throws when it is missing, damaged or of another format version.
    package init(mappingFile path: String) throws {
        guard let storage = IndexBytes(mapping: path) else { throw ByteReader.Corrupt() }
        try self.init(storage: storage)
    }

    init(storage: IndexBytes) throws {
        self.storage = storage
        let bytes = storage.buffer
        var header = Self.Header()
        try { (raw: UnsafeRawBufferPointer) in
            var reader = ByteReader(raw)
            for expected in Self.magic where try reader.u8() != expected { throw ByteReader.Corrupt() }
            guard try reader.u32() == Self.formatVersion, try reader.u64() == Self.rankingFingerprint else { throw ByteReader.Corrupt() }
            header.treeHash = try reader.u64()
            header.builtAt = Int64(bitPattern: try reader.u64())
            guard try reader.u64() == UInt64(raw.count) else { throw ByteReader.Corrupt() }
            header.lengthSum = try reader.u64()
            // An offset beyond the file is damage, not a trap: every conversion is checked.
            header.lengthsOffset = try Self.offset(reader.u64(), within: raw.count)
            header.tables = try (0..<Self.tableCount).map { _ in
                let start = try Self.offset(reader.u64(), within: raw.count)
                let count = try Self.offset(UInt64(reader.u32()), within: raw.count)
                return try Self.validatedTable(raw, start: start, count: count)
            }
        }(bytes)
        treeHash = header.treeHash
        builtAt = header.builtAt
        (articles, terms, postings, keys, keyPostings) = (header.tables[0], header.tables[1], header.tables[2], header.tables[3], header.tables[4])
        (catalogHeaderTable, catalogEntries, catalogKeys, catalogKeyEntries, entryClaims) =
            (header.tables[6], header.tables[7], header.tables[8], header.tables[9], header.tables[10])
        articleCount = articles.count
        guard terms.count == postings.count, keys.count == keyPostings.count,
              catalogKeys.count == catalogKeyEntries.count, catalogEntries.count == entryClaims.count,
              header.lengthsOffset >= 0, header.lengthsOffset + 4 * articleCount <= bytes.count else { throw ByteReader.Corrupt() }
        lengthsOffset = header.lengthsOffset
        // A few names, read on every lookup anyway: checked here, whole.
        let leftOutTable = header.tables[5]
        leftOut = try (0..<leftOutTable.count).map { index in
            let entry = UnsafeRawBufferPointer(rebasing: bytes[Self.range(bytes, leftOutTable, index)])
            guard let path = String(validating: entry, as: UTF8.self) else { throw ByteReader.Corrupt() }
            return path
        }
        let synonymTable = header.tables[11]
        synonyms = SynonymTable(lines: try (0..<synonymTable.count).map { index in
            let entry = UnsafeRawBufferPointer(rebasing: bytes[Self.range(bytes, synonymTable, index)])
            guard let line = String(validating: entry, as: UTF8.self) else { throw ByteReader.Corrupt() }
            return line
        })
        averageLength = articleCount == 0 ? 1 : max(1, Double(header.lengthSum) / Double(articleCount))
        var starts: [Int] = []
        catalogHeaders = try (0..<catalogHeaderTable.count).map { index in
            let record = Self.range(bytes, catalogHeaderTable, index)
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[..<record.upperBound]), offset: record.lowerBound)
            let (catalog, start, count) = try CatalogRecords.readHeader(&reader)
            guard reader.offset == record.upperBound, start >= (starts.last ?? 0),
                  start + count <= catalogEntries.count else { throw ByteReader.Corrupt() }
            starts.append(start)
            return catalog
        }
        catalogEntryStarts = starts
    }

    private struct Header {
        var treeHash: UInt64 = 0
        var builtAt: Int64 = 0
        var lengthSum: UInt64 = 0
        var lengthsOffset = 0
        var tables: [Table] = []
    }

    /// A header value that must lie within a file of `size` bytes.
    private static func offset(_ value: UInt64, within size: Int) throws -> Int {
        guard value <= UInt64(size) else { throw ByteReader.Corrupt() }
        return Int(value)
    }

    /// Checks a table's offsets are in bounds and ascending, so later reads need only cheap checks.
    /// `start` and `count` are at most the file size (`offset(_:within:)`), so nothing overflows.
    private static func validatedTable(_ raw: UnsafeRawBufferPointer, start: Int, count: Int) throws -> Table {
        let blobStart = start + 4 * (count + 1)
        guard start >= 0, count >= 0, blobStart <= raw.count else { throw ByteReader.Corrupt() }
        var reader = ByteReader(raw, offset: start)
        var previous: UInt32 = 0
        for _ in 0...count {
            let offset = try reader.u32()
            guard offset >= previous, blobStart + Int(offset) <= raw.count else { throw ByteReader.Corrupt() }
            previous = offset
        }
        return Table(offsetsStart: start, count: count, blobStart: blobStart)
    }

    // MARK: - Reading

    private func withRaw<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(storage.buffer)
    }

    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(storage.buffer.assumingMemoryBound(to: UInt8.self))
    }

    func range(_ table: Table, _ index: Int) -> Range<Int> {
        withRaw { Self.range($0, table, index) }
    }

    private static func range(_ raw: UnsafeRawBufferPointer, _ table: Table, _ index: Int) -> Range<Int> {
        let lower = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: table.offsetsStart + 4 * index, as: UInt32.self)))
        let upper = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: table.offsetsStart + 4 * index + 4, as: UInt32.self)))
        return (table.blobStart + lower)..<(table.blobStart + upper)
    }

    func compare(_ table: Table, _ index: Int, with key: [UInt8], prefixOnly: Bool = false) -> Int {
        let bytes = range(table, index)
        return withBytes { buffer in
            let entry = UnsafeBufferPointer(rebasing: buffer[bytes])
            let common = min(entry.count, key.count)
            for offset in 0..<common where entry[offset] != key[offset] {
                return entry[offset] < key[offset] ? -1 : 1
            }
            if prefixOnly && entry.count >= key.count { return 0 }
            return entry.count == key.count ? 0 : (entry.count < key.count ? -1 : 1)
        }
    }

    /// The first index whose entry is not below `key` (as a prefix when `prefixOnly`).
    func lowerBound(_ table: Table, _ key: [UInt8]) -> Int {
        var low = 0, high = table.count
        while low < high {
            let middle = (low + high) / 2
            if compare(table, middle, with: key) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    package var termCount: Int { terms.count }

    /// The index of a term, if the vocabulary has it.
    package func termIndex(_ term: String) -> Int? {
        let key = Array(term.utf8)
        let index = lowerBound(terms, key)
        return index < terms.count && compare(terms, index, with: key) == 0 ? index : nil
    }

    /// Indices of the terms that start with `prefix` (including the prefix itself), in order.
    package func termIndices(withPrefix prefix: String) -> Range<Int> {
        let key = Array(prefix.utf8)
        let start = lowerBound(terms, key)
        var end = start
        while end < terms.count && compare(terms, end, with: key, prefixOnly: true) == 0 { end += 1 }
        return start..<end
    }

    package func term(at index: Int) -> String {
        withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range(terms, index)]), as: UTF8.self) }
    }

    /// Calls `body` with each term's bytes, for typo matching over the whole vocabulary.
    func forEachTerm(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        withBytes { buffer in
            for index in 0..<terms.count {
                body(index, UnsafeBufferPointer(rebasing: buffer[range(terms, index)]))
            }
        }
    }

    /// Whether a read found bytes that do not decode. Nothing read from a damaged index is an answer:
    /// a posting list that does not decode reads as empty (`IndexStore.answer` rebuilds and asks again).
    package var isDamaged: Bool { damage.isFound }

    /// A decoding read of one entry (`bytes` of the index), which must consume all of it unless
    /// `whole` is false. A failure marks the index damaged and gives `fallback`.
    func decoding<Result>(_ bytes: Range<Int>, _ fallback: Result, whole: Bool = true,
                                  _ read: (inout ByteReader) throws -> Result) -> Result {
        do {
            return try withRaw { raw in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[..<bytes.upperBound]), offset: bytes.lowerBound)
                let result = try read(&reader)
                guard !whole || reader.offset == bytes.upperBound else { throw ByteReader.Corrupt() }
                return result
            }
        } catch {
            damage.record()
            return fallback
        }
    }

    /// The count that starts a posting list: at least one article, at most all of them.
    private func postingCount(_ reader: inout ByteReader) throws -> Int {
        let count = try reader.int()
        guard count > 0, count <= articleCount else { throw ByteReader.Corrupt() }
        return count
    }

    /// How many articles contain the term.
    package func documentFrequency(_ termIndex: Int) -> Int {
        decoding(range(postings, termIndex), 0, whole: false) { try postingCount(&$0) }
    }

    /// (article, weight in half units) for each article containing the term, by article.
    package func postings(_ termIndex: Int) -> [(article: Int, weight: UInt32)] {
        decoding(range(postings, termIndex), []) { reader in
            let count = try postingCount(&reader)
            var result: [(article: Int, weight: UInt32)] = []
            result.reserveCapacity(count)
            var article = 0
            for position in 0..<count {
                let delta = try reader.int()
                // Articles ascend: a repeated one is damage, not a second posting.
                guard position == 0 || delta > 0 else { throw ByteReader.Corrupt() }
                article += delta
                guard article < articleCount else { throw ByteReader.Corrupt() }
                result.append((article, UInt32(try reader.int())))
            }
            return result
        }
    }

    /// Articles whose id or one of whose codes has exactly this normalised key (`Tokenizer.key`).
    package func articles(withKey key: String) -> [Int] {
        let bytes = Array(key.utf8)
        let index = lowerBound(keys, bytes)
        guard index < keys.count, compare(keys, index, with: bytes) == 0 else { return [] }
        return keyArticles(index)
    }

    /// Articles with an id or code key that starts with `prefix`.
    package func articles(withKeyPrefix prefix: String) -> [Int] {
        let bytes = Array(prefix.utf8)
        var index = lowerBound(keys, bytes)
        var found: Set<Int> = []
        while index < keys.count && compare(keys, index, with: bytes, prefixOnly: true) == 0 {
            found.formUnion(keyArticles(index))
            index += 1
        }
        return found.sorted()
    }

    private func keyArticles(_ index: Int) -> [Int] {
        let bytes = range(keyPostings, index)
        return decoding(bytes, []) { reader in
            var result: [Int] = []
            var article = 0
            repeat {
                let delta = try reader.int()
                guard result.isEmpty || delta > 0 else { throw ByteReader.Corrupt() }
                article += delta
                guard article < articleCount else { throw ByteReader.Corrupt() }
                result.append(article)
            } while reader.offset < bytes.upperBound
            return result
        }
    }

    package func length(ofArticle index: Int) -> UInt32 {
        withRaw { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: lengthsOffset + 4 * index, as: UInt32.self)) }
    }

    /// The stored record of an article; nil if the record is damaged.
    package func summary(ofArticle index: Int) -> ArticleSummary? {
        try? record(index).info
    }

    /// What ranking reads of every candidate: id, title, category, severity and codes (the summary,
    /// tags and patterns are left empty). Decoding whole records of every candidate of a common word
    /// would cost more than the rest of the lookup.
    func rankingSummary(ofArticle index: Int) -> ArticleSummary? {
        decoding(range(articles, index), nil, whole: false) { try IndexedRecord.readRankingFields(&$0) }
    }

    func record(_ index: Int) throws -> IndexedRecord {
        let record: IndexedRecord? = decoding(range(articles, index), nil) { try IndexedRecord.read(&$0) }
        guard let record else { throw ByteReader.Corrupt() }
        return record
    }

    /// The bytes of a term (for merging vocabularies).
    func termBytes(_ index: Int) -> [UInt8] {
        withBytes { Array($0[range(terms, index)]) }
    }

    /// Compares a term with `key` in byte order: negative, zero or positive.
    func compareTerm(_ index: Int, with key: [UInt8]) -> Int {
        compare(terms, index, with: key)
    }
}

/// An article's record in the index: its summary and the fingerprint of its file.
struct IndexedRecord {
    var info: ArticleSummary
    var stamp: FileStamp

    func write(_ writer: inout ByteWriter) {
        writer.string(info.id)
        writer.string(info.title)
        writer.string(info.category)
        writer.u8(UInt8(info.severity.rank))
        writer.string(info.summary)
        writer.strings(info.codes)
        writer.strings(info.tags)
        writer.strings(info.patterns)
        writer.string(info.relativePath)
        writer.varint(UInt64(info.root))
        writer.u64(UInt64(bitPattern: stamp.size))
        writer.u64(UInt64(bitPattern: stamp.modified))
        writer.u64(UInt64(bitPattern: stamp.changed))
        writer.u64(stamp.inode)
    }

    static func readRankingFields(_ reader: inout ByteReader) throws -> ArticleSummary {
        let id = try reader.string(), title = try reader.string(), category = try reader.string()
        let rank = Int(try reader.u8())
        guard rank < Severity.allCases.count else { throw ByteReader.Corrupt() }
        var info = ArticleSummary(id: id, title: title, category: category, severity: Severity.allCases[rank])
        try reader.skipString()
        info.codes = try reader.strings()
        return info
    }

    static func read(_ reader: inout ByteReader) throws -> IndexedRecord {
        let id = try reader.string(), title = try reader.string(), category = try reader.string()
        let rank = Int(try reader.u8())
        guard rank < Severity.allCases.count else { throw ByteReader.Corrupt() }
        var info = ArticleSummary(id: id, title: title, category: category, severity: Severity.allCases[rank])
        info.summary = try reader.string()
        info.codes = try reader.strings()
        info.tags = try reader.strings()
        info.patterns = try reader.strings()
        info.relativePath = try reader.string()
        info.root = try reader.int()
        let size = Int64(bitPattern: try reader.u64()), modified = Int64(bitPattern: try reader.u64())
        let changed = Int64(bitPattern: try reader.u64()), inode = try reader.u64()
        return IndexedRecord(info: info, stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode))
    }
}

extension ArticleSummary {
    init(id: String, title: String, category: String, severity: Severity) {
        self.id = id
        self.title = title
        self.category = category
        self.severity = severity
        summary = ""
        codes = []
        tags = []
        patterns = []
        relativePath = ""
        root = 0
    }
}
