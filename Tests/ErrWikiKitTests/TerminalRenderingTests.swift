import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// An article as the terminal shows it, plain (piped) and coloured (a TTY), against golden files.
@Suite struct TerminalRenderingTests {
    static let fixtures = FixturePaths.fixtures()
    static let article: Article? = {
        let root = fixtures.appendingPathComponent("valid-wiki").path
        return ContentCheck.run(root: root, displayRoot: "valid-wiki").wiki.articles.first { $0.id == "oom-killer" }
    }()

    @Test(arguments: [("plain", false), ("color", true)])
    func articleMatchesGolden(name: String, colors: Bool) throws {
        let article = try #require(Self.article)
        let output = ArticleTerminalRenderer(style: TerminalStyle(colors: colors), width: 60).render(article)
        let mismatch = Golden.mismatch(output, golden: Self.fixtures.appendingPathComponent("terminal/oom-killer.\(name).txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func plainOutputHasNoEscapesAndCommandsStartAtColumnZero() throws {
        let article = try #require(Self.article)
        let output = ArticleTerminalRenderer(style: .plain, width: 60).render(article)
        #expect(!output.contains("\u{1B}"))
        #expect(output.contains("\njournalctl -k | grep -i 'out of memory'\n"))
        for line in output.split(separator: "\n") where !line.contains("journalctl") {
            #expect(line.count <= 60 || line.hasPrefix("valid-wiki/"), "line longer than the width: \(line)")
        }
    }

    @Test(arguments: ArticleSection.allCases)
    func aSectionPrintsOnlyThatPart(section: ArticleSection) throws {
        let article = try #require(Self.article)
        let output = ArticleTerminalRenderer(style: .plain, width: 80).render(article, section: section)
        #expect(!output.contains(article.title))
        switch section {
        case .summary: #expect(output.hasPrefix("The kernel's OOM killer ends a process"))
        case .causes: #expect(output == "  • A memory leak\n  • No swap configured\n")
        case .steps: #expect(output.hasPrefix("  1. Find OOM events\njournalctl -k"))
        case .faq: #expect(output.hasPrefix("  Q How does it choose a victim?"))
        }
    }

    @Test func escapeSequencesInArticleTextNeverReachTheTerminal() {
        let hostile = Article(id: "x", title: "Bad \u{1B}[2J\u{1B}]0;pwned\u{7} title", category: "x", severity: .low,
                              summary: "Summary \u{1B}[31mred", causes: ["cause \u{9B}31m"], steps: [Step(title: "t", command: "echo \u{1B}[5m")],
                              body: "Body \u{1B}[1m bold\n\n```\ncode \u{1B}[2J\n```\n")
        for colors in [false, true] {
            let output = ArticleTerminalRenderer(style: TerminalStyle(colors: colors), width: 80).render(hostile)
            let escapes = output.unicodeScalars.filter { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{7}" }
            // Coloured output contains only the style table's own escapes, each one an SGR sequence.
            #expect(colors || escapes.isEmpty)
            #expect(!output.contains("\u{1B}[2J"))
            #expect(!output.contains("\u{1B}]0;"))
            #expect(!output.contains("\u{9B}"))
            #expect(!output.contains("\u{7}"))
        }
    }

    @Test func wrappingKeepsWordsWholeAndRespectsTheWidth() {
        let wrapper = TextWrapper(style: .plain, width: 20)
        let lines = wrapper.wrap([Span("one two three four five six seven eight nine ten")], firstIndent: "  ", restIndent: "    ")
        #expect(lines == ["  one two three four", "    five six seven", "    eight nine ten"])
    }
}
