/// The rule: every command that answers from the index warns, on every run, in one line on stderr,
/// about the articles left out of it because they have errors (the index keeps the list), so a
/// broken article is never silently missing from the answers. The same for parts of the content
/// that cannot be read (an unreadable folder, a failed stat, a missing root).
package enum LeftOutWarning {
    /// How many left-out files the warning names; one line, whatever the wiki.
    static let namesShown = 3

    /// The warning lines for an opened index: articles left out for errors, then parts of the
    /// content that could not be read; "" when there are neither.
    package static func lines(_ opened: IndexStore.Opened) -> String {
        let catalogs = opened.leftOut.filter { $0.hasSuffix(".tsv") }
        let articles = opened.leftOut.filter { !$0.hasSuffix(".tsv") }
        return line(articles, one: "1 article with errors is", many: "articles with errors are",
             then: { "left out of the index (errwiki check lists \($0 == 1 ? "it" : "them"))" })
            + line(catalogs, one: "1 code catalog with errors is", many: "code catalogs with errors are",
                   then: { "left out of the index (errwiki check lists \($0 == 1 ? "it" : "them"))" })
            + line(opened.unreadable, one: "1 part of the content cannot be read and is", many: "parts of the content cannot be read and are",
                   then: { _ in "left out (errwiki check says why)" })
    }

    /// `warning: <count> <subject> <rest>: a, b, c and N more`, or "" for no paths.
    private static func line(_ paths: [String], one: String, many: String, then rest: (Int) -> String) -> String {
        guard !paths.isEmpty else { return "" }
        let shown = paths.prefix(namesShown).map(Terminal.sanitized).joined(separator: ", ")
        let more = paths.count > namesShown ? " and \(paths.count - namesShown) more" : ""
        let subject = paths.count == 1 ? one : "\(paths.count) \(many)"
        return "warning: \(subject) \(rest(paths.count)): \(shown)\(more)\n"
    }
}
