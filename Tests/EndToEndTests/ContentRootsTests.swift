import ErrWikiTestSupport
import Foundation
import Testing

/// A team wiki over the shipped one: `Fixtures/team-root` overrides `linux-oom-killer` (with
/// `overrides: true`) and adds two articles that link into the shipped content. Every command that
/// reads content is run on `--content team --content Content` (or `ERRWIKI_PATH`) and must see the
/// same union: the team's article where the ids meet, the shipped wiki everywhere else.
@Suite struct ContentRootsTests {
    static let team = FixturePaths.fixtures().appendingPathComponent("team-root")
    static let shipped = BuiltSite.repository.appendingPathComponent("Content")
    static let goldens = FixturePaths.fixtures().appendingPathComponent("content-roots")
    static let teamOOMTitle = "OOM killer on the ACME build farm"
    static let shippedOOMTitle = "Linux OOM Killer — Out of Memory: Killed Process"
    static let oomLine = "Out of memory: Killed process 4242 (cc1plus) total-vm:2123456kB, anon-rss:1900000kB, file-rss:1024kB, shmem-rss:0kB, UID:1000 pgtables:4500kB oom_score_adj:0"

    static func roots(_ folders: [URL]) -> [String] { folders.flatMap { ["--content", $0.path] } }

    /// Runs errwiki with a private index cache, so each test builds and reads its own.
    static func run(_ arguments: [String], in directory: URL = BuiltSite.repository, environment: [String: String] = [:],
                    standardInput: URL? = nil) throws -> CommandRunner.Result {
        let cache = try FixturePaths.temporaryFolder().path
        return try CommandRunner.run(arguments, in: directory, environment: ["XDG_CACHE_HOME": cache].merging(environment) { $1 },
                                     standardInput: standardInput)
    }

    /// A writable copy of the team root.
    static func teamCopy() throws -> URL {
        let copy = try FixturePaths.temporaryFolder().appendingPathComponent("team")
        try FileManager.default.copyItem(at: team, to: copy)
        return copy
    }

    /// Article files of the shipped content (the catalogs folder holds tables).
    static var shippedArticleCount: Int {
        let walk = FileManager.default.enumerator(atPath: shipped.path)
        var count = 0
        while let name = walk?.nextObject() as? String {
            if name.hasSuffix(".md") && !name.hasPrefix("catalogs/") { count += 1 }
        }
        return count
    }

    /// Paths as the golden files write them.
    static func placeholders(_ text: String) -> String {
        text.replacingOccurrences(of: team.path, with: "<team>").replacingOccurrences(of: shipped.path, with: "<shipped>")
    }

