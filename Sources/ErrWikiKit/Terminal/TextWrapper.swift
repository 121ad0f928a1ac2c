/// Wraps styled text to a width. Widths are counted in characters on the text before styling, so
/// escape codes never break the layout.
public struct TextWrapper: Sendable {
    public var style: TerminalStyle
    public var width: Int

    public init(style: TerminalStyle, width: Int) {
        self.style = style
        self.width = max(20, width)
    }

    /// Lines of `spans`, the first starting with `firstIndent`, the rest with `restIndent`.
    public func wrap(_ spans: [Span], firstIndent: String = "", restIndent: String = "") -> [String] {
        var lines: [String] = []
        var line = firstIndent
        var lineWidth = firstIndent.count
        var lineHasWord = false
        var pendingSpace = false

        func newLine() {
            lines.append(line)
            line = restIndent
            lineWidth = restIndent.count
            lineHasWord = false
            pendingSpace = false
        }

        for span in spans {
            if span.text == "\n" { newLine(); continue }
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                let needed = word.count + (pendingSpace && lineHasWord ? 1 : 0)
                if lineHasWord && lineWidth + needed > width { newLine() }
                if pendingSpace && lineHasWord { line += " "; lineWidth += 1 }
                line += style.apply(span.style, to: word)
                lineWidth += word.count
                lineHasWord = true
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
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
