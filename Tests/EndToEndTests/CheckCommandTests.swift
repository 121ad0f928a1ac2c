import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki check` as a user runs it: stdout, stderr and exit status.
@Suite struct CheckCommandTests {
    static let fixtures = FixturePaths.fixtures()

    @Test func aBrokenWikiListsEveryProblemSortedAndExitsOne() throws {
        let result = try CommandRunner.run(["check", "--content", "broken-wiki"], in: Self.fixtures)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let mismatch = Golden.mismatch(result.stderr, golden: Self.fixtures.appendingPathComponent("broken-wiki.expected.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func warningsPassUnlessStrict() throws {
        let relaxed = try CommandRunner.run(["check", "--content", "warnings-wiki"], in: Self.fixtures)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("warnings-wiki/errno/eperm.md:1:1: warning: article has no `faq` [missing-faq]"))
        #expect(relaxed.stderr.contains("warnings-wiki/errno/eperm.md:8:1: warning: `patterns` has no `samples` to test it [missing-samples]"))
        #expect(relaxed.stderr.contains("warnings-wiki/errno/eperm.md:10:1: warning: placeholder `TODO` left in the article [placeholder-text]"))
        #expect(relaxed.stderr.hasSuffix("3 warnings in 1 file (1 file checked)\n"))
        let strict = try CommandRunner.run(["check", "--strict", "--content", "warnings-wiki"], in: Self.fixtures)
        #expect(strict.status == 1)
        #expect(strict.stderr == relaxed.stderr)
    }

    @Test func aCleanWikiExitsZero() throws {
        let valid = Self.fixtures.appendingPathComponent("../../ErrWikiKitTests/Fixtures/valid-wiki").standardized
        let result = try CommandRunner.run(["check", "--strict", "--content", valid.path], in: Self.fixtures)
        #expect(result == .init(status: 0, stdout: "", stderr: "no problems found (3 files checked)\n"))
    }

    @Test(arguments: [["check", "--bogus"], ["check", "--content"], ["nosuchcommand"], ["check", "--content", "/nonexistent/folder"]])
    func usageErrorsExitSixtyFour(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments, in: Self.fixtures)
        #expect(result.status == 64, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func aMissingContentFolderIsNamed() throws {
        let result = try CommandRunner.run(["check", "--content", "/nonexistent/folder"], in: Self.fixtures)
        #expect(result.stderr.contains("content folder /nonexistent/folder (--content) does not exist"))
    }

    @Test func findsContentInTheWorkingFolderTheEnvironmentAndTheInstall() throws {
        let base = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let manager = FileManager.default
        let source = Self.fixtures.appendingPathComponent("warnings-wiki")
        let work = base.appendingPathComponent("work"), empty = base.appendingPathComponent("empty")
        try manager.createDirectory(at: work, withIntermediateDirectories: true)
        try manager.createDirectory(at: empty, withIntermediateDirectories: true)
        try manager.copyItem(at: source, to: work.appendingPathComponent("Content"))

        let local = try CommandRunner.run(["check"], in: work)
        #expect(local.stderr.contains("Content/errno/eperm.md:1:1: warning"))

        let environment = try CommandRunner.run(["check"], in: empty, environment: ["ERRWIKI_CONTENT": source.path])
        #expect(environment.stderr.contains("\(source.path)/errno/eperm.md:1:1: warning"))

        // An installed layout: <prefix>/bin/errwiki and <prefix>/share/errwiki/Content.
        let prefix = base.appendingPathComponent("prefix")
        try manager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try manager.createDirectory(at: prefix.appendingPathComponent("share/errwiki"), withIntermediateDirectories: true)
        try manager.copyItem(at: CommandRunner.binary, to: prefix.appendingPathComponent("bin/errwiki"))
        try manager.copyItem(at: source, to: prefix.appendingPathComponent("share/errwiki/Content"))
        let installed = try CommandRunner.run(["check"], in: empty, executable: prefix.appendingPathComponent("bin/errwiki"))
        #expect(installed.stderr.contains("share/errwiki/Content/errno/eperm.md:1:1: warning"), "\(installed)")

        let nowhere = try CommandRunner.run(["check"], in: empty)
        #expect(nowhere.status == 64)
        #expect(nowhere.stderr.contains("no content folder"))
    }
}
