import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki diagnose` on fixture logs (golden output, plain and JSON), exit codes and hostile input.
@Suite struct DiagnoseCommandTests {
    static let fixtures = FixturePaths.fixtures()
    static let wiki = fixtures.appendingPathComponent("../../ErrWikiKitTests/Fixtures/ranking-wiki").standardized
    static let logs = ["kernel", "journald", "kubectl", "nginx", "postgresql", "python-traceback"]
    let cache: URL

    init() throws {
        cache = try FixturePaths.temporaryFolder()
    }

    func run(_ arguments: [String], stdin: URL? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(["diagnose", "--content", Self.wiki.path] + arguments, in: Self.fixtures.appendingPathComponent("logs"),
                              environment: ["XDG_CACHE_HOME": cache.path], standardInput: stdin)
    }

    @Test(arguments: logs)
    func plainOutputMatchesGolden(log: String) throws {
        let result = try run(["\(log).log"])
        #expect(result.status == 0)
        let mismatch = Golden.mismatch(result.stdout, golden: Self.fixtures.appendingPathComponent("logs/\(log).expected.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: logs)
    func jsonOutputMatchesGolden(log: String) throws {
        let result = try run(["--json", "\(log).log"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for match in try #require(object["matches"] as? [[String: Any]]) {
            #expect(Set(match.keys).isSuperset(of: ["id", "title", "severity", "count", "first_line", "last_line", "lines"]))
        }
        let mismatch = Golden.mismatch(result.stdout, golden: Self.fixtures.appendingPathComponent("logs/\(log).expected.json"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The pure-Swift engine gives the very output Hyperscan gives (the goldens above), and
    /// --verbose names the engine that ran.
    @Test(arguments: logs)
    func bothEnginesGiveTheSameOutput(log: String) throws {
        let swift = try run(["--engine", "swift", "--verbose", "--json", "\(log).log"])
        let hyperscan = try run(["--verbose", "--json", "\(log).log"])
        #expect(swift.stdout == hyperscan.stdout)
        #expect(swift.stderr.contains("engine: Swift (literal prefilter), chosen with --engine swift"), "\(swift.stderr)")
        #expect(hyperscan.stderr.contains("engine: Hyperscan 5."), "\(hyperscan.stderr)")
        #expect(hyperscan.stderr.contains("patterns prefiltered by it"), "\(hyperscan.stderr)")
        #expect(!(try run(["--json", "\(log).log"]).stderr.contains("engine:")))
    }

    @Test func benignNoiseMatchesNothingAndExitsOne() throws {
        let result = try run(["noise.log"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "0 articles matched in 10 lines read\n")
    }

    @Test func readsStandardInput() throws {
        let result = try run([], stdin: Self.fixtures.appendingPathComponent("logs/kernel.log"))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("CRITICAL linux-oom-killer"))
        let dash = try run(["-"], stdin: Self.fixtures.appendingPathComponent("logs/kernel.log"))
        #expect(dash.stdout == result.stdout)
    }

    @Test func readsGzipFilesAndNamesFilesWhenThereAreSeveral() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("kernel.log")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("logs/kernel.log"), to: copy)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", copy.path]
        try gzip.run()
        gzip.waitUntilExit()
        let result = try run(["--json", folder.appendingPathComponent("kernel.log.gz").path, "postgresql.log"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"file\" : \"\(folder.appendingPathComponent("kernel.log.gz").path)\""))
        #expect(result.stdout.contains("\"id\" : \"linux-oom-killer\""))
        #expect(result.stdout.contains("\"id\" : \"postgres-too-many-connections\""))
    }

    @Test func aMissingFileIsAClearErrorWithStatusTwo() throws {
        let result = try run(["no-such.log", "kernel.log"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("errwiki diagnose: no-such.log: No such file or directory"))
        #expect(result.stdout.contains("linux-oom-killer"), "the readable file is still reported")
    }

    @Test func failOnAndMinSeverity() throws {
        #expect(try run(["--fail-on", "critical", "kernel.log"]).status == 3)
        #expect(try run(["--fail-on", "critical", "postgresql.log"]).status == 0)
        let high = try run(["--json", "--min-severity", "high", "kernel.log"])
        #expect(high.stdout.contains("kernel-hung-task"))
        #expect(!high.stdout.contains("kernel-segfault"))
        #expect(try run(["--min-severity", "critical", "postgresql.log"]).status == 1)
    }

    @Test func contextShowsTheSurroundingLines() throws {
        let result = try run(["--context", "1", "python-traceback.log"])
        #expect(result.stdout.contains("  4- import yaml\n  5: ModuleNotFoundError: No module named 'yaml'\n  6- INFO:root:worker stopped\n"))
    }

    /// The log is read after the index: an article broken meanwhile (a long `journalctl -f`, say) still
    /// gets a line in the next steps, and its error goes to stderr.
    @Test func anArticleThatCannotBeReadAnyMoreIsNamedNotSkipped() throws {
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.wiki, to: content)
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["diagnose", "--content", content.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_CACHE_HOME": root.path, "NO_COLOR": "1"]) { $1 }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        // The index is written before the log is read: wait for it, then break one matched article.
        let deadline = Date().addingTimeInterval(60)
        while ((try? FileManager.default.contentsOfDirectory(atPath: root.path + "/errwiki")) ?? []).isEmpty && Date() < deadline {
            usleep(20_000)
        }
        let broken = content.appendingPathComponent("kernel/linux-oom-killer.md")
        try "---\ntitle: [\n---\n".write(to: broken, atomically: true, encoding: .utf8)
        input.fileHandleForWriting.write(try Data(contentsOf: Self.fixtures.appendingPathComponent("logs/kernel.log")))
        try input.fileHandleForWriting.close()
        nonisolated(unsafe) var stderr = Data()
        let readerDone = DispatchSemaphore(value: 0)
        Thread {
            stderr = errors.fileHandleForReading.readDataToEndOfFile()
            readerDone.signal()
        }.start()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        readerDone.wait()
        let messages = String(decoding: stderr, as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stdout.contains("\n  linux-oom-killer: no first step to show: the article can no longer be read\n"), "\(stdout)")
        let mismatch = Golden.mismatch(stdout, golden: Self.fixtures.appendingPathComponent("logs/kernel.unreadable-article.expected.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
        #expect(messages.hasPrefix("\(broken.path):"), "\(messages)")
        #expect(messages.contains("[yaml-syntax]"), "\(messages)")
    }

    /// A log line's escape sequences reach each output escaped for it: shown as text on the terminal
    /// (highlight intact), and as the real characters in JSON (which escapes them itself).
    @Test func escapesInALogLineAreEscapedByEachOutput() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let line = "Out of memory: Killed process 42 (\u{1b}]52;c;cHduZWQ=\u{7}x) total-vm:1kB\n"
        let file = folder.appendingPathComponent("escapes.log")
        try line.write(to: file, atomically: true, encoding: .utf8)
        let plain = try run(["--color", "always", file.path])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("\u{1b}]52"), "an OSC 52 sequence reached the terminal")
        #expect(plain.stdout.contains("\\u{1b}]52;c;cHduZWQ=\\u{7}x"), "\(plain.stdout)")
        let json = try run(["--json", file.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let texts = (object["matches"] as? [[String: Any]] ?? []).flatMap { ($0["lines"] as? [[String: Any]]) ?? [] }.compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.contains("\u{1b}]52;c;cHduZWQ=\u{7}x") }, "\(texts)")
        #expect(!json.stdout.contains("\\\\u{1b}"), "JSON carries the terminal's escaping as text")
    }

    @Test func hostileInputIsSurvived() throws {
        let folder = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let oom = Array("Out of memory: Killed process 42 (x) total-vm:1kB".utf8)
        // A 10 MB line with the signature at its end, NUL bytes, invalid UTF-8, CRLF, no final newline.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024 - 200) + oom + [0x0A]
        bytes += [0x00, 0x00, 0xFF, 0xFE, 0x0A]
        bytes += Array("bash: zz: command not found\r\n".utf8)
        bytes += [0xC3, 0x28] + Array(" cat: /nope: No such file or directory".utf8)
        let file = folder.appendingPathComponent("hostile.log")
        try Data(bytes).write(to: file)
        let result = try run(["--json", file.path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["lines_read"] as? Int == 4)
        let ids = Set(try #require(object["matches"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        #expect(ids == ["linux-oom-killer", "exit-code-127", "enoent"])

        let empty = folder.appendingPathComponent("empty.log")
        try Data().write(to: empty)
        let none = try run([empty.path])
        #expect(none.status == 1)
        #expect(none.stderr == "0 articles matched in 0 lines read\n")
        let directory = try run([folder.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
    }
}
