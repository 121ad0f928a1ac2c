/// A query as typed: its terms and its whole-text key (for exact id and code matches).
public struct SearchQuery: Sendable, Hashable {
    public var text: String
    public var terms: [String]
    /// `Tokenizer.key(text)`: `HTTP  502` → `http 502`.
    public var key: String

    public init(_ text: String) {
        self.text = text
        var seen: Set<String> = []
        // At most 64 distinct words (a bit each while ranking); a longer paste keeps its first 64.
        terms = Array(Tokenizer.terms(in: text).filter { seen.insert($0).inserted }.prefix(64))
        key = Tokenizer.key(text)
    }

    /// Common words that are scored but not required for an all-words match.
    public static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how",
        "i", "if", "in", "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "this", "to",
        "was", "what", "when", "why", "with", "you", "your", "get", "got", "getting", "fix", "error",
    ]

    /// Whether a query looks like a pasted log line rather than a few typed words.
    var looksLikeLogLine: Bool { terms.count >= 4 || ByteSearch.contains(text, ": ") }
}
