import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki build` as a user runs it: exit codes, messages, and what a killed build leaves behind.
@Suite struct BuildCommandTests {
    let repository = BuiltSite.repository

    @Test func buildsAndSummarises() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let fixture = repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki").path
        let first = try CommandRunner.run(["build", "--content", fixture, "--out", out.path], in: repository)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.range(of: #"^.*: \d+ files, \d+ written, 0 unchanged in \d+\.\d\d s\n$"#, options: .regularExpression) != nil, "\(first.stdout)")
        usleep(150_000)
        let second = try CommandRunner.run(["build", "--content", fixture, "--out", out.path], in: repository)
        #expect(second.status == 0 && second.stdout.contains("up to date"), "\(second.stdout)")
    }

    @Test func contentErrorsAreReportedWithFileAndLineAndExit1() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        let fixture = repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/traversal").path
        let result = try CommandRunner.run(["build", "--content", fixture, "--out", out.path], in: repository)
        #expect(result.status == 1)
        #expect(result.stderr.contains("x/climb.md:2:5: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("build stopped"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aMissingPartialStopsTheBuildAtItsLocation() throws {
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let theme = root.appendingPathComponent("theme").path
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("Templates").path, toPath: theme)
        let article = theme + "/article.mustache"
        try ("  {{> sidebar}}\n" + String(contentsOfFile: article, encoding: .utf8)).write(toFile: article, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("site").path
        let fixture = repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki").path
        let result = try CommandRunner.run(["build", "--content", fixture, "--templates", theme, "--out", out], in: repository)
        #expect(result.status == 1)
        // The compiler format, at the start of the line, so editors and CI can jump to it.
        #expect(result.stderr.hasPrefix("\(article):1:3: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("`sidebar`"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func usageErrorsExit64() throws {
        let result = try CommandRunner.run(["build", "--base-url", "ftp://example.org", "--out", "/tmp/never"], in: repository)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--base-url"))
    }

    @Test func aKilledBuildLeavesThePreviousSiteUnchanged() throws {
        // Enough articles that the build is still writing when it is killed.
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(2_000, to: content)
        let out = root.appendingPathComponent("site")
        let first = try CommandRunner.run(["build", "--content", content.path, "--out", out.path, "--quiet"], in: repository)
        #expect(first.status == 0, "\(first.stderr)")
        let before = GeneratedCorpus.snapshot(out.path)
        #expect(before.count > 2_000)

        // Another site name changes every page; kill the build once it is writing pages.
        let process = try CommandRunner.start(["build", "--content", content.path, "--out", out.path, "--quiet", "--site-name", "Other"])
        let staging = root.appendingPathComponent(".site.errwiki-build-\(process.processIdentifier)")
        var sawPages = false
        // A deadline rather than a count: under a sanitizer the build is many times slower.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if let count = try? FileManager.default.contentsOfDirectory(atPath: staging.path).count, count > 20 { sawPages = true; break }
            if !process.isRunning { break }
            usleep(500)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sawPages, "the build finished before it could be interrupted")
        #expect(process.terminationReason == .uncaughtSignal)
        let unchanged = GeneratedCorpus.snapshot(out.path) == before
        #expect(unchanged, "the previous site changed")

        // The next build completes and clears the killed build's staging folder.
        let next = try CommandRunner.run(["build", "--content", content.path, "--out", out.path, "--quiet", "--site-name", "Other"], in: repository)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["content", "site"])
        #expect((try? String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8))?.contains("<title>Other</title>") == true)
    }
}
