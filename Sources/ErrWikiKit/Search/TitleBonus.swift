/// The bonuses that look at an article's title and codes as text, prepared once per query and
/// applied to every candidate. Weights in `RankingSpec`.
///
/// - Phrase: query words that stand together in the title or a code, as typed: "too many open
///   files" is the EMFILE title, not five words scattered over a disk article. (Not the summary:
///   see `RankingSpec`.)
/// - Coverage: most of the query's significant words in the title (any order), and most of the
///   title's words in the query (a title that *is* the query beats a long title that merely
///   contains it: "No space left on device" is ENOSPC, not the inode article).
struct TitleBonus {
    /// Adjacent query words, as " a b " to find in a field's key.
    private let pairs: [String]
    /// Per significant query word, the vocabulary words standing for it (itself, its completions
    /// or its correction).
    private let alternatives: [Set<String>]
    private let queryWords: Set<String>

    init(query: SearchQuery, alternatives: [Set<String>]) {
        let words = query.typed
        pairs = zip(words, words.dropFirst()).map { " \($0) \($1) " }
        self.alternatives = alternatives
        queryWords = alternatives.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    func score(_ article: ArticleSummary) -> Double {
        phrase(article) + coverage(article.title)
    }

    private func phrase(_ article: ArticleSummary) -> Double {
        guard !pairs.isEmpty else { return 0 }
        func pairsFound(in text: String) -> Double {
            let key = " " + Tokenizer.key(text) + " "
            return Double(pairs.count { ByteSearch.contains(key, $0) })
        }
        return RankingSpec.titlePairBonus * pairsFound(in: article.title)
            + RankingSpec.codePairBonus * article.codes.map(pairsFound).reduce(0, +)
    }

    /// Points when every significant query word is in the title (proportionally less for some),
    /// plus points when every title word is in the query.
    private func coverage(_ title: String) -> Double {
        guard alternatives.count >= RankingSpec.coverageMinimumWords else { return 0 }
        let titleWords = Tokenizer.terms(in: title)
        let words = Set(titleWords)
        let found = alternatives.count { !$0.isDisjoint(with: words) }
        let covered = titleWords.count { queryWords.contains($0) || SearchQuery.stopWords.contains($0) }
        return RankingSpec.queryInTitleBonus * Double(found) / Double(alternatives.count)
            + RankingSpec.titleInQueryBonus * Double(covered) / Double(max(1, titleWords.count))
    }
}
