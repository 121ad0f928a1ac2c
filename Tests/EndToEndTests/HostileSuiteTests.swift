import ErrWikiTestSupport
import Foundation
import Testing

/// Content written to break errwiki, one folder per attack under `Fixtures/hostile/<attack>/`
/// (what cannot live in git, such as symbolic links or 100,000 files, is generated). Each attack runs
/// `check`, `build`, `lookup` and `show` as a user would, and the whole transcript, stdout and stderr
/// apart, must equal the attack's `expected.txt` exactly. On top of that, for every attack: nothing
/// crashes or hangs, no escape sequence reaches the terminal, no built page can run script, and
/// nothing is written outside the output folder.
@Suite struct HostileSuiteTests {
    static let fixtures = FixturePaths.fixtures().appendingPathComponent("hostile")

    @Test(arguments: HostileAttack.all)
    func attack(_ attack: HostileAttack) throws {
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        let committed = Self.fixtures.appendingPathComponent(attack.name + "/content")
        if FileManager.default.fileExists(atPath: committed.path) {
            try FileManager.default.copyItem(at: committed, to: content)
        } else {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        }
        try attack.generate?(content, root)
        let out = root.appendingPathComponent("site")
        var before = Self.files(under: root)

        var transcript = ""
        var built = false
        for command in attack.commands {
            if command.first == "#remove" {
                // The author deletes the offending files; the rest must then build.
                for file in command.dropFirst() {
                    try FileManager.default.removeItem(at: content.appendingPathComponent(file))
                    before.remove("content/" + file)
                }
                transcript += "$ rm \(command.dropFirst().map(Self.visible).joined(separator: " "))\n\n"
                continue
            }
            let arguments = command.map { $0.replacingOccurrences(of: "{content}", with: content.path).replacingOccurrences(of: "{out}", with: out.path)
                .replacingOccurrences(of: "{templates}", with: BuiltSite.repository.appendingPathComponent("Templates").path) }
            let result = try CommandRunner.run(arguments, in: root, environment: ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
                                                                                  "COLUMNS": "100"])
            #expect(!result.signalled, "errwiki \(command.joined(separator: " ")) crashed or hung")
            #expect(result.status == 0 || result.status == 1, "errwiki \(command.joined(separator: " ")) exited \(result.status)")
            for (stream, text) in [("stdout", result.stdout), ("stderr", result.stderr)] {
                let unsafe = Self.terminalControls(in: text)
                #expect(unsafe.isEmpty, "\(command.first ?? "") \(stream) has raw control characters: \(unsafe.prefix(5))")
            }
            if command.first == "build" {
                if result.status == 0 {
                    built = true
                    Self.auditPages(out)
                } else if !built {
                    #expect(!FileManager.default.fileExists(atPath: out.path), "a failed build left an output folder")
                }
            }
            transcript += "$ errwiki \(command.joined(separator: " "))\n" + Self.stream("stdout", result.stdout)
                + Self.stream("stderr", result.stderr) + "exit \(result.status)\n\n"
        }

        // Nothing outside the output folder (and lookup's cache) was added, changed or removed.
        let after = Self.files(under: root).filter { !$0.hasPrefix("site/") && !$0.hasPrefix("cache/") && $0 != "site" && $0 != "cache" }
        #expect(after == before, "files outside the output changed: \(after.symmetricDifference(before).sorted().prefix(5))")
        for escaped in ["escaped", "x", "passwd"] {
            #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent(escaped).path + "/index.html"))
        }

        let normalized = transcript
            .replacingOccurrences(of: root.path, with: "<root>")
            .replacingOccurrences(of: #"in \d+\.\d\d s"#, with: "in <time> s", options: .regularExpression)
        let golden = Self.fixtures.appendingPathComponent(attack.name + "/expected.txt")
        if let mismatch = Golden.mismatch(normalized, golden: golden) { Issue.record(Comment(rawValue: mismatch)) }
    }

    /// One output stream under its own heading (nothing when it is empty), so a message printed on
    /// the wrong stream changes the transcript.
    static func stream(_ name: String, _ text: String) -> String {
        guard !text.isEmpty else { return "" }
        return "[\(name)]\n" + text + (text.hasSuffix("\n") ? "" : "\n[no newline at the end]\n")
    }

    /// A file name with its control characters written out, for the transcript's own lines.
    static func visible(_ text: String) -> String {
        text.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
    }

