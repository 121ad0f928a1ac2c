/// The front-matter keys of the article format (v1). Anything else is an `unknown-field` error.
enum FrontMatterField: String, CaseIterable {
    case title, id, category, severity, summary, codes, tags
    case keyDetails = "key_details"
    case symptoms
    case causes, steps, faq, related, patterns, samples, updated, draft, overrides

    static let required: [FrontMatterField] = [.title, .category, .severity, .summary, .causes, .steps]

    /// The closest known field to a misspelt key (`cuases` → `causes`), if one is close enough.
    static func suggestion(for key: String) -> FrontMatterField? {
        let lowered = key.lowercased()
        let scored = allCases.map { ($0, EditDistance.between(lowered, $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.rawValue.count / 3) else { return nil }
        return best.0
    }
}
