/// Inline HTML with its links unwrapped, their text kept: for a FAQ question, which is the text of a
/// `<summary>`, itself the control that opens the answer. A link inside it (the autolink extension
/// makes one of `git@github.com`) would be a control inside a control.
///
/// Sound on cmark's output for the reason `BodyHTML` gives: every tag in it is cmark's, and inside a
/// tag cmark escapes `>`.
enum UnlinkedHTML {
    static func from(_ html: String) -> String {
        guard html.contains("<a ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let less = rest.firstIndex(of: "<") {
            out += rest[..<less]
            let tail = rest[less...]
            if tail.hasPrefix("<a ") || tail.hasPrefix("</a>"), let end = tail.firstIndex(of: ">") {
                rest = tail[tail.index(after: end)...]
            } else {
                out.append("<")
                rest = tail.dropFirst()
            }
        }
        return out + rest
    }
}
