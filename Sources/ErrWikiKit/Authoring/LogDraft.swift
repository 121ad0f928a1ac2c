/// `new --from-log LINE`: what the line in front of the user says about the article to write — the
/// line as a sample, a pattern made from it, a title from its message, the codes it names (by the
/// catalogs' rules), and a category and `related` ids from the nearest articles.
package struct LogDraft: Sendable {
    package var sample: String
    package var pattern: String
    package var title: String
    package var codes: [String]
    /// The category of the catalog a code belongs to, else of the nearest article; nil in an empty wiki.
    package var category: String?
    package var related: [String]
    /// The other articles' samples (id, line) the pattern was made to avoid.
    package var otherSamples: [(id: String, sample: String)]

    /// How many nearest articles become `related`.
    static let relatedCount = 3
    /// Titles are cut here (at a word), like a heading.
    static let titleLimit = 90

    package init(line: String, content: ContentRoots) {
        otherSamples = WikiLoader.load(content).wiki.articles.flatMap { article in article.samples.map { (article.id, $0) } }
        let (pattern, message) = LogLinePattern.make(from: line, avoiding: otherSamples.map(\.sample))
        sample = line.trimmingCharacters(in: .whitespacesAndNewlines)
        self.pattern = pattern
        title = Self.title(from: message)
        let ((hits, entries), _) = IndexStore(roots: content).answer { index in
            let hits = Ranker(index: index).search(line, limit: Self.relatedCount).hits
            let entries = CatalogResolver.resolve(line, in: index).compactMap { match in
                index.entry(match.ref).map { (entry: $0, catalog: index.catalogHeaders[match.ref.catalog]) }
            }
            return (hits, entries)
        }
        var seen: Set<String> = []
        codes = entries.map(\.entry.label).filter { seen.insert($0).inserted }
        category = entries.first?.catalog.category ?? hits.first?.article.category
        related = hits.map(\.article.id)
    }

    static func title(from message: String) -> String {
        let single = message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard single.count > titleLimit else { return single }
        let cut = single.prefix(titleLimit)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }
}
