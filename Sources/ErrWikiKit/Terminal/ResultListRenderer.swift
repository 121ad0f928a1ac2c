/// A ranked result list: severity, id, title, and a one-line snippet of the summary.
package struct ResultListRenderer: Sendable {
    package var style: TerminalStyle
    package var width: Int

    package init(style: TerminalStyle, width: Int) {
        self.style = style
        self.width = width
    }

    package func render(_ hits: [SearchHit]) -> String {
        let idWidth = min(40, hits.map(\.article.id.count).max() ?? 0)
        var lines: [String] = []
        for hit in hits {
            let severity = hit.article.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            let id = Terminal.sanitized(hit.article.id).padding(toLength: idWidth, withPad: " ", startingAt: 0)
            lines.append(style.apply(.severity(hit.article.severity), to: severity) + " " + style.apply(.strong, to: id) + "  "
                         + Terminal.sanitized(hit.article.title))
            let snippet = InlineSpans.spans(hit.article.summary).map(\.text).joined()
            let room = max(20, width - 11)
            let cut = snippet.count > room ? String(snippet.prefix(room - 1)) + "…" : snippet
            lines.append(style.apply(.dim, to: "         " + cut))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
