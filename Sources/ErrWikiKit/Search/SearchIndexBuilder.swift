/// Serialises the `SearchIndex` file format, from freshly indexed articles and, on an incremental
/// rebuild, the articles of the previous index that did not change. Kept articles are copied from
/// the previous index's postings term by term (a merge of two sorted vocabularies), never turned
/// back into per-article dictionaries: that keeps a one-file change on a large wiki cheap.
enum SearchIndexBuilder {
    /// - Parameter leftOut: the paths of the article files not indexed because they have errors.
    /// - Parameter catalogs: the code catalogs, stored whole (they are re-read on every rebuild).
    /// - Parameter synonyms: the synonym vocabulary, stored whole, one group an entry.
    static func build(_ added: [IndexedArticle], keeping kept: [Int] = [], of previous: SearchIndex? = nil,
                      leftOut: [String] = [], catalogs: CatalogSet = CatalogSet([]), synonyms: SynonymTable = .empty,
                      treeHash: UInt64, builtAt: Int64) -> [UInt8] {
        // The articles of the new index, ordered by id (then path).
        enum Source {
            case kept(old: Int, record: IndexedRecord)
            case added(IndexedArticle)
            var info: ArticleSummary {
                switch self {
                case .kept(_, let record): return record.info
                case .added(let article): return article.info
                }
            }
        }
        var sources: [Source] = added.map { .added($0) }
        if let previous {
            for old in kept { if let record = try? previous.record(old) { sources.append(.kept(old: old, record: record)) } }
        }
        sources.sort { lhs, rhs in
            let (a, b) = (lhs.info, rhs.info)
            return a.id != b.id ? ContentScanner.byteOrder(a.id, b.id) : ContentScanner.byteOrder(a.relativePath, b.relativePath)
        }
        var oldToNew = [Int](repeating: -1, count: previous?.articleCount ?? 0)
        var lengths: [UInt32] = []
        var records = TableWriter()
        var keyArticles: [String: [Int]] = [:]
        var addedInverted: [[UInt8]: [(Int, UInt32)]] = [:]
        for (index, source) in sources.enumerated() {
            var writer = ByteWriter()
            switch source {
            case .kept(let old, let record):
                oldToNew[old] = index
                lengths.append(previous!.length(ofArticle: old))
                record.write(&writer)
            case .added(let article):
                lengths.append(article.length)
                IndexedRecord(info: article.info, stamp: article.stamp).write(&writer)
                for (term, weight) in article.termWeights { addedInverted[Array(term.utf8), default: []].append((index, weight)) }
            }
            records.add(writer.bytes)
            for key in Tokenizer.keys(id: source.info.id, codes: source.info.codes) where keyArticles[key]?.last != index {
                keyArticles[key, default: []].append(index)
            }
        }

        // Merge the previous vocabulary with the new articles' terms, both in byte order.
        let addedTerms = addedInverted.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var terms = TableWriter()
        var postings = TableWriter()
        func emit(_ term: [UInt8], _ list: [(Int, UInt32)]) {
            guard !list.isEmpty else { return }
            terms.add(term)
            var writer = ByteWriter()
            writer.varint(UInt64(list.count))
            var previousArticle = 0
            for (article, weight) in list {
                writer.varint(UInt64(article - previousArticle))
                writer.varint(UInt64(weight))
                previousArticle = article
            }
            postings.add(writer.bytes)
        }
        var oldTerm = 0, newTerm = 0
        let oldCount = previous?.termCount ?? 0
        while oldTerm < oldCount || newTerm < addedTerms.count {
            let order: Int
            if oldTerm == oldCount { order = 1 } else if newTerm == addedTerms.count { order = -1 } else {
                order = previous!.compareTerm(oldTerm, with: addedTerms[newTerm])
            }
            var list: [(Int, UInt32)] = []
            var term: [UInt8] = []
            if order <= 0 {
                term = previous!.termBytes(oldTerm)
                for (article, weight) in previous!.postings(oldTerm) where oldToNew[article] >= 0 {
                    list.append((oldToNew[article], weight))
                }
                oldTerm += 1
            }
            if order >= 0 {
                term = addedTerms[newTerm]
                list += addedInverted[term]!
                newTerm += 1
            }
            if order == 0 { list.sort { $0.0 < $1.0 } }
            emit(term, list)
        }

        var keys = TableWriter()
        var keyPostings = TableWriter()
        for key in keyArticles.keys.sorted(by: ContentScanner.byteOrder) {
            keys.add(Array(key.utf8))
            var writer = ByteWriter()
            var previousArticle = 0
            for article in keyArticles[key]! {
                writer.varint(UInt64(article - previousArticle))
                previousArticle = article
            }
            keyPostings.add(writer.bytes)
        }

        var leftOutPaths = TableWriter()
        for path in leftOut { leftOutPaths.add(Array(path.utf8)) }

        let catalogTables = catalogTables(catalogs, articles: sources.map(\.info))
        var synonymLines = TableWriter()
        for line in synonyms.lines { synonymLines.add(Array(line.utf8)) }

        // Header size: magic 8, version 4, ranking 8, tree hash 8, built at 8, file size 8, length sum 8, lengths offset 8, tables × (8 + 4).
        let headerSize = 8 + 4 + 8 + 8 + 8 + 8 + 8 + 8 + SearchIndex.tableCount * 12
        var body = ByteWriter()
        var tablePositions: [(Int, Int)] = []
        for table in [records, terms, postings, keys, keyPostings, leftOutPaths] + catalogTables + [synonymLines] {
            tablePositions.append((headerSize + body.bytes.count, table.count))
            table.write(to: &body)
        }
        let lengthsOffset = headerSize + body.bytes.count
        for length in lengths { body.u32(length) }

        var header = ByteWriter()
        for byte in SearchIndex.magic { header.u8(byte) }
        header.u32(SearchIndex.formatVersion)
        header.u64(SearchIndex.rankingFingerprint)
        header.u64(treeHash)
        header.u64(UInt64(bitPattern: builtAt))
        header.u64(UInt64(headerSize + body.bytes.count))
        header.u64(lengths.reduce(0) { $0 + UInt64($1) })
        header.u64(UInt64(lengthsOffset))
        for (start, count) in tablePositions {
            header.u64(UInt64(start))
            header.u32(UInt32(count))
        }
        assert(header.bytes.count == headerSize)
        return header.bytes + body.bytes
    }
}

