/// Which entry of which catalog: indices into `CatalogLookup.catalogs` and that catalog's entries.
package struct CatalogRef: Sendable, Hashable, Comparable {
    package var catalog: Int
    package var entry: Int

    package init(catalog: Int, entry: Int) {
        self.catalog = catalog
        self.entry = entry
    }

    package static func < (lhs: CatalogRef, rhs: CatalogRef) -> Bool { (lhs.catalog, lhs.entry) < (rhs.catalog, rhs.entry) }
}

/// What the resolver needs of a set of catalogs: the tables' headers, entries found by normalised
/// key, and one entry at a time. The in-memory `CatalogSet` (check, build) and the search index
/// (lookup, which decodes only the entries a query names) both provide it.
package protocol CatalogLookup {
    /// Headers only: `entries` may be empty.
    var catalogHeaders: [CodeCatalog] { get }
    /// Entries whose number, name or an alias has this key (`Tokenizer.key`).
    func refs(withKey key: String) -> [CatalogRef]
    func entry(_ ref: CatalogRef) -> CatalogEntry?
}

/// Every catalog of a content folder, in `CatalogSpec.order`, with the key map.
package struct CatalogSet: Sendable, CatalogLookup {
    package private(set) var catalogs: [CodeCatalog]
    private var byKey: [String: [CatalogRef]] = [:]

    package init(_ catalogs: [CodeCatalog]) {
        self.catalogs = catalogs.sorted { (CatalogSpec.rank($0.id), $0.id) < (CatalogSpec.rank($1.id), $1.id) }
        for (catalogIndex, catalog) in self.catalogs.enumerated() {
            for (entryIndex, entry) in catalog.entries.enumerated() {
                let ref = CatalogRef(catalog: catalogIndex, entry: entryIndex)
                for key in Set(Self.keys(of: entry)) { byKey[key, default: []].append(ref) }
            }
        }
    }

    /// The keys an entry is found by: its number, name and aliases, normalised.
    package static func keys(of entry: CatalogEntry) -> [String] {
        ([entry.number] + entry.names).map(Tokenizer.key).filter { !$0.isEmpty }
    }

    package var catalogHeaders: [CodeCatalog] { catalogs }

    package func refs(withKey key: String) -> [CatalogRef] { byKey[key] ?? [] }

    package func entry(_ ref: CatalogRef) -> CatalogEntry? {
        guard catalogs.indices.contains(ref.catalog), catalogs[ref.catalog].entries.indices.contains(ref.entry) else { return nil }
        return catalogs[ref.catalog].entries[ref.entry]
    }

    /// Every key with its entries, in byte order (for the search index).
    package var keyTable: [(key: String, refs: [CatalogRef])] {
        byKey.keys.sorted(by: ContentScanner.byteOrder).map { ($0, byKey[$0]!.sorted()) }
    }

    package var entryCount: Int { catalogs.reduce(0) { $0 + $1.entries.count } }
}
