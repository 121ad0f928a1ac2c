import ErrWikiTestSupport
import Foundation
import Testing

/// The site's ranker (`Templates/assets/ranking.js`, as `errwiki build` ships it) replays the ranking
/// vectors recorded from the Swift ranker, under Node.js with no browser: the same ids, tiers,
/// labels, corrections and suggestions, and scores within 1e-9 relative.
@Suite(.enabled(if: BuiltSite.toolsRequired || BuiltSite.tool("node") != nil, "node is not installed (make test-deps)"))
struct SiteRankingVectorTests {
    static let rankingWiki = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/ranking-wiki")
    static let replay = BuiltSite.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/replay-ranking.js")

    /// The ranking wiki's site, built by the real binary.
    static func buildSite() throws -> URL {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let result = try CommandRunner.run(["build", "--content", rankingWiki.path, "--templates", "Templates", "--out", out.path, "--quiet"],
                                           in: BuiltSite.repository)
        try #require(result.status == 0, "build failed: \(result.stderr)")
        return out
    }

    static func replayUnderNode(site: URL, vectors: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let node = try #require(BuiltSite.tool("node"), "node is required on CI")
        let result = try CommandRunner.run([replay.path, site.path, vectors.path], in: BuiltSite.repository, executable: URL(fileURLWithPath: node))
        return (result.status, result.stdout, result.stderr)
    }

    @Test func theSiteRankerAgreesWithTheSwiftRanker() throws {
        let expected = try JSONDecoder().decode(RankingVectors.self, from: Data(contentsOf: RankingVectors.file))
        let site = try Self.buildSite()
        let replayed = try Self.replayUnderNode(site: site, vectors: RankingVectors.file)
        try #require(replayed.status == 0, "node failed: \(replayed.stderr)")
        var actual = try JSONDecoder().decode(RankingVectors.self, from: Data(replayed.stdout.utf8))
        actual.limit = expected.limit
        #expect(expected.cases.count >= 150)
        if let problem = expected.disagreement(with: actual) { Issue.record(Comment(rawValue: problem)) }
    }

    /// The comparison can fail: a vector file with one score nudged and one tier changed disagrees.
    @Test func aChangedVectorIsCaught() throws {
        var vectors = try JSONDecoder().decode(RankingVectors.self, from: Data(contentsOf: RankingVectors.file))
        let site = try Self.buildSite()
        let replayed = try Self.replayUnderNode(site: site, vectors: RankingVectors.file)
        let actual = try JSONDecoder().decode(RankingVectors.self, from: Data(replayed.stdout.utf8))
        let index = try #require(vectors.cases.firstIndex { $0.hits.count >= 2 })
        vectors.cases[index].hits[0].score *= 1 + 1e-7
        vectors.cases[index].hits[1].tier = "someWords"
        let problem = try #require(vectors.disagreement(with: actual))
        #expect(problem.contains("score"))
        #expect(problem.contains("expected someWords"))
    }
}
