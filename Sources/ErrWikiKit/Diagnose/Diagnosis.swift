import Foundation

/// What `diagnose` found: per article, how many lines matched, where, and a few of them.
public struct Diagnosis: Sendable {
    public struct MatchedLine: Sendable, Hashable {
        public var file: String?
        public var number: Int
        public var text: String
        /// The matched part, as character offsets into `text` (for highlighting).
        public var highlight: Range<Int>
        /// Lines around it when `--context` asks for them: (number, text).
        public var before: [ContextLine] = []
        public var after: [ContextLine] = []
    }

    public struct ContextLine: Sendable, Hashable {
        public var number: Int
        public var text: String
    }

    public struct ArticleMatch: Sendable {
        public var article: ArticleSummary
        public var count = 0
        public var first: (file: String?, line: Int) = (nil, 0)
        public var last: (file: String?, line: Int) = (nil, 0)
        /// Up to `Diagnosis.shownLines` matched lines, the first ones.
        public var lines: [MatchedLine] = []
    }

    public static let shownLines = 3
    /// Matched lines are trimmed to this many characters around the match.
    public static let shownWidth = 240

    /// Most severe first, then most lines, then id.
    public var matches: [ArticleMatch]
    public var linesRead: Int
    /// Lines that matched at least one reported article.
    public var linesMatched: Int
}
