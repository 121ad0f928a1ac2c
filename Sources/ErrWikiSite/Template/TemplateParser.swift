/// Compiles template text: tokens first, then the spec's standalone rule (a line holding only
/// whitespace and one section, inverted-section, closing, comment or partial tag disappears, and a
/// standalone partial indents its output by that whitespace), then the section tree.
enum TemplateParser {
    private enum TagKind { case variable, raw, section, inverted, close, comment, partial }

    private enum Token {
        case text(String)
        case newline(String)
        case tag(TagKind, String, line: Int, column: Int)
        /// A standalone partial's indentation, moved onto the partial.
        case indentedPartial(String, indentation: String, line: Int, column: Int)
    }

    static func parse(_ text: String) throws(TemplateError) -> [TemplateNode] {
        let tokens = applyStandaloneRule(try tokenize(text))
        var position = 0
        let nodes = try build(tokens, &position, closing: nil)
        return nodes
    }

    // MARK: - Tokens

    private static func tokenize(_ text: String) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            // Split at newlines: the standalone rule works line by line.
            var start = textStart
            var cursor = textStart
            while cursor < end {
                if bytes[cursor] == UInt8(ascii: "\n") {
                    if cursor > start { tokens.append(.text(String(decoding: bytes[start..<cursor], as: UTF8.self))) }
                    tokens.append(.newline("\n"))
                    start = cursor + 1
                }
                cursor += 1
            }
            if end > start { tokens.append(.text(String(decoding: bytes[start..<end], as: UTF8.self))) }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            let contentStart = index + (triple ? 3 : 2)
            guard let end = find(closing, in: bytes, from: contentStart) else {
                throw TemplateError(line: line, column: column, message: "unclosed tag")
            }
            // `{{ #name }}` means `{{#name}}`: whitespace before the sigil is allowed, as after it.
            var content = String(decoding: bytes[contentStart..<end], as: UTF8.self).trimmingWhitespace()
            var kind: TagKind = triple ? .raw : .variable
            if !triple, let first = content.first {
                switch first {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case "!": kind = .comment
                case ">": kind = .partial
                case "&": kind = .raw
                case "{", "=", "<", "$":
                    throw TemplateError(line: line, column: column, message: "`{{\(first)` is not supported by errwiki templates")
                default: break
                }
                if kind != .variable { content.removeFirst() }
            }
            let name = content.trimmingWhitespace()
            if kind != .comment && (name.isEmpty || name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" })) {
                throw TemplateError(line: line, column: column, message: "`\(name)` is not a valid name")
            }
            tokens.append(.tag(kind, name, line: line, column: column))
            // Newlines inside a tag (comments) still count for positions.
            for byte in bytes[index..<end] where byte == UInt8(ascii: "\n") { line += 1 }
            index = end + closing.count
            textStart = index
            if let lastNewline = bytes[..<index].lastIndex(of: UInt8(ascii: "\n")), lastNewline >= lineStart { lineStart = lastNewline + 1 }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Standalone lines

    private static func applyStandaloneRule(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        var lineStart = 0
        var index = 0
        while index <= tokens.count {
            let atEnd = index == tokens.count
            if atEnd || { if case .newline = tokens[index] { return true } else { return false } }() {
                let line = Array(tokens[lineStart..<index])
                var tags: [Token] = []
                var whitespace = ""
                var onlySpace = true
                for token in line {
                    switch token {
                    case .text(let text):
                        if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { if tags.isEmpty { whitespace += text } } else { onlySpace = false }
                    case .tag(let kind, _, _, _):
                        if kind == .variable || kind == .raw { onlySpace = false }
                        tags.append(token)
                    default: break
                    }
                }
                if onlySpace, tags.count == 1, case .tag(let kind, let name, let line, let column) = tags[0] {
                    if kind == .partial {
                        out.append(.indentedPartial(name, indentation: whitespace, line: line, column: column))
                    } else {
                        out.append(.tag(kind, name, line: line, column: column))
                    }
                    // The newline goes with the line.
                } else {
                    out += line
                    if !atEnd { out.append(tokens[index]) }
                }
                lineStart = index + 1
            }
            index += 1
        }
        return out
    }

    // MARK: - Tree

    private static func build(_ tokens: [Token], _ position: inout Int, closing: (name: String, line: Int, column: Int)?) throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .text(let text), .newline(let text):
                if case .text(let previous)? = nodes.last {
                    nodes[nodes.count - 1] = .text(previous + text)
                } else {
                    nodes.append(.text(text))
                }
            case .indentedPartial(let name, let indentation, let line, let column):
                nodes.append(.partial(name, indentation: indentation, line: line, column: column))
            case .tag(let kind, let name, let line, let column):
                switch kind {
                case .variable: nodes.append(.variable(path(name), escaped: true))
                case .raw: nodes.append(.variable(path(name), escaped: false))
                case .comment: break
                case .partial: nodes.append(.partial(name, indentation: "", line: line, column: column))
                case .section, .inverted:
                    let children = try build(tokens, &position, closing: (name, line, column))
                    nodes.append(kind == .section ? .section(path(name), children) : .invertedSection(path(name), children))
                case .close:
                    guard let closing else { throw TemplateError(line: line, column: column, message: "`{{/\(name)}}` closes nothing") }
                    guard closing.name == name else {
                        throw TemplateError(line: line, column: column, message: "`{{/\(name)}}` closes `{{#\(closing.name)}}` (line \(closing.line))")
                    }
                    return nodes
                }
            }
        }
        if let closing { throw TemplateError(line: closing.line, column: closing.column, message: "`{{#\(closing.name)}}` is never closed") }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
