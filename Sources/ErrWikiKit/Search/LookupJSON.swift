import Foundation

/// `lookup --json`: `{"query", "corrected", "verdict", "results": [...]}` (`verdict`: `answer`,
/// `candidates` or `none`, also on each result: the first carries it, the others are candidates).
/// Each result has a `kind`: `catalog`
/// (an entry of a code catalog: `catalog`, `family`, `number`, `name`, `aliases`, `message`, `group`,
/// `standard`, `details`, `sources`, `articles` — the ids of the articles that claim it), listed
/// first, or `article` (`id`, `title`, `category`, `severity`, `score`, `match`, `path`).
package enum LookupJSON {
    struct Document: Encodable {
        var query: String
        var corrected: String?
        var verdict: String
        var results: [AnyResult]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(corrected, forKey: .corrected)  // null when nothing was corrected
            try container.encode(verdict, forKey: .verdict)
            try container.encode(results, forKey: .results)
        }

        enum CodingKeys: String, CodingKey { case query, corrected, verdict, results }
    }

    enum AnyResult: Encodable {
        case article(Result)
        case catalog(CatalogResult)

        func encode(to encoder: Encoder) throws {
            switch self {
            case .article(let result): try result.encode(to: encoder)
            case .catalog(let result): try result.encode(to: encoder)
            }
        }
    }

    struct CatalogResult: Encodable {
        var kind = "catalog"
        var verdict = ""
        var catalog, family, number, name: String
        var aliases: [String]
        var message, group, standard: String
        var details: [String: String]
        var sources: [String]
        var articles: [String]
    }

    struct Result: Encodable {
        var kind = "article"
        var verdict = ""
        var id, title, category, severity: String
        var score: Double
        var match: String
        var path: String
    }

    package static func encode(query: String, corrected: String?, hits: [SearchHit], catalog: CatalogFinding? = nil,
                               verdict: Verdict? = nil, content: ContentRoots) -> String {
        let verdict = verdict ?? Verdict(hits, logLine: SearchQuery(query).looksLikeLogLine)
        var entries: [AnyResult] = (catalog?.items ?? []).map { item in
            let sources = item.entry.sources.compactMap(item.catalog.source).map(\.citation)
            return .catalog(CatalogResult(
                catalog: item.catalog.id, family: item.catalog.family, number: item.entry.number, name: item.entry.name,
                aliases: item.entry.aliases, message: item.entry.message, group: item.entry.group, standard: item.entry.standard,
                details: Dictionary(item.entry.details.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }),
                sources: sources, articles: item.articles.map(\.id)))
        }
        entries += hits.map { hit in
            .article(Result(id: hit.article.id, title: hit.article.title, category: hit.article.category,
                   severity: hit.article.severity.rawValue, score: (hit.score * 1000).rounded() / 1000,
                   match: hit.kind.label, path: content.path(of: hit.article.relativePath, root: hit.article.root)))
        }
        for position in entries.indices {
            let each = Verdict.perHit(verdict, position: position).rawValue
            switch entries[position] {
            case .article(var result): result.verdict = each; entries[position] = .article(result)
            case .catalog(var result): result.verdict = each; entries[position] = .catalog(result)
            }
        }
        let document = Document(query: query, corrected: corrected, verdict: verdict.rawValue, results: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
