import ErrWikiMarkdown

/// An article body (GFM) for the terminal, from cmark-gfm's tree: headings, lists, code, quotes, tables.
struct MarkdownTerminalRenderer: Sendable {
    var style: TerminalStyle
    var width: Int

    func render(_ markdown: String) -> [String] {
        render(MarkdownRenderer.document(markdown), indent: "")
    }

    private func render(_ blocks: [MarkdownBlock], indent: String) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let rendered = render(block, indent: indent)
            if rendered.isEmpty { continue }
            if !lines.isEmpty { lines.append("") }
            lines += rendered
        }
        return lines
    }

    private func render(_ block: MarkdownBlock, indent: String) -> [String] {
        let wrapper = TextWrapper(style: style, width: width)
        switch block {
        case .paragraph(let inlines):
            return wrapper.wrap(InlineSpans.spans(inlines), firstIndent: indent, restIndent: indent)
        case .heading(_, let inlines):
            return wrapper.wrap(InlineSpans.spans(inlines, base: .strong), firstIndent: indent, restIndent: indent)
        case .codeBlock(_, let code):
            // Code keeps its lines: never wrapped, so it pastes as written.
            var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if codeLines.last == "" { codeLines.removeLast() }
            return codeLines.map { indent + style.apply(.code, to: Terminal.sanitized($0)) }
        case .list(let start, let items):
            var lines: [String] = []
            for (offset, item) in items.enumerated() {
                var marker = start.map { "\($0 + offset). " } ?? "• "
                if let checked = item.task { marker += checked ? "[x] " : "[ ] " }
                let inner = indent + String(repeating: " ", count: marker.count + 2)
                var itemLines = render(item.blocks, indent: inner)
                if itemLines.isEmpty { itemLines = [inner] }
                let first = itemLines[0].dropFirst(inner.count)
                itemLines[0] = indent + "  " + style.apply(.bullet, to: marker) + first
                lines += itemLines.filter { !$0.isEmpty }
            }
            return lines
        case .quote(let blocks):
            return render(blocks, indent: indent + "│ ")
        case .table(let header, let rows):
            return table(header: header, rows: rows, indent: indent)
        case .thematicBreak:
            return [indent + style.apply(.dim, to: String(repeating: "─", count: max(3, min(width, 60) - indent.count)))]
        }
    }

    /// Columns sized to their widest cell, capped so the table fits; long cells are cut with "…".
    private func table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]], indent: String) -> [String] {
        let text = ([header] + rows).map { row in row.map { InlineSpans.spans($0).map(\.text).joined() } }
        let columns = text.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        var widths = (0..<columns).map { column in text.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        let available = max(columns * 4, width - indent.count - 3 * (columns - 1))
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
        func line(_ cells: [String], style cellStyle: TextStyle?) -> String {
            indent + (0..<columns).map { column in
                var cell = column < cells.count ? cells[column] : ""
                if cell.count > widths[column] { cell = String(cell.prefix(max(0, widths[column] - 1))) + "…" }
                return style.apply(cellStyle, to: cell) + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: " │ ").replacingTrailingSpaces()
        }
        var lines = [line(text[0], style: .strong)]
        lines.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"))
        lines += text.dropFirst().map { line($0, style: nil) }
        return lines
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
