/// The parts of an article that search reads, with their weights. One table for the terminal lookup
/// and the site search: a term in a code counts ten times a term in the body.
package enum SearchField: Int, CaseIterable, Sendable {
    case code, id, title, tag, summary, symptom, keyDetail, cause, step, faq, sample, body

    /// The field's name in the ranking specification (`RankingSpec.json`).
    package var name: String { String(describing: self) }

    package var weight: Double {
        switch self {
        case .code: return 10
        case .id: return 8
        case .title: return 6
        case .tag: return 4
        case .summary, .symptom: return 3
        case .keyDetail, .cause, .sample: return 2
        case .faq: return 1.5
        case .step, .body: return 1
        }
    }

    /// The texts of this field in an article.
    package func texts(of article: Article) -> [String] {
        switch self {
        case .code: return article.codes
        case .id: return [article.id]
        case .title: return [article.title]
        case .tag: return article.tags
        case .summary: return [article.summary]
        case .symptom: return article.symptoms
        case .keyDetail: return article.keyDetails
        case .cause: return article.causes
        case .step: return article.steps.flatMap { [$0.title, $0.command ?? "", $0.note ?? ""] }
        case .faq: return article.faq.flatMap { [$0.question, $0.answer] }
        case .sample: return article.samples
        case .body: return [article.body]
        }
    }

    /// Term → Σ over fields of (field weight × occurrences), in half units (weights can be 1.5).
    /// The terminal index and the site's search index both store exactly this.
    package static func termWeights(of article: Article) -> [String: UInt32] {
        var weights: [String: UInt32] = [:]
        for field in allCases {
            let units = UInt32(field.weight * 2)
            for text in field.texts(of: article) {
                Tokenizer.forEachTerm(in: text) { term in
                    weights[String(decoding: term, as: UTF8.self), default: 0] += units
                }
            }
        }
        return weights
    }
}
