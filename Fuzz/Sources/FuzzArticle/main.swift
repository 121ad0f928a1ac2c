// fuzz-article: one input = one whole article file (front matter + body).
// Covers ArticleSource.split, the YAML front-matter decoder, the placeholder scan, the diagnostic
// formatter (excerpt and caret), the validation `check` runs on one article (related links, pattern
// compilation and samples, completeness) and the terminal renderer `lookup` prints an article with.
import ErrWikiKit
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzzer.bytes(data, size)
    let (article, diagnostics) = ArticleBytes.decode(bytes, relativePath: "errno/fuzz-input.md")
    if article == nil && diagnostics.errorCount == 0 {
        Fuzzer.fail("the article could not be read, but no error says why")
    }
    // The excerpt lines `check` would print, as SourceLines reads them (split on LF only).
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    let formatter = DiagnosticFormatter(sourceLine: { location in
        (1...max(1, lines.count)).contains(location.line) && location.line <= lines.count ? lines[location.line - 1] : nil
    })
    var all = diagnostics
    if let article {
        all += WikiValidator.validate(Wiki(articles: [article]))
        _ = ArticleTerminalRenderer(style: .plain, width: 80).render(article)
        _ = ArticleTerminalRenderer(style: TerminalStyle(colors: true), width: 24).render(article, section: .steps)
    }
    for diagnostic in all.sorted() {
        if diagnostic.location.line < 1 || diagnostic.location.column < 1 {
            Fuzzer.fail("diagnostic at \(diagnostic.location): lines and columns are 1-based")
        }
        _ = formatter.format(diagnostic)
    }
    _ = DiagnosticFormatter.summary(all, fileCount: 1)
    return 0
}

Fuzzer.run(testOneInput)
