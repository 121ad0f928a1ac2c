import ErrWikiKit
import ErrWikiMarkdown

/// The article body as HTML for the page: cmark-gfm's rendering (unsafe HTML off), with every heading
/// given an id and a link to itself, and moved below the page's own `h2` sections (`#` and `##` become
/// `h3`, `###` becomes `h4`, …: the page has one `h1`, the title),
/// tables wrapped so they scroll sideways on a phone instead of widening the page, and those wrappers
/// and code blocks made focusable, so a keyboard can scroll one that is wider than the page (a
/// wrapper is a region named after its header row, so that what takes the focus has a role and a name).
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
                let label = HTMLEscaping.escape(tableLabel(in: bytes, at: open))
                out += Array("<div class=\"table-wrap\" role=\"region\" aria-label=\"\(label)\" tabindex=\"0\"><table>".utf8)
                position = open + tableOpen.count
            } else if starts(bytes, at: open, with: tableClose) {
                out += Array("</table></div>".utf8)
                position = open + tableClose.count
            } else if starts(bytes, at: open, with: preOpen) {
                out += Array("<pre tabindex=\"0\">".utf8)
                position = open + preOpen.count
            } else {
                out.append(lessThan)
                position = open + 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let tableOpen = Array("<table>".utf8)
    private static let tableClose = Array("</table>".utf8)
    private static let preOpen = Array("<pre>".utf8)
    private static let headClose = Array("</thead>".utf8)

    /// "Table: Signal, Number, Exit status": the header cells of the table at `index` as text
    /// (cmark writes a header row for every table).
    private static func tableLabel(in bytes: [UInt8], at index: Int) -> String {
        guard let close = firstIndex(of: headClose, in: bytes, from: index),
              firstIndex(of: tableClose, in: bytes, from: index).map({ close < $0 }) ?? false else { return "Table" }
        let cells = String(decoding: bytes[index..<close], as: UTF8.self).split(separator: "</th>")
            .map { PlainText.fromHTML(String($0)) }.filter { !$0.isEmpty }
        return cells.isEmpty ? "Table" : "Table: " + cells.joined(separator: ", ")
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while let next = bytes[cursor...].firstIndex(of: needle[0]) {
            if starts(bytes, at: next, with: needle) { return next }
            cursor = next + 1
        }
        return nil
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: [UInt8]) -> Bool {
        index + prefix.count <= bytes.count && bytes[index..<index + prefix.count].elementsEqual(prefix)
    }

    /// `<hN>…</hN>` at `index`: the level, the range of the inner HTML and the index after the close tag.
    private static func heading(in bytes: [UInt8], at index: Int) -> (Int, Range<Int>, Int)? {
        guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
              (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">")
        else { return nil }
        let close = Array("</h".utf8) + [bytes[index + 2], UInt8(ascii: ">")]
        guard let end = firstIndex(of: close, in: bytes, from: index + 4) else { return nil }
        return (Int(bytes[index + 2] - UInt8(ascii: "0")), (index + 4)..<end, end + close.count)
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
