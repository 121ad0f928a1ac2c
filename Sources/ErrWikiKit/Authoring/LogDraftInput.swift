import Foundation

/// The `--from-log` side of `new`: reading the line, filling the form's gaps from a `LogDraft`,
/// and checking that the generated pattern claims no other article's samples.
package enum LogDraftInput {
    package struct NoLine: Error, CustomStringConvertible {
        package var description: String { "--from-log: no log line given (an empty argument, or nothing on standard input)" }
    }

    /// The draft for `argument` (`-`: the first non-empty line of standard input); the form keeps
    /// what was given on the command line and takes the draft's title, category and codes for the rest.
    /// Severity defaults to medium: a line says nothing about it, and the TODOs make `check --strict` fail anyway.
    /// With a `prompter` (a terminal), the guessed category and related ids are offered: Enter takes
    /// the guess, an answer replaces it, `-` leaves `related` empty.
    package static func draft(_ argument: String, content: ContentRoots, into form: inout NewArticleForm, prompter: Prompter? = nil,
                              readLine: () -> String? = { Swift.readLine() }) throws -> LogDraft {
        var line = argument
        if argument == "-" {
            line = ""
            while let next = readLine() {
                if !next.trimmingCharacters(in: .whitespaces).isEmpty { line = next; break }
            }
        }
        guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw NoLine() }
        var draft = LogDraft(line: line, content: content)
        if form.title == nil { form.title = draft.title }
        if form.category == nil {
            form.category = draft.category
            if let prompter, let guess = draft.category,
               let answer = prompter.ask("Category [\(guess)]", valid: { $0.isEmpty || ArticleID.isValid($0) }), !answer.isEmpty {
                form.category = answer
            }
        }
        if let prompter, !draft.related.isEmpty,
           let answer = prompter.ask("Related articles [\(draft.related.joined(separator: ", "))]", valid: { _ in true }), !answer.isEmpty {
            draft.related = answer == "-" ? [] : answer.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if form.severity == nil { form.severity = Severity.medium.rawValue }
        for code in draft.codes where !form.codes.contains(code) { form.codes.append(code) }
        return draft
    }

    /// A warning naming the samples of other articles that the new pattern also matches ("" when
    /// none): the wiki as the draft read it, before the new article existed.
    package static func overlapWarning(_ draft: LogDraft) -> String {
        guard let pattern = try? LogPattern(draft.pattern) else { return "warning: the generated pattern does not compile\n" }
        guard pattern.matches(draft.sample) else { return "warning: the generated pattern does not match its sample\n" }
        let claimed = draft.otherSamples.filter { pattern.matches($0.sample) }
        guard !claimed.isEmpty else { return "" }
        return "warning: the pattern also matches samples of other articles; make it more specific:\n"
            + claimed.prefix(5).map { "  \(Terminal.sanitized($0.0)): \(Terminal.sanitized(String($0.1.prefix(100))))\n" }.joined()
    }
}
