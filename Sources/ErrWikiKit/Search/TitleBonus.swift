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
    /// Adjacent query words, as typed.
    private let pairs: [(String, String)]
    /// Per significant query word, the vocabulary words standing for it (itself, its completions
    /// or its correction).
    private let alternatives: [Set<String>]
    private let queryWords: Set<String>

    init(query: SearchQuery, alternatives: [Set<String>]) {
        let words = query.typed
        pairs = Array(zip(words, words.dropFirst()))
        self.alternatives = alternatives
        queryWords = alternatives.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// Each text is tokenized once: this runs for every candidate of a query.
    func score(_ article: ArticleSummary) -> Double {
        guard !pairs.isEmpty || alternatives.count >= RankingSpec.coverageMinimumWords else { return 0 }
        let titleWords = Tokenizer.terms(in: article.title)
        return phrase(titleWords: titleWords, codes: article.codes) + coverage(titleWords)
    }

    /// How many query pairs stand side by side in a text's terms (as " a b " in its key would).
    private func pairsFound(in words: [String]) -> Double {
        guard words.count >= 2 else { return 0 }
        return Double(pairs.count { pair in
            zip(words, words.dropFirst()).contains { $0 == pair.0 && $1 == pair.1 }
        })
    }

    private func phrase(titleWords: [String], codes: [String]) -> Double {
        guard !pairs.isEmpty else { return 0 }
        return RankingSpec.titlePairBonus * pairsFound(in: titleWords)
            + RankingSpec.codePairBonus * codes.map { pairsFound(in: Tokenizer.terms(in: $0)) }.reduce(0, +)
    }

    /// Points when every significant query word is in the title (proportionally less for some),
    /// plus points when every title word is in the query.
    private func coverage(_ titleWords: [String]) -> Double {
        guard alternatives.count >= RankingSpec.coverageMinimumWords else { return 0 }
        let words = Set(titleWords)
        let found = alternatives.count { !$0.isDisjoint(with: words) }
        let covered = titleWords.count { queryWords.contains($0) || SearchQuery.stopWords.contains($0) }
        return RankingSpec.queryInTitleBonus * Double(found) / Double(alternatives.count)
            + RankingSpec.titleInQueryBonus * Double(covered) / Double(max(1, titleWords.count))
    }
}