    /// No built page can run script, and no index shard can end its script element.
    static func auditPages(_ out: URL) {
        var problems: [String] = []
        for case let page as String in FileManager.default.enumerator(atPath: out.path)?.allObjects ?? [] where page.hasSuffix(".html") || page.hasSuffix(".js") {
            let text = String(decoding: FileManager.default.contents(atPath: out.path + "/" + page) ?? Data(), as: UTF8.self)
            if page.hasSuffix(".html") { problems += HTMLAudit.problems(in: text, file: page) }
            if page.hasPrefix("search/") && text.lowercased().contains("</script") { problems.append("\(page): </script in the index") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    /// Every file and folder under `root`, by relative path (symbolic links not followed).
    static func files(under root: URL) -> Set<String> {
        Set((FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? [])
    }

    /// Control characters a terminal would act on: everything below U+0020 but tab and newline,
    /// DEL, and the C1 controls (U+0080–U+009F).
    static func terminalControls(in text: String) -> [String] {
        text.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        }.map { String(format: "U+%04X", $0.value) }
    }
}

/// One attack: its name (the fixture folder), what is generated at run time, and the commands run.
struct HostileAttack: Sendable, CustomTestStringConvertible {
    var name: String
    var generate: (@Sendable (_ content: URL, _ root: URL) throws -> Void)?
    var commands: [[String]]
    var testDescription: String { name }

    static let check = ["check", "--content", "{content}"]
    static let build = ["build", "--content", "{content}", "--out", "{out}", "--templates", "{templates}"]
    static let listAll = ["lookup", "--content", "{content}", "--list"]
    static func show(_ id: String) -> [String] { ["show", id, "--content", "{content}", "--no-pager"] }
    static func lookup(_ query: String...) -> [String] { ["lookup", "--content", "{content}", "--list"] + query }
    static func remove(_ files: String...) -> [String] { ["#remove"] + files }

    init(_ name: String, commands: [[String]] = [check, build, listAll], generate: (@Sendable (URL, URL) throws -> Void)? = nil) {
        self.name = name
        self.commands = commands
        self.generate = generate
    }

    static let all: [HostileAttack] = [
        HostileAttack("script-injection", commands: [check, build, listAll, show("evil")]),
        HostileAttack("terminal-escapes", commands: [check, remove(HostileContent.escapedName), build, listAll, show("escapes"),
                                                     lookup("clear", "screen"), ["lookup", "--content", "{content}", "clipboard", "--no-pager"]],
                      generate: HostileContent.escapesInDiagnostics),
        HostileAttack("url-schemes"),
        HostileAttack("traversal"),
        HostileAttack("symlinks", generate: HostileContent.symlinks),
        HostileAttack("yaml-alias-bomb", commands: [check, build, listAll, remove("yaml/bomb.md"), build]),
        HostileAttack("deep-yaml", generate: HostileContent.deepYAML),
        HostileAttack("deep-markdown", commands: [check, build, listAll, show("deep-quote"), show("deep-brackets")], generate: HostileContent.deepMarkdown),
        HostileAttack("huge-article", commands: [check, build, lookup("zebrafinale")], generate: HostileContent.hugeArticle),
        // Check and lookup only: a debug build of 100,000 pages takes minutes (the release build is
        // measured by scripts/bench-scale.sh).
        HostileAttack("many-tiny-articles", commands: [check, lookup("tiny", "99999"), ["lookup", "--content", "{content}", "--list", "--limit", "3", "tiny"]],
                      generate: HostileContent.manyTinyArticles),
        HostileAttack("invalid-utf8", commands: [check, build, listAll, show("body"), remove("enc/front.md", "enc/body.md"), build]),
        HostileAttack("nul-bytes", commands: [check, build, listAll, show("body"), remove("nul/front.md"), build]),
        HostileAttack("crlf-bom", commands: [check, build, listAll, show("crlf"), show("both"), remove("win/cr-only.md"), build]),
    ]
}

/// The attacks that cannot be committed as files.
enum HostileContent {
    static func article(_ title: String, category: String, body: String = "Body.\n") -> String {
        "---\ntitle: \(title)\ncategory: \(category)\nseverity: low\nsummary: A summary.\ncauses: [Something]\nsteps: [Fix it]\nfaq:\n  - q: Why?\n    a: Because.\n---\n\(body)"
    }

    /// A file whose name and broken fields carry escape sequences, so every part of `check`'s
    /// diagnostics (path, message, hint, excerpt) has some to neutralise.
    static let escapedName = "term/broken\u{1b}[31m.md"
    static func escapesInDiagnostics(_ content: URL, _ root: URL) throws {
        let text = #"""
        ---
        title: Broken
        category: "term\e[2J"
        severity: "urgent\e]0;owned\a"
        summary: A summary.
        causes: [One]
        steps: [Two]
        updated: "2026-02-30\e[H"
        related: ["ghost\e[5m"]
        "cuases\e[8m": [x]
        ---
        TODO \#u{1b}[2J the body.

        """#
        try text.write(to: content.appendingPathComponent(escapedName), atomically: true, encoding: .utf8)
    }

    /// Links out of the tree (a file, a folder), a link to itself, a loop back up, a duplicate inside.
    static func symlinks(_ content: URL, _ root: URL) throws {
        let manager = FileManager.default
        let folder = content.appendingPathComponent("links")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try article("Inside", category: "links").write(to: folder.appendingPathComponent("inside.md"), atomically: true, encoding: .utf8)
        try article("Secret outside", category: "links").write(to: root.appendingPathComponent("outside/secret.md"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("escape.md").path, withDestinationPath: "../../outside/secret.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("absolute.md").path, withDestinationPath: root.appendingPathComponent("outside/secret.md").path)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("outdir").path, withDestinationPath: "../../outside")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("up").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("alias.md").path, withDestinationPath: "inside.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("root-loop").path, withDestinationPath: ".")
    }

    /// 10,000 levels of nesting in every Markdown construct that nests (1,000 for indented lists,
    /// whose indentation alone grows as the square of the depth).
    static func deepMarkdown(_ content: URL, _ root: URL) throws {
        let folder = content.appendingPathComponent("deep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let depth = 10_000
        let bodies: [(String, String)] = [
            ("quote", String(repeating: ">", count: depth) + " deep\n"),
            ("list", String(repeating: "- ", count: depth) + "x\n"),
            ("indented", (0..<1_000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()),
            ("emphasis", String(repeating: "*", count: depth) + "x" + String(repeating: "*", count: depth) + "\n"),
            ("brackets", String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "(u)\n"),
            ("html", String(repeating: "<div>", count: depth) + "x\n"),
        ]
        for (name, body) in bodies {
            try article("Deep \(name)", category: "deep", body: body).write(to: folder.appendingPathComponent("deep-\(name).md"), atomically: true, encoding: .utf8)
        }
    }

    /// 10,000 levels of nesting in the front matter: flow sequences and block mappings.
    static func deepYAML(_ content: URL, _ root: URL) throws {
        let folder = content.appendingPathComponent("deep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let depth = 10_000
        let yaml = article("Deep YAML", category: "deep").replacingOccurrences(
            of: "causes: [Something]", with: "causes: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        try yaml.write(to: folder.appendingPathComponent("deep-yaml.md"), atomically: true, encoding: .utf8)
        let mapping = article("Deep mapping", category: "deep").replacingOccurrences(
            of: "causes: [Something]", with: "causes:\n" + (1...depth).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: depth + 1) + "end")
        try mapping.write(to: folder.appendingPathComponent("deep-mapping.md"), atomically: true, encoding: .utf8)
        try article("Shallow neighbour", category: "deep").write(to: folder.appendingPathComponent("shallow.md"), atomically: true, encoding: .utf8)
    }

    /// A 5 MB article, with a word found only at its very end.
    static func hugeArticle(_ content: URL, _ root: URL) throws {
        let folder = content.appendingPathComponent("huge")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paragraph = "The disk filled up because the **journal** grew without bound; see `journalctl --vacuum-size`.\n\n"
        let body = String(repeating: paragraph, count: 5_000_000 / paragraph.utf8.count) + "The last word is zebrafinale.\n"
        try article("Huge article", category: "huge", body: body).write(to: folder.appendingPathComponent("huge.md"), atomically: true, encoding: .utf8)
        try article("Small neighbour", category: "huge").write(to: folder.appendingPathComponent("small.md"), atomically: true, encoding: .utf8)
    }

    /// 100,000 tiny, valid articles in 100 categories.
    static func manyTinyArticles(_ content: URL, _ root: URL) throws {
        for category in 0..<100 {
            try FileManager.default.createDirectory(at: content.appendingPathComponent("c\(category)"), withIntermediateDirectories: true)
        }
        DispatchQueue.concurrentPerform(iterations: 100) { category in
            for index in stride(from: category, to: 100_000, by: 100) {
                let text = article("Tiny \(index)", category: "c\(category)", body: "")
                let path = content.path + "/c\(category)/tiny-\(index).md"
                _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            }
        }
    }
}
