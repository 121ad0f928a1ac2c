/// The front-matter keys of the article format (v1). Anything else is an `unknown-field` error.
enum FrontMatterField: String, CaseIterable {
    case title, id, category, severity, summary, codes, tags
    case keyDetails = "key_details"
    case causes, steps, faq, related, patterns, samples, updated, draft

    static let required: [FrontMatterField] = [.title, .category, .severity, .summary, .causes, .steps]

    /// The closest known field to a misspelt key (`cuases` → `causes`), if one is close enough.
    static func suggestion(for key: String) -> FrontMatterField? {
        let lowered = key.lowercased()
        let scored = allCases.map { ($0, EditDistance.between(lowered, $0.rawValue)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, best.0.rawValue.count / 3) else { return nil }
        return best.0
    }
}

/// Levenshtein distance over Unicode scalars, for "did you mean" suggestions.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
