/// The parts of an article `lookup --section` can print alone.
package enum ArticleSection: String, Sendable, CaseIterable {
    case summary, causes, steps, faq
}

/// An article laid out for a terminal: the seed page's sections in order, wrapped to the width.
///
/// Commands are printed at column 0 and never wrapped, so they paste as they are; with colours off
/// the output is plain text.
package struct ArticleTerminalRenderer: Sendable {
    package var style: TerminalStyle
    package var width: Int

    package init(style: TerminalStyle, width: Int) {
        self.style = style
        self.width = width
    }

    private var wrapper: TextWrapper { TextWrapper(style: style, width: width) }

    package func render(_ article: Article, section: ArticleSection? = nil) -> String {
        if let section { return lines(of: section, article, headed: false).joined(separator: "\n") + "\n" }
        var blocks: [[String]] = [header(article)]
        for section in ArticleSection.allCases {
            let body = lines(of: section, article, headed: true)
            if !body.isEmpty { blocks.append(body) }
        }
        if !article.keyDetails.isEmpty {
            // Key details read best right after the summary, as on the seed page.
            blocks.insert(heading("Key details") + bullets(article.keyDetails), at: min(2, blocks.count))
        }
        if !article.symptoms.isEmpty {
            let after = article.keyDetails.isEmpty ? 2 : 3
            blocks.insert(heading("You may see this as") + bullets(article.symptoms), at: min(after, blocks.count))
        }
        let body = MarkdownTerminalRenderer(style: style, width: width).render(article.body)
        if !body.isEmpty { blocks.append(heading("Details") + body) }
        blocks.append(footer(article))
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private func header(_ article: Article) -> [String] {
        var lines = wrapper.wrap([Span(Terminal.sanitized(article.title), .title)])
        var meta = [Span(article.severity.rawValue.uppercased(), .severity(article.severity)),
                    Span(" · " + Terminal.sanitized(article.category), .dim)]
        if !article.codes.isEmpty { meta.append(Span(" · " + article.codes.map(Terminal.sanitized).joined(separator: ", "), .dim)) }
        lines += wrapper.wrap(meta)
        return lines
    }

    private func lines(of section: ArticleSection, _ article: Article, headed: Bool) -> [String] {
        switch section {
        case .summary:
            var lines = wrapper.wrap(InlineSpans.spans(article.summary))
            if headed, let first = article.faq.first {
                lines += [""] + heading("Quick answer") + faqEntry(first)
            }
            return lines
        case .causes:
            guard !article.causes.isEmpty else { return [] }
            return (headed ? heading("Common causes") : []) + bullets(article.causes)
        case .steps:
            guard !article.steps.isEmpty else { return [] }
            return (headed ? heading("Steps") : []) + steps(article.steps)
        case .faq:
            guard !article.faq.isEmpty else { return [] }
            let entries = article.faq.map(faqEntry)
            return (headed ? heading("Frequently asked questions") : []) + entries.joined(separator: [""])
        }
    }

    private func heading(_ text: String) -> [String] {
        [style.apply(.heading, to: text)]
    }

    private func bullets(_ items: [String]) -> [String] {
        items.flatMap { item in
            wrapper.wrap([Span("•", .bullet), Span(" ")] + InlineSpans.spans(item), firstIndent: "  ", restIndent: "    ")
        }
    }

    private func steps(_ steps: [Step]) -> [String] {
        var lines: [String] = []
        for (number, step) in steps.enumerated() {
            if number > 0 { lines.append("") }
            let label = "\(number + 1). "
            let indent = String(repeating: " ", count: label.count + 2)
            lines += wrapper.wrap([Span(label, .label)] + InlineSpans.spans(step.title), firstIndent: "  ", restIndent: indent)
            if let command = step.command {
                for commandLine in command.split(separator: "\n", omittingEmptySubsequences: false).dropLast(command.hasSuffix("\n") ? 1 : 0) {
                    lines.append(style.apply(.command, to: Terminal.sanitized(String(commandLine))))
                }
            }
            if let note = step.note {
                lines += wrapper.wrap(InlineSpans.spans(note, base: .dim), firstIndent: indent, restIndent: indent)
            }
        }
        return lines
    }

    private func faqEntry(_ entry: FAQEntry) -> [String] {
        wrapper.wrap([Span("Q ", .label)] + InlineSpans.spans(entry.question, base: .strong), firstIndent: "  ", restIndent: "    ")
            + MarkdownTerminalRenderer(style: style, width: width - 4).render(entry.answer).map { "    " + $0 }
    }

    private func footer(_ article: Article) -> [String] {
        var lines: [String] = []
        if !article.related.isEmpty {
            lines += wrapper.wrap([Span("See also: ", .label), Span(article.related.map(Terminal.sanitized).joined(separator: ", "))])
        }
        if !article.tags.isEmpty {
            lines += wrapper.wrap([Span("Tags: ", .label), Span(article.tags.map(Terminal.sanitized).joined(separator: ", "))])
        }
        var meta: [String] = []
        if let updated = article.updated { meta.append("updated \(updated)") }
        meta.append(Terminal.sanitized(article.path))
        lines.append(style.apply(.dim, to: meta.joined(separator: " · ")))
        return lines
    }
}
