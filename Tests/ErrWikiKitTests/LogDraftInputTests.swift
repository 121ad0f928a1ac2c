@testable import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// `new --from-log`'s guesses: taken as they are off a terminal, offered on one (Enter keeps the
/// guess, an answer replaces it, `-` empties `related`), never asked for what a flag already gave.
@Suite struct LogDraftInputTests {
    static let wiki = FixturePaths.fixtures().appendingPathComponent("ranking-wiki").path
    static let line = "Error: listen EADDRINUSE: address already in use :::3000"

    /// A prompter that answers from a list and records the questions.
    final class Script: @unchecked Sendable {
        var answers: [String]
        var questions: [String] = []
        init(_ answers: [String]) { self.answers = answers }
        var prompter: Prompter {
            Prompter(write: { [self] in if $0.hasSuffix(": ") { questions.append($0) } },
                     readLine: { [self] in answers.isEmpty ? nil : answers.removeFirst() })
        }
    }

    func form(category: String? = nil) -> NewArticleForm {
        NewArticleForm(title: nil, category: category, severity: nil, id: nil, codes: nil, tags: nil)
    }

    @Test func offATerminalTheGuessesAreTaken() throws {
        var form = form()
        let draft = try LogDraftInput.draft(Self.line, content: ContentRoots(Self.wiki), into: &form)
        #expect(form.category == draft.category && form.category != nil)
        #expect(form.severity == "medium" && form.title == Self.line)
        #expect(draft.related.count == 3 && draft.sample == Self.line)
    }

    @Test func onATerminalEnterKeepsAGuessAndAnAnswerReplacesIt() throws {
        var kept = form()
        let script = Script(["", "eaddrinuse, econnrefused"])
        let draft = try LogDraftInput.draft(Self.line, content: ContentRoots(Self.wiki), into: &kept, prompter: script.prompter)
        #expect(script.questions.count == 2 && script.questions[0].hasPrefix("Category ["))
        #expect(kept.category == LogDraft(line: Self.line, content: ContentRoots(Self.wiki)).category)
        #expect(draft.related == ["eaddrinuse", "econnrefused"])

        var replaced = form()
        let second = Script(["docker", "-"])
        let emptied = try LogDraftInput.draft(Self.line, content: ContentRoots(Self.wiki), into: &replaced, prompter: second.prompter)
        #expect(replaced.category == "docker" && emptied.related.isEmpty)
    }

    @Test func aCategoryGivenAsAFlagIsNotAskedFor() throws {
        var form = form(category: "network")
        let script = Script([""])
        _ = try LogDraftInput.draft(Self.line, content: ContentRoots(Self.wiki), into: &form, prompter: script.prompter)
        #expect(form.category == "network")
        #expect(script.questions.count == 1 && script.questions[0].hasPrefix("Related articles ["))
    }

    @Test func anEmptyLineIsRefused() {
        var form = form()
        #expect(throws: LogDraftInput.NoLine.self) { try LogDraftInput.draft("  ", content: ContentRoots(Self.wiki), into: &form) }
        #expect(throws: LogDraftInput.NoLine.self) { try LogDraftInput.draft("-", content: ContentRoots(Self.wiki), into: &form, readLine: { nil }) }
    }
}
