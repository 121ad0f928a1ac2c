import ErrWikiSite
import ErrWikiTestSupport
import Foundation
import Testing

/// The rendered pages of the fixture wiki, byte for byte. Re-record with `ERRWIKI_RECORD=1 swift test`
/// after an intended change to the theme or the page contexts, and read the diff.
@Suite struct GoldenPageTests {
    static let pages = ["index.html", "enospc.html", "linux-oom-killer.html", "category/errno.html", "a-z.html",
                        "tag/linux.html", "search.html", "sitemap.xml"]

    @Test(arguments: pages)
    func pageMatchesGolden(_ page: String) throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out,
                              options: SiteOptions(siteName: "Fixture Wiki", baseURL: "https://errors.example.org/"))
        let html = try #require(SiteFixture.read(out + "/" + page), "\(page) was not written")
        let golden = SiteFixture.fixtures.appendingPathComponent("golden/" + page.replacingOccurrences(of: "/", with: "__"))
        if let message = Golden.mismatch(html, golden: golden) { Issue.record(Comment(rawValue: message)) }
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        #expect(!FileManager.default.fileExists(atPath: out + "/draft-article.html"))
        let search = SiteFixture.searchData(out)
        #expect(search.count > 5 && search.values.allSatisfy { !$0.contains("A Draft Article") && !$0.contains("draft-article") })
        let withDrafts = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: withDrafts, options: SiteOptions(includeDrafts: true))
        #expect(FileManager.default.fileExists(atPath: withDrafts + "/draft-article.html"))
    }

    @Test func noSitemapOrCanonicalWithoutBaseURL() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        #expect(!FileManager.default.fileExists(atPath: out + "/sitemap.xml"))
        #expect(SiteFixture.read(out + "/enospc.html")?.contains("rel=\"canonical\"") == false)
    }

    @Test func articlePageHasTheSeedSectionsInOrder() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        let html = try #require(SiteFixture.read(out + "/enospc.html"))
        let markers = ["<h1>", "id=\"about\"", "id=\"quick-answer\"", "id=\"key-details\"", "id=\"causes\"", "id=\"steps\"",
                       "id=\"details\"", "id=\"faq\"", "class=\"tags\"", "id=\"see-also\"", "More in Errno"]
        let positions = markers.map { html.range(of: $0)?.lowerBound }
        #expect(!positions.contains(nil), "missing: \(zip(markers, positions).filter { $1 == nil }.map(\.0))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "sections out of order")
        #expect(html.components(separatedBy: "<h1").count == 2, "exactly one h1")
        // The eacces page has no key details and no body: those sections are left out.
        let short = try #require(SiteFixture.read(out + "/eacces.html"))
        #expect(!short.contains("id=\"key-details\"") && !short.contains("id=\"details\""))
    }
}
