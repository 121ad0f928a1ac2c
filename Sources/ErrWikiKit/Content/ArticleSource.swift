/// A content file split into its parts: the YAML between the `---` lines and the Markdown body.
///
/// Works on UTF-8 bytes: "\r\n" is one Swift `Character`, so splitting a `String` on "\n" misses CRLF lines.
struct ArticleSource {
    /// The front matter, CRLF normalised to LF.
    var yaml: String
    /// The file line of the first YAML line (the line after the opening `---`).
    var yamlLine: Int
    /// The body, CRLF normalised to LF.
    var body: String
    /// The file line the body starts on.
    var bodyLine: Int

    /// Splits the bytes of `path`; returns the file-level problems instead when it cannot.
    static func split(_ bytes: [UInt8], path: String) -> Result<ArticleSource, Diagnostic> {
        let start = SourceLocation(file: path, line: 1, column: 1)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(Diagnostic(.emptyFile, at: start, "file is empty",
                                       hint: "an article starts with a line `---`, its YAML fields, then another `---`"))
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            let location = UTF8Validation.location(ofByte: bad, in: bytes, file: path)
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return .failure(Diagnostic(.invalidUTF8, at: location,
                                       "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(bad))",
                                       hint: "save the file as UTF-8"))
        }
        var text = bytes[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        let lines = splitLines(text)

        guard let first = lines.first, isDelimiter(first) else {
            return .failure(Diagnostic(.missingFrontMatter, at: start, "file does not start with front matter",
                                       hint: "did you forget the opening `---`? Put `---` on the first line, the YAML fields, then `---`"))
        }
        guard let close = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            return .failure(Diagnostic(.unclosedFrontMatter, at: start, "front matter is not closed",
                                       hint: "add a line `---` after the last field, before the article body"))
        }
        let yaml = join(lines[1..<close])
        let body = join(lines[(close + 1)...])
        return .success(ArticleSource(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2))
    }

    /// Lines without their terminator; a trailing "\r" is dropped (CRLF files).
    private static func splitLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append(trimCR(bytes[lineStart..<index]))
            lineStart = index + 1
        }
        lines.append(trimCR(bytes[lineStart...]))
        return lines
    }

    private static func trimCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 0x0D ? line.dropLast() : line
    }

    /// `---`, optionally followed by spaces or tabs.
    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: [0x2D, 0x2D, 0x2D]) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The lines joined with "\n": the original text, with CRLF turned into LF.
    private static func join(_ lines: ArraySlice<ArraySlice<UInt8>>) -> String {
        var joined: [UInt8] = []
        joined.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for (offset, line) in lines.enumerated() {
            if offset > 0 { joined.append(0x0A) }
            joined.append(contentsOf: line)
        }
        return String(decoding: joined, as: UTF8.self)
    }
}
