import ErrWikiKit
@testable import ErrWikiSite
import Testing

/// The pieces of the term-sharded search data that `assets/ranking.js` decodes: the number code and
/// the shard cut (the ranking through them is held to the vectors under Node by `SiteRankingVectorTests`).
struct SearchDataTests {
    @Test func numbersRoundTripAndStayShort() throws {
        let numbers = [0, 1, 63, 64, 65, 1_599, 1_600, 1_601, 39_999, 40_000, 1 << 20, 123_456_789, Int(UInt32.max)]
        var run: [UInt8] = []
        for number in numbers { SearchNumberCode.append(number, to: &run) }
        #expect(SearchNumberCode.decode(run) == numbers)
        func width(_ number: Int) -> Int { var out: [UInt8] = []; SearchNumberCode.append(number, to: &out); return out.count }
        #expect([63, 64, 1_599, 1_600, 39_999, 40_000].map(width) == [1, 2, 2, 3, 3, 4])
        // Nothing a JavaScript string or HTML would need escaped.
        #expect(!run.contains { [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&")].contains($0) })
        #expect(Set(SearchNumberCode.finals).count == 64 && Set(SearchNumberCode.leadings).count == 25)
        #expect(Set(SearchNumberCode.finals).isDisjoint(with: SearchNumberCode.leadings))
    }

    @Test func lengthLevelsGiveBackTheRankedLength() {
        for length in 0..<300_000 {
            let level = RankingSpec.lengthLevel(length), ranked = RankingSpec.rankedLength(length)
            #expect(RankingSpec.lengthOfLevel(level) == ranked, "\(length)")
            #expect(ranked <= length && length - ranked < max(1, length / 4), "\(length) → \(ranked)")
            if length < 1 << 17 { #expect(level < 64, "\(length) → level \(level)") }
            if length > 0 { #expect(RankingSpec.lengthLevel(length) >= RankingSpec.lengthLevel(length - 1)) }
        }
        #expect([0, 7, 8, 9, 15, 16, 100, 1_000].map(RankingSpec.rankedLength) == [0, 7, 8, 8, 14, 16, 96, 896])
    }

    @Test func shardsAreConsecutiveAndNearTheTarget() {
        #expect(SearchShards.cut([], target: 10) == [])
        #expect(SearchShards.cut([4, 4, 4, 4, 4], target: 10) == [0..<2, 2..<4, 4..<5])
        // An item above the target is a shard of its own.
        #expect(SearchShards.cut([3, 30, 3, 3], target: 10) == [0..<1, 1..<2, 2..<4])
    }

    @Test func articlesAreNumberedInTieOrder() {
        let articles = ["b-low": Severity.low, "a-low": .low, "z-critical": .critical, "m-high": .high].map { id, severity in
            Article(id: id, title: id, category: "x", severity: severity, summary: "s", causes: ["c"], steps: [])
        }
        #expect(SearchIndexScript.tieOrder(articles).map { articles[$0].id } == ["z-critical", "m-high", "a-low", "b-low"])
    }
}
