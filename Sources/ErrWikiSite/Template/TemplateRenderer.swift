import ErrWikiMarkdown

/// Renders compiled templates against `[String: Any]` contexts: a name is looked up from the
/// innermost section value outwards, as in Mustache.
struct TemplateRenderer {
    let templates: [String: PageTemplate]

    /// A partial that includes itself stops here instead of overflowing the stack.
    static let partialDepthLimit = 32

    /// Checks that every partial a template names exists (a typo must not render as empty text), then
    /// adds the indented variant of every partial a template includes with indentation (and of the
    /// partials those include, with the combined indentation).
    init(templates: [String: PageTemplate]) throws(TemplateError) {
        for name in templates.keys.sorted() {
            for partial in templates[name]!.partials where templates[partial.name] == nil {
                throw TemplateError(line: partial.line, column: partial.column,
                                    message: "no partial `\(partial.name)`: the theme has no \(partial.name).mustache", template: name)
            }
        }
        var table = templates
        var pending = Array(templates.values)
        var rounds = 0
        while let template = pending.popLast(), rounds < 10_000 {
            rounds += 1
            for (name, indentation) in template.indentedPartials {
                let key = PageTemplate.variantKey(name, indentation: indentation)
                guard table[key] == nil, let partial = templates[name] else { continue }
                let variant: PageTemplate
                do {
                    variant = try partial.indented(by: indentation)
                } catch {
                    var located = error
                    located.template = name
                    throw located
                }
                table[key] = variant
                pending.append(variant)
            }
        }
        self.templates = table
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        guard let template = templates[name] else { return "" }
        var out = ""
        var stack: [Any] = [context]
        render(template.nodes, &stack, into: &out, depth: 0)
        return out
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout [Any], into out: inout String, depth: Int) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                let text: String
                switch value {
                case let string as String: text = string
                case let number as Int: text = String(number)
                case let flag as Bool: text = flag ? "true" : "false"
                default: continue
                }
                if escaped { Self.escape(text, into: &out) } else { out += text }
            case .section(let path, let children):
                guard let value = lookup(path, in: stack) else { continue }
                switch value {
                case let flag as Bool:
                    if flag { render(children, &stack, into: &out, depth: depth) }
                case let list as [Any]:
                    for item in list {
                        stack.append(item)
                        render(children, &stack, into: &out, depth: depth)
                        stack.removeLast()
                    }
                case let string as String where string.isEmpty:
                    continue
                case let number as Int where number == 0:
                    continue
                default:
                    stack.append(value)
                    render(children, &stack, into: &out, depth: depth)
                    stack.removeLast()
                }
            case .invertedSection(let path, let children):
                if !Self.isTruthy(lookup(path, in: stack)) { render(children, &stack, into: &out, depth: depth) }
            case .partial(let name, let indentation, _, _):
                let key = indentation.isEmpty ? name : PageTemplate.variantKey(name, indentation: indentation)
                guard depth < Self.partialDepthLimit, let partial = templates[key] else { continue }
                render(partial.nodes, &stack, into: &out, depth: depth + 1)
            }
        }
    }

    private func lookup(_ path: [String], in stack: [Any]) -> Any? {
        if path.first == "." { return stack.last }
        guard let first = path.first else { return nil }
        var found: Any?
        for object in stack.reversed() {
            if let dictionary = object as? [String: Any], let value = dictionary[first] {
                found = value
                break
            }
        }
        for name in path.dropFirst() {
            guard let dictionary = found as? [String: Any] else { return nil }
            found = dictionary[name]
        }
        return found
    }

    private static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case nil: return false
        case let flag as Bool: return flag
        case let list as [Any]: return !list.isEmpty
        case let string as String: return !string.isEmpty
        case let number as Int: return number != 0
        default: return true
        }
    }

    /// HTML escaping of `& < > " '` (`&#39;` for the apostrophe, as swift-mustache wrote it); most
    /// values have none of them and are appended as they are.
    static func escape(_ text: String, into out: inout String) {
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        out += needsEscaping ? HTMLEscaping.escape(text) : text
    }
}
