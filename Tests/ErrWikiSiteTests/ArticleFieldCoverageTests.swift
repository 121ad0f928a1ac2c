import Foundation
import Testing
@testable import ErrWikiKit
@testable import ErrWikiSite

/// The article's fields meet the code in several places: the model, the front-matter keys, the
/// decoder, the search fields and the page digest. The digest is derived (the whole `Article`, by
/// reflection); the others are written by hand, and these tests fail when a field added to the
/// model is not covered by one of them. Adding a stored property to `Article` fails
/// `everyPropertyHasAMutation` until it is listed in `mutations`, which then makes every other test
/// ask about it.
@Suite struct ArticleFieldCoverageTests {
    /// An article with every field set, so each mutation below is a real change.
    static let base = Article(
        id: "enospc", title: "No space left on device", category: "errno", severity: .high,
        summary: "The disk is *full*.", codes: ["ENOSPC", "28"], tags: ["disk", "linux"], keyDetails: ["errno 28"],
        symptoms: ["the disk is full again"], causes: ["a full disk"], steps: [Step(title: "Free space", command: "df -h", note: "check inodes too")],
        faq: [FAQEntry(question: "Why now?", answer: "Because logs grew.")], related: ["eacces"],
        patterns: ["No space left on device"], samples: ["write /var/log/app.log: No space left on device"],
        updated: ArticleDate("2026-01-02"), draft: false, body: "## Details\n\nMore.\n",
        path: "content/errno/enospc.md", relativePath: "errno/enospc.md", bodyLine: 20,
        locations: [FieldPath("title"): ErrWikiKit.SourceLocation(file: "content/errno/enospc.md", line: 2, column: 1)]
    )

    /// One change for every stored property of `Article`, named as the property is.
    static var mutations: [(property: String, change: (inout Article) -> Void)] {
        [
            ("id", { $0.id = "enospc-2" }),
            ("title", { $0.title = "Disk full" }),
            ("category", { $0.category = "kernel" }),
            ("severity", { $0.severity = .low }),
            ("summary", { $0.summary = "The disk is full." }),
            ("codes", { $0.codes.append("E2BIG") }),
            ("tags", { $0.tags.append("storage") }),
            ("keyDetails", { $0.keyDetails.append("also EDQUOT") }),
            ("symptoms", { $0.symptoms.append("can't save files") }),
            ("causes", { $0.causes.append("a quota") }),
            ("steps", { $0.steps[0].command = "du -sh /var/log" }),
            ("faq", { $0.faq[0].answer = "Because a core dump." }),
            ("related", { $0.related.append("edquot") }),
            ("patterns", { $0.patterns.append("Disk quota exceeded") }),
            ("samples", { $0.samples.append("cp: error writing: No space left on device") }),
            ("updated", { $0.updated = ArticleDate("2026-01-03") }),
            ("draft", { $0.draft = true }),
            ("overrides", { $0.overrides = true }),
            ("body", { $0.body += "Even more.\n" }),
            ("path", { $0.path = "other/errno/enospc.md" }),
            ("relativePath", { $0.relativePath = "disk/enospc.md" }),
            ("root", { $0.root = 1 }),
            ("bodyLine", { $0.bodyLine = 21 }),
            ("locations", { $0.locations[FieldPath("title")]?.line = 3 }),
        ]
    }

    /// The properties no `SearchField` reads, and why.
    static let notSearched: [String: String] = [
        "category": "a facet to browse by: its name would match every article of the category",
        "severity": "breaks ranking ties; not text a user types",
        "related": "ids of other articles, which are searched under their own id",
        "patterns": "regular expressions, matched against log lines by the ranking's log-line test, not tokenised",
        "updated": "a date the page shows",
        "draft": "decides whether the article is published at all",
        "overrides": "says the article replaces one of a later content root, for `check`",
        "root": "which content root holds the file, not what it says",
        "path": "where the file is, not what it says",
        "relativePath": "where the file is, not what it says",
        "bodyLine": "a position for diagnostics",
        "locations": "positions for diagnostics",
    ]

    /// The names of the properties whose values differ between two articles.
    static func changedProperties(_ a: Article, _ b: Article) -> [String] {
        zip(Mirror(reflecting: a).children, Mirror(reflecting: b).children).compactMap { left, right in
            String(reflecting: left.value) == String(reflecting: right.value) ? nil : left.label
        }
    }

    static func pageDigest(_ article: Article) -> String {
        let model = SiteModel(articles: [article], options: SiteOptions())
        return ArticlePage.digest(of: 0, in: model, cards: [ArticleCard(article)], themeDigest: "theme")
    }

