import Yams

/// Turns the YAML of one article into an `Article`, collecting a diagnostic for every problem.
///
/// Walks the Yams `Node` tree rather than decoding with `Decodable`, so every key and list item keeps
/// the line and column it was written at. The walk follows the article schema (at most three levels),
/// so YAML aliases cannot make it expand; anchors are refused anyway.
struct FrontMatterDecoder {
    let path: String
    /// The file line of the YAML's first line.
    let yamlLine: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var locations: [FieldPath: SourceLocation] = [:]

    init(path: String, yamlLine: Int) {
        self.path = path
        self.yamlLine = yamlLine
    }

    /// What the file's place in the tree says about the article.
    struct Context {
        /// The file name without `.md`: the id unless `id:` is given.
        var stem: String
        /// The first folder under the content root, if the file is inside one.
        var folder: String?
    }

    /// Decodes the YAML; returns nil when it is not a readable mapping (the diagnostics say why).
    /// Otherwise returns an article even when fields are invalid, with placeholders where values were
    /// unusable, so wiki-wide rules (duplicate ids, related links) still see it.
    mutating func decode(_ yaml: String, context: Context) -> Article? {
        if let deep = YAMLDepthGuard.firstTooDeep(yaml) {
            report(.yamlTooDeep, at: fileLocation(line: deep.line, column: deep.column),
                   "front matter is nested more than \(YAMLDepthGuard.limit) levels deep",
                   hint: "article fields are at most three levels deep")
            return nil
        }
        let root: Node?
        let parser: Parser
        do {
            // The basic resolver leaves every scalar a string: fields read the text as written
            // (`137`, `no`, `0x80070005`), and no tag regexes run on every scalar.
            parser = try Parser(yaml: yaml, resolver: .basic, encoding: .utf8)
            root = try parser.singleRoot()
        } catch {
            reportYAMLError(error)
            return nil
        }
        // The parser owns the anchors; keep it alive while looking for them.
        let anchored = withExtendedLifetime(parser) { firstAnchoredNode(root) }
        if let anchored {
            report(.yamlAnchor, at: location(anchored.mark), "YAML anchors and aliases (`&name`, `*name`) are not allowed in front matter",
                   hint: "write the value out in full")
            return nil
        }
        let mapping: Node.Mapping
        switch root {
        case .none: mapping = Node.Mapping([])
        case .mapping(let value)?: mapping = value
        case .scalar(let scalar)? where isNull(scalar): mapping = Node.Mapping([])
        case let other?:
            report(.frontMatterNotMapping, at: location(other.mark), "front matter must be a mapping of fields, found \(describe(other))",
                   hint: "write one `field: value` per line")
            return nil
        }
        return decodeFields(mapping, context: context)
    }

    // MARK: - Fields

