import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki new` as an author runs it, without a terminal (the tests' stdin is not a TTY).
@Suite struct NewCommandTests {
    let repository = BuiltSite.repository

    /// A small wiki to add articles to.
    func wiki() throws -> URL {
        let root = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: root)
        return root
    }

    @Test func createsACheckableArticleThatLookupFinds() throws {
        let content = try wiki()
        let result = try CommandRunner.run(["new", "Über Fehler: 502!", "--category", "http", "--severity", "high",
                                            "--codes", "502, E502", "--tags", "proxy,nginx", "--content", content.path], in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        let path = content.appendingPathComponent("http/uber-fehler-502.md")
        #expect(result.stdout.contains("created \(path.path)"))
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains("title: \"Über Fehler: 502!\""))
        #expect(text.contains("codes: [\"502\", \"E502\"]"))
        #expect(text.contains("severity: high"))

        // Valid, but not finished: check passes, check --strict fails on the placeholders.
        let check = try CommandRunner.run(["check", "--content", content.path], in: repository)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("uber-fehler-502.md") && check.stderr.contains("[placeholder-text]"))
        let strict = try CommandRunner.run(["check", "--strict", "--content", content.path], in: repository)
        #expect(strict.status == 1)

        let lookup = try CommandRunner.run(["lookup", "--json", "--content", content.path, "E502"], in: repository,
                                           environment: ["XDG_CACHE_HOME": try FixturePaths.temporaryFolder().path])
        #expect(lookup.stdout.contains("\"id\" : \"uber-fehler-502\""), "\(lookup.stdout)")
    }

    @Test func neverOverwritesAnExistingID() throws {
        let content = try wiki()
        let existing = content.appendingPathComponent("errno/enospc.md")
        let before = try Data(contentsOf: existing)
        // Same id, other category: still refused, and the message names the existing file.
        let result = try CommandRunner.run(["new", "Anything", "--id", "enospc", "--category", "disk", "--severity", "low",
                                            "--content", content.path], in: repository)
        #expect(result.status == 1)
        #expect(result.stderr.contains("already exists") && result.stderr.contains("errno/enospc.md"), "\(result.stderr)")
        #expect(try Data(contentsOf: existing) == before)
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("disk").path))
        // An id made from the title collides too.
        let fromTitle = try CommandRunner.run(["new", "ENOSPC", "--category", "errno", "--severity", "high", "--content", content.path], in: repository)
        #expect(fromTitle.status == 1)
        #expect(try Data(contentsOf: existing) == before)
    }

    @Test func refusesInvalidValuesAndWritesNothing() throws {
        let content = try wiki()
        let before = try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted()
        for arguments in [["--category", "Bad Category", "--severity", "high"], ["--category", "errno", "--severity", "urgent"],
                          ["--category", "errno", "--severity", "high", "--id", "Bad_ID"], ["--category", "errno", "--severity", "high", "--id", "search"],
                          ["--category", "../outside", "--severity", "high"]] {
            let result = try CommandRunner.run(["new", "A title"] + arguments + ["--content", content.path], in: repository)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: content.path).sorted() == before)
    }

    @Test func withoutATerminalMissingFieldsAreAUsageError() throws {
        let content = try wiki()
        let result = try CommandRunner.run(["new", "Some error", "--content", content.path], in: repository)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--category") && result.stderr.contains("--severity"), "\(result.stderr)")
        let noTitle = try CommandRunner.run(["new", "--category", "errno", "--severity", "low", "--content", content.path], in: repository)
        #expect(noTitle.status == 64)
        #expect(noTitle.stderr.contains("a title"))
    }

    @Test func editOpensTheEditorThenChecksTheFile() throws {
        let content = try wiki()
        // An "editor" that fills in every placeholder.
        let result = try CommandRunner.run(["new", "Edited error", "--category", "errno", "--severity", "low", "--edit",
                                            "--content", content.path], in: repository,
                                           environment: ["VISUAL": "sed -i -e s/TODO/Filled/g", "EDITOR": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: content.appendingPathComponent("errno/edited-error.md"), encoding: .utf8)
        #expect(!text.contains("TODO") && text.contains("Filled"))
        #expect(result.stderr.contains("no problems found"), "\(result.stderr)")
    }

    @Test func editReportsThePlaceholdersLeft() throws {
        let content = try wiki()
        // An "editor" that changes nothing: the check afterwards lists the TODOs (with --content given with a trailing slash).
        let result = try CommandRunner.run(["new", "Untouched error", "--category", "errno", "--severity", "low", "--edit",
                                            "--content", content.path + "/"], in: repository, environment: ["VISUAL": "true", "EDITOR": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("untouched-error.md") && result.stderr.contains("[placeholder-text]"), "\(result.stderr)")
    }

    @Test func theSkeletonComesFromTheTheme() throws {
        let content = try wiki()
        let theme = try FixturePaths.temporaryFolder()
        try "---\ntitle: {{title}}\ncategory: {{category}}\nseverity: {{severity}}\nsummary: Custom skeleton.\ncauses: [TODO]\nsteps: [TODO]\n---\n"
            .write(to: theme.appendingPathComponent("article.md"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["new", "Custom", "--category", "errno", "--severity", "low", "--templates", theme.path,
                                            "--content", content.path], in: repository)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: content.appendingPathComponent("errno/custom.md"), encoding: .utf8).contains("Custom skeleton."))
    }
}
