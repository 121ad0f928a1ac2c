/// The synonym vocabulary of a content root (`synonyms.tsv` at its top; the format is in the README,
/// "Synonyms"): groups of phrases that mean the same to a person searching ("file handle",
/// "file descriptor"). Each phrase is kept as its search terms (`Tokenizer`), so the lookup, the
/// index and the site's ranker compare the same words. How a query uses them is `QueryVariants`.
package struct SynonymTable: Sendable, Hashable {
    /// Group → phrase → terms, in file order.
    package var groups: [[[String]]]

    package init(groups: [[[String]]]) {
        self.groups = groups
    }

    package static let empty = SynonymTable(groups: [])

    /// The file at the top of a content root.
    package static let fileName = "synonyms.tsv"

    /// One line per group as stored in the lookup index: a phrase's terms joined by spaces,
    /// phrases by tabs.
    package var lines: [String] {
        groups.map { group in group.map { $0.joined(separator: " ") }.joined(separator: "\t") }
    }

    /// The inverse of `lines`.
    package init(lines: [String]) {
        groups = lines.map { line in
            line.split(separator: "\t").map { phrase in phrase.split(separator: " ").map(String.init) }
        }
    }
}
