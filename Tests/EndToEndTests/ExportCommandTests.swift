import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki export json` and the site's `api/articles.json`: one documented, versioned document.
struct ExportCommandTests {
    static func content() throws -> URL {
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: content)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("catalogs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Content/catalogs/signal.tsv"),
                                         to: content.appendingPathComponent("catalogs/signal.tsv"))
        return content
    }

    static func pretty(_ text: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test func theExportIsTheGoldenDocumentAndTheSitePublishesTheSame() throws {
        let content = try Self.content()
        let run = try CommandRunner.run(["export", "json", "--content", content.path], in: BuiltSite.repository)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "errwiki-export" && document["version"] as? Int == 1)
        let articles = try #require(document["articles"] as? [[String: Any]])
        // Drafts are left out, as on the site.
        #expect(articles.map { $0["id"] as? String ?? "" }.sorted() == ["eacces", "enospc", "linux-oom-killer"])
        let enospc = try #require(articles.first { $0["id"] as? String == "enospc" })
        #expect((enospc["body_html"] as? String)?.hasPrefix("<") == true)
        #expect(enospc["body_markdown"] as? String != nil)
        let golden = try Self.pretty(run.stdout).replacingOccurrences(of: #""generator" : "errwiki [^"]*""#, with: #""generator" : "errwiki""#,
                                                                         options: .regularExpression)
        if let mismatch = Golden.mismatch(golden, golden: FixturePaths.fixtures().appendingPathComponent("export/articles.json")) {
            Issue.record("\(mismatch)")
        }
        let site = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let build = try CommandRunner.run(["build", "--content", content.path, "--out", site.path], in: BuiltSite.repository)
        #expect(build.status == 0, "\(build.stderr)")
        let published = try String(contentsOf: site.appendingPathComponent("api/articles.json"), encoding: .utf8)
        let strip = { (text: String) in text.replacingOccurrences(of: #""generator":"[^"]*""#, with: "", options: .regularExpression) }
        #expect(strip(published) == strip(run.stdout))
    }

    @Test func aContentErrorStopsTheExportAndWritesNothing() throws {
        let content = try Self.content()
        try "---\ntitle: Broken\n---\n".write(to: content.appendingPathComponent("errno/broken.md"), atomically: true, encoding: .utf8)
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("export.json")
        let run = try CommandRunner.run(["export", "json", "--content", content.path, "--out", out.path], in: BuiltSite.repository)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.md:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
