import Testing
@testable import ErrWikiSite

@Suite struct SitePathTests {
    @Test func linksAreRelativeToThePage() {
        #expect(SitePath.article("enospc").link(to: .home) == "index.html")
        #expect(SitePath.category("errno").link(to: .article("enospc")) == "../enospc.html")
        #expect(SitePath.tag(slug: "linux").rootPrefix == "../")
    }

    @Test func tagSlugsAreUniqueAndFileSafe() {
        let slugs = TagSlugs(tags: ["C++", "c", "../etc", "Index", "index"])
        let values = Array(slugs.slugs.values)
        #expect(Set(values).count == values.count)
        #expect(values.allSatisfy { !$0.contains("/") && !$0.contains(".") && $0 != "index" })
    }
}
