import ErrWikiSite
import ErrWikiTestSupport
import Foundation
import Testing

/// Article text is untrusted: titles, summaries, codes, tags, commands, FAQ and bodies full of script
/// must come out as text. (The browser test opens the same pages in Chromium.)
@Suite struct HostileContentTests {
    static func builtHostileSite() throws -> String {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("hostile"), out: out, options: SiteOptions(baseURL: "https://x.example/"))
        return out
    }

    @Test func noPageCanRunScript() throws {
        let out = try Self.builtHostileSite()
        let files = SiteFixture.snapshot(out).filter { $0.key.hasSuffix(".html") }
        #expect(files.count > 10)
        var problems: [String] = []
        for (path, data) in files { problems += HTMLAudit.problems(in: String(decoding: data, as: UTF8.self), file: path) }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func theAuditCatchesWhatItLooksFor() {
        // The audit must be able to fail: each of these is a real hole.
        let holes = ["<script>alert(1)</script>", "<img src=x onerror=\"alert(1)\">", "<a href=\"javascript:alert(1)\">x</a>",
                     "<a href=\" JaVa&#10;script:alert(1)\">", "<iframe src=\"x\"></iframe>", "<script src=\"https://cdn.example/x.js\"></script>",
                     "<script type=\"application/ld+json\">{\"a\":\"</script><script>\"}</script>"]
        for hole in holes { #expect(!HTMLAudit.problems(in: hole, file: "t").isEmpty, "\(hole)") }
    }

    @Test func hostileTextIsShownAsText() throws {
        let out = try Self.builtHostileSite()
        let page = try #require(SiteFixture.read(out + "/evil.html"))
        #expect(page.contains("&lt;script&gt;document.body.dataset.pwned=1&lt;/script&gt; Evil"))
        #expect(page.contains("<title>&lt;script&gt;"))
        // The command is shown whole, escaped, in its code block.
        #expect(page.contains("echo &quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;document.body.dataset.pwned=9&lt;/script&gt;&quot;"))
    }

    @Test func searchIndexCannotEndItsScript() throws {
        let out = try Self.builtHostileSite()
        let files = SiteFixture.searchData(out)
        #expect(files["index.js"] != nil && files.count > 5)
        for (name, script) in files {
            #expect(!script.contains("</"), "\(name)")
            #expect(!script.contains("<!--"), "\(name)")
            #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"), "\(name)")
        }
        // A data file is one call, ERRWIKI_SEARCH_ADD("d-0",[…]); whose argument is JSON.
        var titles: [String] = []
        for (name, script) in files where name.hasPrefix("d-") {
            let prefix = "ERRWIKI_SEARCH_ADD(\"\(name.dropLast(3))\","
            #expect(script.hasPrefix(prefix) && script.hasSuffix(");\n"), "\(name)")
            let json = script.dropFirst(prefix.count).dropLast(3)
            let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]], "\(name)")
            titles += records.compactMap { $0[1] as? String }
        }
        #expect(titles.contains { $0.hasPrefix("<script>") }, "titles survive as text")
    }

    @Test func tagsBecomeSafeFileNames() throws {
        let out = try Self.builtHostileSite()
        let tagFiles = try FileManager.default.contentsOfDirectory(atPath: out + "/tag")
        #expect(tagFiles.allSatisfy { $0.range(of: "^[a-z0-9][a-z0-9-]*\\.html$", options: .regularExpression) != nil }, "\(tagFiles)")
        #expect(tagFiles.count == 4) // three tags and the tag index
    }
}
