import ErrWikiKit
import ErrWikiMarkdown

/// The article body as HTML for the page: cmark-gfm's rendering (unsafe HTML off), with every heading
/// given an id and a link to itself, and moved below the page's own `h2` sections (`#` and `##` become
/// `h3`, `###` becomes `h4`, …: the page has one `h1`, the title),
/// and tables wrapped so they scroll sideways on a phone instead of widening the page.
///
/// The edit works on cmark's output as text. That is sound because cmark never passes raw HTML
/// through: a `<h2>` the author typed comes out as `&lt;h2&gt;`, so every tag found here is cmark's.
enum BodyHTML {
    static func render(_ markdown: String, usedIDs: inout Set<String>) -> String {
        let html = MarkdownRenderer.blockHTML(markdown, sourcePositions: false)
        return decorate(html, usedIDs: &usedIDs)
    }

    /// Works on UTF-8 bytes: a body is searched for every `<`, and String searching is many times slower.
    static func decorate(_ html: String, usedIDs: inout Set<String>) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var position = 0
        let lessThan = UInt8(ascii: "<")
        while position < bytes.count {
            guard let open = bytes[position...].firstIndex(of: lessThan) else {
                out += bytes[position...]
                break
            }
            out += bytes[position..<open]
            if let (level, inner, after) = heading(in: bytes, at: open) {
                let shown = min(6, max(level + 1, 3))
                let innerText = String(decoding: bytes[inner], as: UTF8.self)
                let id = uniqueID(for: Substring(innerText), usedIDs: &usedIDs)
                out += Array("<h\(shown) id=\"\(id)\">".utf8)
                out += bytes[inner]
                out += Array(" <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(shown)>".utf8)
                position = after
            } else if starts(bytes, at: open, with: tableOpen) {
                out += Array("<div class=\"table-wrap\"><table>".utf8)
                position = open + tableOpen.count
            } else if starts(bytes, at: open, with: tableClose) {
                out += Array("</table></div>".utf8)
                position = open + tableClose.count
            } else {
                out.append(lessThan)
                position = open + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let tableOpen = Array("<table>".utf8)
    private static let tableClose = Array("</table>".utf8)

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    /// `<hN>…</hN>` at `index`: the level, the range of the inner HTML and the index after the close tag.
    private static func heading(in bytes: [UInt8], at index: Int) -> (Int, Range<Int>, Int)? {
        guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">")
        else { return nil }
        let close = Array("</h".utf8) + [bytes[index + 2], UInt8(ascii: ">")]
        var cursor = index + 4
        while cursor + close.count <= bytes.count {
            if bytes[cursor] == UInt8(ascii: "<") && starts(bytes, at: cursor, with: close) {
                return (Int(bytes[index + 2] - UInt8(ascii: "0")), (index + 4)..<cursor, cursor + close.count)
            }
            cursor += 1
        }
        return nil
    }

    /// A readable id from the heading's text, made unique on the page with `-2`, `-3`….
    static func uniqueID(for innerHTML: Substring, usedIDs: inout Set<String>) -> String {
        let base = "h-" + ArticleID.suggestion(from: PlainText.fromHTML(String(innerHTML)))
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        return id
    }

}
