import Foundation

/// Looks through built HTML for anything a browser could run: script elements other than the theme's
/// own files and JSON-LD, event-handler attributes, script-capable elements, and `javascript:`,
/// `vbscript:` or `data:` URLs. Works on the tags as written, which is enough because the site
/// never writes raw `<` in text (it escapes it), so every `<` begins a real tag.
public enum HTMLAudit {
    /// The theme's scripts and the search data's manifest (its other files are inserted by `assets/search.js`).
    static let allowedScriptSources: Set<String> = ["assets/site.js", "assets/ranking.js", "assets/search.js", "search/index.js"]
    static let forbiddenElements: Set<String> = ["iframe", "object", "embed", "style", "svg", "math", "base", "form-action", "frame", "frameset", "applet", "meta-refresh"]

    public static func problems(in html: String, file: String) -> [String] {
        var problems: [String] = []
        let tag = try! NSRegularExpression(pattern: "<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
        let attribute = try! NSRegularExpression(pattern: "\\s([^\\s=\"'>/]+)(?:=\"([^\"]*)\"|='([^']*)'|=([^\\s>]+))?")
        let text = html as NSString
        for match in tag.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let name = text.substring(with: match.range(at: 1)).lowercased()
            let rest = text.substring(with: match.range(at: 2))
            var attributes: [String: String] = [:]
            let restText = rest as NSString
            for found in attribute.matches(in: rest, range: NSRange(location: 0, length: restText.length)) {
                let key = restText.substring(with: found.range(at: 1)).lowercased()
                var value = ""
                for group in 2...4 where found.range(at: group).location != NSNotFound { value = restText.substring(with: found.range(at: group)) }
                attributes[key] = value
                if key.hasPrefix("on") { problems.append("\(file): event handler \(key) on <\(name)>") }
            }
            if forbiddenElements.contains(name) { problems.append("\(file): <\(name)> element") }
            for key in ["href", "src", "action", "formaction", "xlink:href", "srcdoc"] {
                guard let value = attributes[key] else { continue }
                let decoded = decodeCharacterReferences(value).lowercased().filter { !$0.isWhitespace && !($0.asciiValue.map { $0 < 0x20 } ?? false) }
                if decoded.hasPrefix("javascript:") || decoded.hasPrefix("vbscript:") || decoded.hasPrefix("data:") {
                    problems.append("\(file): \(key)=\"\(value)\" on <\(name)>")
                }
            }
            if name == "script" {
                let source = attributes["src"].map { $0.replacingOccurrences(of: "../", with: "") }
                if let source, allowedScriptSources.contains(source) { continue }
                if attributes["type"] == "application/ld+json", source == nil { continue }
                problems.append("\(file): <script\(rest)>")
            }
        }
        // JSON-LD bodies: nothing in them may end the element early.
        let jsonLD = try! NSRegularExpression(pattern: "<script type=\"application/ld\\+json\">(.*?)</script>", options: [.dotMatchesLineSeparators])
        for match in jsonLD.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let body = text.substring(with: match.range(at: 1))
            if body.contains("<") || body.contains("\u{2028}") { problems.append("\(file): JSON-LD contains < or U+2028") }
            if (try? JSONSerialization.jsonObject(with: Data(body.utf8))) == nil { problems.append("\(file): JSON-LD is not valid JSON") }
        }
        return problems
    }


    /// `&#10;`, `&#x6A;` and `&colon;`-free numeric references decoded, as a browser does in an attribute.
    static func decodeCharacterReferences(_ value: String) -> String {
        let reference = try! NSRegularExpression(pattern: "&#([xX][0-9a-fA-F]+|[0-9]+);?")
        var out = value
        for match in reference.matches(in: value, range: NSRange(location: 0, length: (value as NSString).length)).reversed() {
            let digits = (value as NSString).substring(with: match.range(at: 1))
            let number = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            let character = number.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            out = (out as NSString).replacingCharacters(in: match.range, with: character)
        }
        return out.replacingOccurrences(of: "&colon;", with: ":")
    }
}
