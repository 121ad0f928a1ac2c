/// One error article: its front matter, its GFM body and where each part came from.
public struct Article: Sendable, Hashable {
    public var id: String
    public var title: String
    public var category: String
    public var severity: Severity
    /// Inline Markdown.
    public var summary: String
    /// Identifiers a user may type exactly; YAML numbers are kept as the text written (`137`).
    public var codes: [String]
    public var tags: [String]
    /// Inline Markdown, one per bullet.
    public var keyDetails: [String]
    /// Inline Markdown, one per bullet.
    public var causes: [String]
    public var steps: [Step]
    public var faq: [FAQEntry]
    public var related: [String]
    /// Regular expressions (see `LogPattern` for the dialect).
    public var patterns: [String]
    public var samples: [String]
    public var updated: ArticleDate?
    public var draft: Bool
    /// The GitHub-Flavored Markdown after the front matter.
    public var body: String

    /// The file it was read from, as displayed (the content root as given, joined with the relative path).
    public var path: String
    /// The path relative to the content root, with `/` separators (`errno/enoent.md`).
    public var relativePath: String
    /// The 1-based file line the body starts on.
    public var bodyLine: Int
    /// Where each field and list item was written; see `FieldPath`.
    public var locations: [FieldPath: SourceLocation]

    public init(
        id: String, title: String, category: String, severity: Severity, summary: String,
        codes: [String] = [], tags: [String] = [], keyDetails: [String] = [], causes: [String],
        steps: [Step], faq: [FAQEntry] = [], related: [String] = [], patterns: [String] = [],
        samples: [String] = [], updated: ArticleDate? = nil, draft: Bool = false, body: String = "",
        path: String = "", relativePath: String = "", bodyLine: Int = 1, locations: [FieldPath: SourceLocation] = [:]
    ) {
        self.id = id; self.title = title; self.category = category; self.severity = severity
        self.summary = summary; self.codes = codes; self.tags = tags; self.keyDetails = keyDetails
        self.causes = causes; self.steps = steps; self.faq = faq; self.related = related
        self.patterns = patterns; self.samples = samples; self.updated = updated; self.draft = draft
        self.body = body; self.path = path; self.relativePath = relativePath; self.bodyLine = bodyLine
        self.locations = locations
    }

    /// Where a field (or one of its list items) was written, falling back to the field, then the file's first line.
    public func location(of field: String, item: Int? = nil) -> SourceLocation {
        if let item, let exact = locations[FieldPath(field, item)] { return exact }
        return locations[FieldPath(field)] ?? SourceLocation(file: path, line: 1, column: 1)
    }
}

/// A front-matter key, optionally with a list index: `related` or `related[2]`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var item: Int?

    public init(_ field: String, _ item: Int? = nil) {
        self.field = field
        self.item = item
    }

    public var description: String { item.map { "\(field)[\($0)]" } ?? field }
}

/// One ordered fix step. Written as a plain string (the title) or `{title, command?, note?}`.
public struct Step: Sendable, Hashable {
    /// Inline Markdown.
    public var title: String
    /// A shell snippet, shown as copyable code.
    public var command: String?
    /// Inline Markdown.
    public var note: String?

    public init(title: String, command: String? = nil, note: String? = nil) {
        self.title = title
        self.command = command
        self.note = note
    }
}

/// A question and its Markdown answer. The first entry of an article is its "Quick answer".
public struct FAQEntry: Sendable, Hashable {
    public var question: String
    public var answer: String

    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}
