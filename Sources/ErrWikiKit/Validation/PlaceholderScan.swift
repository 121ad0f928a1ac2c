/// Finds placeholder text left in an article (`TODO`, `FIXME`, `TBD`, `XXX` as whole words).
///
/// `errwiki new` writes `TODO` markers; this warning keeps a half-written article from shipping
/// unnoticed (`check --strict` fails on it). Scans UTF-8 bytes: it runs on every file of every check.
enum PlaceholderScan {
    static let markers: [[UInt8]] = ["TODO", "FIXME", "TBD", "XXX"].map { Array($0.utf8) }

    static func findings(yaml: String, yamlLine: Int, body: String, bodyLine: Int, path: String) -> [Diagnostic] {
        scan(yaml, firstLine: yamlLine, path: path) + scan(body, firstLine: bodyLine, path: path)
    }

    /// One warning per line that holds a marker, at the first marker's column.
    private static func scan(_ text: String, firstLine: Int, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var text = text
        text.withUTF8 { bytes in
            var line = firstLine
            var lineStart = 0
            var reportedLine = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if line != reportedLine, byte == UInt8(ascii: "T") || byte == UInt8(ascii: "F") || byte == UInt8(ascii: "X"),
                          let marker = marker(at: index, in: bytes) {
                    let column = bytes[lineStart..<index].count { $0 & 0xC0 != 0x80 } + 1
                    found.append(Diagnostic(.placeholderText, .warning,
                                            at: SourceLocation(file: path, line: line, column: column),
                                            "placeholder `\(marker)` left in the article",
                                            hint: "replace it with real content before publishing"))
                    reportedLine = line
                }
                index += 1
            }
        }
        return found
    }

    /// The marker standing as a whole word at `index`, if any.
    private static func marker(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if index > 0 && isWordByte(bytes[index - 1]) { return nil }
        for marker in markers where index + marker.count <= bytes.count {
            guard bytes[index..<index + marker.count].elementsEqual(marker) else { continue }
            let end = index + marker.count
            if end < bytes.count && isWordByte(bytes[end]) { continue }
            return String(decoding: marker, as: UTF8.self)
        }
        return nil
    }

    /// ASCII letters, digits and `_`: what makes `TODOS` or `XXXL` not a marker.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}
