/// Splits a file's bytes into lines for diagnostic excerpts, tolerating invalid UTF-8, BOM and CRLF.
/// The bytes come through `ContentRoot.read`: an excerpt is never read from outside the content.
enum SourceLines {
    static func lines(of bytes: [UInt8]) -> [String] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }

    /// The lines of the file a diagnostic names, when it is a file under one of `roots`.
    static func lines(ofFile file: String, in roots: ContentRoots) -> [String]? {
        roots.locate(displayed: file).flatMap { $0.root.read($0.relative) }.map(lines(of:))
    }

    /// The 1-based line `number` of `lines`, if there is one.
    static func line(_ number: Int, of lines: [String]?) -> String? {
        guard let lines, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
