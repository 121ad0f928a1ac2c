import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Renders GitHub-Flavored Markdown to HTML through Debian's libcmark-gfm.
///
/// Extensions: table, strikethrough, autolink, tagfilter, tasklist. Raw HTML is never passed through
/// (cmark-gfm's default "safe" mode: it becomes `<!-- raw HTML omitted -->` and `javascript:` links
/// are emptied). Source positions are on, so every block carries `data-sourcepos`.
///
/// The library keeps a process-global table of special characters that inline parsing edits, so two
/// threads parsing at once silently lose strikethrough and autolinks. Every call into cmark therefore
/// runs under one process-wide lock; callers may use this type from any thread or task.
package enum MarkdownRenderer {
    /// The options every render uses. Unsafe HTML stays off.
    static let options: Int32 = CMARK_OPT_SOURCEPOS

    /// The GFM extensions attached to every parser, in cmark-gfm's CLI order.
    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders a whole Markdown document (the article body) to block HTML.
    /// `sourcePositions: false` leaves out the `data-sourcepos` attributes (the site does not need them).
    package static func blockHTML(_ markdown: String, sourcePositions: Bool = true) -> String {
        withDocument(markdown) { document, extensions in
            renderHTML(document, extensions, options: sourcePositions ? options : CMARK_OPT_DEFAULT)
        }
    }

    /// Renders a one-line Markdown field (summary, a cause, a key detail) without the wrapping `<p>`.
    ///
    /// Text that happens to parse as block syntax (`# 5 retries`, `1. first`) keeps its inline content:
    /// the inline children of every paragraph and heading are rendered and joined with a space.
    package static func inlineHTML(_ markdown: String) -> String {
        withDocument(markdown) { document, extensions in
            var parts: [String] = []
            forEachNode(in: document) { node in
                switch cmark_node_get_type(node) {
                case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                    var html = ""
                    var child = cmark_node_first_child(node)
                    while let current = child {
                        html += renderHTML(current, extensions)
                        child = cmark_node_next(current)
                    }
                    parts.append(html)
                    return false
                case CMARK_NODE_CODE_BLOCK:
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    parts.append("<code>" + HTMLEscaping.escape(literal.trimmingTrailingNewlines()) + "</code>")
                    return false
                default:
                    return true
                }
            }
            return parts.joined(separator: " ")
        }
    }
}

extension MarkdownRenderer {
    /// One lock for every use of the library (see the type's documentation).
    private static let lock = Mutex(())

    /// Registers the core extensions exactly once (two threads doing it at once can abort).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `markdown` with every extension attached and hands the document to `body`.
    /// The parser and document are freed before this returns; no cmark pointer leaves it.
    static func withParsedDocument<Result>(_ markdown: String, _ body: (OpaquePointer) -> Result) -> Result {
        withDocument(markdown) { document, _ in body(document) }
    }

    private static func withDocument<Result>(
        _ markdown: String,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Result
    ) -> Result {
        lock.withLock { _ in
            _ = registered
            // cmark_parser_new only fails when malloc does, which cmark itself treats as fatal.
            let parser = cmark_parser_new(options)!
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            var text = markdown
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    cmark_parser_feed(parser, chars.baseAddress, chars.count)
                }
            }
            let document = cmark_parser_finish(parser)!
            defer { cmark_node_free(document) }
            return body(document, cmark_parser_get_syntax_extensions(parser))
        }
    }

    /// Renders one node (and its subtree) to HTML and frees cmark's buffer.
    private static func renderHTML(_ node: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?, options: Int32 = options) -> String {
        guard let rendered = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Depth-first walk; `visit` returns whether to descend into the node's children.
    /// Iterative, so a list nested ten thousand levels deep cannot overflow the stack.
    private static func forEachNode(in root: OpaquePointer, _ visit: (OpaquePointer) -> Bool) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var skipUntilExit: OpaquePointer?
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if let skipped = skipUntilExit {
                if event == CMARK_EVENT_EXIT && node == skipped { skipUntilExit = nil }
                continue
            }
            if event == CMARK_EVENT_ENTER && !visit(node) {
                // Leaf nodes have no EXIT event.
                if cmark_node_first_child(node) != nil { skipUntilExit = node }
            }
        }
    }
}
