/// The code catalogs inside the search index: a lookup binary-searches the entry keys in place and
/// decodes only the entries a query names, like articles.
extension SearchIndex: CatalogLookup {
    package func refs(withKey key: String) -> [CatalogRef] {
        let bytes = Array(key.utf8)
        let index = lowerBound(catalogKeys, bytes)
        guard index < catalogKeys.count, compare(catalogKeys, index, with: bytes) == 0 else { return [] }
        let globals: [Int] = decoding(range(catalogKeyEntries, index), []) { reader in try Self.ascending(&reader, below: catalogEntries.count) }
        return globals.compactMap(ref(ofGlobal:))
    }

    package func entry(_ ref: CatalogRef) -> CatalogEntry? {
        guard let global = global(ref) else { return nil }
        return decoding(range(catalogEntries, global), nil) { reader in
            let (catalog, entry) = try CatalogRecords.readEntry(&reader)
            guard catalog == ref.catalog else { throw ByteReader.Corrupt() }
            return entry
        }
    }

    /// The articles (index positions) whose codes claim the entry (`CatalogResolver.claims`).
    package func claimingArticles(_ ref: CatalogRef) -> [Int] {
        guard let global = global(ref) else { return [] }
        let bytes = range(entryClaims, global)
        guard !bytes.isEmpty else { return [] }
        return decoding(bytes, []) { reader in try Self.ascending(&reader, below: articleCount) }
    }

    private func global(_ ref: CatalogRef) -> Int? {
        guard catalogEntryStarts.indices.contains(ref.catalog), ref.entry >= 0 else { return nil }
        let global = catalogEntryStarts[ref.catalog] + ref.entry
        let end = ref.catalog + 1 < catalogEntryStarts.count ? catalogEntryStarts[ref.catalog + 1] : catalogEntries.count
        return global < end ? global : nil
    }

    private func ref(ofGlobal global: Int) -> CatalogRef? {
        guard let catalog = catalogEntryStarts.lastIndex(where: { $0 <= global }) else { return nil }
        return CatalogRef(catalog: catalog, entry: global - catalogEntryStarts[catalog])
    }

    /// A delta-coded ascending list that fills the reader's entry.
    private static func ascending(_ reader: inout ByteReader, below limit: Int) throws -> [Int] {
        var result: [Int] = []
        var value = 0
        while reader.offset < reader.bytes.count {
            let delta = try reader.int()
            guard result.isEmpty || delta > 0 else { throw ByteReader.Corrupt() }
            value += delta
            guard value < limit else { throw ByteReader.Corrupt() }
            result.append(value)
        }
        return result
    }
}

/// The index's encoding of catalog headers and entries.
enum CatalogRecords {
    static func writeHeader(_ catalog: CodeCatalog, entryStart: Int, to writer: inout ByteWriter) {
        for text in [catalog.id, catalog.family, catalog.familyTitle, catalog.title, catalog.category] { writer.string(text) }
        writer.strings(catalog.words)
        for text in [catalog.importer, catalog.licence] { writer.string(text) }
        writer.varint(UInt64(catalog.sources.count))
        for source in catalog.sources {
            for text in [source.id, source.package, source.version, source.file, source.gives] { writer.string(text) }
        }
        writer.string(catalog.noMessages)
        writer.strings(catalog.notes)
        writer.string(catalog.relativePath)
        writer.varint(UInt64(entryStart))
        writer.varint(UInt64(catalog.entries.count))
    }

    static func readHeader(_ reader: inout ByteReader) throws -> (catalog: CodeCatalog, entryStart: Int, entryCount: Int) {
        let id = try reader.string(), family = try reader.string(), familyTitle = try reader.string()
        let title = try reader.string(), category = try reader.string()
        let words = try reader.strings()
        let importer = try reader.string(), licence = try reader.string()
        let sourceCount = try reader.int()
        guard sourceCount < 1000 else { throw ByteReader.Corrupt() }
        var sources: [CatalogSource] = []
        for _ in 0..<sourceCount {
            sources.append(CatalogSource(id: try reader.string(), package: try reader.string(), version: try reader.string(),
                                         file: try reader.string(), gives: try reader.string()))
        }
        let noMessages = try reader.string()
        let notes = try reader.strings()
        let relativePath = try reader.string()
        let start = try reader.int(), count = try reader.int()
        let catalog = CodeCatalog(id: id, family: family, familyTitle: familyTitle, title: title, category: category, words: words,
                                  importer: importer, licence: licence, sources: sources, noMessages: noMessages, notes: notes,
                                  entries: [], relativePath: relativePath)
        return (catalog, start, count)
    }

    static func writeEntry(_ entry: CatalogEntry, catalog: Int, to writer: inout ByteWriter) {
        writer.varint(UInt64(catalog))
        for text in [entry.number, entry.name] { writer.string(text) }
        writer.strings(entry.aliases)
        for text in [entry.message, entry.group, entry.standard] { writer.string(text) }
        writer.varint(UInt64(entry.details.count))
        for detail in entry.details {
            writer.string(detail.key)
            writer.string(detail.value)
        }
        writer.strings(entry.sources)
        writer.varint(UInt64(entry.line))
    }

    static func readEntry(_ reader: inout ByteReader) throws -> (catalog: Int, entry: CatalogEntry) {
        let catalog = try reader.int()
        let number = try reader.string(), name = try reader.string()
        let aliases = try reader.strings()
        let message = try reader.string(), group = try reader.string(), standard = try reader.string()
        let detailCount = try reader.int()
        guard detailCount < 1000 else { throw ByteReader.Corrupt() }
        var details: [CatalogDetail] = []
        for _ in 0..<detailCount { details.append(CatalogDetail(key: try reader.string(), value: try reader.string())) }
        let sources = try reader.strings()
        let line = try reader.int()
        return (catalog, CatalogEntry(number: number, name: name, aliases: aliases, message: message, group: group,
                                      standard: standard, details: details, sources: sources, line: line))
    }
}
