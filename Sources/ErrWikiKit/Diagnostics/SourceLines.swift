import Foundation

/// Reads one line of a text file for diagnostic excerpts, tolerating invalid UTF-8, BOM and CRLF.
enum SourceLines {
    static func line(_ number: Int, ofFile path: String) -> String? {
        guard number >= 1, let data = FileManager.default.contents(atPath: path) else { return nil }
        var current = 1
        var start = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if current == number { return decode(data[start..<index]) }
            current += 1
            start = index + 1
        }
        return current == number && start < data.endIndex ? decode(data[start...]) : nil
    }

    private static func decode(_ bytes: Data) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
