import ErrWikiKit
import Testing

@Suite struct ValueTypeTests {
    @Test(arguments: [
        ("2026-11-26", true), ("2024-02-29", true), ("2023-02-29", false), ("2026-02-30", false),
        ("2026-13-01", false), ("2026-00-10", false), ("2026-4-01", false), ("26-11-2026", false), ("0000-01-01", false),
    ])
    func datesMustExist(text: String, valid: Bool) {
        #expect((ArticleDate(text) != nil) == valid)
    }

    @Test(arguments: [
        ("enospc", true), ("exit-137", true), ("0x80070005", true), ("-lead", false), ("Upper", false),
        ("under_score", false), ("", false), (String(repeating: "a", count: 100), true), (String(repeating: "a", count: 101), false),
        ("é", false),
    ])
    func idPattern(text: String, valid: Bool) {
        #expect(ArticleID.isValid(text) == valid)
    }

    @Test func slugsAreASCIIFolded() {
        #expect(ArticleID.suggestion(from: "Über Fehler: 502!") == "uber-fehler-502")
        #expect(ArticleID.suggestion(from: "  --Port already in use--  ") == "port-already-in-use")
        #expect(ArticleID.suggestion(from: "日本語") == "article")
    }

    @Test func severitiesSortMostSevereFirst() {
        #expect([Severity.info, .critical, .medium].sorted() == [.critical, .medium, .info])
    }

    @Test func patternsUseOneDialect() throws {
        let pattern = try LogPattern(#"(?i)out of memory: killed process \d+"#)
        #expect(pattern.matches("kernel: Out of memory: Killed process 4242 (java)"))
        #expect(!pattern.matches("Out of memory: Killed process java"))
        #expect(throws: PatternError.self) { try LogPattern("Killed process (\\d+") }
    }

    @Test func terminalTextLosesItsEscapeSequences() {
        #expect(Terminal.sanitized("a\u{1B}[31mred\u{7}\tb") == "a\\u{1b}[31mred\\u{7}\tb")
    }
}
