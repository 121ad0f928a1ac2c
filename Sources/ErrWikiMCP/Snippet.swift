import Foundation

/// A summary shortened for a result list: Markdown emphasis dropped, whitespace collapsed, cut at a
/// word near `limit` characters.
enum Snippet {
    static func make(_ markdown: String, limit: Int = 240) -> String {
        let plain = markdown.replacingOccurrences(of: "**", with: "")
        let words = plain.split(whereSeparator: \.isWhitespace)
        var text = ""
        for word in words {
            if text.count + word.count + 1 > limit { return text + " …" }
            text += text.isEmpty ? String(word) : " " + word
        }
        return text
    }
}
