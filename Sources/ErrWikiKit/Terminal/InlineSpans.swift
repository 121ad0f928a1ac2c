import ErrWikiMarkdown

/// Inline Markdown (a summary, a cause) as styled spans for the terminal.
enum InlineSpans {
    static func spans(_ markdown: String, base: TextStyle? = nil) -> [Span] {
        let blocks = MarkdownRenderer.document(markdown)
        var spans: [Span] = []
        for (index, block) in blocks.enumerated() {
            if index > 0 { spans.append(Span(" ")) }
            switch block {
            case .paragraph(let inlines), .heading(_, let inlines): spans += self.spans(inlines, base: base)
            default: spans.append(Span(Terminal.sanitized(markdown), base))
            }
        }
        return spans
    }

    static func spans(_ inlines: [MarkdownInline], base: TextStyle? = nil) -> [Span] {
        inlines.flatMap { inline -> [Span] in
            switch inline {
            case .text(let text): return [Span(Terminal.sanitized(text), base)]
            case .code(let code): return [Span(Terminal.sanitized(code), .code)]
            case .emphasis(let children): return spans(children, base: base ?? .emphasis)
            case .strong(let children): return spans(children, base: .strong)
            case .strikethrough(let children): return spans(children, base: .strikethrough)
            case .link(let destination, let children):
                let label = spans(children, base: .link)
                let text = label.map(\.text).joined()
                return text == destination || destination.isEmpty ? label : label + [Span(" <\(Terminal.sanitized(destination))>", .dim)]
            case .image(let source, let alt): return [Span("[image: \(Terminal.sanitized(alt))] <\(Terminal.sanitized(source))>", .dim)]
            case .softBreak: return [Span(" ")]
            case .lineBreak: return [Span("\n")]
            }
        }
    }
}
