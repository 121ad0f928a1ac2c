import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki new --from-log`: real error lines (from `uncovered-lines.tsv`, produced by running
/// failing commands) each give a pattern that matches its own line and no sample of any shipped
/// article, and an article that passes `check` while its TODOs fail `check --strict`.
@Suite struct NewFromLogTests {
    static func realLines() throws -> [String] {
        let text = try String(contentsOf: VerdictEvaluationTests.uncovered, encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) }
    }

    @Test func everyRealLineGivesAPatternForItselfAndNoOtherArticle() throws {
        let lines = try Self.realLines()
        #expect(lines.count >= 20)
        let samples = WikiLoader.load(root: BuiltSite.repository.appendingPathComponent("Content").path).wiki.articles
            .flatMap { article in article.samples.map { (article.id, $0) } }
        #expect(samples.count > 400)
        for line in lines {
            let (source, _) = LogLinePattern.make(from: line, avoiding: samples.map(\.1))
            let pattern = try LogPattern(source)
            #expect(pattern.matches(line), "\(source) does not match \(line)")
            let claimed = samples.filter { pattern.matches($0.1) }
            #expect(claimed.isEmpty, "\(source) also matches \(claimed.prefix(2))")
        }
    }

    @Test func whatVariesIsGeneralisedAndWhatIsStableIsKept() throws {
        let (source, message) = LogLinePattern.make(from: "2026-12-02T10:04:11Z web1 nginx[2211]: open() \"/var/www/a.html\" failed (13: Permission denied) for 10.0.0.7:443")
        #expect(message.hasPrefix("open() "), "the timestamp and syslog prefix are dropped: \(message)")
        let pattern = try LogPattern(source)
        #expect(pattern.matches("open() \"/srv/other/b.html\" failed (13: Permission denied) for 192.168.1.20:8443"))
        #expect(!pattern.matches("open() \"/var/www/a.html\" succeeded (13: Permission denied) for 10.0.0.7:443"), "stable words stay")
        let (ext4, _) = LogLinePattern.make(from: "EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0")
        #expect(ext4.contains("EXT4") && ext4.contains("sda1"), "digits inside words are stable: \(ext4)")
    }

    @Test func theArticleItWritesPassesCheckAndFailsStrictOnItsTODOs() throws {
        let wiki = try FixturePaths.temporaryFolder()
        let cache = try FixturePaths.temporaryFolder()
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Content"), to: wiki.appendingPathComponent("Content"))
        let content = wiki.appendingPathComponent("Content").path
        let environment = ["XDG_CACHE_HOME": cache.path]
        let line = "curl: (60) SSL certificate problem: unable to get local issuer certificate"
        let created = try CommandRunner.run(["new", "--from-log", "ERROR 1062 (23000) at line 1: Duplicate entry '1' for key 'PRIMARY'", "--content", content],
                                            in: wiki, environment: environment)
        #expect(created.status == 0, "\(created.stderr)")
        let path = try #require(created.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("category: mysql") && text.contains("codes: [\"ER_DUP_ENTRY\"]"), "the code and its category are recognised:\n\(text)")
        #expect(text.contains("samples:\n  - \"ERROR 1062 (23000) at line 1: Duplicate entry '1' for key 'PRIMARY'\""))
        let checked = try CommandRunner.run(["check", "--content", content], in: wiki)
        #expect(checked.status == 0, "\(checked.stderr)")
        let strict = try CommandRunner.run(["check", "--strict", "--content", content], in: wiki)
        #expect(strict.status == 1 && strict.stderr.contains("[placeholder-text]"))
        // Never an overwrite: the same line again is refused.
        let again = try CommandRunner.run(["new", "--from-log", "ERROR 1062 (23000) at line 1: Duplicate entry '1' for key 'PRIMARY'", "--content", content],
                                          in: wiki, environment: environment)
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        // Standard input, for a line with shell characters in it.
        let stdinFile = wiki.appendingPathComponent("line.txt")
        try ("\n" + line + "\n").write(to: stdinFile, atomically: true, encoding: .utf8)
        let piped = try CommandRunner.run(["new", "--from-log", "-", "--content", content], in: wiki, environment: environment, standardInput: stdinFile)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try String(contentsOfFile: String(piped.stdout.split(separator: "\n")[0].split(separator: " ").last!), encoding: .utf8)
            .contains("samples:\n  - \"curl: (60) SSL certificate problem: unable to get local issuer certificate\""))
    }

    @Test func theNoneVerdictPrintsTheCommandForTheLine() throws {
        let cache = try FixturePaths.temporaryFolder()
        let result = try CommandRunner.run(["lookup", "tar: Error is not recoverable: exiting now", "--content", "Content"], in: BuiltSite.repository,
                                           environment: ["XDG_CACHE_HOME": cache.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("No article covers this yet.\n"))
        #expect(result.stdout.contains("\n  errwiki new --from-log 'tar: Error is not recoverable: exiting now' --content Content\n"))
    }
}
