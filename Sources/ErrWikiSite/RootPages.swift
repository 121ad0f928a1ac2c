import ErrWikiMarkdown
import ErrWikiKit

/// The home page, the search page and `404.html`.
enum RootPages {
    static let homeSeverityLimit = 6

    static func all(model: SiteModel, cards: [ArticleCard], cardHTML: CardRenderer, theme: Theme) -> [Page] {
        [home(model: model, cards: cards, cardHTML: cardHTML, theme: theme),
         simple(.search, template: "search", title: "Search", description: "Search every article by code, message or words.", model: model, theme: theme,
                extra: ["searchScripts": [["path": SitePath.searchManifest.value]],
                        "catalogScript": model.catalogs.isEmpty ? [] : [["path": SitePath.catalogIndex.value]]]),
         simple(.notFound, template: "404", title: "Page not found", description: "This page does not exist.", model: model, theme: theme)]
    }

    private static func home(model: SiteModel, cards: [ArticleCard], cardHTML: CardRenderer, theme: Theme) -> Page {
        var hasher = StableHasher()
        hasher.combine([theme.digest, model.optionsDigest, "home"])
        for card in cards { hasher.combine(card.digest) }
        hasher.combine(Int64(model.tags.count))
        let families = CatalogPages.familySummaries(model)
        for family in families { hasher.combine([family.path.value, family.title, String(family.codes)]) }
        let description = "Offline troubleshooting wiki: \(ListingPages.count(model.articles.count)) on error codes, messages and fixes."
        return Page(path: .home, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: .home, title: model.options.siteName, description: description,
                                            options: model.options, isHome: true)
            context["articleCount"] = model.articles.count
            context["categoryCount"] = model.categories.count
            context["categories"] = model.categories.map {
                ["name": $0.name, "label": CategoryName.label($0.name), "path": SitePath.category($0.name).value,
                 "count": $0.members.count] as [String: Any]
            }
            context["severities"] = model.severities.map { entry -> [String: Any] in
                // The most severe articles a reader should know about first; the rest are one click away.
                let shown = cardHTML.items(Array(entry.members.prefix(homeSeverityLimit)), on: .home)
                return ["severity": entry.severity.rawValue, "label": SeverityLabel.text(entry.severity),
                        "icon": SeverityLabel.icon(entry.severity), "path": SitePath.severity(entry.severity).value,
                        "count": entry.members.count, "cards": shown, "more": entry.members.count > shown.count]
            }
            if !model.recentlyUpdated.isEmpty { context["recent"] = cardHTML.items(model.recentlyUpdated, on: .home) }
            if !model.tags.isEmpty { context["tagCount"] = model.tags.count }
            if !families.isEmpty {
                context["codeFamilies"] = families.map { ["path": $0.path.value, "title": $0.title, "codes": $0.codes] as [String: Any] }
                context["codeFamilyCount"] = families.count
                context["codeCount"] = families.reduce(0) { $0 + $1.codes }
            }
            return Array(theme.render("home", context).utf8)
        }
    }

    private static func simple(_ path: SitePath, template: String, title: String, description: String,
                               model: SiteModel, theme: Theme, extra: [String: [[String: String]]] = [:]) -> Page {
        var hasher = StableHasher()
        hasher.combine([theme.digest, model.optionsDigest, path.value])
        for (key, items) in extra.sorted(by: { $0.key < $1.key }) { hasher.combine([key] + items.flatMap { $0.values.sorted() }) }
        return Page(path: path, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: path, title: title, description: description, options: model.options)
            for (key, value) in extra { context[key] = value }
            return Array(theme.render(template, context).utf8)
        }
    }
}

/// `sitemap.xml` (only with `--base-url`: a sitemap needs absolute URLs).
enum Sitemap {
    static func page(model: SiteModel, cards: [ArticleCard], extraPaths: [SitePath]) -> Page? {
        guard let base = model.options.baseURL else { return nil }
        var hasher = StableHasher()
        hasher.combine(model.optionsDigest)
        for card in cards { hasher.combine(card.digest) }
        for path in extraPaths { hasher.combine(path.value) }
        return Page(path: .sitemap, digest: hasher.hexDigest) {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in extraPaths.sorted() {
                xml += "  <url><loc>\(HTMLEscaping.escape(base + (path == .home ? "" : path.value)))</loc></url>\n"
            }
            for card in cards {
                xml += "  <url><loc>\(HTMLEscaping.escape(base + card.path.value))</loc>"
                if let updated = card.updated { xml += "<lastmod>\(updated)</lastmod>" }
                xml += "</url>\n"
            }
            xml += "</urlset>\n"
            return Array(xml.utf8)
        }
    }
}
