import CCmarkGFM

extension MarkdownRenderer {
    /// Parses Markdown into Swift values. Raw HTML is dropped, as in the HTML output.
    /// Blocks nested deeper than `MarkdownTreeBuilder.maximumDepth` become plain paragraphs of their
    /// text, so hostile nesting cannot exhaust the stack.
    package static func document(_ markdown: String) -> [MarkdownBlock] {
        withParsedDocument(markdown) { document in
            MarkdownTreeBuilder().blocks(of: document, depth: 0)
        }
    }
}

/// Walks cmark's tree (under the bridge's lock) into `MarkdownBlock` values.
struct MarkdownTreeBuilder {
    static let maximumDepth = 24

    func blocks(of parent: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        children(of: parent).compactMap { block($0, depth: depth) }
    }

    private func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        let type = cmark_node_get_type(node)
        if depth >= Self.maximumDepth {
            let text = plainText(of: node)
            return text.isEmpty ? nil : .paragraph([.text(text)])
        }
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(language: string(cmark_node_get_fence_info(node)), code: literal(node))
        case CMARK_NODE_LIST:
            let start = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? Int(cmark_node_get_list_start(node)) : nil
            let items = children(of: node).map { item -> MarkdownListItem in
                let isTask = cmark_node_get_type_string(item).map { String(cString: $0) } == "tasklist"
                return MarkdownListItem(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                                        blocks: blocks(of: item, depth: depth + 1))
            }
            return .list(start: start, items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(blocks(of: node, depth: depth + 1))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case errwiki_node_table():
            let rows = children(of: node).map { row in children(of: row).map { inlines(of: $0) } }
            guard let header = rows.first else { return nil }
            return .table(header: header, rows: Array(rows.dropFirst()))
        default:
            // Raw HTML blocks are omitted, as the HTML renderer omits them.
            return nil
        }
    }

    private func inlines(of parent: OpaquePointer) -> [MarkdownInline] {
        children(of: parent).compactMap(inline)
    }

    private func inline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK: return .link(destination: string(cmark_node_get_url(node)), inlines(of: node))
        case CMARK_NODE_IMAGE: return .image(source: string(cmark_node_get_url(node)), alt: plainText(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case errwiki_node_strikethrough(): return .strikethrough(inlines(of: node))
        default: return nil  // raw inline HTML
        }
    }

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

    /// The text of a subtree, walked iteratively (used below the depth limit).
    private func plainText(of root: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(root) else { return "" }
        defer { cmark_iter_free(iterator) }
        var parts: [String] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK: parts.append(literal(node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: parts.append(" ")
            default: continue
            }
        }
        return parts.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
