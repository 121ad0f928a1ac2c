/// A query as typed: its words as typed, its distinct terms and its whole-text key (for exact id
/// and code matches).
package struct SearchQuery: Sendable, Hashable {
    package var text: String
    /// Every term in order, repeats included: adjacent pairs for the phrase bonus, the log-line test.
    package var typed: [String]
    /// Distinct terms in order of first appearance, at most `RankingSpec.maximumQueryWords`
    /// (a bit each while ranking); a longer paste keeps its first ones.
    package var terms: [String]
    /// `Tokenizer.key(text)`: `HTTP  502` → `http 502`.
    package var key: String

    package init(_ text: String) {
        self.text = text
        typed = Tokenizer.terms(in: text)
        var seen: Set<String> = []
        terms = Array(typed.filter { seen.insert($0).inserted }.prefix(RankingSpec.maximumQueryWords))
        key = typed.joined(separator: " ")
    }

    /// Common words that are scored but not required for an all-words match.
    package static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how",
        "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "this", "to",
        "was", "what", "when", "why", "with", "you", "your", "get", "got", "getting", "fix", "error",
    ]

    /// Whether a query looks like a pasted log line rather than a few typed words (`RankingSpec`).
    var looksLikeLogLine: Bool { typed.count >= RankingSpec.logLineMinimumWords || ByteSearch.contains(text, ": ") }
}
