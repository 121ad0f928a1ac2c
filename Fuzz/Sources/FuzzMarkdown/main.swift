// fuzz-markdown: the cmark-gfm bridge. The first byte picks the entry point, the rest is the
// Markdown (UTF-8 with replacement, at most 64 KB, as an article body is in practice).
// Covers MarkdownRenderer.blockHTML (with and without source positions), inlineHTML, the Swift tree
// (document) and the terminal renderer that walks it. ErrWikiSite's BodyHTML / InlineMarkdown
// post-processing is internal to that target, so it is not reached from here.
import ErrWikiKit
import ErrWikiMarkdown
import FuzzSupport

let maximumBody = 64 * 1024

/// cmark-gfm runs with unsafe HTML off: author text must never become live markup or a script link.
func checkSafe(_ html: String, _ entry: String) {
    let lowered = html.lowercased()
    for needle in ["<script", "<iframe", "href=\"javascript:", "src=\"javascript:", "<style"] where lowered.contains(needle) {
        Fuzzer.fail("\(entry) passed `\(needle)` through")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzzer.bytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let markdown = String(decoding: bytes.dropFirst().prefix(maximumBody), as: UTF8.self)
    switch mode % 4 {
    case 0:
        checkSafe(MarkdownRenderer.blockHTML(markdown), "blockHTML")
    case 1:
        checkSafe(MarkdownRenderer.blockHTML(markdown, sourcePositions: false), "blockHTML")
    case 2:
        checkSafe(MarkdownRenderer.inlineHTML(markdown), "inlineHTML")
    default:
        _ = MarkdownRenderer.document(markdown)
        // The text as an article body, its first line as the summary and a cause, as `lookup` prints them.
        let line = String(markdown.prefix { $0 != "\n" }.prefix(300))
        let article = Article(id: "fuzz", title: "Fuzz", category: "fuzz", severity: .info, summary: line,
                              causes: [line], steps: [Step(title: "step")], body: markdown)
        _ = ArticleTerminalRenderer(style: TerminalStyle(colors: mode & 4 != 0), width: mode & 8 != 0 ? 20 : 80).render(article)
    }
    return 0
}

Fuzzer.run(testOneInput)
