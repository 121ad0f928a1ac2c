import ErrWikiKit

/// The code catalogs as the site shows them: one page per family, an anchor per entry, and which
/// published articles claim each entry (`CatalogResolver.claims`, the rule `lookup` uses).
struct CatalogSiteModel: Sendable {
    let catalogs: CatalogSet
    /// Families in the catalogs' order, each with its catalogs (indices into `catalogs.catalogs`).
    let families: [(id: String, title: String, members: [Int])]
    /// Article indices (of `SiteModel.articles`) per claimed entry.
    let claims: [CatalogRef: [Int]]
    /// Per article, per code: the entry that code claims first (its link on the article page).
    let codeEntries: [[CatalogRef?]]
    /// Per catalog, per entry: the anchor on the family page.
    let anchors: [[String]]

    init(catalogs: CatalogSet, articles: [Article]) {
        self.catalogs = catalogs
        var families: [(id: String, title: String, members: [Int])] = []
        for (index, catalog) in catalogs.catalogs.enumerated() {
            if let existing = families.firstIndex(where: { $0.id == catalog.family }) {
                families[existing].members.append(index)
            } else {
                families.append((catalog.family, catalog.familyTitle, [index]))
            }
        }
        self.families = families
        // Each code resolved once: its first entry is its link, all of them are the article's claims.
        var claims: [CatalogRef: [Int]] = [:]
        codeEntries = articles.enumerated().map { index, article in
            article.codes.map { code in
                let refs = CatalogResolver.claims(codes: [code], category: article.category, in: catalogs)
                for ref in refs where claims[ref]?.last != index { claims[ref, default: []].append(index) }
                return refs.first
            }
        }
        self.claims = claims
        anchors = catalogs.catalogs.map { catalog in
            var used: Set<String> = []
            return catalog.entries.map { entry in
                let base = catalog.id + "-" + ArticleID.suggestion(from: entry.number.isEmpty ? entry.name : entry.number)
                var anchor = base, suffix = 2
                while !used.insert(anchor).inserted { anchor = "\(base)-\(suffix)"; suffix += 1 }
                return anchor
            }
        }
    }

    static let empty = CatalogSiteModel(catalogs: CatalogSet([]), articles: [])

    var isEmpty: Bool { families.isEmpty }

    /// The family page of a catalog.
    func page(ofCatalog index: Int) -> SitePath { .codes(family: catalogs.catalogs[index].family) }

    /// A link from `page` to the entry's row.
    func link(_ ref: CatalogRef, from page: SitePath) -> String {
        page.link(to: self.page(ofCatalog: ref.catalog)) + "#" + anchors[ref.catalog][ref.entry]
    }

    /// A digest of one family's tables (each file's bytes, so every field counts) and of the
    /// articles that claim their entries.
    func digest(ofFamily family: Int, articles: [Article]) -> StableHasher {
        var hasher = StableHasher()
        for index in families[family].members {
            let catalog = catalogs.catalogs[index]
            hasher.combine([catalog.relativePath, catalog.digest])
            for number in catalog.entries.indices {
                for article in claims[CatalogRef(catalog: index, entry: number)] ?? [] { hasher.combine([articles[article].id, articles[article].title]) }
            }
        }
        return hasher
    }
}
