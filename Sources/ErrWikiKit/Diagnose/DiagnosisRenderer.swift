import Foundation

/// `diagnose` output for people: each matched article with its lines, then what to do next.
/// Suggested commands are printed at column 0 so they paste, and are never run.
package struct DiagnosisRenderer: Sendable {
    package var style: TerminalStyle
    /// Appended to the suggested `errwiki show` commands, so they read the same content roots
    /// (`ContentRoots.commandLineOptions`; empty for the default single root).
    package var contentOptions: String

    package init(style: TerminalStyle, contentOptions: String = "") {
        self.style = style
        self.contentOptions = contentOptions
    }

    /// - Parameter firstSteps: the first step of each matched article, by id. Every valid article has
    ///   one, so a matched article missing here could not be read again: it gets a line saying so.
    package func render(_ diagnosis: Diagnosis, firstSteps: [String: Step]) -> String {
        var blocks: [String] = []
        for match in diagnosis.matches {
            var lines: [String] = []
            let article = match.article
            lines.append(style.apply(.severity(article.severity), to: article.severity.rawValue.uppercased()) + " "
                         + style.apply(.strong, to: Terminal.sanitized(article.id)) + "  " + Terminal.sanitized(article.title))
            let plural = match.count == 1 ? "line" : "lines"
            var summary = "  \(match.count) \(plural) matched"
            summary += match.count == 1 ? ", at \(place(match.first))" : ", first at \(place(match.first)), last at \(place(match.last))"
            lines.append(style.apply(.dim, to: summary))
            for line in match.lines {
                for context in line.before { lines.append(style.apply(.dim, to: "  \(context.number)- \(Terminal.sanitized(context.text))")) }
                lines.append("  " + style.apply(.label, to: "\(line.number):") + " " + highlighted(line))
                for context in line.after { lines.append(style.apply(.dim, to: "  \(context.number)- \(Terminal.sanitized(context.text))")) }
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        var next: [String] = [style.apply(.heading, to: "Suggested next steps (nothing was run)")]
        for match in diagnosis.matches {
            let id = Terminal.sanitized(match.article.id)
            if let step = firstSteps[match.article.id] {
                next.append("  " + style.apply(.strong, to: id) + ": " + InlineSpans.spans(step.title).map(\.text).joined())
                if let command = step.command {
                    for commandLine in command.split(separator: "\n") {
                        next.append(style.apply(.command, to: Terminal.sanitized(String(commandLine))))
                    }
                }
            } else {
                next.append("  " + style.apply(.strong, to: id) + ": " + style.apply(.dim, to: "no first step to show: the article can no longer be read"))
            }
            next.append(style.apply(.dim, to: "  the whole article: errwiki show \(id)\(Terminal.sanitized(contentOptions))"))
        }
        if !diagnosis.matches.isEmpty { blocks.append(next.joined(separator: "\n")) }
        return blocks.joined(separator: "\n\n") + (blocks.isEmpty ? "" : "\n")
    }

    private func place(_ location: (file: String?, line: Int)) -> String {
        location.file.map { "\(Terminal.sanitized($0)):\(location.line)" } ?? "line \(location.line)"
    }

    private func highlighted(_ line: Diagnosis.MatchedLine) -> String {
        let characters = Array(line.text)
        let lower = min(line.highlight.lowerBound, characters.count), upper = min(line.highlight.upperBound, characters.count)
        // The log's text is escaped here, where it meets the terminal, piece by piece so the
        // highlight stays on the matched characters.
        return Terminal.sanitized(String(characters[..<lower])) + style.apply(.strong, to: Terminal.sanitized(String(characters[lower..<upper])))
            + Terminal.sanitized(String(characters[upper...]))
    }
}
