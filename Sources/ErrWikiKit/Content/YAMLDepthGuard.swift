/// Refuses front matter nested deeper than any article needs, before the YAML parser recurses into it.
///
/// The estimate per line is its indentation, plus compact `- - -` sequence markers, plus the open
/// `[`/`{` flow brackets (outside quotes and comments). It over-counts rather than under-counts;
/// real articles stay far below the limit.
enum YAMLDepthGuard {
    static let limit = 200

    /// The 1-based YAML line and column where nesting first exceeds `limit`, or nil.
    static func firstTooDeep(_ yaml: String) -> (line: Int, column: Int)? {
        var flowDepth = 0
        var line = 1, column = 0
        var atLineStart = true, inComment = false
        var indent = 0, dashes = 0
        var quote: UInt8?
        var previous: UInt8 = 0x0A
        for byte in yaml.utf8 {
            column += 1
            defer { previous = byte }
            if byte == 0x0A {
                line += 1; column = 0
                atLineStart = true; inComment = false; indent = 0; dashes = 0
                continue
            }
            if inComment { continue }
            if let open = quote {
                if byte == open && previous != UInt8(ascii: "\\") { quote = nil }
                continue
            }
            if atLineStart && (byte == 0x20 || byte == UInt8(ascii: "-")) {
                if byte == 0x20 { indent += 1 } else { dashes += 1 }
            } else {
                atLineStart = false
                let scalarCanStart = [0x20, 0x0A, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":")].contains(previous)
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"): flowDepth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): flowDepth = max(0, flowDepth - 1)
                case UInt8(ascii: "'") where scalarCanStart, UInt8(ascii: "\"") where scalarCanStart: quote = byte
                case UInt8(ascii: "#") where previous == 0x20 || previous == 0x0A: inComment = true
                default: break
                }
            }
            if indent + dashes + flowDepth > limit { return (line, column) }
        }
        return nil
    }
}
