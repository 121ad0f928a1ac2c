/// A compiled Mustache template: the subset the theme uses (`{{name}}`, `{{{name}}}`, `{{& name}}`,
/// dotted names, `{{.}}`, sections, inverted sections, partials, comments), with the spec's
/// standalone-line rules. Values are the site's own contexts: `[String: Any]` dictionaries, arrays,
/// strings, integers and booleans, looked up by direct casts.
///
/// Why not swift-mustache, which the site used first: on a 10,000-article build its context lookups
/// (dynamic casts to protocols for every name at every level of the context stack) took about a
/// third of the build. This renders the same pages byte for byte (the golden tests were unchanged)
/// several times faster. `{{x}}` escapes `& < > " '` exactly as swift-mustache did.
struct PageTemplate: Sendable {
    let nodes: [TemplateNode]
    let source: String

    init(parsing text: String) throws(TemplateError) {
        nodes = try TemplateParser.parse(text)
        source = text
    }

    /// Every partial this template names, in source order, inside sections too (whether or not they
    /// render): `Theme` checks each exists when it loads, so a typo is an error, not empty text.
    var partials: [(name: String, indentation: String, line: Int, column: Int)] {
        var found: [(String, String, Int, Int)] = []
        func walk(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .partial(let name, let indentation, let line, let column): found.append((name, indentation, line, column))
                case .section(_, let children), .invertedSection(_, let children): walk(children)
                default: break
                }
            }
        }
        walk(nodes)
        return found
    }

    /// The names and indentations of the standalone partials this template includes with indentation.
    var indentedPartials: [(name: String, indentation: String)] {
        partials.filter { !$0.indentation.isEmpty }.map { ($0.name, $0.indentation) }
    }

    /// The key of a partial's indented variant in the template table.
    static func variantKey(_ name: String, indentation: String) -> String { name + "\u{0}" + indentation }

    /// Every line of the template source indented: the spec indents a standalone partial's own lines
    /// before rendering, so values inserted into it (a `<pre>` block, say) are left alone.
    func indented(by indentation: String) throws(TemplateError) -> PageTemplate {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let trailingNewline = lines.last == ""
        if trailingNewline { lines.removeLast() }
        let text = lines.map { indentation + $0 }.joined(separator: "\n") + (trailingNewline ? "\n" : "")
        return try PageTemplate(parsing: text)
    }
}

indirect enum TemplateNode: Sendable {
    case text(String)
    /// A name split on `.`; `["."]` is the current value.
    case variable([String], escaped: Bool)
    case section([String], [TemplateNode])
    case invertedSection([String], [TemplateNode])
    /// With the 1-based line and column of its tag.
    case partial(String, indentation: String, line: Int, column: Int)
}

/// A template that cannot be compiled, with the 1-based line and column of the problem.
struct TemplateError: Error, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int
    let message: String
    /// The template the problem is in, when the error is found across templates (a missing partial).
    var template: String?
    var description: String { "\(line):\(column): \(message)" }
}
