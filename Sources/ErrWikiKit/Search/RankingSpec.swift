/// Every constant of the ranking, in one place. `errwiki lookup` (`Ranker`) reads them from here;
/// `errwiki build` writes them into the site's search index (`RankingSpec.json`), and the site's
/// ranker (`Templates/assets/ranking.js`) reads them from there, so no ranking constant is typed twice.
/// Both rankers are held to one file of examples recorded from Swift
/// (`Tests/ErrWikiKitTests/Fixtures/ranking-vectors.json`, replayed under Node).
///
/// The ranking, in order:
/// 1. Tiers (`MatchKind`, best first): the whole query is an id or code (`exact`); a pasted log line
///    that one of the article's patterns matches (`log pattern`); the query starts an id or code
///    (`prefix`, at least `keyPrefixMinimum` bytes); every significant word found (`all words`);
///    some words found (`some words`). A query word matches itself; else the vocabulary words it
///    starts; else the two words it runs together; else its closest spelling. It also matches, at
///    lower factors, the word two adjacent typed words make and the synonyms of the vocabulary file
///    (`QueryVariants`).
/// 2. Within a tier: BM25F over the weighted fields (`SearchField.weight`, `k1`, `b`) plus the title
///    bonuses (`TitleBonus`), computed for every candidate.
/// 3. Ties (scores within `scoreEpsilon`): the more severe article, then the id in byte order.
///
/// Decisions, taken once for both runtimes (they had drifted apart before this file existed):
/// - **Edit distance counts an adjacent transposition as one edit** (optimal string alignment):
///   "conenction" is one edit from "connection". The site had it, the lookup did not.
/// - **Five tiers, no tier of its own for a typo correction.** A query word outside the vocabulary
///   is either completed or corrected, never both, so every all-words match of one query is
///   corrected or none is: a separate tier could never reorder anything. A correction is a flag on
///   the hit (`corrected`) and the "showing results for" line.
/// - **Ties by severity, then id** (the site broke them by page path; paths follow ids anyway).
/// - **Every candidate is scored in full, before filters and before the limit**, so the first N
///   results never depend on `--limit` or on a filter that all of them pass. Filters (category,
///   severity) only remove hits from the ranked list. The log-line patterns are tried on the
///   first `logLineWindow` candidates of the unfiltered list.
/// - **The phrase bonus reads the title and the codes only.** The summary is already scored by
///   BM25F (weight 3); reading it for pairs needed the same text in both runtimes, and the lookup
///   held raw Markdown where the site held rendered text.
/// - **Lengths are UTF-8 bytes** everywhere (term cut, prefix minimum, typo budget, edit distance),
///   and a term is cut at a character boundary, never inside one.
/// - **A log line is recognised from the words as typed** (repeats counted): at least
///   `logLineMinimumWords`, or a `": "` anywhere. Patterns are tried case-insensitively on the
///   trimmed line, only when the line holds one of the pattern's required literals (ASCII case
///   folded): `RequiredLiterals`, the rule `diagnose` filters lines with. The site's index carries
///   each pattern's literals, so the browser applies the same rule without deriving it again.
/// - **Labels are the lookup's** (`MatchKind.label`), on the terminal, in `--json` and on the site.
/// - **BM25 reads an article's length to `lengthBits` significant bits** (the average stays exact), as
///   Lucene keeps one byte per length: within 1/8 is as good for ranking, and the site then stores
///   one byte per article (`lengthLevel`), where an exact length took three: a word in most of
///   100,000 articles reads every article's length.
package enum RankingSpec {
    /// BM25 term-frequency saturation and length normalisation.
    package static let k1 = 1.2
    package static let b = 0.4
    package static let lengthBits = 3

    /// The length BM25 reads: the weighted length with every bit below its top `lengthBits` cleared.
    package static func rankedLength(_ length: Int) -> Int {
        let shift = max(0, (Int.bitWidth - length.leadingZeroBitCount) - lengthBits)
        return (length >> shift) << shift
    }

    /// `rankedLength` as one small number (under 64 up to 2^17): the length itself below
    /// 2^lengthBits, else the shift × 2^(lengthBits − 1) plus the length's top `lengthBits` bits.
    /// `lengthOfLevel` (and `assets/ranking.js`) turns it back.
    package static func lengthLevel(_ length: Int) -> Int {
        let shift = max(0, (Int.bitWidth - length.leadingZeroBitCount) - lengthBits)
        return shift == 0 ? length : shift << (lengthBits - 1) + (length >> shift)
    }

    package static func lengthOfLevel(_ level: Int) -> Int {
        let half = 1 << (lengthBits - 1)
        guard level >= 2 * half else { return level }
        let shift = level / half - 1
        return (level - half * shift) << shift
    }
    /// A query word that starts vocabulary words stands for at most this many of them (the most
    /// common first, ties in byte order), each scored at `completionFactor`. Only for words of at
    /// least `completionMinimum` bytes that are not themselves in the vocabulary.
    package static let completionFactor = 0.7
    package static let completionLimit = 20
    package static let completionMinimum = 3
    /// A corrected word (fewest edits, then most articles, then byte order) scores at this factor.
    package static let correctionFactor = 0.6
    /// Query variants (`QueryVariants`): a typed word plus or less a final `s` (from
    /// `inflectionMinimum` bytes), a synonym from the vocabulary file, two typed words joined
    /// into one vocabulary word, and an unknown word split into two (of at least `splitMinimum`
    /// bytes, into parts of at least `splitPartMinimum`) score at these factors.
    package static let inflectionFactor = 0.9
    package static let inflectionMinimum = 3
    package static let synonymFactor = 0.5
    package static let joinFactor = 0.8
    package static let splitFactor = 0.8
    package static let splitMinimum = 6
    package static let splitPartMinimum = 3
    /// Typo budget: none under `typoOneEditFrom` bytes or with a digit, 1 from there, 2 from `typoTwoEditsFrom`.
    package static let typoOneEditFrom = 5
    package static let typoTwoEditsFrom = 9
    /// Id and code prefix matches need at least this many bytes of query key.
    package static let keyPrefixMinimum = 3
    /// Title bonuses: points per adjacent query pair found in the title or a code, and the
    /// coverage points (see `TitleBonus`). Coverage needs at least `coverageMinimumWords`.
    package static let titlePairBonus = 3.0
    package static let codePairBonus = 3.0
    package static let queryInTitleBonus = 8.0
    package static let titleInQueryBonus = 12.0
    package static let coverageMinimumWords = 2
    /// Code bonus (`TitleBonus`): points when a number of the article's codes (a term with a digit,
    /// of at least `codeInQueryMinimum` bytes) is a word of the query.
    package static let codeInQueryBonus = 10.0
    package static let codeInQueryMinimum = 3
    /// Log lines: how many typed words make one (or a ": "), and how many candidates are tried.
    package static let logLineMinimumWords = 4
    package static let logLineWindow = 40
    /// Distinct query words kept (a bit each while ranking).
    package static let maximumQueryWords = 64
    /// Verdicts (`Verdict`): an all-words first hit answers when it scores this many times the
    /// second all-words hit; a some-words first hit with less than this share of the query's
    /// IDF-weighted significant words means nothing covers the query.
    package static let answerScoreRatio = 1.5
    package static let noneCoverageBelow = 0.5
    /// "Possibly related" lines under a miss.
    package static let noneRelatedShown = 3
    /// Two scores closer than this are a tie.
    package static let scoreEpsilon = 1e-9
    /// "Did you mean" (only when nothing matched): vocabulary words within
    /// `max(1, min(suggestionMaximumEdits, bytes / suggestionBytesPerEdit))` edits of a query word of
    /// `suggestionWordMinimum` bytes or more, ids within `max(suggestionIDMinimumEdits, key bytes /
    /// suggestionBytesPerEdit)` of the query key; at most `suggestionLimit`.
    package static let suggestionWordMinimum = 3
    package static let suggestionMaximumEdits = 3
    package static let suggestionBytesPerEdit = 3
    package static let suggestionIDMinimumEdits = 2
    package static let suggestionLimit = 5

    /// The tiers, best first, by their names in the vectors and the site index.
    package static let tiers = MatchKind.allCases

    /// The whole specification as JSON, written into the site's search index.
    package static let json: String = makeJSON()

    private static func makeJSON() -> String {
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
        let weights = SearchField.allCases.map { "\"\($0.name)\":\(number($0.weight))" }.joined(separator: ",")
        let stops = SearchQuery.stopWords.sorted().map { "\"\($0)\"" }.joined(separator: ",")
        let labels = tiers.map { "\"\($0.label)\"" }.joined(separator: ",")
        let names = tiers.map { "\"\($0.name)\"" }.joined(separator: ",")
        let values: [(String, String)] = [
            ("k1", number(k1)), ("b", number(b)), ("lengthBits", String(lengthBits)),
            ("completionFactor", number(completionFactor)), ("completionLimit", String(completionLimit)),
            ("completionMinimum", String(completionMinimum)), ("correctionFactor", number(correctionFactor)),
            ("inflectionFactor", number(inflectionFactor)), ("inflectionMinimum", String(inflectionMinimum)),
            ("synonymFactor", number(synonymFactor)), ("joinFactor", number(joinFactor)), ("splitFactor", number(splitFactor)),
            ("splitMinimum", String(splitMinimum)), ("splitPartMinimum", String(splitPartMinimum)),
            ("typoOneEditFrom", String(typoOneEditFrom)), ("typoTwoEditsFrom", String(typoTwoEditsFrom)),
            ("keyPrefixMinimum", String(keyPrefixMinimum)),
            ("titlePairBonus", number(titlePairBonus)), ("codePairBonus", number(codePairBonus)),
            ("queryInTitleBonus", number(queryInTitleBonus)), ("titleInQueryBonus", number(titleInQueryBonus)),
            ("coverageMinimumWords", String(coverageMinimumWords)),
            ("codeInQueryBonus", number(codeInQueryBonus)), ("codeInQueryMinimum", String(codeInQueryMinimum)),
            ("logLineMinimumWords", String(logLineMinimumWords)), ("logLineWindow", String(logLineWindow)),
            ("maximumQueryWords", String(maximumQueryWords)), ("maximumTermBytes", String(Tokenizer.maximumTermLength)),
            ("scoreEpsilon", String(scoreEpsilon)),
            ("answerScoreRatio", number(answerScoreRatio)), ("noneCoverageBelow", number(noneCoverageBelow)),
            ("noneRelatedShown", String(noneRelatedShown)),
            ("suggestionWordMinimum", String(suggestionWordMinimum)), ("suggestionMaximumEdits", String(suggestionMaximumEdits)),
            ("suggestionBytesPerEdit", String(suggestionBytesPerEdit)),
            ("suggestionIDMinimumEdits", String(suggestionIDMinimumEdits)), ("suggestionLimit", String(suggestionLimit)),
            ("severities", "[" + Severity.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"),
            ("tiers", "[\(names)]"), ("labels", "[\(labels)]"),
            ("fieldWeights", "{\(weights)}"), ("stopWords", "[\(stops)]"),
        ]
        return "{" + values.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
