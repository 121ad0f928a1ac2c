import Foundation
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

    static func decorate(_ html: String, usedIDs: inout Set<String>) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let open = rest.range(of: "<") {
            out += rest[..<open.lowerBound]
            rest = rest[open.lowerBound...]
            if let (level, inner, after) = heading(at: rest) {
                let shown = min(6, max(level + 1, 3))
                let id = uniqueID(for: inner, usedIDs: &usedIDs)
                out += "<h\(shown) id=\"\(id)\">\(inner) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(shown)>"
                rest = after
            } else if rest.hasPrefix("<table>") {
                out += "<div class=\"table-wrap\"><table>"
                rest = rest.dropFirst("<table>".count)
            } else if rest.hasPrefix("</table>") {
                out += "</table></div>"
                rest = rest.dropFirst("</table>".count)
            } else {
                out += "<"
                rest = rest.dropFirst()
            }
        }
        out += rest
        return out
    }

    /// `<hN>…</hN>` at the start of `text`: the level, the inner HTML and what follows.
    private static func heading(at text: Substring) -> (Int, Substring, Substring)? {
        let bytes = Array(text.utf8.prefix(4))
        guard bytes.count == 4, bytes[1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[2]),
              bytes[3] == UInt8(ascii: ">") else { return nil }
        let level = Int(bytes[2] - UInt8(ascii: "0"))
        let body = text.dropFirst(4)
        guard let close = body.range(of: "</h\(level)>") else { return nil }
        return (level, body[..<close.lowerBound], body[close.upperBound...])
    }

    /// A readable id from the heading's text, made unique on the page with `-2`, `-3`….
    static func uniqueID(for innerHTML: Substring, usedIDs: inout Set<String>) -> String {
        let base = "h-" + ArticleID.suggestion(from: plainText(innerHTML))
        var id = base
        var suffix = 2
        while usedIDs.contains(id) {
            id = "\(base)-\(suffix)"
            suffix += 1
        }
        usedIDs.insert(id)
        return id
    }

    /// The text of some HTML: tags dropped, the entities cmark writes decoded.
    private static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
