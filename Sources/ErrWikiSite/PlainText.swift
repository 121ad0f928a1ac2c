/// Text for places that take no markup (`<meta name=description>`, JSON-LD, search snippets): rendered
/// HTML with its tags dropped, the entities cmark writes decoded and whitespace runs collapsed. The
/// result is escaped again where it is used. Works on UTF-8 bytes (called for every card and answer).
enum PlainText {
    static func fromHTML(_ html: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        var pendingSpace = false
        var bytes = Substring(html).utf8[...]
        func emit(_ byte: UInt8) {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.append(UInt8(ascii: " ")); pendingSpace = false }
            out.append(byte)
        }
        while let byte = bytes.popFirst() {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
                continue
            }
            if byte == UInt8(ascii: "<") { inTag = true; continue }
            if byte == UInt8(ascii: "&"), let semicolon = bytes.prefix(10).firstIndex(of: UInt8(ascii: ";")),
               let decoded = decode(String(decoding: bytes[..<semicolon], as: UTF8.self)) {
                for character in decoded.utf8 { emit(character) }
                bytes = bytes[bytes.index(after: semicolon)...]
                continue
            }
            emit(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func decode(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39": return "'"
        default:
            let number: UInt32?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                number = UInt32(name.dropFirst(2), radix: 16)
            } else if name.hasPrefix("#") {
                number = UInt32(name.dropFirst())
            } else {
                number = nil
            }
            return number.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
