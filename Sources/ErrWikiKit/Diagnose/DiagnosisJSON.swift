import Foundation

/// `diagnose --json`: `{"lines_read", "lines_matched", "matches": [{"id", "title", "severity", "count", "first_line",
/// "last_line", "lines": [{"number", "text"}]}]}` (with "file" on lines when several inputs were read).
package enum DiagnosisJSON {
    package static func encode(_ diagnosis: Diagnosis) -> String {
        let matches: [[String: Any]] = diagnosis.matches.map { match in
            var object: [String: Any] = [
                "id": match.article.id, "title": match.article.title, "severity": match.article.severity.rawValue,
                "count": match.count, "first_line": match.first.line, "last_line": match.last.line,
                "lines": match.lines.map { line -> [String: Any] in
                    var entry: [String: Any] = ["number": line.number, "text": line.text]
                    if let file = line.file { entry["file"] = file }
                    if !line.before.isEmpty || !line.after.isEmpty {
                        entry["before"] = line.before.map { ["number": $0.number, "text": $0.text] }
                        entry["after"] = line.after.map { ["number": $0.number, "text": $0.text] }
                    }
                    return entry
                },
            ]
            if let file = match.first.file { object["first_file"] = file }
            if let file = match.last.file { object["last_file"] = file }
            return object
        }
        let document: [String: Any] = ["lines_read": diagnosis.linesRead, "lines_matched": diagnosis.linesMatched, "matches": matches]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
