import ErrWikiKit
import ErrWikiTestSupport
import Testing

/// Fixtures/valid-wiki uses every field of the format, CRLF, a BOM, a draft, ignored files.
@Suite struct ValidWikiTests {
    static let root = FixturePaths.fixtures().appendingPathComponent("valid-wiki").path
    let report = ContentCheck.run(root: root, displayRoot: "valid-wiki")

    @Test func passesStrictCheckWithNoDiagnostics() {
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.passes(strict: true))
    }

    @Test func ignoresHiddenAndNonMarkdownFiles() {
        #expect(report.wiki.articles.map(\.relativePath) == ["signal/draft-note.md", "kernel/oom-killer.md", "signal/exit-137.md"])
    }

    @Test func decodesEveryField() throws {
        let article = try #require(report.wiki.articles.first { $0.id == "oom-killer" })
        #expect(article.title == "Linux OOM Killer — Out of Memory Process Killed")
        #expect(article.category == "kernel")
        #expect(article.severity == .critical)
        #expect(article.summary == "The kernel's **OOM killer** ends a process when RAM and swap run out.")
        // YAML numbers (137, 0x80070005) are kept as the text written.
        #expect(article.codes == ["OOM", "oom-kill", "137", "0x80070005", "HTTP 502"])
        #expect(article.tags == ["linux", "memory"])
        #expect(article.keyDetails == ["Logged by the kernel as `Out of memory`", "Picks the process with the highest `oom_score`"])
        #expect(article.symptoms == ["my biggest process vanished overnight", "mysql keeps dying on a small vps"])
        #expect(article.causes == ["A memory leak", "No swap configured"])
        #expect(article.steps == [
            Step(title: "Find OOM events", command: "journalctl -k | grep -i 'out of memory'", note: "Needs root on most systems."),
            Step(title: "Add memory or swap, then restart the killed service."),
        ])
        #expect(article.faq.count == 2)
        #expect(article.faq[0] == FAQEntry(question: "How does it choose a victim?", answer: "By `oom_score`; `oom_score_adj` shifts it."))
        #expect(article.faq[1].answer == "Not safely. Use `vm.overcommit_memory=2`\nto refuse allocations instead.\n")
        #expect(article.related == ["sigkill"])
        #expect(article.patterns == [#"Out of memory: Killed process \d+"#, "(?i)oom-kill:"])
        #expect(article.samples.count == 2)
        #expect(article.updated?.description == "2026-11-26")
        #expect(article.draft == false)
        #expect(article.body.hasPrefix("## How it works\n"))
        #expect(article.bodyLine == 39)
        #expect(article.path == "valid-wiki/kernel/oom-killer.md")
    }

    @Test func keepsTheLineAndColumnOfKeysAndItems() throws {
        let article = try #require(report.wiki.articles.first { $0.id == "oom-killer" })
        #expect(article.location(of: "severity") == SourceLocation(file: "valid-wiki/kernel/oom-killer.md", line: 4, column: 1))
        #expect(article.location(of: "codes", item: 2) == SourceLocation(file: "valid-wiki/kernel/oom-killer.md", line: 6, column: 24))
        #expect(article.location(of: "symptoms", item: 1) == SourceLocation(file: "valid-wiki/kernel/oom-killer.md", line: 13, column: 5))
        #expect(article.location(of: "causes", item: 1).line == 16)
        #expect(article.location(of: "steps", item: 1).line == 21)
        #expect(article.location(of: "related", item: 0) == SourceLocation(file: "valid-wiki/kernel/oom-killer.md", line: 29, column: 11))
    }

    @Test func acceptsCRLFAndAnExplicitID() throws {
        let article = try #require(report.wiki.articles.first { $0.relativePath == "signal/exit-137.md" })
        #expect(article.id == "sigkill")
        #expect(article.title == "SIGKILL — exit 137")
        #expect(article.body == "Body with CRLF.\n")
        #expect(!article.title.contains("\r"))
    }

    @Test func acceptsABOMAndKeepsDraftsOutOfThePublishedSet() throws {
        let draft = try #require(report.wiki.articles.first { $0.relativePath == "signal/draft-note.md" })
        #expect(draft.draft)
        #expect(draft.title == "A draft about SIGHUP")
        #expect(draft.steps == [Step(title: "Use nohup.")])
        #expect(!report.wiki.published().contains { $0.id == "draft-note" })
        #expect(report.wiki.published(includingDrafts: true).contains { $0.id == "draft-note" })
    }
}
