/// The rule: every command that answers from the index warns, on every run, in one line on stderr,
/// about the articles left out of it because they have errors (the index keeps the list), so a
/// broken article is never silently missing from the answers.
public enum LeftOutWarning {
    /// How many left-out files the warning names; one line, whatever the wiki.
    static let namesShown = 3

    /// The warning line, or "" when nothing was left out.
    public static func line(_ files: [String]) -> String {
        guard !files.isEmpty else { return "" }
        let shown = files.prefix(namesShown).map(Terminal.sanitized).joined(separator: ", ")
        let more = files.count > namesShown ? " and \(files.count - namesShown) more" : ""
        let subject = files.count == 1 ? "1 article with errors is" : "\(files.count) articles with errors are"
        return "warning: \(subject) left out of the index (errwiki check lists \(files.count == 1 ? "it" : "them")): \(shown)\(more)\n"
    }
}
