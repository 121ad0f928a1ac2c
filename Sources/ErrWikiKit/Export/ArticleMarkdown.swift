import Foundation

/// An article as one Markdown document, for readers that take Markdown (coding assistants through
/// `mcp`): the page's sections in the page's order, each one selectable, within a size budget.
package enum ArticleMarkdown {
    /// The parts a reader may ask for, in the order they are written.
    package enum Section: String, Sendable, CaseIterable {
        case summary, keyDetails = "key_details", symptoms, causes, steps, faq, details, related, samples
    }

    package struct Rendered: Sendable, Equatable {
        package var text: String
        /// The sections left out or shortened because the budget ran out (empty when all fit).
        package var cut: [Section]
    }

    /// - Parameter budget: the most characters written; sections that do not fit are left out
    ///   whole (a first section too long on its own is shortened at a line), and named in `cut`.
    package static func render(_ article: Article, sections: [Section] = Section.allCases, budget: Int) -> Rendered {
        var text = "# \(article.title)\n\n"
        var facts = "- id: `\(article.id)`\n- category: \(article.category)\n- severity: \(article.severity.rawValue)\n"
        if !article.codes.isEmpty { facts += "- codes: " + article.codes.map { code($0) }.joined(separator: ", ") + "\n" }
        text += facts
        var cut: [Section] = []
        let wanted = Section.allCases.filter(sections.contains)
        for section in wanted {
            let block = self.block(section, of: article)
            guard !block.isEmpty else { continue }
            let piece = "\n## \(heading(section))\n\n" + block
            if text.count + piece.count <= budget {
                text += piece
            } else if text.count < budget / 2 {
                // Most of the budget is left: keep the whole lines of this section that fit.
                var kept = ""
                for line in piece.split(separator: "\n", omittingEmptySubsequences: false) {
                    if text.count + kept.count + line.count + 1 > budget { break }
                    kept += line + "\n"
                }
                text += kept
                cut.append(section)
            } else {
                cut.append(section)
            }
        }
        return Rendered(text: text, cut: cut)
    }

    private static func heading(_ section: Section) -> String {
        switch section {
        case .summary: "Summary"
        case .keyDetails: "Key details"
        case .symptoms: "You may see this as"
        case .causes: "Common causes"
        case .steps: "Steps"
        case .faq: "FAQ"
        case .details: "Details"
        case .related: "See also"
        case .samples: "Log lines it matches"
        }
    }

    private static func block(_ section: Section, of article: Article) -> String {
        switch section {
        case .summary: return article.summary + "\n"
        case .keyDetails: return bullets(article.keyDetails)
        case .symptoms: return bullets(article.symptoms)
        case .causes: return bullets(article.causes)
        case .steps:
            return article.steps.enumerated().map { number, step in
                var item = "\(number + 1). \(step.title)\n"
                if let command = step.command { item += "\n" + fenced(command, info: "sh") }
                if let note = step.note { item += "\n   " + note + "\n" }
                return item
            }.joined(separator: "\n")
        case .faq:
            return article.faq.map { "**\($0.question)**\n\n\($0.answer)\n" }.joined(separator: "\n")
        case .details:
            let body = article.body.trimmingCharacters(in: .whitespacesAndNewlines)
            return body.isEmpty ? "" : body + "\n"
        case .related: return bullets(article.related.map { "`\($0)`" })
        case .samples: return article.samples.map { fenced($0, info: "text") }.joined(separator: "\n")
        }
    }

    private static func bullets(_ items: [String]) -> String {
        items.map { "- \($0)\n" }.joined()
    }

    /// Inline code that survives backticks inside the text.
    private static func code(_ text: String) -> String {
        let fence = text.contains("`") ? "`` " : "`"
        return fence + text + String(fence.reversed())
    }

    /// A fenced block longer than any backtick run inside it, so the content cannot close it.
    private static func fenced(_ text: String, info: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? text : text + "\n"
        return "\(fence)\(info)\n\(body)\(fence)\n"
    }
}
