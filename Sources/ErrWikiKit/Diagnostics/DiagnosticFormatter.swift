/// Prints diagnostics in the compiler format that editors and CI understand:
///
///     Content/errno/enoent.md:4:11: error: severity must be one of ... [invalid-severity]
///         4 | severity: urgent
///           |           ^
///           = help: ...
package struct DiagnosticFormatter: Sendable {
    /// Returns the text of a 1-based line of a file, for the excerpt; nil leaves the excerpt out.
    package var sourceLine: @Sendable (SourceLocation) -> String?

    package init(sourceLine: @escaping @Sendable (SourceLocation) -> String? = { _ in nil }) {
        self.sourceLine = sourceLine
    }

    /// Reads excerpt lines from the content files, through the roots' rule: never from outside them.
    package init(roots: ContentRoots) {
        self.init(sourceLine: { SourceLines.line($0.line, of: SourceLines.lines(ofFile: $0.file, in: roots)) })
    }

    package func format(_ diagnostic: Diagnostic) -> String {
        Self.format(diagnostic, excerpt: sourceLine(diagnostic.location))
    }

    /// What `check` prints: every diagnostic with its excerpt, then the summary line. Each file is
    /// read once, however many problems it has.
    /// - Parameter roots: the folders the diagnostics were found in; excerpts are read through them.
    package static func report(_ diagnostics: [Diagnostic], fileCount: Int, roots: ContentRoots) -> String {
        var text = ""
        var cached: (file: String, lines: [String]?)?
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if cached?.file != file {
                cached = (file, SourceLines.lines(ofFile: file, in: roots))
            }
            text += format(diagnostic, excerpt: SourceLines.line(diagnostic.location.line, of: cached?.lines))
        }
        return text + summary(diagnostics, fileCount: fileCount) + "\n"
    }

    /// Diagnostics carry the content's text as it is: here, where it meets the terminal, every part
    /// that comes from the content (path, message, hint, excerpt) has its control characters made
    /// visible. Other printers escape for themselves (serve's overlay HTML-escapes this text).
    static func format(_ diagnostic: Diagnostic, excerpt: String?) -> String {
        let location = diagnostic.location
        var text = "\(Terminal.sanitized(location.description)): \(diagnostic.severity.rawValue): "
            + "\(Terminal.sanitized(diagnostic.message)) [\(diagnostic.rule.rawValue)]\n"
        let gutter = String(repeating: " ", count: String(location.line).count)
        if let line = excerpt {
            // The column counts characters of the raw line; the caret goes under the same one shown.
            let characters = Array(line)
            let rawBefore = String(characters.prefix(max(0, min(location.column - 1, characters.count))))
            let column = Terminal.sanitized(rawBefore).count + 1 + max(0, location.column - 1 - characters.count)
            let (shown, caretColumn) = Self.excerpt(Terminal.sanitized(line), column: column)
            text += " \(location.line) | \(shown)\n"
            let before = shown.prefix(max(0, caretColumn - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            text += " \(gutter) | \(before)^\n"
        }
        if let hint = diagnostic.hint {
            text += " \(gutter) = help: \(Terminal.sanitized(hint))\n"
        }
        return text
    }

    /// At most `width` characters of a long line, around the column; returns the caret's new column.
    static func excerpt(_ line: String, column: Int, width: Int = 100) -> (String, Int) {
        let characters = Array(line)
        guard characters.count > width else { return (line, column) }
        let start = max(0, min(column - 1 - width / 2, characters.count - width))
        let end = min(characters.count, start + width)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return (prefix + String(characters[start..<end]) + suffix, column - start + prefix.count)
    }

    /// The closing line: "2 errors and 1 warning in 2 files (12 files checked)".
    package static func summary(_ diagnostics: [Diagnostic], fileCount: Int) -> String {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        let checked = "\(fileCount) \(fileCount == 1 ? "file" : "files") checked"
        if errors == 0 && warnings == 0 { return "no problems found (\(checked))" }
        let files = Set(diagnostics.map(\.location.file)).count
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        if warnings > 0 { parts.append("\(warnings) \(warnings == 1 ? "warning" : "warnings")") }
        return "\(parts.joined(separator: " and ")) in \(files) \(files == 1 ? "file" : "files") (\(checked))"
    }
}
