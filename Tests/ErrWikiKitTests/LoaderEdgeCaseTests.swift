@testable import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// Inputs that must neither crash nor hang, and must say what is wrong.
@Suite struct LoaderEdgeCaseTests {
    static let valid = """
    ---
    title: Valid
    category: sample
    severity: low
    summary: A valid article.
    causes: [One]
    steps: [Two]
    faq:
      - q: Three?
        a: Four.
    ---
    Body.

    """

    func decode(_ text: String) -> (Article?, [Diagnostic]) {
        decode(Array(text.utf8))
    }

    func decode(_ bytes: [UInt8]) -> (Article?, [Diagnostic]) {
        switch ArticleLoader.decode(bytes, path: "sample/x.md", relativePath: "sample/x.md", stem: "x", folder: "sample") {
        case .article(let article, let diagnostics): return (article, diagnostics)
        case .unreadable(_, let diagnostics): return (nil, diagnostics)
        }
    }

    @Test func aFiveMegabyteArticleLoads() {
        let paragraph = String(repeating: "Memory pressure builds slowly and then all at once. ", count: 20) + "\n\n"
        let body = String(repeating: paragraph, count: 5 * 1024 * 1024 / paragraph.utf8.count + 1)
        let (article, diagnostics) = decode(Self.valid + body)
        #expect(diagnostics.isEmpty)
        #expect((article?.body.utf8.count ?? 0) > 5 * 1024 * 1024)
    }

    @Test func anAliasExpansionBombIsRefusedAtItsFirstAnchor() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(refs)]\n"
        }
        yaml += "tags: *a9\n"
        let (article, diagnostics) = decode("---\n" + yaml + "---\n")
        #expect(article == nil)
        #expect(diagnostics.map(\.rule) == [.yamlAnchor])
        #expect(diagnostics.first?.location.line == 2)
    }

    static let deepYAML: [String: String] = [
        "block list nested by indentation": "tags:\n" + (0..<10_000).map { String(repeating: " ", count: $0) + "-\n" }.joined(),
        "compact nested sequences": "tags:\n" + String(repeating: "- ", count: 10_000) + "x\n",
        "flow brackets": "tags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n",
        "flow mappings": "tags: " + String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000) + "\n",
    ]

    @Test(arguments: deepYAML.keys.sorted())
    func yamlNestedTenThousandLevelsIsRefused(shape: String) throws {
        let (article, diagnostics) = decode("---\n" + (try #require(Self.deepYAML[shape])) + "---\n")
        #expect(article == nil)
        #expect(diagnostics.map(\.rule) == [.yamlTooDeep])
    }

    @Test func invalidUTF8IsReportedWithItsLineAndColumn() {
        var bytes = Array(Self.valid.utf8)
        let offset = Array(Self.valid.utf8).firstIndex(of: UInt8(ascii: "O"))!  // "One" on line 6
        bytes.insert(0xC3, at: offset)  // a lead byte followed by "O" is not UTF-8
        let (_, diagnostics) = decode(bytes)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.rule == .invalidUTF8)
        #expect(diagnostics.first?.location == SourceLocation(file: "sample/x.md", line: 6, column: 10))
    }

    @Test func aNulByteInTheFrontMatterIsAYAMLErrorNotACrash() {
        let (article, diagnostics) = decode(Self.valid.replacingOccurrences(of: "Valid", with: "Va\u{0}lid"))
        #expect(article == nil)
        #expect(diagnostics.map(\.rule) == [.yamlSyntax])
        #expect(diagnostics.first?.location.line == 2)
    }

    @Test func aNulByteInTheBodyIsKept() {
        let (article, diagnostics) = decode(Self.valid + "before\u{0}after\n")
        #expect(diagnostics.isEmpty)
        #expect(article?.body.contains("before\u{0}after") == true)
    }

    @Test func aBOMAndCRLFAreAccepted() {
        let crlf = "\u{FEFF}" + Self.valid.replacingOccurrences(of: "\n", with: "\r\n")
        let (article, diagnostics) = decode(crlf)
        #expect(diagnostics.isEmpty)
        #expect(article?.title == "Valid")
        #expect(article?.body == "Body.\n")
    }

    @Test func symlinksAreNotFollowedOutOfTheRoot() throws {
        let base = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let content = base.appendingPathComponent("content")
        let manager = FileManager.default
        try manager.createDirectory(at: content.appendingPathComponent("sample"), withIntermediateDirectories: true)
        try manager.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Self.valid.write(to: content.appendingPathComponent("sample/inside.md"), atomically: true, encoding: .utf8)
        try Self.valid.write(to: base.appendingPathComponent("outside/secret.md"), atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("sample/escape.md").path, withDestinationPath: "../../outside/secret.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("sample/outdir").path, withDestinationPath: "../../outside")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("sample/loop.md").path, withDestinationPath: "loop.md")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("sample/again").path, withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: content.appendingPathComponent("sample/alias.md").path, withDestinationPath: "inside.md")

        let report = ContentCheck.run(root: content.path, displayRoot: "content")
        #expect(report.wiki.articles.map(\.relativePath) == ["sample/inside.md"])
        #expect(report.diagnostics.map { "\($0.location.file) \($0.rule.rawValue) \($0.severity)" } == [
            "content/sample/escape.md symlink-outside warning",
            "content/sample/loop.md broken-symlink warning",
            "content/sample/outdir symlink-outside warning",
        ])
        #expect(report.passes(strict: false))
        #expect(!report.passes(strict: true))
    }

    @Test func aHundredArticlesWithOneBrokenFileReportOnlyThatFile() throws {
        let content = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("sample"), withIntermediateDirectories: true)
        for index in 0..<100 {
            let related = index > 0 ? "related: [a\(index - 1)]\n" : ""
            let text = Self.valid.replacingOccurrences(of: "faq:", with: related + "faq:")
            try text.write(to: content.appendingPathComponent("sample/a\(index).md"), atomically: true, encoding: .utf8)
        }
        // a50 breaks; a51 links to it and must not get an unknown-related error as well.
        try "---\ntitle: [\n---\n".write(to: content.appendingPathComponent("sample/a50.md"), atomically: true, encoding: .utf8)
        let report = ContentCheck.run(root: content.path, displayRoot: "c")
        #expect(report.fileCount == 100)
        #expect(report.diagnostics.map(\.location.file) == ["c/sample/a50.md"])
        #expect(report.diagnostics.first?.rule == .yamlSyntax)
    }
}
