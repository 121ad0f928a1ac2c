import ErrWikiTestSupport
import Foundation
import Testing

/// `serve`'s error overlay escapes the diagnostics for HTML itself: markup in a field shows as text,
/// and no control character reaches the page (diagnostics carry the raw text; each printer escapes).
@Suite struct OverlayEscapingTests {
    @Test func theOverlayShowsMarkupAndEscapesAsText() throws {
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("errno"), withIntermediateDirectories: true)
        try #"---\#ntitle: Only\#ncategory: errno\#nseverity: "<script>alert(1)</script>\e[2J"\#nsummary: x\#ncauses: [x]\#nsteps: [x]\#n---\#n"#
            .write(to: content.appendingPathComponent("errno/only.md"), atomically: true, encoding: .utf8)
        let server = try ServeCommandTests.RunningServer(content: content)
        defer { _ = server.stop() }
        let page = try RawHTTP.get("/", port: server.port)
        #expect(page.body.contains("errwiki-error-overlay"), "\(page.body)")
        #expect(page.body.contains(#"found `&lt;script&gt;alert(1)&lt;/script&gt;\u{1b}[2J`"#), "\(page.body)")
        #expect(!page.body.contains("<script>alert"))
        #expect(!page.body.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
    }
}
