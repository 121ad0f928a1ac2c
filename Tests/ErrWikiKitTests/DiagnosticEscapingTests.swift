@testable import ErrWikiKit
import Foundation
import Testing

/// Diagnostics carry the content's text as it is; each printer escapes it for where it goes. The
/// terminal formatter shows control characters in a visible form, in every part it prints.
@Suite struct DiagnosticEscapingTests {
    /// Clears the screen, sets the window title, rings the bell.
    static let escape = "\u{1b}[2J\u{1b}]0;owned\u{07}"
    static let yamlEscape = #"\e[2J\e]0;owned\a"#

    static let article = """
    ---
    title: Escapes
    category: sample
    severity: "urgent\(yamlEscape)"
    summary: A summary.
    causes: [One]
    steps: [Two]
    updated: "2026-13-01\(yamlEscape)"
    related: ["ghost\(yamlEscape)"]
    patterns: ['disk \\d+ full']
    samples: ["nothing\(yamlEscape)"]
    "field\(yamlEscape)": 1
    ---
    Body.

    """

    static func diagnostics() -> [Diagnostic] {
        let (article, found) = ArticleBytes.decode(Array(Self.article.utf8), relativePath: "sample/x.md")
        return found + (article.map { WikiValidator.validate(Wiki(articles: [$0])) } ?? [])
    }

    @Test func theDecoderAndTheValidatorKeepTheRawText() {
        let found = Self.diagnostics()
        for rule in [Rule.invalidSeverity, .invalidDate, .unknownField, .unknownRelated, .unmatchedSample] {
            let message = found.first { $0.rule == rule }?.message ?? "no \(rule.rawValue) diagnostic"
            #expect(message.contains(Self.escape), "\(rule.rawValue): \(message.debugDescription)")
        }
    }

    @Test func theTerminalFormatterEscapesThePathMessageHintAndExcerpt() {
        let diagnostic = Diagnostic(.invalidSeverity, at: SourceLocation(file: "sample/\(Self.escape).md", line: 1, column: 12),
                                    "found `\(Self.escape)`", hint: "not `\(Self.escape)`")
        let excerpt = "severity: \u{1b}x"
        let text = DiagnosticFormatter(sourceLine: { _ in excerpt }).format(diagnostic)
        let controls = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
        #expect(controls.isEmpty, "\(text.debugDescription)")
        #expect(text.contains(#"sample/\u{1b}[2J\u{1b}]0;owned\u{7}.md:1:12: error: found `\u{1b}[2J"#), "\(text)")
        #expect(text.contains(#"= help: not `\u{1b}[2J"#), "\(text)")
        // The caret stays under column 12 (the `x`), after the escape's visible form.
        #expect(text.contains(" 1 | severity: \\u{1b}x\n   | " + String(repeating: " ", count: 16) + "^\n"), "\(text)")
    }

    @Test func everyDiagnosticOfAHostileArticlePrintsWithoutControlCharacters() {
        let formatter = DiagnosticFormatter(sourceLine: { _ in Self.escape })
        for diagnostic in Self.diagnostics() {
            let text = formatter.format(diagnostic)
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                    "\(text.debugDescription)")
        }
    }
}
