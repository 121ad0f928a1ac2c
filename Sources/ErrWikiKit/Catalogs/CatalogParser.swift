/// Reads one catalog file (format 1, `Content/catalogs/README.md`). Every problem is a diagnostic at
/// `file:line:column`, like an article's; a file with errors gives no catalog, so a half-read table
/// never answers a lookup.
package enum CatalogParser {
    static let formatLine = "# errwiki code catalog 1"
    static let columns = ["number", "name", "aliases", "message", "group", "standard", "details", "sources"]

    /// - Parameters:
    ///   - relativePath: the file under the content root (`catalogs/errno.tsv`).
    ///   - file: how diagnostics name it.
    package static func parse(_ bytes: [UInt8], relativePath: String, file: String) -> (catalog: CodeCatalog?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String, hint: String? = nil) {
            diagnostics.append(Diagnostic(.catalogSyntax, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, [Diagnostic(.invalidUTF8, at: SourceLocation(file: file, line: 1, column: 1), "catalog is not valid UTF-8")])
        }
        let id = String(relativePath.split(separator: "/").last ?? "").replacingSuffix(".tsv")
        guard ArticleID.isValid(id) else {
            return (nil, [Diagnostic(.catalogSyntax, at: SourceLocation(file: file, line: 1, column: 1),
                                     "the file name `\(id).tsv` is not a valid catalog id (\(ArticleID.patternDescription))")])
        }
        var catalog = CodeCatalog(id: id, family: "", familyTitle: "", title: "", category: "", words: [], importer: "",
                                  licence: "", sources: [], noMessages: "", notes: [], entries: [], relativePath: relativePath)
        var sawColumns = false
        var seenHeaders: Set<String> = []
        let lines = Array(text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false))
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var line = String(decoding: raw, as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1 {
                if line != formatLine { problem(1, 1, "first line must be `\(formatLine)`", hint: "regenerate the file with its importer") }
                continue
            }
            if line.isEmpty {
                if offset == lines.count - 1 { continue }
                problem(number, 1, "empty line"); continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawColumns {
                guard fields[0].hasPrefix("@") else { problem(number, 1, "a record before the `@columns` line"); continue }
                let key = String(fields[0].dropFirst())
                let values = Array(fields.dropFirst())
                let single = ["catalog", "family", "title", "category", "words", "importer", "licence", "no-messages", "columns"]
                if single.contains(key), !seenHeaders.insert(key).inserted { problem(number, 1, "`@\(key)` appears twice") }
                func one(_ expected: Int = 1) -> [String]? {
                    guard values.count == expected, !values.contains(where: \.isEmpty) else {
                        problem(number, 1, "`@\(key)` takes \(expected) non-empty field\(expected == 1 ? "" : "s") after a tab, found \(values.count)")
                        return nil
                    }
                    return values.map(unescape)
                }
                switch key {
                case "catalog":
                    if let value = one()?[0], value != id { problem(number, 10, "`@catalog \(value)` does not match the file name `\(id).tsv`") }
                case "family":
                    if let value = one(2) {
                        // The family names its site page (`codes/<family>.html`): an id, like a category.
                        if ArticleID.isValid(value[0]) { (catalog.family, catalog.familyTitle) = (value[0], value[1]) } else {
                            problem(number, 9, "`@family \(value[0])` is not a valid family id (\(ArticleID.patternDescription))")
                        }
                    }
                case "title": if let value = one() { catalog.title = value[0] }
                case "category":
                    if let value = one()?[0] {
                        if ArticleID.isValid(value) { catalog.category = value } else { problem(number, 11, "`@category \(value)` is not a valid category id") }
                    }
                case "words":
                    catalog.words = values.map { Tokenizer.key(unescape($0)) }.filter { !$0.isEmpty }
                case "importer": if let value = one() { catalog.importer = value[0] }
                case "licence": if let value = one() { catalog.licence = value[0] }
                case "source":
                    if let value = one(5) {
                        if catalog.source(value[0]) != nil { problem(number, 9, "source `\(value[0])` is declared twice") }
                        catalog.sources.append(CatalogSource(id: value[0], package: value[1], version: value[2], file: value[3], gives: value[4]))
                    }
                case "no-messages": if let value = one() { catalog.noMessages = value[0] }
                case "note": if let value = one() { catalog.notes.append(value[0]) }
                case "columns":
                    if values != columns { problem(number, 1, "columns must be `\(columns.joined(separator: " "))`") }
                    sawColumns = true
                default:
                    problem(number, 1, "unknown header `@\(key)`")
                }
                continue
            }
            guard fields.count == columns.count else {
                problem(number, 1, "a record has \(columns.count) tab-separated fields, this line has \(fields.count)")
                continue
            }
            let values = fields.map(unescape)
            let entry = CatalogEntry(
                number: values[0], name: values[1], aliases: values[2].split(separator: " ").map(String.init),
                message: values[3], group: values[4], standard: values[5],
                details: fields[6].isEmpty ? [] : fields[6].split(separator: "|", omittingEmptySubsequences: false).map { item in
                    let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return CatalogDetail(key: String(parts[0]), value: parts.count > 1 ? unescape(String(parts[1])) : "")
                },
                sources: values[7].split(separator: " ").map(String.init), line: number)
            if entry.number.isEmpty && entry.name.isEmpty { problem(number, 1, "a record needs a number or a name") }
            if let bad = entry.details.first(where: { $0.key.isEmpty }) {
                problem(number, column(of: 6, in: fields), "detail `\(bad.value)` has no `key=`")
            }
            if entry.sources.isEmpty {
                problem(number, column(of: 7, in: fields), "a record names at least one source")
            } else if let unknown = entry.sources.first(where: { catalog.source($0) == nil }) {
                problem(number, column(of: 7, in: fields), "source `\(unknown)` is not declared by an `@source` line")
            }
            catalog.entries.append(entry)
        }
        if !sawColumns { problem(max(1, lines.count), 1, "no `@columns` line: the file has no records") }
        for (key, name) in [("family", catalog.family), ("title", catalog.title), ("category", catalog.category), ("importer", catalog.importer), ("licence", catalog.licence)] where name.isEmpty && !seenHeaders.contains(key) {
            problem(1, 1, "missing header `@\(key)`")
        }
        if catalog.sources.isEmpty { problem(1, 1, "missing header `@source`: every catalog says where its data comes from") }
        diagnostics += duplicates(catalog, file: file)
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        catalog.digest = hasher.hexDigest
        return (diagnostics.contains { $0.severity == .error } ? nil : catalog, diagnostics)
    }

    /// A code that appears twice: the same number, or — in a table of names without numbers (Python
    /// exceptions, Node.js codes) — the same name. A name on two numbers is the source's own fact
    /// (PostgreSQL gives `null_value_not_allowed` to 22004 and 39004) and stays.
    static func duplicates(_ catalog: CodeCatalog, file: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var codes: [String: Int] = [:]
        for entry in catalog.entries {
            let code = entry.number.isEmpty ? entry.name : entry.number.lowercased()
            if let first = codes[code] {
                let what = entry.number.isEmpty ? "name \(entry.name)" : "code \(entry.number)"
                found.append(Diagnostic(.duplicateCode, at: SourceLocation(file: file, line: entry.line, column: 1),
                                        "\(what) appears twice in catalog \(catalog.id) (first on line \(first))",
                                        hint: "give one record per code; other names of it go in `aliases`"))
            } else {
                codes[code] = entry.line
            }
        }
        return found
    }

    /// The 1-based column where field `index` starts.
    private static func column(of index: Int, in fields: [String]) -> Int {
        fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
    }

    /// `\t`, `\n`, `\r` and `\\` back to the characters they stand for.
    static func unescape(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var result = ""
        var escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

private extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
