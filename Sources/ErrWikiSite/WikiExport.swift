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
        let articles: [[String: Any]] = model.articles.map { article in
            let object: [String: Any] = [
                "id": article.id, "title": article.title, "category": article.category, "severity": article.severity.rawValue,
                "summary": article.summary, "codes": article.codes, "tags": article.tags, "key_details": article.keyDetails,
                "symptoms": article.symptoms, "causes": article.causes,
                "steps": article.steps.map { step -> [String: Any] in
                    ["title": step.title, "command": step.command ?? NSNull(), "note": step.note ?? NSNull()]
                },
                "faq": article.faq.map { ["q": $0.question, "a": $0.answer] },
                "related": article.related, "patterns": article.patterns, "samples": article.samples,
                "updated": article.updated.map { "\($0)" } ?? NSNull(), "draft": article.draft,
                "overrides": article.overrides, "content_root": article.root, "path": article.relativePath, "url": SitePath.article(article.id).value,
                "body_markdown": article.body,
                "body_html": MarkdownRenderer.blockHTML(article.body, sourcePositions: false),
            ]
            return object
        }
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
            "article_count": articles.count, "articles": articles,
            "catalog_entry_count": model.catalogs.catalogs.entryCount, "catalogs": catalogs,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