extension SearchIndexBuilder {
    /// Catalog headers, entries, keys with their entries, and per entry the claiming articles.
    static func catalogTables(_ catalogs: CatalogSet, articles: [ArticleSummary]) -> [TableWriter] {
        var headers = TableWriter(), entries = TableWriter(), keys = TableWriter(), keyEntries = TableWriter(), claims = TableWriter()
        var starts: [Int] = []
        var start = 0
        for (index, catalog) in catalogs.catalogs.enumerated() {
            var writer = ByteWriter()
            CatalogRecords.writeHeader(catalog, entryStart: start, to: &writer)
            headers.add(writer.bytes)
            starts.append(start)
            for entry in catalog.entries {
                var writer = ByteWriter()
                CatalogRecords.writeEntry(entry, catalog: index, to: &writer)
                entries.add(writer.bytes)
            }
            start += catalog.entries.count
        }
        func deltas(_ values: [Int]) -> [UInt8] {
            var writer = ByteWriter()
            var previous = 0
            for value in values {
                writer.varint(UInt64(value - previous))
                previous = value
            }
            return writer.bytes
        }
        for (key, refs) in catalogs.keyTable {
            keys.add(Array(key.utf8))
            keyEntries.add(deltas(refs.map { starts[$0.catalog] + $0.entry }))
        }
        var claimed = [[Int]](repeating: [], count: start)
        for (article, info) in articles.enumerated() where !info.codes.isEmpty {
            for ref in CatalogResolver.claims(codes: info.codes, category: info.category, in: catalogs) {
                claimed[starts[ref.catalog] + ref.entry].append(article)
            }
        }
        for articles in claimed { claims.add(deltas(articles)) }
        return [headers, entries, keys, keyEntries, claims]
    }
}

/// One table of the index: `u32 offsets[count + 1]`, then the entries' bytes.
struct TableWriter {
    private var offsets: [UInt32] = [0]
    private var blob = ByteWriter()

    var count: Int { offsets.count - 1 }

    mutating func add(_ entry: [UInt8]) {
        blob.append(entry)
        offsets.append(UInt32(blob.bytes.count))
    }

    func write(to writer: inout ByteWriter) {
        for offset in offsets { writer.u32(offset) }
        writer.append(blob.bytes)
    }
}
