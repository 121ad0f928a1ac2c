/// The rules that need more than one field or more than one article: duplicate ids, related links,
/// patterns and their samples, and the warnings.
package enum WikiValidator {
    package static func validate(_ wiki: Wiki) -> [Diagnostic] {
        let known = Set(wiki.articles.map(\.id)).union(wiki.unreadableIDs)
        let sortedIDs = known.sorted()
        // Compiling every article's patterns dominates; articles are independent, so use every core.
        let perArticle = ParallelMap.map(wiki.articles) { article in
            relatedLinks(article, known: known, sortedIDs: sortedIDs) + patternsAndSamples(article) + completeness(article)
        }
        return duplicateIDs(wiki) + perArticle.flatMap { $0 } + CatalogValidator.validate(wiki) + ShadowingValidator.validate(wiki)
    }

    static func duplicateIDs(_ wiki: Wiki) -> [Diagnostic] {
        let groups = Dictionary(grouping: wiki.articles, by: \.id).filter { $0.value.count > 1 }
        return groups.values.flatMap { group in
            group.map { article in
                let others = group.filter { $0.path != article.path }.map(\.path).joined(separator: ", ")
                return Diagnostic(.duplicateID, at: article.locations[FieldPath("id")] ?? article.location(of: "title"),
                                  "duplicate id `\(article.id)`: also used by \(others)",
                                  hint: "ids are unique across the wiki; rename one file or set a different `id:`")
            }
        }
    }

    static func relatedLinks(_ article: Article, known: Set<String>, sortedIDs: [String]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, id) in article.related.enumerated() {
            let location = article.location(of: "related", item: index)
            if id == article.id {
                found.append(Diagnostic(.selfRelated, .warning, at: location, "`related` links the article to itself",
                                        hint: "remove `\(id)` from `related`"))
            } else if !known.contains(id) {
                let closest = sortedIDs.min { EditDistance.between(id, $0) < EditDistance.between(id, $1) }
                let hint = closest.flatMap { EditDistance.between(id, $0) <= max(2, id.count / 4) ? "did you mean `\($0)`?" : nil }
                found.append(Diagnostic(.unknownRelated, at: location,
                                        "`related` names `\(id)`, but no article has that id", hint: hint))
            }
        }
        return found
    }

    static func patternsAndSamples(_ article: Article) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var compiled: [LogPattern] = []
        for (index, source) in article.patterns.enumerated() {
            do {
                compiled.append(try LogPattern(source))
            } catch {
                found.append(Diagnostic(.badPattern, at: article.location(of: "patterns", item: index),
                                        "pattern does not compile: \(error.message)",
                                        hint: "patterns use Swift Regex syntax (PCRE-like); escape literal ( ) [ ] . * + ? with \\"))
            }
        }
        // Samples are only judged against a full set of working patterns.
        if compiled.count == article.patterns.count {
            for (index, sample) in article.samples.enumerated() where !compiled.contains(where: { $0.matches(sample) }) {
                found.append(Diagnostic(.unmatchedSample, at: article.location(of: "samples", item: index),
                                        "sample matches none of the article's patterns: `\(sample.prefix(80))`",
                                        hint: article.patterns.isEmpty ? "add a `patterns:` entry that matches it" : "fix the pattern or the sample"))
            }
        }
        if !article.patterns.isEmpty && article.samples.isEmpty {
            found.append(Diagnostic(.missingSamples, .warning, at: article.location(of: "patterns"),
                                    "`patterns` has no `samples` to test it",
                                    hint: "add `samples:` with real log lines the patterns must match"))
        }
        return found
    }

    static func completeness(_ article: Article) -> [Diagnostic] {
        guard article.faq.isEmpty, article.locations[FieldPath("faq", 0)] == nil else { return [] }
        return [Diagnostic(.missingFAQ, .warning, at: SourceLocation(file: article.path, line: 1, column: 1),
                           "article has no `faq`", hint: "add `faq:` with at least one `- q: ...` / `a: ...`; the first is the Quick answer")]
    }
}
