import ErrWikiKit

/// The code catalogs' pages: `codes/index.html` (every family) and `codes/<family>.html` (its
/// tables, one row and anchor per code, linking the articles that claim it), both from the
/// `codes` template.
enum CatalogPages {
    static func all(model: SiteModel, theme: Theme) -> [Page] {
        let catalogs = model.catalogs
        guard !catalogs.isEmpty else { return [] }
        var pages = catalogs.families.indices.map { family(index: $0, model: model, theme: theme) }
        pages.append(index(model: model, theme: theme))
        return pages
    }

    /// Per family: its page, title, how many codes and how many an article claims.
    static func familySummaries(_ model: SiteModel) -> [(path: SitePath, title: String, codes: Int, covered: Int)] {
        let catalogs = model.catalogs
        return catalogs.families.map { family in
            let codes = family.members.reduce(0) { $0 + catalogs.catalogs.catalogs[$1].entries.count }
            let covered = family.members.reduce(0) { sum, index in
                sum + catalogs.catalogs.catalogs[index].entries.indices.count { catalogs.claims[CatalogRef(catalog: index, entry: $0)] != nil }
            }
            return (.codes(family: family.id), family.title, codes, covered)
        }
    }

    private static func index(model: SiteModel, theme: Theme) -> Page {
        let path = SitePath.codesIndex
        let summaries = familySummaries(model)
        var hasher = StableHasher()
        hasher.combine([theme.digest, model.optionsDigest, path.value])
        for summary in summaries { hasher.combine([summary.path.value, summary.title, String(summary.codes), String(summary.covered)]) }
        let total = summaries.reduce(0) { $0 + $1.codes }
        let intro = "\(total) codes in \(summaries.count) families, from the official tables that ship with Debian and Python."
        return Page(path: path, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: path, title: "Code catalogs", description: intro, options: model.options)
            context["intro"] = intro
            context["families"] = summaries.map { summary -> [String: Any] in
                ["path": path.link(to: summary.path), "title": summary.title, "codes": summary.codes, "covered": summary.covered]
            }
            return Array(theme.render("codes", context).utf8)
        }
    }

    private static func family(index: Int, model: SiteModel, theme: Theme) -> Page {
        let catalogs = model.catalogs
        let family = catalogs.families[index]
        let path = SitePath.codes(family: family.id)
        var hasher = catalogs.digest(ofFamily: index, articles: model.articles)
        hasher.combine([theme.digest, model.optionsDigest, path.value, family.title])
        let count = family.members.reduce(0) { $0 + catalogs.catalogs.catalogs[$1].entries.count }
        let intro = "\(count) codes, from the official tables: every code has a row you can link to; the articles that cover a code are linked beside it."
        return Page(path: path, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: path, title: family.title, description: intro, options: model.options)
            context["intro"] = intro
            context["catalogs"] = family.members.map { catalogIndex -> [String: Any] in
                let catalog = catalogs.catalogs.catalogs[catalogIndex]
                var item: [String: Any] = [
                    "id": catalog.id, "title": catalog.title, "count": catalog.entries.count, "licence": catalog.licence,
                    "sources": catalog.sources.map { ["package": $0.package, "version": $0.version, "file": $0.file, "gives": $0.gives] },
                    "notes": catalog.notes, "importer": catalog.importer,
                    "rows": catalog.entries.enumerated().map { number, entry -> [String: Any] in
                        let ref = CatalogRef(catalog: catalogIndex, entry: number)
                        var row: [String: Any] = [
                            "anchor": catalogs.anchors[catalogIndex][number], "number": entry.number, "name": entry.name,
                            "label": entry.number.isEmpty ? entry.name : entry.number,
                            "aliases": entry.aliases.joined(separator: ", "), "message": entry.message, "group": entry.group,
                            "sortNumber": sortKey(entry.number),
                        ]
                        let articles = (catalogs.claims[ref] ?? []).map { model.articles[$0] }
                        if !articles.isEmpty {
                            row["articles"] = articles.map { ["title": $0.title, "path": path.link(to: .article($0.id))] }
                        }
                        return row
                    },
                ]
                if !catalog.noMessages.isEmpty { item["noMessages"] = catalog.noMessages }
                return item
            }
            return Array(theme.render("codes", context).utf8)
        }
    }

    /// A number's value for sorting (decimal or `0x` hex); codes such as `42P07` sort after, as text.
    static func sortKey(_ number: String) -> String {
        if let value = Int(number) { return String(value) }
        if number.hasPrefix("0x"), let value = UInt64(number.dropFirst(2), radix: 16) { return String(value) }
        return ""
    }
}
