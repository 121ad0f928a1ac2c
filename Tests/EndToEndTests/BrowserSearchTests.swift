import ErrWikiTestSupport
import Foundation
import Testing

/// A real headless Chromium opens a built site from disk (file://) and runs its search: a smoke test
/// of the page code around the ranker, on the frozen ranking wiki (the ranking itself is held to the
/// shared vectors under Node by `SiteRankingVectorTests`).
@Suite(.enabled(if: BuiltSite.toolsRequired || BuiltSite.tool("chromium") != nil, "chromium is not installed (make test-deps)"))
struct BrowserSearchTests {
    /// Codes, a number, hex, a phrase, typos, a log line and a prefix: the browser's first result must
    /// be the vectors' first hit for the same query.
    static let queries = ["ENOSPC", "137", "0x80070005", "port already in use", "permision denied", "conenction refused",
                          "Out of memory: Killed process 4242 (java) total-vm:8123456kB, anon-rss:7000000kB", "too many open files",
                          "ImagePullBack"]

    static let rankingSite: Result<URL, BuiltSite.BuildFailure> = {
        do { return .success(try SiteRankingVectorTests.buildSite()) } catch { return .failure(BuiltSite.BuildFailure(message: "\(error)")) }
    }()

    static func dumpDOM(_ url: String) throws -> String {
        let chromium = try #require(BuiltSite.tool("chromium"), "chromium is required on CI")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        let profile = try FixturePaths.temporaryFolder().path
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)",
                             "--virtual-time-budget=5000", "--dump-dom", url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func resultLinks(_ dom: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "class=\"result-link\" href=\"([^\"]*)\"")
        let text = dom as NSString
        return regex.matches(in: dom, range: NSRange(location: 0, length: text.length)).map { text.substring(with: $0.range(at: 1)) }
    }

    static func searchURL(_ site: URL, _ query: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "file://\(site.path)/search.html?q=\(query.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }

    @Test(arguments: queries)
    func firstResultIsTheRankersFirst(_ query: String) throws {
        let site = try Self.rankingSite.get()
        let vectors = try JSONDecoder().decode(RankingVectors.self, from: Data(contentsOf: RankingVectors.file))
        let expected = try #require(vectors.cases.first { $0.query == query && $0.filter == RankingVectors.Filter() }?.hits.first)
        let dom = try Self.dumpDOM(Self.searchURL(site, query))
        let links = Self.resultLinks(dom)
        #expect(links.first == "\(expected.id).html", "\(query): got \(links.prefix(3))")
        #expect(dom.contains("class=\"match-kind\">\(expected.label)"), "\(query): no '\(expected.label)' label")
        if query == "permision denied" { #expect(dom.contains("Showing results for “permission denied”")) }
    }

    @Test func aWikiWithSeveralIndexShardsIsSearchedWhole() throws {
        // 2,500 articles: many shards of search/; the wanted ones sit in late ones.
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content/gen")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        for index in 0..<2_500 {
            let code = index == 1_234 ? "ZQX1234" : index == 2_345 ? "ZQX2345" : "GEN\(index)"
            let article = "---\ntitle: Generated \(index) \(index == 2_345 ? "flibbertigibbet" : "")\ncategory: gen\nseverity: low\nsummary: Number \(index).\ncodes: [\(code)]\ncauses: [x]\nsteps: [y]\n---\n"
            try article.write(to: content.appendingPathComponent("gen-\(index).md"), atomically: false, encoding: .utf8)
        }
        let out = root.appendingPathComponent("site")
        let build = try CommandRunner.run(["build", "--content", root.appendingPathComponent("content").path, "--templates", "Templates",
                                           "--out", out.path, "--quiet"], in: BuiltSite.repository)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("search/p-2.js").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("search/d-150.js").path))
        #expect(Self.resultLinks(try Self.dumpDOM("file://\(out.path)/search.html?q=ZQX1234")).first == "gen-1234.html")
        #expect(Self.resultLinks(try Self.dumpDOM("file://\(out.path)/search.html?q=flibbertigibet")).first == "gen-2345.html")

        // A query loads a small part of search/: its terms, the articles they touch, what it shows.
        let node = try #require(BuiltSite.tool("node"), "node is required on CI")
        for (query, first) in [("ZQX1234", "gen-1234"), ("flibbertigibbet", "gen-2345"), ("generated 77", "gen-77")] {
            let run = try CommandRunner.run([Self.queryCost.path, out.path, query], in: BuiltSite.repository, executable: URL(fileURLWithPath: node))
            let cost = try JSONDecoder().decode(QueryCost.self, from: Data(run.stdout.utf8))
            #expect(cost.first == first, "\(query): \(run.stdout) \(run.stderr)")
            #expect(cost.files > 0 && cost.files * 20 < cost.allFiles && cost.bytes * 4 < cost.allBytes, "\(query): \(run.stdout)")
        }
    }

    static let queryCost = BuiltSite.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/query-cost.js")
    struct QueryCost: Decodable { let files, bytes, allFiles, allBytes: Int; let first: String? }

    @Test func aMissingDataFileSaysTheSiteIsStale() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let build = try CommandRunner.run(["build", "--content", SiteRankingVectorTests.rankingWiki.path, "--templates", "Templates",
                                           "--out", out.path, "--quiet"], in: BuiltSite.repository)
        #expect(build.status == 0, "\(build.stderr)")
        let search = out.appendingPathComponent("search")
        for name in try FileManager.default.contentsOfDirectory(atPath: search.path) where name.hasPrefix("p-") {
            try FileManager.default.removeItem(at: search.appendingPathComponent(name))
        }
        let dom = try Self.dumpDOM(Self.searchURL(out, "ENOSPC"))
        #expect(dom.contains("missing or stale; rebuild the site"), "\(dom.suffix(2_000))")
        #expect(Self.resultLinks(dom).isEmpty)
    }

    @Test func noQueryShowsNothingAndAMissShowsAMessageWithSuggestions() throws {
        let site = try Self.rankingSite.get()
        #expect(Self.resultLinks(try Self.dumpDOM("file://\(site.path)/search.html")).isEmpty)
        let miss = try Self.dumpDOM("file://\(site.path)/search.html?q=zzqxqzz")
        #expect(Self.resultLinks(miss).isEmpty)
        #expect(miss.contains("No article matches"))
        #expect(try Self.dumpDOM(Self.searchURL(site, "oomx")).contains("Did you mean: oom, oomd?"))
    }

    @Test func hostileArticlesRunNoScriptInTheBrowser() throws {
        let fixtures = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/hostile")
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let build = try CommandRunner.run(["build", "--content", fixtures.path, "--templates", "Templates", "--out", out.path, "--quiet"],
                                          in: BuiltSite.repository)
        #expect(build.status == 0, "\(build.stderr)")
        for page in ["evil.html", "search.html?q=evil", "search.html?q=%3Cscript%3E", "index.html", "category/evil.html"] {
            let dom = try Self.dumpDOM("file://\(out.path)/\(page)")
            #expect(dom.contains("</html>"), "\(page) did not load")
            #expect(!dom.contains("data-pwned"), "\(page) ran injected script")
        }
        // The search finds the hostile article and shows its title as text.
        let dom = try Self.dumpDOM("file://\(out.path)/search.html?q=evil")
        #expect(Self.resultLinks(dom).first == "evil.html")
        #expect(dom.contains("&lt;script&gt;document.body.dataset.pwned=1"))
    }
}
