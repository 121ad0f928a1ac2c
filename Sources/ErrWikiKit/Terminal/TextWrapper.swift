/// Wraps styled text to a width. Widths are counted in characters on the text before styling, so
/// escape codes never break the layout; neighbouring words of one style share one escape sequence.
package struct TextWrapper: Sendable {
    package var style: TerminalStyle
    package var width: Int

    package init(style: TerminalStyle, width: Int) {
        self.style = style
        self.width = max(20, width)
    }

    /// Lines of `spans`, the first starting with `firstIndent`, the rest with `restIndent`.
    package func wrap(_ spans: [Span], firstIndent: String = "", restIndent: String = "") -> [String] {
        var lines: [String] = []
        var line = LineBuilder(indent: firstIndent)
        var pendingSpace = false

        for span in spans {
            if span.text == "\n" {
                lines.append(line.render(style))
                line = LineBuilder(indent: restIndent)
                pendingSpace = false
                continue
            }
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                let space = pendingSpace && line.hasWords
                if line.hasWords && line.width + (space ? 1 : 0) + word.count > width {
                    lines.append(line.render(style))
                    line = LineBuilder(indent: restIndent)
                } else if space {
                    // The space joins the run only between two words of one style.
                    line.append(" ", line.lastStyle == span.style ? span.style : nil)
                }
                line.append(word, span.style)
                line.hasWords = true
                pendingSpace = false
                word = ""
            }
            for character in span.text {
                if character == " " || character == "\n" || character == "\t" {
                    flush()
                    pendingSpace = true
                } else {
                    word.append(character)
                }
            }
            flush()
        }
        if line.hasWords || lines.isEmpty { lines.append(line.render(style)) }
        return lines
    }

    /// One output line as runs of equally styled text.
    private struct LineBuilder {
        var indent: String
        var runs: [(text: String, style: TextStyle?)] = []
        var width: Int
        var hasWords = false

        init(indent: String) {
            self.indent = indent
            width = indent.count
        }

        mutating func append(_ text: String, _ style: TextStyle?) {
            width += text.count
            if let last = runs.last, last.style == style {
                runs[runs.count - 1].text += text
            } else {
                runs.append((text, style))
            }
        }

        var lastStyle: TextStyle? { runs.last?.style }

        func render(_ terminal: TerminalStyle) -> String {
            indent + runs.map { terminal.apply($0.style, to: $0.text) }.joined()
        }
    }
}
