/// What a piece of terminal text is. Renderers say what, `TerminalStyle` decides how it looks.
package enum TextStyle: Sendable, Hashable {
    case title
    case heading
    case severity(Severity)
    case dim
    case code
    case command
    case emphasis
    case strong
    case strikethrough
    case link
    case bullet
    case label
}

/// The one place that knows ANSI escape codes. With colours off every style is plain text, so piped
/// output is byte-clean.
package struct TerminalStyle: Sendable {
    package var colors: Bool

    package init(colors: Bool) {
        self.colors = colors
    }

    package static let plain = TerminalStyle(colors: false)

    package func apply(_ style: TextStyle?, to text: String) -> String {
        guard colors, let style, !text.isEmpty, let code = Self.code(for: style) else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    static func code(for style: TextStyle) -> String? {
        switch style {
        case .title: return "1"
        case .heading: return "1;4"
        case .severity(.critical): return "1;97;41"
        case .severity(.high): return "1;31"
        case .severity(.medium): return "1;33"
        case .severity(.low): return "1;34"
        case .severity(.info): return "1;36"
        case .dim: return "2"
        case .code: return "36"
        case .command: return "1;32"
        case .emphasis: return "3"
        case .strong: return "1"
        case .strikethrough: return "9"
        case .link: return "4;34"
        case .bullet: return "2"
        case .label: return "1"
        }
    }
}

/// A run of text with one style.
package struct Span: Sendable, Hashable {
    package var text: String
    package var style: TextStyle?

    package init(_ text: String, _ style: TextStyle? = nil) {
        self.text = text
        self.style = style
    }
}
