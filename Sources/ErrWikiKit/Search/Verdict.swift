/// How sure a lookup is, from evidence a reader can check (`RankingSpec`, shared with the site):
///
/// - **answer**: the first hit is an exact id or code, or a log line its patterns match; or an id
///   or code prefix that only it has; or, for a few typed words (not a pasted log line, which only a
///   pattern or a code answers: shared words are weak evidence for a whole message), every
///   significant word of the query is in it and it clearly wins (no second hit of its tier, or
///   `answerScoreRatio` × the second's score).
/// - **none**: no hit, or the first hit has only some of the words and less than
///   `noneCoverageBelow` of the query's distinctive vocabulary (its significant words weighted by
///   IDF; a word no article has weighs most).
/// - **candidates**: anything between.
package enum Verdict: String, Sendable, Hashable, CaseIterable {
    case answer, candidates, none

    package init(_ hits: [SearchHit], logLine: Bool) {
        guard let first = hits.first else { self = .none; return }
        let second = hits.count > 1 ? hits[1] : nil
        switch first.kind {
        case .exactCode, .logPattern:
            self = .answer
        case .codePrefix:
            self = second.map { $0.kind <= .codePrefix } == true ? .candidates : .answer
        case .allWords:
            if logLine { self = .candidates; return }
            guard let second, second.kind == .allWords else { self = .answer; return }
            self = first.score >= RankingSpec.answerScoreRatio * second.score ? .answer : .candidates
        case .someWords:
            self = first.coverage < RankingSpec.noneCoverageBelow ? .none : .candidates
        }
    }

    /// What each hit is, shown beside it: the first carries the verdict, the others are candidates.
    package static func perHit(_ verdict: Verdict, position: Int) -> Verdict {
        position == 0 || verdict == .none ? verdict : .candidates
    }
}
