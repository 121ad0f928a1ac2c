import ErrWikiMarkdown
import ErrWikiTestSupport
import Foundation
import Testing

@Suite struct MarkdownRendererTests {
    static let fixtures = FixturePaths.fixtures()
    static let kitchenSink = (try? String(contentsOf: fixtures.appendingPathComponent("kitchen-sink.md"), encoding: .utf8)) ?? ""

    /// kitchen-sink.html was produced by the cmark-gfm CLI (same library):
    /// `cmark-gfm --sourcepos -e table -e strikethrough -e autolink -e tagfilter -e tasklist kitchen-sink.md`
    @Test func kitchenSinkMatchesTheGoldenFromTheCLI() {
        #expect(!Self.kitchenSink.isEmpty)
        let mismatch = Golden.mismatch(MarkdownRenderer.blockHTML(Self.kitchenSink),
                                       golden: Self.fixtures.appendingPathComponent("kitchen-sink.html"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// The same comparison against the CLI installed on this machine, when there is one (CI installs it).
    @Test(.enabled(if: CLI.path != nil)) func kitchenSinkMatchesTheInstalledCLI() throws {
        let cli = try #require(CLI.path)
        let fixture = Self.fixtures.appendingPathComponent("kitchen-sink.md").path
        let arguments = ["--sourcepos"] + MarkdownRenderer.extensionNames.flatMap { ["-e", $0] } + [fixture]
        #expect(MarkdownRenderer.blockHTML(Self.kitchenSink) == (try CLI.run(cli, arguments)))
    }

    @Test func inlineRenderingHasNoParagraph() {
        #expect(MarkdownRenderer.inlineHTML("Use `kill -9` **only** as a ~~first~~ last resort")
                == "Use <code>kill -9</code> <strong>only</strong> as a <del>first</del> last resort")
        #expect(MarkdownRenderer.inlineHTML("See https://example.com") == #"See <a href="https://example.com">https://example.com</a>"#)
    }

    @Test func inlineRenderingKeepsTextThatLooksLikeBlocks() {
        #expect(MarkdownRenderer.inlineHTML("# 5 retries") == "5 retries")
        #expect(MarkdownRenderer.inlineHTML("1. first") == "first")
        #expect(MarkdownRenderer.inlineHTML("> quoted") == "quoted")
        #expect(MarkdownRenderer.inlineHTML("") == "")
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "![x](vbscript:msgbox)",
    ])
    func nothingAnArticleSaysCanRunScript(markdown: String) {
        for html in [MarkdownRenderer.blockHTML(markdown), MarkdownRenderer.inlineHTML(markdown)] {
            let lowered = html.lowercased()
            #expect(!lowered.contains("<script"), "\(html)")
            #expect(!lowered.contains("javascript:"), "\(html)")
            #expect(!lowered.contains("onerror"), "\(html)")
            #expect(!lowered.contains("href=\"data:"), "\(html)")
            #expect(!lowered.contains("vbscript:"), "\(html)")
        }
    }

    @Test func aListNestedTenThousandLevelsRenders() {
        let deep = (0..<10_000).map { String(repeating: "  ", count: $0) + "- level \($0)\n" }.joined()
        let html = MarkdownRenderer.blockHTML(deep)
        #expect(html.hasPrefix("<ul"))
        #expect(MarkdownRenderer.inlineHTML(deep).contains("level 0"))
        let quotes = String(repeating: ">", count: 10_000) + " deep\n"
        #expect(MarkdownRenderer.blockHTML(quotes).contains("deep"))
    }

    @Test func aFiveMegabyteDocumentRenders() {
        let body = String(repeating: Self.kitchenSink, count: 5 * 1024 * 1024 / max(1, Self.kitchenSink.utf8.count) + 1)
        let html = MarkdownRenderer.blockHTML(body)
        #expect(html.utf8.count > 5 * 1024 * 1024)
    }

    /// The Debian library loses `~~` and autolinks when two threads parse at once; the bridge serialises.
    @Test func concurrentRenderingEqualsSerialRendering() async {
        let documents = (0..<400).map { index in
            "Item \(index): ~~old~~ new at https://example.com/\(index) and www.site\(index).org\n\n| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n\n- [x] done \(index)\n"
        }
        let serial = documents.map { MarkdownRenderer.blockHTML($0) }
        #expect(serial.allSatisfy { $0.contains("<del>old</del>") && $0.contains("<a href=\"https://example.com/") })
        let concurrent = await withTaskGroup(of: (Int, String, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, MarkdownRenderer.blockHTML(document), MarkdownRenderer.inlineHTML(document)) }
            }
            var results: [(Int, String, String)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == documents.count)
        for (index, block, inline) in concurrent {
            #expect(block == serial[index], "document \(index) differs when rendered concurrently")
            #expect(inline.contains("<del>old</del>"), "document \(index) lost strikethrough inline")
        }
    }
}

enum CLI {
    static let path: String? = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
