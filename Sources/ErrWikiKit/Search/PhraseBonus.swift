/// Rewards query words that stand together in an article's title, codes or summary, as typed:
/// "too many open files" is the EMFILE title, not five words scattered over a disk article.
enum PhraseBonus {
    /// Points per adjacent pair of query words found side by side, by field.
    static let titlePair = 3.0
    static let codePair = 3.0
    static let summaryPair = 1.0

    static func score(query: SearchQuery, article: ArticleSummary) -> Double {
        let words = Tokenizer.terms(in: query.text)
        guard words.count >= 2 else { return 0 }
        let pairs = zip(words, words.dropFirst()).map { " \($0) \($1) " }
        func pairsFound(in text: String) -> Double {
            let key = " " + Tokenizer.key(text) + " "
            return Double(pairs.count { key.contains($0) })
        }
        return titlePair * pairsFound(in: article.title)
            + codePair * article.codes.map(pairsFound).reduce(0, +)
            + summaryPair * pairsFound(in: article.summary)
    }
}

/// Rewards titles that contain most of the query's significant words (in any order): the title is
/// the most deliberate summary of what an article is about.
enum TitleCoverage {
    /// Points when every significant word is in the title; proportionally less for some.
    static let full = 8.0

    /// - Parameter alternatives: per significant query word, the vocabulary words standing for it
    ///   (itself, its completions or its correction).
    static func score(_ title: String, alternatives: [Set<String>]) -> Double {
        guard alternatives.count >= 2 else { return 0 }
        let words = Set(Tokenizer.terms(in: title))
        let found = alternatives.count { !$0.isDisjoint(with: words) }
        return full * Double(found) / Double(alternatives.count)
    }
}
