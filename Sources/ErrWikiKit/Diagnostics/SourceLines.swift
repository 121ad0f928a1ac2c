import Foundation

/// Reads the lines of a text file for diagnostic excerpts, tolerating invalid UTF-8, BOM and CRLF.
enum SourceLines {
    static func lines(ofFile path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        return lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }

    /// The 1-based line `number` of `lines`, if there is one.
    static func line(_ number: Int, of lines: [String]?) -> String? {
        guard let lines, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
