/// How an article matched, best first. The order of the cases is the ranking order.
package enum MatchKind: UInt8, Sendable, Comparable, CaseIterable {
    /// The whole query is the article's id or one of its codes.
    case exactCode
    /// The query is a log line one of the article's `patterns` matches.
    case logPattern
    /// The whole query starts an id or a code (`ECONNREF`, `crashloop`).
    case codePrefix
    /// Every (non-stop) word of the query was found.
    case allWords
    /// Some words were found.
    case someWords

    package static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The tier's name in the ranking vectors and the site index (`allWords`).
    package var name: String { String(describing: self) }

    /// What the terminal, `--json` and the site show for the tier.
    package var label: String {
        switch self {
        case .exactCode: return "exact"
        case .logPattern: return "log pattern"
        case .codePrefix: return "prefix"
        case .allWords: return "all words"
        case .someWords: return "some words"
        }
    }
}
