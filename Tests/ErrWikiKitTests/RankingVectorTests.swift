@testable import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// The ranking vectors: every ranking-suite query and the extra ones in `ranking-vector-queries.txt`
/// (ties, transpositions, non-ASCII text, filters, codes, log lines, corrections), with the top hits
/// of the Swift ranker. This test holds the Swift ranker to the file; `SiteRankingVectorTests`
/// replays the same file through the site's ranker under Node.
@Suite struct RankingVectorTests {
    static func record() throws -> RankingVectors {
        let ranker = Ranker(index: RankingTests.index)
        let extra = RankingVectors.parseQueries(try String(contentsOf: RankingVectors.queriesFile, encoding: .utf8))
        let queries = RankingTests.cases.map { ($0.query, RankingVectors.Filter()) } + extra.map { ($0.query, $0.filter) }
        let limit = 10
        return RankingVectors(limit: limit, cases: queries.map { query, filter in
            let outcome = ranker.search(query, filter: Ranker.Filter(category: filter.category, severity: filter.severity.flatMap(Severity.init)),
                                        limit: limit)
            return RankingVectors.Case(query: query, filter: filter, corrected: outcome.corrected, suggestions: outcome.suggestions,
                                       verdict: outcome.verdict.rawValue,
                                       hits: outcome.hits.map { hit in
                                           RankingVectors.Hit(id: hit.article.id, tier: hit.kind.name, label: hit.kind.label,
                                                              corrected: hit.usedCorrection, score: hit.score, coverage: hit.coverage)
                                       })
        })
    }

    @Test func theSwiftRankerGivesTheRecordedVectors() throws {
        let vectors = try Self.record()
        #expect(vectors.cases.count >= 150)
        if let problem = Golden.mismatch(vectors.text, golden: RankingVectors.file) { Issue.record(Comment(rawValue: problem)) }
    }

    /// The file is what `text` writes, so the Node replay reads exactly what Swift recorded.
    @Test func theFileDecodesToTheSameVectors() throws {
        let decoded = try JSONDecoder().decode(RankingVectors.self, from: Data(contentsOf: RankingVectors.file))
        #expect(decoded.text == (try String(contentsOf: RankingVectors.file, encoding: .utf8)))
        #expect(decoded.cases.contains { !$0.suggestions.isEmpty })
        #expect(decoded.cases.contains { $0.corrected != nil })
        #expect(decoded.cases.contains { $0.hits.contains { $0.tier == "logPattern" } })
        #expect(decoded.cases.contains { $0.filter.category != nil })
    }
}
