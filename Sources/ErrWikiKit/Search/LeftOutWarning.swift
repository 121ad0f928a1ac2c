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
        line(opened.leftOut) + line(unreadable: opened.unreadable)
    }

    /// The warning line, or "" when nothing was left out.
    package static func line(_ files: [String]) -> String {
        guard !files.isEmpty else { return "" }
        let subject = files.count == 1 ? "1 article with errors is" : "\(files.count) articles with errors are"
        return "warning: \(subject) left out of the index (errwiki check lists \(files.count == 1 ? "it" : "them")): \(names(files))\n"
    }

    /// The line for folders and files the scan could not read, or "" when it read everything.
    package static func line(unreadable paths: [String]) -> String {
        guard !paths.isEmpty else { return "" }
        let subject = paths.count == 1 ? "1 part of the content cannot be read and is" : "\(paths.count) parts of the content cannot be read and are"
        return "warning: \(subject) left out (errwiki check says why): \(names(paths))\n"
    }

    private static func names(_ paths: [String]) -> String {
        let shown = paths.prefix(namesShown).map(Terminal.sanitized).joined(separator: ", ")
        return shown + (paths.count > namesShown ? " and \(paths.count - namesShown) more" : "")
    }
}
