import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki lookup` and `errwiki show` as a user runs them.
@Suite struct LookupCommandTests {
    static let wiki = FixturePaths.fixtures().appendingPathComponent("../../ErrWikiKitTests/Fixtures/ranking-wiki").standardized
    let cache: URL

    init() throws {
        cache = try FixturePaths.temporaryFolder()
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        var env = ["XDG_CACHE_HOME": cache.path]
        for (key, value) in environment { env[key] = value }
        return try CommandRunner.run(arguments + ["--content", Self.wiki.path], in: cache, environment: env)
    }

    @Test func aClearWinnerPrintsTheArticle() throws {
        let result = try run(["lookup", "oom"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Linux OOM Killer — Out of Memory: Killed Process\nCRITICAL · kernel · OOM, oom-kill\n"))
        #expect(result.stdout.contains("\nSteps\n  1. Find OOM events in the kernel log\njournalctl -k -b | grep -Ei"))
        #expect(!result.stdout.contains("\u{1B}"), "piped output must be plain")
    }

    @Test func anAmbiguousQueryPrintsARankedList() throws {
        let result = try run(["lookup", "permission denied"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "Possible matches", "candidates are introduced as such")
        #expect(lines.count > 1 && lines[1].hasPrefix("medium   eacces "))
    }

    @Test func aCorrectionIsAnnounced() throws {
        let result = try run(["lookup", "--list", "conection refused"])
        #expect(result.stdout.hasPrefix("showing results for connection refused\n"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try run(["lookup", "--json", "--limit", "2", "conection refused"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "conection refused")
        #expect(object["corrected"] as? String == "connection refused")
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for entry in results {
            #expect(Set(entry.keys) == ["kind", "verdict", "id", "title", "category", "severity", "score", "match", "path"])
            #expect(entry["kind"] as? String == "article")
            #expect(entry["score"] is Double)
            #expect((entry["path"] as? String)?.hasSuffix(".md") == true)
        }
        #expect(results.first?["id"] as? String == "econnrefused")
    }

    @Test func jsonSaysNullWhenNothingWasCorrected() throws {
        let result = try run(["lookup", "--json", "ENOSPC"])
        #expect(result.stdout.contains("\"corrected\" : null"))
    }

    @Test func noMatchExitsOneWithSuggestions() throws {
        let result = try run(["lookup", "oomx"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "no article matches 'oomx'\ndid you mean: oom, oomd?\n"
                + "start an article for it: errwiki new --from-log oomx --content \(Self.wiki.path)\n")
    }

    @Test func listWithoutAQueryListsEveryArticleForFzf() throws {
        let result = try run(["lookup", "--list"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 64)
        #expect(lines.first == "apt-could-not-get-lock\tmedium\tE: Could not get lock /var/lib/dpkg/lock-frontend — apt/dpkg lock held by another process")
    }

    @Test func sectionPrintsOnePart() throws {
        let result = try run(["lookup", "--section", "causes", "ENOSPC"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("  • "))
        #expect(!result.stdout.contains("Steps"))
    }

    @Test func filtersNarrowTheResults() throws {
        let result = try run(["lookup", "--json", "--category", "docker", "permission denied"])
        #expect(!result.stdout.contains("\"category\" : \"errno\""))
        let severity = try run(["lookup", "--json", "--severity", "critical", "memory"])
        #expect(!severity.stdout.contains("\"severity\" : \"high\""))
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let always = try run(["lookup", "--color", "always", "oom"])
        #expect(always.stdout.contains("\u{1B}[1;97;41mCRITICAL\u{1B}[0m"))
        let never = try run(["lookup", "--color", "never", "oom"])
        #expect(!never.stdout.contains("\u{1B}"))
    }

    @Test func showPrintsOneArticleByExactID() throws {
        let result = try run(["show", "enospc"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("ENOSPC — No Space Left on Device\n"))
        let missing = try run(["show", "enospcc"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("no article has the id 'enospcc'\ndid you mean: enospc"))
    }

    @Test(arguments: [["lookup"], ["lookup", "--limit", "0", "oom"], ["lookup", "--section", "body", "oom"], ["lookup", "--severity", "urgent", "oom"], ["show"]])
    func usageErrorsExitSixtyFour(arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 64, "\(result)")
    }

    @Test func everyLookupWarnsAboutTheArticlesLeftOut() throws {
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try FileManager.default.copyItem(at: Self.wiki, to: content)
        try "---\ntitle: [\n---\n".write(to: content.appendingPathComponent("errno/broken-a.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: No other field\n---\n".write(to: content.appendingPathComponent("errno/broken-b.md"), atomically: true, encoding: .utf8)
        // Past the window in which just-written files are re-read, so the second lookup reuses the index.
        usleep(150_000)
        let lookup = ["lookup", "ENOSPC", "--content", content.path]
        let first = try CommandRunner.run(lookup, in: cache, environment: ["XDG_CACHE_HOME": cache.path])
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path + "/errwiki").first)
        let built = try FileManager.default.attributesOfItem(atPath: cache.path + "/errwiki/" + index)[.modificationDate] as? Date
        let second = try CommandRunner.run(lookup, in: cache, environment: ["XDG_CACHE_HOME": cache.path])
        let reused = try FileManager.default.attributesOfItem(atPath: cache.path + "/errwiki/" + index)[.modificationDate] as? Date
        #expect(built == reused, "the second lookup rebuilt the index, so it does not test the stored warning")
        let warning = "warning: 2 articles with errors are left out of the index (errwiki check lists them): "
            + "\(content.path)/errno/broken-a.md, \(content.path)/errno/broken-b.md\n"
        for result in [first, second] {
            #expect(result.status == 0)
            #expect(result.stdout.hasPrefix("ENOSPC"), "\(result.stdout.prefix(200))")
            #expect(result.stderr == warning)
        }
    }

    @Test func damagedPostingsBehindAValidHeaderAreRebuilt() throws {
        let query = ["lookup", "--list", "port already in use"]
        let healthy = try run(query)
        #expect(healthy.status == 0 && !healthy.stdout.isEmpty)
        let folder = cache.path + "/errwiki/"
        let path = folder + (try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first))
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let postings = IndexFileLayout.postingsBlob(bytes)
        #expect(postings.count > 1000 && postings.upperBound < bytes.count)
        // Every posting list unreadable; the header, the offsets and the other tables intact.
        for offset in postings { bytes[offset] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try run(query)
        #expect(damaged == healthy)
        let rebuilt = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(rebuilt != bytes, "the damaged index was kept")
        #expect(try run(query) == healthy)
    }

    @Test func theIndexIsBuiltOnceInTheCacheFolder() throws {
        _ = try run(["lookup", "oom"])
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("errwiki").path)
        #expect(files.count == 1)
        #expect(files.first?.hasPrefix("index-") == true)
    }

    @Test func shellCompletionOffersArticleIDs() throws {
        let script = try CommandRunner.run(["--generate-completion-script", "bash"], in: cache)
        #expect(script.stdout.contains("---completion show -- positional@0"))
        let result = try CommandRunner.run(["---completion", "show", "--", "positional@0", "4", "3", "errwiki", "show", "--content", Self.wiki.path, "eno"],
                                           in: cache, environment: ["XDG_CACHE_HOME": cache.path])
        #expect(result.stdout == "enoent\nenospc\n")
    }
}
