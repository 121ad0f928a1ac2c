import ErrWikiKit

/// Where every page of the site lives, relative to the output folder. Articles sit at the root as
/// `<id>.html` (the URL the article format promises), beside the site's own root pages, whose names
/// are reserved ids; listings live one folder down. Every path is built from validated ids, slugs or
/// fixed names, so none can climb out of the output folder.
package struct SitePath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// `/`-separated, never starting with `/`, never containing `..`.
    package let value: String

    private init(_ value: String) { self.value = value }

    package static let home = SitePath("index.html")
    package static let search = SitePath("search.html")
    package static let notFound = SitePath("404.html")
    package static let aToZ = SitePath("a-z.html")
    package static let tags = SitePath("tag/index.html")
    /// The search data (`SearchIndexScript`): the file the search page loads, and the shards it loads per query
    /// (names made of a fixed letter and numbers).
    package static let searchManifest = SitePath("search/index.js")
    static func searchData(_ name: String) -> SitePath { SitePath("search/" + name + ".js") }
    package static let sitemap = SitePath("sitemap.xml")
    /// The code catalogs: an index of families, one page per family, and the search page's table of entries.
    package static let codesIndex = SitePath("codes/index.html")
    package static func codes(family: String) -> SitePath { SitePath("codes/" + checked(family) + ".html") }
    package static let catalogIndex = SitePath("catalog-index.js")
    /// The JSON Schema of the article front matter (`errwiki schema`).
    package static let articleSchema = SitePath("schema/article.json")
    /// Every article and catalog entry as one JSON document (`errwiki export json`).
    package static let articlesJSON = SitePath("api/articles.json")

    package static func article(_ id: String) -> SitePath { SitePath(checked(id) + ".html") }
    package static func category(_ name: String) -> SitePath { SitePath("category/" + checked(name) + ".html") }
    package static func severity(_ severity: Severity) -> SitePath { SitePath("severity/" + severity.rawValue + ".html") }
    /// `slug` comes from `TagSlugs`.
    package static func tag(slug: String) -> SitePath { SitePath("tag/" + checked(slug) + ".html") }
    /// A theme asset; `name` is a plain file name found in the theme's `assets/` folder.
    package static func asset(_ name: String) -> SitePath { SitePath("assets/" + checkedFileName(name)) }

    /// How many folders down the page sits (0 for root pages).
    package var depth: Int { value.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }

    /// The prefix that leads from this page back to the site root: `""` or `"../"`.
    package var rootPrefix: String { String(repeating: "../", count: depth) }

    /// A link from this page to `target`, relative, so the site works from disk (file://).
    package func link(to target: SitePath) -> String { rootPrefix + target.value }

    package var description: String { value }
    package static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.value < rhs.value }

    /// Ids and categories were validated by the loader; this is the last line of defence for a
    /// path component (a broken invariant must not turn into a write outside the output folder).
    private static func checked(_ component: String) -> String {
        precondition(ArticleID.isValid(component), "unsafe path component \(component)")
        return component
    }

    private static func checkedFileName(_ name: String) -> String {
        precondition(!name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\"),
                     "unsafe asset name \(name)")
        return name
    }
}

/// A file-safe slug for every tag, unique across the wiki: tags are free text (`C++`, `c`),
/// so two tags may fold to the same slug; later ones (in sorted order) get `-2`, `-3`….
package struct TagSlugs: Sendable {
    package private(set) var slugs: [String: String] = [:]

    package init(tags: some Sequence<String>) {
        var used: Set<String> = []
        for tag in Set(tags).sorted() {
            let base = ArticleID.suggestion(from: tag).prefix(90)
            var slug = String(base)
            var suffix = 2
            while used.contains(slug) || ArticleID.isReserved(slug) || slug == "index" {
                slug = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(slug)
            slugs[tag] = slug
        }
    }

    package func slug(for tag: String) -> String { slugs[tag] ?? "tag" }
}
