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
            return Double(pairs.count { ByteSearch.contains(key, $0) })
        }
        return titlePair * pairsFound(in: article.title)
            + codePair * article.codes.map(pairsFound).reduce(0, +)
            + summaryPair * pairsFound(in: article.summary)
    }
}

/// Rewards titles that say what the query says: most of the query's significant words in the title
/// (any order), and most of the title's words in the query (a title that *is* the query beats a
/// long title that merely contains it: "No space left on device" is ENOSPC, not the inode article).
enum TitleCoverage {
    /// Points when every significant query word is in the title; proportionally less for some.
    static let queryInTitle = 8.0
    /// Points when every title word is in the query.
    static let titleInQuery = 12.0

    /// - Parameter alternatives: per significant query word, the vocabulary words standing for it
    ///   (itself, its completions or its correction).
    static func score(_ title: String, alternatives: [Set<String>]) -> Double {
        guard alternatives.count >= 2 else { return 0 }
        let titleWords = Tokenizer.terms(in: title)
        let words = Set(titleWords)
        let found = alternatives.count { !$0.isDisjoint(with: words) }
        let queryWords = alternatives.reduce(into: Set<String>()) { $0.formUnion($1) }
        let covered = titleWords.count { queryWords.contains($0) || SearchQuery.stopWords.contains($0) }
        return queryInTitle * Double(found) / Double(alternatives.count)
            + titleInQuery * Double(covered) / Double(max(1, titleWords.count))
    }
}
