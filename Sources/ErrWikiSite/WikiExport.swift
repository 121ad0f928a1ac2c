import ErrWikiKit
import ErrWikiMarkdown
import Foundation

/// The whole wiki as one JSON document (`errwiki export json`, the site's `api/articles.json`):
/// every published article with all its fields, its body as Markdown and as HTML (cmark-gfm,
/// unsafe HTML off, as written: no page decoration), and every catalog entry with the ids of the
/// articles that claim it. Versioned: `version` changes when a field changes meaning or goes away;
/// new fields may be added within a version. `path` is under the content root numbered
/// `content_root` (0: the first; see `ContentRoots`).
package enum WikiExport {
    package static let version = 1

    /// The export of a content folder, checked as `build` checks it: an error stops it (`report`
    /// sees the diagnostics).
    package static func json(content: ContentRoots, includeDrafts: Bool, generator: String,
                             report: (CheckReport) -> Void) throws(BuildError) -> String {
        let checked = ContentCheck.run(content)
        report(checked)
        guard checked.diagnostics.errorCount == 0 else { throw .content(errors: checked.diagnostics.errorCount) }
        let options = SiteOptions(includeDrafts: includeDrafts)
        return json(SiteModel(articles: checked.wiki.published(includingDrafts: includeDrafts), options: options,
                              catalogs: checked.wiki.catalogs, synonyms: checked.wiki.synonyms), generator: generator)
    }

    static func json(_ model: SiteModel, generator: String) -> String {
        // Each article's object is written on its own (JSONBytes), in parallel (the bodies go through
        // cmark), and spliced into the document in place of a marker: the bytes JSONSerialization
        // would give for the whole document, which was most of a build's work at 10,000 articles.
        let fragments = ParallelMap.map(model.articles) { articleJSON($0) }
        let ids = model.articles.map(\.id)
        let catalogs: [[String: Any]] = model.catalogs.catalogs.catalogs.enumerated().map { index, catalog in
            [
                "id": catalog.id, "family": catalog.family, "family_title": catalog.familyTitle, "title": catalog.title,
                "category": catalog.category, "licence": catalog.licence,
                "sources": catalog.sources.map { ["id": $0.id, "package": $0.package, "version": $0.version, "file": $0.file, "gives": $0.gives] },
                "entries": catalog.entries.enumerated().map { position, entry -> [String: Any] in
                    [
                        "number": entry.number, "name": entry.name, "aliases": entry.aliases, "message": entry.message,
                        "group": entry.group, "standard": entry.standard,
                        "details": Dictionary(entry.details.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }),
                        "sources": entry.sources,
                        "articles": (model.catalogs.claims[CatalogRef(catalog: index, entry: position)] ?? []).map { ids[$0] },
                    ]
                },
            ]
        }
        let document: [String: Any] = [
            "format": "errwiki-export", "version": version, "article_format": 1, "generator": generator,
            "schema": SitePath.articleSchema.value,
            "article_count": fragments.count, "articles": articlesMarker,
            "catalog_entry_count": model.catalogs.catalogs.entryCount, "catalogs": catalogs,
        ]
        let outline = [UInt8](encoded(document))
        // The marker is a string where the document has an array: it can only be the one written above.
        let marker = Array("\"articles\":\"\(articlesMarker)\"".utf8)
        guard let start = outline.indices.first(where: { outline[$0...].starts(with: marker) }) else { return "" }
        let at = start..<(start + marker.count)
        var bytes = Array(outline[..<at.lowerBound]) + Array("\"articles\":[".utf8)
        bytes.reserveCapacity(fragments.reduce(outline.count) { $0 + $1.count + 1 })
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += fragment
        }
        bytes.append(UInt8(ascii: "]"))
        bytes += outline[at.upperBound...]
        return String(decoding: bytes, as: UTF8.self) + "\n"
    }

    /// One article's object, its keys in sorted order (JSONBytes writes them as given).
    package static func articleJSON(_ article: Article) -> [UInt8] {
        let html = MarkdownRenderer.blockHTML(article.body, sourcePositions: false)
        var json = JSONBytes(capacity: 2 * (article.body.utf8.count + html.utf8.count) + 4096)
        json.object([
            ("body_html", .string(html)), ("body_markdown", .string(article.body)), ("category", .string(article.category)),
            ("causes", .strings(article.causes)), ("codes", .strings(article.codes)), ("content_root", .int(article.root)),
            ("draft", .bool(article.draft)),
            ("faq", .objects(article.faq.map { [("a", .string($0.answer)), ("q", .string($0.question))] })),
            ("id", .string(article.id)), ("key_details", .strings(article.keyDetails)), ("overrides", .bool(article.overrides)),
            ("path", .string(article.relativePath)), ("patterns", .strings(article.patterns)), ("related", .strings(article.related)),
            ("samples", .strings(article.samples)), ("severity", .string(article.severity.rawValue)),
            ("steps", .objects(article.steps.map { [("command", .optionalString($0.command)), ("note", .optionalString($0.note)), ("title", .string($0.title))] })),
            ("summary", .string(article.summary)), ("symptoms", .strings(article.symptoms)), ("tags", .strings(article.tags)),
            ("title", .string(article.title)), ("updated", .optionalString(article.updated.map { "\($0)" })),
            ("url", .string(SitePath.article(article.id).value)),
        ])
        return json.bytes
    }

    private static let articlesMarker = "errwiki-export: the articles go here"

    private static func encoded(_ object: Any) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
