/// Reads `synonyms.tsv`: a first line `# errwiki synonyms 1`, then one group a line, its phrases
/// separated by tabs; `#` starts a comment line. Every problem is a diagnostic at `file:line:column`;
/// a file with errors gives no table, so a half-read vocabulary never widens a search.
package enum SynonymParser {
    static let formatLine = "# errwiki synonyms 1"

    package static func parse(_ bytes: [UInt8], file: String) -> (table: SynonymTable?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.synonymSyntax, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [Diagnostic(.invalidUTF8, at: SourceLocation(file: file, line: 1, column: 1), "synonyms file is not valid UTF-8")])
        }
        var groups: [[[String]]] = []
        var firstLine: [String: Int] = [:]
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1 {
                if line != formatLine { problem(1, 1, "first line must be `\(formatLine)`") }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var group: [[String]] = []
            var column = 1
            for field in line.split(separator: "\t", omittingEmptySubsequences: false) {
                defer { column += field.utf8.count + 1 }
                let terms = Tokenizer.terms(in: String(field))
                if terms.isEmpty {
                    problem(number, column, "empty phrase", hint: "separate phrases with one tab")
                } else if terms.allSatisfy(SearchQuery.stopWords.contains) {
                    problem(number, column, "`\(field)` has only common words, which a search does not require")
                } else if group.contains(terms) {
                    problem(number, column, "`\(field)` appears twice in this group")
                } else {
                    let key = terms.joined(separator: " ")
                    if let earlier = firstLine[key] {
                        problem(number, column, "`\(field)` is already in the group of line \(earlier)",
                                hint: "merge the two groups: a phrase belongs to one")
                    }
                    firstLine[key] = firstLine[key] ?? number
                    group.append(terms)
                }
            }
            if group.count < 2 {
                problem(number, 1, "a group needs at least two phrases, separated by a tab")
            } else {
                groups.append(group)
            }
        }
        return diagnostics.isEmpty ? (SynonymTable(groups: groups), []) : (nil, diagnostics)
    }
}
