import Foundation

/// `lookup --json`: `{"query", "corrected", "results": [{"id", "title", "category", "severity", "score", "match", "path"}]}`.
package enum LookupJSON {
    struct Document: Encodable {
        var query: String
        var corrected: String?
        var results: [Result]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(corrected, forKey: .corrected)  // null when nothing was corrected
            try container.encode(results, forKey: .results)
        }

        enum CodingKeys: String, CodingKey { case query, corrected, results }
    }

    struct Result: Encodable {
        var id, title, category, severity: String
        var score: Double
        var match: String
        var path: String
    }

    package static func encode(query: String, corrected: String?, hits: [SearchHit], contentRoot: String) -> String {
        let document = Document(query: query, corrected: corrected, results: hits.map { hit in
            Result(id: hit.article.id, title: hit.article.title, category: hit.article.category,
                   severity: hit.article.severity.rawValue, score: (hit.score * 1000).rounded() / 1000,
                   match: hit.kind.label, path: contentRoot + "/" + hit.article.relativePath)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
