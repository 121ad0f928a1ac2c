import Foundation

/// The rules between articles and the code catalogs: an article that claims an entry by name must
/// not give it another number (`ENOSPC (errno 27)` when the catalog says 28).
package enum CatalogValidator {
    package static func validate(_ wiki: Wiki) -> [Diagnostic] {
        let catalogs = wiki.catalogs
        guard catalogs.entryCount > 0 else { return [] }
        return ParallelMap.map(wiki.articles) { contradictions($0, catalogs) }.flatMap { $0 }
    }

    /// A claimed name followed by a number (`NAME (27)`, `NAME = 27`, `NAME (errno 27)`) or a
    /// catalog word and number followed by the name (`errno 27 (NAME)`), where the number is not
    /// the entry's.
    static func contradictions(_ article: Article, _ catalogs: CatalogSet) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let claimed = CatalogResolver.claims(codes: article.codes, category: article.category, in: catalogs)
        for ref in claimed {
            guard let entry = catalogs.entry(ref), Int(entry.number) != nil else { continue }
            let catalog = catalogs.catalogs[ref.catalog]
            // The family's words in any case; the name exactly as written (`FORBIDDEN`, not nginx's "forbidden (13: …)").
            let words = "(?i:" + catalog.words.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")"
            for name in entry.names {
                let escaped = NSRegularExpression.escapedPattern(for: name)
                let after = "\\b\(escaped)\\b\\s*(?:\\(|=|:)\\s*(?:(?:\(words))\\s*[=:]?\\s*)?(\\d+)\\b(?!\\s*[-+*/.,])"
                let before = "\\b(?:\(words))\\s*[=:]?\\s*(\\d+)\\s*\\(\\s*\(escaped)\\b"
                for pattern in [after, before] {
                    guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
                    for (original, location) in texts(of: article) {
                        // The entry's own message may hold a number ("User defined signal 1" is SIGUSR1's):
                        // blanked out, same length, so it is never read as a claim of the entry's number.
                        let text = entry.message.contains(where: \.isNumber)
                            ? original.replacingOccurrences(of: entry.message, with: String(repeating: " ", count: entry.message.count),
                                                           options: .caseInsensitive)
                            : original
                        let range = NSRange(text.startIndex..., in: text)
                        for match in regex.matches(in: text, range: range) {
                            guard let numberRange = Range(match.range(at: 1), in: text) else { continue }
                            let written = String(text[numberRange])
                            guard Int(written) != Int(entry.number) else { continue }
                            var at = location
                            if at.line == article.bodyLine, let matched = Range(match.range, in: text) {
                                at.line += text[..<matched.lowerBound].filter { $0 == "\n" }.count
                                at.column = 1
                            }
                            found.append(Diagnostic(.codeContradictsCatalog, at: at,
                                "the article gives \(name) the number \(written), but the catalog (\(catalog.relativePath)) has \(CatalogEntryRenderer.qualifiedNumber(entry, in: catalog))",
                                hint: "correct the number, or the code the article claims"))
                        }
                    }
                }
            }
        }
        return found
    }

    /// The article's prose with where each piece starts.
    private static func texts(of article: Article) -> [(String, SourceLocation)] {
        var texts: [(String, SourceLocation)] = [(article.title, article.location(of: "title")), (article.summary, article.location(of: "summary"))]
        for (index, text) in article.keyDetails.enumerated() { texts.append((text, article.location(of: "key_details", item: index))) }
        for (index, text) in article.causes.enumerated() { texts.append((text, article.location(of: "causes", item: index))) }
        for (index, step) in article.steps.enumerated() {
            texts.append(([step.title, step.note ?? ""].joined(separator: "\n"), article.location(of: "steps", item: index)))
        }
        for (index, entry) in article.faq.enumerated() { texts.append((entry.question + "\n" + entry.answer, article.location(of: "faq", item: index))) }
        texts.append((article.body, SourceLocation(file: article.path, line: article.bodyLine, column: 1)))
        return texts
    }
}