    @Test func checkSeesTheUnionAndWarnsAboutShadowingThatIsNotSaid() throws {
        let both = try Self.run(["check", "--strict"] + Self.roots([Self.team, Self.shipped]))
        #expect(both.status == 0, "\(both.stderr)")
        // Every file is checked, the shadowed one too.
        #expect(both.stderr == "no problems found (\(Self.shippedArticleCount + 3) files checked)\n")

        // The same team root without `overrides: true`: a warning that names both files.
        let silent = try Self.teamCopy()
        let oom = silent.appendingPathComponent("kernel/linux-oom-killer.md")
        try String(contentsOf: oom, encoding: .utf8).replacingOccurrences(of: "overrides: true\n", with: "")
            .write(to: oom, atomically: true, encoding: .utf8)
        let warned = try Self.run(["check"] + Self.roots([silent, Self.shipped]))
        #expect(warned.status == 0, "a warning alone does not fail check")
        let text = warned.stderr.replacingOccurrences(of: silent.path, with: "<team>").replacingOccurrences(of: Self.shipped.path, with: "<shipped>")
            .replacingOccurrences(of: "(\(Self.shippedArticleCount + 3) files checked)", with: "(<shipped + 3> files checked)")
        if let mismatch = Golden.mismatch(text, golden: Self.goldens.appendingPathComponent("undeclared-override.txt")) { Issue.record("\(mismatch)") }
        #expect(try Self.run(["check", "--strict"] + Self.roots([silent, Self.shipped])).status == 1)

        // The team root alone: its links into the shipped wiki are broken, and it overrides nothing.
        let alone = try Self.run(["check"] + Self.roots([Self.team]))
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("[unknown-related]") && alone.stderr.contains("[overrides-nothing]"))
    }

    @Test func lookupAnswersFromTheFirstRootThatHasTheArticle() throws {
        let both = Self.roots([Self.team, Self.shipped])
        let oom = try Self.run(["lookup", Self.oomLine] + both)
        #expect(oom.status == 0 && oom.stdout.hasPrefix(Self.teamOOMTitle), "\(oom.stdout.prefix(300))")
        let deploy = try Self.run(["lookup", "deployctl: lock /srv/api/.lock held by pid 77"] + both)
        #expect(deploy.stdout.hasPrefix("deployctl: deploy lock held by another run"), "\(deploy.stdout.prefix(300))")
        // The shipped wiki still answers what the team does not cover.
        let enospc = try Self.run(["lookup", "ENOSPC"] + both)
        #expect(enospc.stdout.contains("ENOSPC — No Space Left on Device"))
        // --json names the file that answers.
        let json = try Self.run(["lookup", "--json", Self.oomLine] + both)
        let results = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])["results"] as? [[String: Any]]
        #expect(results?.first?["path"] as? String == Self.team.path + "/kernel/linux-oom-killer.md")
        // Another order is another wiki.
        let reversed = try Self.run(["lookup", Self.oomLine] + Self.roots([Self.shipped, Self.team]))
        #expect(reversed.stdout.hasPrefix(Self.shippedOOMTitle), "\(reversed.stdout.prefix(300))")
    }

    /// `ERRWIKI_PATH=team:` is "the team's, then the default" (./Content in the repository).
    @Test func errwikiPathLayersTheTeamOverTheDefault() throws {
        for path in [Self.team.path + ":", Self.team.path + ":" + Self.shipped.path] {
            let oom = try Self.run(["lookup", Self.oomLine], environment: ["ERRWIKI_PATH": path])
            #expect(oom.status == 0 && oom.stdout.hasPrefix(Self.teamOOMTitle), "\(path): \(oom.stdout.prefix(200)) \(oom.stderr)")
            let enospc = try Self.run(["show", "enospc"], environment: ["ERRWIKI_PATH": path])
            #expect(enospc.stdout.hasPrefix("ENOSPC — No Space Left on Device"))
        }
        let missing = try Self.run(["lookup", "oom"], environment: ["ERRWIKI_PATH": "/no/such/root:"])
        #expect(missing.status == 64 && missing.stderr.contains("/no/such/root (ERRWIKI_PATH) does not exist"), "\(missing.stderr)")
    }

    @Test func showPrintsTheWinnerAndWhereSaysWhatItShadows() throws {
        let both = Self.roots([Self.team, Self.shipped])
        let shown = try Self.run(["show", "linux-oom-killer", "--no-pager"] + both)
        #expect(shown.status == 0 && shown.stdout.hasPrefix(Self.teamOOMTitle))
        var text = ""
        for id in ["linux-oom-killer", "acme-deploy-lock-held", "enospc"] {
            let whereIs = try Self.run(["show", "--where", id] + both)
            #expect(whereIs.status == 0)
            text += Self.placeholders(whereIs.stdout)
        }
        if let mismatch = Golden.mismatch(text, golden: Self.goldens.appendingPathComponent("where.txt")) { Issue.record("\(mismatch)") }
        let unknown = try Self.run(["show", "--where", "acme-deploy-lok-held"] + both)
        #expect(unknown.status == 1 && unknown.stderr.contains("did you mean: acme-deploy-lock-held"), "\(unknown.stderr)")
    }

    @Test func diagnoseMatchesTheTeamsPatternsAndTheShippedOnes() throws {
        let log = try FixturePaths.temporaryFolder().appendingPathComponent("incident.log")
        try """
        \(Self.oomLine)
        deployctl: lock /srv/deploy/.lock held by pid 4242 (started 2026-11-30T10:00:00Z)
        cp: error writing '/var/tmp/x': No space left on device
        """.write(to: log, atomically: true, encoding: .utf8)
        let both = Self.roots([Self.team, Self.shipped])
        let run = try Self.run(["diagnose", log.path, "--json"] + both)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let matches = try #require(document["matches"] as? [[String: Any]])
        let ids = matches.compactMap { $0["id"] as? String }
        #expect(Set(ids) == ["linux-oom-killer", "acme-deploy-lock-held", "enospc"], "\(run.stdout.prefix(500))")
        // The OOM line goes to the team's article: its first step, and a show command that reads the same roots.
        let people = try Self.run(["diagnose", log.path] + both)
        #expect(people.stdout.contains("linux-oom-killer: Find the kill in the kernel log"))
        #expect(people.stdout.contains("errwiki show linux-oom-killer --content \(Self.team.path) --content \(Self.shipped.path)"))
    }

    @Test func buildPublishesTheUnion() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let run = try Self.run(["build", "--quiet", "--out", out.path] + Self.roots([Self.team, Self.shipped]))
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("linux-oom-killer.html"), encoding: .utf8)
        #expect(page.contains(Self.teamOOMTitle) && !page.contains(Self.shippedOOMTitle))
        for id in ["acme-deploy-lock-held", "acme-vpn-token-expired", "enospc"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(id).html").path), "\(id)")
        }
        // The team's link into the shipped wiki is a link on the page.
        let deploy = try String(contentsOf: out.appendingPathComponent("acme-deploy-lock-held.html"), encoding: .utf8)
        #expect(deploy.contains("href=\"acme-vpn-token-expired.html\"") && deploy.contains("href=\"linux-oom-killer.html\""))
        let api = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("api/articles.json"))) as? [String: Any])
        let articles = try #require(api["articles"] as? [[String: Any]])
        #expect(articles.count == Self.shippedArticleCount + 2)
        let oom = articles.first { $0["id"] as? String == "linux-oom-killer" }
        #expect(oom?["content_root"] as? Int == 0 && oom?["overrides"] as? Bool == true)
        // Nothing changed in either root: nothing to do.
        let again = try Self.run(["build", "--out", out.path] + Self.roots([Self.team, Self.shipped]))
        #expect(again.stdout.contains("up to date"), "\(again.stdout)")
    }

    @Test func newWritesIntoTheFirstRootAndOverrideCopiesTheShippedArticle() throws {
        let team = try Self.teamCopy()
        let both = Self.roots([team, Self.shipped])
        let created = try Self.run(["new", "Cache warm-up timed out", "--category", "deploy", "--severity", "low"] + both)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(FileManager.default.fileExists(atPath: team.appendingPathComponent("deploy/cache-warm-up-timed-out.md").path))

        // An id of the shipped wiki is refused, and the refusal says how to override it.
        let refused = try Self.run(["new", "Disk full", "--id", "enospc", "--category", "errno", "--severity", "high"] + both)
        #expect(refused.status == 1 && refused.stderr.contains("already exists in a later content root") && refused.stderr.contains("--override"),
                "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: team.appendingPathComponent("errno").path), "nothing written")

        let copied = try Self.run(["new", "--override", "--id", "enospc"] + both)
        #expect(copied.status == 0, "\(copied.stderr)")
        let copy = try String(contentsOf: team.appendingPathComponent("errno/enospc.md"), encoding: .utf8)
        let original = try String(contentsOf: Self.shipped.appendingPathComponent("errno/enospc.md"), encoding: .utf8)
        #expect(copy == original.replacingOccurrences(of: "---\n", with: "---\noverrides: true\n", options: [.anchored]))
        let whereIs = try Self.run(["show", "--where", "enospc"] + both)
        #expect(whereIs.stdout.hasPrefix("enospc: \(team.path)/errno/enospc.md (content root 1 of 2)"), "\(whereIs.stdout)")
        // The copy is a valid override: check has nothing to say about it.
        let check = try Self.run(["check"] + both)
        #expect(!check.stderr.contains("errno/enospc.md"), "\(check.stderr)")

        // Never twice, never over the team's own article, never for an id no root has.
        #expect(try Self.run(["new", "--override", "--id", "enospc"] + both).status == 1)
        let own = try Self.run(["new", "--override", "--id", "acme-deploy-lock-held"] + both)
        #expect(own.status == 1 && own.stderr.contains("already exists"), "\(own.stderr)")
        let nothing = try Self.run(["new", "--override", "--id", "no-such-article"] + both)
        #expect(nothing.status == 1 && nothing.stderr.contains("no later content root has an article"), "\(nothing.stderr)")
    }

    @Test func serveRebuildsWhenEitherRootChanges() throws {
        let team = try Self.teamCopy()
        let lower = try FixturePaths.temporaryFolder().appendingPathComponent("lower")
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: lower)
        let server = try ServeCommandTests.RunningServer(content: team, moreContent: [lower])
        defer { _ = server.stop() }
        #expect(server.port > 0, "\(server.outputSoFar)")
        let oom = try RawHTTP.get("/linux-oom-killer.html", port: server.port)
        #expect(oom.status == 200 && oom.body.contains(Self.teamOOMTitle))
        #expect(try RawHTTP.get("/acme-vpn-token-expired.html", port: server.port).status == 200)
        // An edit in the lower root shows up.
        let eacces = lower.appendingPathComponent("errno/eacces.md")
        let text = try String(contentsOf: eacces, encoding: .utf8)
        let title = try #require(text.firstMatch(of: /title: (.+)\n/).map { String($0.1) })
        try text.replacingOccurrences(of: "title: \(title)\n", with: "title: Edited in the lower root\n").write(to: eacces, atomically: true, encoding: .utf8)
        let edited = try server.eventually("/eacces.html") { $0.body.contains("Edited in the lower root") }
        #expect(edited.body.contains("Edited in the lower root"))
        // The team's override goes away: the lower root's article is served again.
        try FileManager.default.removeItem(at: team.appendingPathComponent("kernel/linux-oom-killer.md"))
        let restored = try server.eventually("/linux-oom-killer.html") { !$0.body.contains(Self.teamOOMTitle) }
        #expect(!restored.body.contains(Self.teamOOMTitle) && restored.status == 200)
    }

    @Test(.enabled(if: BuiltSite.toolsRequired || VenvPython.has("mcp"), "the MCP Python SDK is not installed (make test-deps)"))
    func mcpServesTheUnionToARealClient() throws {
        let python = try #require(VenvPython.path, "the project's virtualenv is required on CI")
        let client = FixturePaths.fixtures().appendingPathComponent("mcp/two-roots.py")
        let run = try CommandRunner.run([client.path, CommandRunner.binary.path, Self.team.path, Self.shipped.path], in: BuiltSite.repository,
                                        executable: URL(fileURLWithPath: python), timeLimit: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((document["search_first"] as? String) == "linux-oom-killer")
        #expect((document["article_first_line"] as? String) == "# \(Self.teamOOMTitle)")
        #expect((document["diagnosed"] as? [String]) == ["acme-deploy-lock-held", "linux-oom-killer"])
        #expect((document["resources"] as? [String])?.contains("errwiki://article/acme-vpn-token-expired") == true)
        #expect((document["resources"] as? [String])?.contains("errwiki://article/enospc") == true)
    }
}