    @Test func everyPropertyHasAMutation() {
        let properties = Mirror(reflecting: Self.base).children.compactMap(\.label)
        #expect(Self.mutations.count == properties.count,
                "Article has \(properties.count) stored properties and \(Self.mutations.count) mutations: list the new property in `mutations`")
        #expect(Self.mutations.map(\.property) == properties)
    }

    @Test func eachMutationChangesOnlyItsProperty() {
        for (property, change) in Self.mutations {
            var changed = Self.base
            change(&changed)
            #expect(Self.changedProperties(Self.base, changed) == [property])
        }
    }

    /// A field the digest missed would let an incremental build keep a stale page. The one left out
    /// on purpose is `locations` (where each field was in the file): no page shows it, and reflecting
    /// over it was most of the digest's cost. A page that starts showing it must take it back in.
    @Test func everyPropertyChangesThePageDigest() {
        let digest = Self.pageDigest(Self.base)
        #expect(Self.pageDigest(Self.base) == digest)
        for (property, change) in Self.mutations {
            var changed = Self.base
            change(&changed)
            if property == "locations" {
                #expect(Self.pageDigest(changed) == digest, "no page shows `locations`; the digest leaves it out")
            } else {
                #expect(Self.pageDigest(changed) != digest, "changing `\(property)` leaves the page digest as it was")
            }
        }
    }

    /// Dictionaries iterate in an order seeded per process and shaped by their capacity; a digest
    /// by reflection must not follow it, or every build would render every page again.
    @Test func thePageDigestIgnoresDictionaryOrder() {
        let keys = (0..<40).map { FieldPath("causes", $0) }
        var small: [FieldPath: ErrWikiKit.SourceLocation] = [:]
        var large = [FieldPath: ErrWikiKit.SourceLocation](minimumCapacity: 4096)
        for (line, key) in keys.enumerated() { small[key] = ErrWikiKit.SourceLocation(file: "a.md", line: line, column: 1) }
        for (line, key) in keys.enumerated().reversed() { large[key] = ErrWikiKit.SourceLocation(file: "a.md", line: line, column: 1) }
        #expect(small == large)
        #expect(Array(small.keys) != Array(large.keys), "the two dictionaries iterate alike; the test proves nothing")
        var first = StableHasher(), second = StableHasher()
        first.combine(reflecting: small)
        second.combine(reflecting: large)
        #expect(first.hexDigest == second.hexDigest)
    }

    @Test func everyPropertyIsSearchedOrSaysWhyNot() {
        func texts(_ article: Article) -> [[String]] { SearchField.allCases.map { $0.texts(of: article) } }
        for (property, change) in Self.mutations {
            var changed = Self.base
            change(&changed)
            let searched = texts(changed) != texts(Self.base)
            if let reason = Self.notSearched[property] {
                #expect(!searched, "`\(property)` is searched, but `notSearched` says: \(reason)")
            } else {
                #expect(searched, "no SearchField reads `\(property)`: add it to one, or to `notSearched` with the reason")
            }
        }
        #expect(Set(Self.notSearched.keys).isSubset(of: Self.mutations.map(\.property)))
    }

    /// The smallest valid article: the required fields.
    static let required: [FrontMatterField: String] = [
        .title: "Title", .category: "errno", .severity: "high", .summary: "Summary.",
        .causes: "[a cause]", .steps: "[a step]",
    ]

    /// A value for each key that differs from `required` and from the decoder's defaults.
    static func otherValue(_ field: FrontMatterField) -> String {
        switch field {
        case .title: return "Another title"
        case .id: return "another-id"
        case .category: return "kernel"
        case .severity: return "low"
        case .summary: return "Another summary."
        case .codes: return "[E1]"
        case .tags: return "[disk]"
        case .keyDetails: return "[a detail]"
        case .symptoms: return "[disk keeps filling up]"
        case .causes: return "[another cause]"
        case .steps: return "[another step]"
        case .faq: return "[{q: Why?, a: Because.}]"
        case .related: return "[eacces]"
        case .patterns: return "['No space']"
        case .samples: return "['No space left']"
        case .updated: return "2026-01-02"
        case .draft: return "true"
        case .overrides: return "true"
        }
    }

    static func decode(_ fields: [FrontMatterField: String]) -> (Article?, [Diagnostic]) {
        let yaml = FrontMatterField.allCases.compactMap { field in fields[field].map { "\(field.rawValue): \($0)" } }
        return ArticleBytes.decode(Array(("---\n" + yaml.joined(separator: "\n") + "\n---\nBody.\n").utf8), relativePath: "x.md")
    }

    /// A key the decoder reads into nothing, or into the wrong property, is lost without a word.
    @Test(arguments: FrontMatterField.allCases)
    func everyKeyDecodesIntoItsProperty(_ field: FrontMatterField) throws {
        let (plain, _) = Self.decode(Self.required)
        var fields = Self.required
        fields[field] = Self.otherValue(field)
        let (article, diagnostics) = Self.decode(fields)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let plainArticle = try #require(plain), changed = try #require(article)
        // The key's own line moves what follows it; where fields were written is not what they say.
        let property = field.rawValue.split(separator: "_").enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined()
        #expect(Self.changedProperties(plainArticle, changed).filter { $0 != "locations" && $0 != "bodyLine" } == [property])
    }
}
