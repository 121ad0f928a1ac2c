/// Text for places that take no markup (`<meta name=description>`, JSON-LD, search snippets): rendered
/// HTML with its tags dropped and cmark's entities decoded. The result is escaped again where it is used.
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        var entity: String?
        for character in html {
            if var pending = entity {
                if character == ";" {
                    text += decode(pending)
                    entity = nil
                } else if pending.count > 10 || character == "&" || character == "<" {
                    text += "&" + pending
                    entity = character == "&" ? "" : nil
                    if character == "<" { inTag = true }
                } else {
                    pending.append(character)
                    entity = pending
                }
                continue
            }
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            case "&" where !inTag: entity = ""
            default: if !inTag { text.append(character) }
            }
        }
        if let pending = entity { text += "&" + pending }
        return collapsingWhitespace(text)
    }

    private static func decode(_ name: String) -> String {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                return String(Character(scalar))
            }
            return "&" + name + ";"
        }
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
