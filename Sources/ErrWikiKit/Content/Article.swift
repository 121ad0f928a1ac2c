/// One error article: its front matter, its GFM body and where each part came from.
package struct Article: Sendable, Hashable {
    package var id: String
    package var title: String
    package var category: String
    package var severity: Severity
    /// Inline Markdown.
    package var summary: String
    /// Identifiers a user may type exactly; YAML numbers are kept as the text written (`137`).
    package var codes: [String]
    package var tags: [String]
    /// Inline Markdown, one per bullet.
    package var keyDetails: [String]
    /// How people describe the problem in their own words (plain text, "You may see this as").
    package var symptoms: [String]
    /// Inline Markdown, one per bullet.
    package var causes: [String]
    package var steps: [Step]
    package var faq: [FAQEntry]
    package var related: [String]
    /// Regular expressions (see `LogPattern` for the dialect).
    package var patterns: [String]
    package var samples: [String]
    package var updated: ArticleDate?
    package var draft: Bool
    /// Says that this article replaces one with the same id in a later content root (`ContentRoots`).
    package var overrides: Bool
    /// The GitHub-Flavored Markdown after the front matter.
    package var body: String

    /// The file it was read from, as displayed (the content root as given, joined with the relative path).
    package var path: String
    /// The path relative to the content root, with `/` separators (`errno/enoent.md`).
    package var relativePath: String
    /// Which of the content roots it was read from (0: the first).
    package var root: Int
    /// The 1-based file line the body starts on.
    package var bodyLine: Int
    /// Where each field and list item was written; see `FieldPath`.
    package var locations: [FieldPath: SourceLocation]

    package init(
        id: String, title: String, category: String, severity: Severity, summary: String,
        codes: [String] = [], tags: [String] = [], keyDetails: [String] = [], symptoms: [String] = [], causes: [String],
        steps: [Step], faq: [FAQEntry] = [], related: [String] = [], patterns: [String] = [],
        samples: [String] = [], updated: ArticleDate? = nil, draft: Bool = false, overrides: Bool = false, body: String = "",
        path: String = "", relativePath: String = "", root: Int = 0, bodyLine: Int = 1, locations: [FieldPath: SourceLocation] = [:]
    ) {
        self.id = id; self.title = title; self.category = category; self.severity = severity
        self.summary = summary; self.codes = codes; self.tags = tags; self.keyDetails = keyDetails
        self.symptoms = symptoms
        self.causes = causes; self.steps = steps; self.faq = faq; self.related = related
        self.patterns = patterns; self.samples = samples; self.updated = updated; self.draft = draft
        self.overrides = overrides; self.root = root
        self.body = body; self.path = path; self.relativePath = relativePath; self.bodyLine = bodyLine
        self.locations = locations
    }

    /// Where a field (or one of its list items) was written, falling back to the field, then the file's first line.
    package func location(of field: String, item: Int? = nil) -> SourceLocation {
        if let item, let exact = locations[FieldPath(field, item)] { return exact }
        return locations[FieldPath(field)] ?? SourceLocation(file: path, line: 1, column: 1)
    }
}

/// A front-matter key, optionally with a list index: `related` or `related[2]`.
package struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    package var field: String
    package var item: Int?

    package init(_ field: String, _ item: Int? = nil) {
        self.field = field
        self.item = item
    }

    package var description: String { item.map { "\(field)[\($0)]" } ?? field }
}

/// One ordered fix step. Written as a plain string (the title) or `{title, command?, note?}`.
package struct Step: Sendable, Hashable {
    /// Inline Markdown.
    package var title: String
    /// A shell snippet, shown as copyable code.
    package var command: String?
    /// Inline Markdown.
    package var note: String?

    package init(title: String, command: String? = nil, note: String? = nil) {
        self.title = title
        self.command = command
        self.note = note
    }
}

/// A question and its Markdown answer. The first entry of an article is its "Quick answer".
package struct FAQEntry: Sendable, Hashable {
    package var question: String
    package var answer: String

    package init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}
