import ErrWikiMarkdown

/// Renders compiled templates against `[String: Any]` contexts: a name is looked up from the
/// innermost section value outwards, as in Mustache.
struct TemplateRenderer {
    let templates: [String: PageTemplate]

    func render(_ name: String, _ context: [String: Any]) -> String {
        guard let template = templates[name] else { return "" }
        var out = ""
        var stack: [Any] = [context]
        render(template.nodes, &stack, into: &out)
        return out
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout [Any], into out: inout String) {
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
                    if flag { render(children, &stack, into: &out) }
                case let list as [Any]:
                    for item in list {
                        stack.append(item)
                        render(children, &stack, into: &out)
                        stack.removeLast()
                    }
                case let string as String where string.isEmpty:
                    continue
                case let number as Int where number == 0:
                    continue
                default:
                    stack.append(value)
                    render(children, &stack, into: &out)
                    stack.removeLast()
                }
            case .invertedSection(let path, let children):
                if !Self.isTruthy(lookup(path, in: stack)) { render(children, &stack, into: &out) }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial.nodes, &stack, into: &out)
                } else {
                    var inner = ""
                    render(partial.nodes, &stack, into: &inner)
                    Self.indent(inner, by: indentation, into: &out)
                }
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

    /// Prefixes every line of a standalone partial's output with the partial tag's indentation.
    private static func indent(_ text: String, by indentation: String, into out: inout String) {
        var atLineStart = true
        for character in text {
            if atLineStart { out += indentation }
            out.append(character)
            atLineStart = character == "\n"
        }
    }
}
