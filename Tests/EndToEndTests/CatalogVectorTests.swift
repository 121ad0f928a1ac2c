import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// One resolution of codes in two runtimes: the lookup's (`CatalogFinding`, through the search
/// index, after the ranker) and the site's (`ranking.js` over `catalog-index.js` and the search
/// shards, under Node) give the same entries, forms, order and claiming articles for every query of
/// `catalog-vector-queries.txt` over the shipped `Content/`, recorded in `catalog-vectors.txt`.
@Suite struct CatalogVectorTests {
    static let queries = FixturePaths.fixtures().appendingPathComponent("catalog-vector-queries.txt")
    static let vectors = FixturePaths.fixtures().appendingPathComponent("catalog-vectors.txt")
    static let replay = FixturePaths.fixtures().appendingPathComponent("replay-catalogs.js")

    static func queryLines() throws -> [String] {
        try String(contentsOf: queries, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func theLookupResolvesAsRecorded() throws {
        let cache = try FixturePaths.temporaryFolder()
        let store = IndexStore(contentRoot: BuiltSite.repository.appendingPathComponent("Content").path, cacheFolder: cache.path)
        let (lines, _) = store.answer { index in
            (try! Self.queryLines()).map { query -> String in
                // The real ranked articles: a code inside a line gives way to an exact or log-pattern winner.
                let outcome = Ranker(index: index).search(query, limit: 10)
                let items = CatalogFinding.find(query, in: index, outcome: outcome)?.items ?? []
                return query + "\t" + items.map { item in
                    [item.catalog.id, item.entry.label, item.form.rawValue, item.articles.map(\.id).joined(separator: ",")].joined(separator: ":")
                }.joined(separator: " ; ")
            }
        }
        #expect(lines.count >= 60)
        #expect(lines.filter { $0.hasSuffix("\t") }.count < lines.count / 3, "most vector queries name a code")
        if let problem = Golden.mismatch(lines.joined(separator: "\n") + "\n", golden: Self.vectors) { Issue.record("\(problem)") }
    }

    @Test(.enabled(if: BuiltSite.toolsRequired || BuiltSite.tool("node") != nil, "node is not installed (make test-deps)"))
    func theSiteResolvesAsTheLookupDoes() throws {
        let site = try BuiltSite.folder.get()
        let node = try #require(BuiltSite.tool("node"), "node is required on CI")
        let result = try CommandRunner.run([Self.replay.path, site.path, Self.queries.path], in: BuiltSite.repository,
                                           executable: URL(fileURLWithPath: node))
        try #require(result.status == 0, "node failed: \(result.stderr)")
        let recorded = try String(contentsOf: Self.vectors, encoding: .utf8)
        if let difference = Golden.mismatchDescription(recorded, result.stdout) { Issue.record("ranking.js disagrees with CatalogFinding: \(difference)") }
    }
}