    private mutating func decodeFields(_ mapping: Node.Mapping, context: Context) -> Article? {
        var fields: [FrontMatterField: Node] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let key) = keyNode else {
                report(.wrongType, at: location(keyNode.mark), "a front-matter key must be a plain name, found \(describe(keyNode))")
                continue
            }
            guard let field = FrontMatterField(rawValue: key.string) else {
                let hint = FrontMatterField.suggestion(for: key.string).map { "did you mean `\($0.rawValue)`?" }
                    ?? "the fields are: " + FrontMatterField.allCases.map(\.rawValue).joined(separator: ", ")
                report(.unknownField, at: location(key.mark), "unknown field `\(key.string)`", hint: hint)
                continue
            }
            locations[FieldPath(field.rawValue)] = location(key.mark)
            fields[field] = value
        }
        let start = SourceLocation(file: path, line: 1, column: 1)
        for field in FrontMatterField.required where fields[field] == nil {
            report(.missingField, at: start, "missing required field `\(field.rawValue)`", hint: Self.requiredHints[field])
        }

        let title = text(fields[.title], .title) ?? ""
        let summary = text(fields[.summary], .summary) ?? ""
        let severity = severityValue(fields[.severity])
        let id = idValue(fields[.id], stem: context.stem)
        let category = categoryValue(fields[.category], folder: context.folder)
        let causes = stringList(fields[.causes], .causes, required: true)
        let steps = stepList(fields[.steps])
        let patterns = stringList(fields[.patterns], .patterns)

        return Article(
            id: id, title: title, category: category ?? context.folder ?? "", severity: severity ?? .info,
            summary: summary, codes: stringList(fields[.codes], .codes), tags: stringList(fields[.tags], .tags),
            keyDetails: stringList(fields[.keyDetails], .keyDetails), symptoms: symptomList(fields[.symptoms]), causes: causes, steps: steps,
            faq: faqList(fields[.faq]), related: stringList(fields[.related], .related), patterns: patterns,
            samples: stringList(fields[.samples], .samples), updated: dateValue(fields[.updated]),
            draft: boolValue(fields[.draft], .draft) ?? false,
            overrides: boolValue(fields[.overrides], .overrides) ?? false, path: path, locations: locations
        )
    }

    private static let requiredHints: [FrontMatterField: String] = [
        .title: "add `title: <what the reader sees>`",
        .category: "add `category: <folder name>`",
        .severity: "add `severity:` with one of \(Severity.listing)",
        .summary: "add `summary: <one paragraph>`",
        .causes: "add `causes:` with at least one `- cause`",
        .steps: "add `steps:` with at least one `- step`",
    ]

    /// A non-empty scalar's text.
    private mutating func text(_ node: Node?, _ field: FrontMatterField, item: Int? = nil) -> String? {
        guard let node else { return nil }
        let name = item.map { "\(field.rawValue) item \($0 + 1)" } ?? field.rawValue
        guard case .scalar(let scalar) = node, !isNull(scalar) else {
            let hint = node.mapping != nil ? "a text containing `: ` must be quoted: '...'" : nil
            report(.wrongType, at: location(node.mark), "`\(name)` must be text, found \(describe(node))", hint: hint)
            return nil
        }
        if scalar.string.allSatisfy(\.isWhitespace) {
            report(.emptyValue, at: location(node.mark), "`\(name)` is empty")
            return nil
        }
        return scalar.string
    }

    private mutating func severityValue(_ node: Node?) -> Severity? {
        guard let node, let value = text(node, .severity) else { return nil }
        if let severity = Severity(rawValue: value) { return severity }
        let lowered = Severity(rawValue: value.lowercased())
        report(.invalidSeverity, at: location(node.mark),
               "severity must be one of \(Severity.listing); found `\(value)`",
               hint: lowered.map { "write it in lower case: `\($0.rawValue)`" })
        return nil
    }

    private mutating func idValue(_ node: Node?, stem: String) -> String {
        guard let node else {
            if !ArticleID.isValid(stem) {
                report(.invalidID, at: SourceLocation(file: path, line: 1, column: 1),
                       "file name `\(stem)` is not a valid article id (\(ArticleID.patternDescription))",
                       hint: "rename the file to \(ArticleID.suggestion(from: stem)).md or set `id:`")
            } else if ArticleID.isReserved(stem) {
                report(.reservedID, at: SourceLocation(file: path, line: 1, column: 1),
                       "article id `\(stem)` (from the file name) is reserved for a page of the site",
                       hint: "rename the file or set another `id:`; reserved: \(ArticleID.reservedListing)")
            }
            return stem
        }
        guard let id = text(node, .id) else { return stem }
        if !ArticleID.isValid(id) {
            report(.invalidID, at: location(node.mark), "id `\(id)` is not valid (\(ArticleID.patternDescription))",
                   hint: "for example `\(ArticleID.suggestion(from: id))`")
        } else if ArticleID.isReserved(id) {
            report(.reservedID, at: location(node.mark), "article id `\(id)` is reserved for a page of the site",
                   hint: "choose another id; reserved: \(ArticleID.reservedListing)")
        }
        return id
    }

    private mutating func categoryValue(_ node: Node?, folder: String?) -> String? {
        guard let node, let category = text(node, .category) else { return nil }
        if !ArticleID.isValid(category) {
            report(.invalidCategory, at: location(node.mark),
                   "category `\(category)` is not valid (\(ArticleID.patternDescription))",
                   hint: "for example `\(ArticleID.suggestion(from: category))`")
        } else if let folder, folder != category {
            report(.categoryMismatch, at: location(node.mark),
                   "category `\(category)` does not match the folder `\(folder)` the file is in",
                   hint: "set `category: \(folder)` or move the file to a `\(category)/` folder")
        }
        return category
    }

    /// `symptoms`: short plain-text phrases, each said once.
    private mutating func symptomList(_ node: Node?) -> [String] {
        let values = stringList(node, .symptoms)
        var seen: Set<String> = []
        for (index, value) in values.enumerated() {
            let at = locations[FieldPath(FrontMatterField.symptoms.rawValue, index)] ?? SourceLocation(file: path, line: 1, column: 1)
            if value.contains(where: \.isNewline) {
                report(.invalidSymptom, at: at, "`symptoms` item \(index + 1) spans several lines", hint: "one short phrase per item")
            } else if value.count > Self.symptomMaximum {
                report(.invalidSymptom, at: at, "`symptoms` item \(index + 1) has \(value.count) characters; at most \(Self.symptomMaximum)",
                       hint: "say it the way a person would type it into a search box")
            } else if !seen.insert(Tokenizer.key(value)).inserted {
                report(.invalidSymptom, at: at, "`symptoms` item \(index + 1) repeats an earlier one")
            }
        }
        return values
    }

    /// The longest symptom phrase, in characters.
    static let symptomMaximum = 160

    /// A list of non-empty scalars; null or absent is an empty list.
    private mutating func stringList(_ node: Node?, _ field: FrontMatterField, required: Bool = false) -> [String] {
        guard let items = sequence(node, field, required: required) else { return [] }
        var values: [String] = []
        for (index, item) in items.enumerated() {
            locations[FieldPath(field.rawValue, index)] = location(item.mark)
            if let value = text(item, field, item: index) { values.append(value) }
        }
        return values
    }

    /// The items of a list field; reports a wrong type, and an empty list where one item is required.
    private mutating func sequence(_ node: Node?, _ field: FrontMatterField, required: Bool = false) -> [Node]? {
        guard let node else { return nil }
        var items: [Node] = []
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where isNull(scalar): break
        default:
            report(.wrongType, at: location(node.mark), "`\(field.rawValue)` must be a list, found \(describe(node))",
                   hint: "write each item on its own line as `- item`, or `[a, b]`")
            return nil
        }
        if required && items.isEmpty {
            report(.emptyList, at: location(node.mark), "`\(field.rawValue)` needs at least one item")
        }
        return items
    }

    private mutating func stepList(_ node: Node?) -> [Step] {
        guard let items = sequence(node, .steps, required: true) else { return [] }
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            locations[FieldPath("steps", index)] = location(item.mark)
            switch item {
            case .scalar:
                if let title = text(item, .steps, item: index) { steps.append(Step(title: title)) }
            case .mapping(let mapping):
                let keys = entries(mapping, allowed: ["title", "command", "note"], in: "a step")
                guard let titleNode = keys["title"] else {
                    report(.invalidStep, at: location(item.mark), "step \(index + 1) has no `title`",
                           hint: "a step is a text, or a mapping with `title`, optional `command` and `note`")
                    continue
                }
                guard let title = text(titleNode, .steps, item: index) else { continue }
                steps.append(Step(title: title,
                                  command: keys["command"].flatMap { text($0, .steps, item: index) },
                                  note: keys["note"].flatMap { text($0, .steps, item: index) }))
            default:
                report(.invalidStep, at: location(item.mark), "step \(index + 1) must be a text or a mapping, found \(describe(item))",
                       hint: "a step is a text, or a mapping with `title`, optional `command` and `note`")
            }
        }
        return steps
    }

    private mutating func faqList(_ node: Node?) -> [FAQEntry] {
        guard let items = sequence(node, .faq) else { return [] }
        var entries: [FAQEntry] = []
        for (index, item) in items.enumerated() {
            locations[FieldPath("faq", index)] = location(item.mark)
            guard case .mapping(let mapping) = item else {
                report(.incompleteFAQ, at: location(item.mark), "FAQ entry \(index + 1) must be a mapping with `q` and `a`, found \(describe(item))")
                continue
            }
            let keys = self.entries(mapping, allowed: ["q", "a"], in: "an FAQ entry")
            for (key, name) in [("q", "question"), ("a", "answer")] where keys[key] == nil {
                report(.incompleteFAQ, at: location(item.mark), "FAQ entry \(index + 1) has no `\(key)` (\(name))",
                       hint: "an FAQ entry is `- q: question` with `a: answer` below it")
            }
            guard let q = keys["q"].flatMap({ text($0, .faq, item: index) }),
                  let a = keys["a"].flatMap({ text($0, .faq, item: index) }) else { continue }
            entries.append(FAQEntry(question: q, answer: a))
        }
        return entries
    }

    /// The values of a nested mapping by key; unknown keys are reported.
    private mutating func entries(_ mapping: Node.Mapping, allowed: [String], in what: String) -> [String: Node] {
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            if case .scalar(let key) = keyNode, allowed.contains(key.string) {
                values[key.string] = value
            } else {
                let name = keyNode.scalar?.string ?? describe(keyNode)
                report(.unknownField, at: location(keyNode.mark), "unknown key `\(name)` in \(what)",
                       hint: "the keys are: " + allowed.joined(separator: ", "))
            }
        }
        return values
    }

    private mutating func dateValue(_ node: Node?) -> ArticleDate? {
        guard let node, let value = text(node, .updated) else { return nil }
        guard let date = ArticleDate(value) else {
            report(.invalidDate, at: location(node.mark), "`updated` is not a real date: `\(value)`",
                   hint: "write YYYY-MM-DD, for example 2026-11-26")
            return nil
        }
        return date
    }

    private mutating func boolValue(_ node: Node?, _ field: FrontMatterField) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        report(.wrongType, at: location(node.mark), "`\(field.rawValue)` must be true or false, found \(describe(node))")
        return nil
    }

    // MARK: - YAML helpers

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing (null)" }
            let shown = String(scalar.string.prefix(40))
            return "`\(shown)`"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The first node carrying an anchor, in document order (so before any of its alias copies).
    private func firstAnchoredNode(_ root: Node?) -> Node? {
        var stack: [Node] = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            switch node {
            case .scalar(let scalar):
                if scalar.anchor != nil { return node }
            case .mapping(let mapping):
                if mapping.anchor != nil { return node }
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            case .sequence(let sequence):
                if sequence.anchor != nil { return node }
                stack.append(contentsOf: sequence.reversed())
            case .alias:
                return node
            }
        }
        return nil
    }

    private func fileLocation(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + yamlLine - 1, column: column)
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: path, line: 1, column: 1) }
        return fileLocation(line: mark.line, column: mark.column)
    }

    private mutating func reportYAMLError(_ error: Error) {
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            report(.yamlSyntax, at: location(mark), "invalid YAML: \(detail)\(problem)", hint: Self.yamlHint(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            report(.duplicateKey, at: location(context.mark),
                   "duplicate key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) in front matter",
                   hint: "each field may appear once")
        case .reader(let problem, _, _, _):
            report(.yamlSyntax, at: fileLocation(line: 1, column: 1), "invalid YAML: \(problem)")
        default:
            report(.yamlSyntax, at: fileLocation(line: 1, column: 1), "invalid YAML: \(error)")
        }
    }

    private static func yamlHint(_ problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "a value containing `: ` must be quoted, e.g. 'Error: disk full'"
        }
        if problem.contains("found character that cannot start any token") {
            return "quote values that start with a special character such as ` @ % or *"
        }
        if problem.contains("control characters") {
            return "remove the control character (NUL, escape, ...) from the front matter"
        }
        return nil
    }

    private mutating func report(_ rule: Rule, at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(rule, at: location, message, hint: hint))
    }
}
