import Foundation

/// What `diagnose` found: per article, how many lines matched, where, and a few of them.
package struct Diagnosis: Sendable {
    package struct MatchedLine: Sendable, Hashable {
        package var file: String?
        package var number: Int
        package var text: String
        /// The matched part, as character offsets into `text` (for highlighting).
        package var highlight: Range<Int>
        /// Lines around it when `--context` asks for them: (number, text).
        package var before: [ContextLine] = []
        package var after: [ContextLine] = []
    }

    package struct ContextLine: Sendable, Hashable {
        package var number: Int
        package var text: String
    }

    package struct ArticleMatch: Sendable {
        package var article: ArticleSummary
        package var count = 0
        package var first: (file: String?, line: Int) = (nil, 0)
        package var last: (file: String?, line: Int) = (nil, 0)
        /// Up to `Diagnosis.shownLines` matched lines, the first ones.
        package var lines: [MatchedLine] = []
    }

    package static let shownLines = 3
    /// Matched lines are trimmed to this many characters around the match.
    package static let shownWidth = 240

    /// Most severe first, then most lines, then id.
    package var matches: [ArticleMatch]
    package var linesRead: Int
    /// Lines that matched at least one reported article.
    package var linesMatched: Int
}
