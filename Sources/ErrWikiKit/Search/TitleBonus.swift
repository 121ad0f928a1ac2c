/// The bonuses that look at an article's title and codes as text, prepared once per query and
/// applied to every candidate. Weights in `RankingSpec`.
///
/// - Phrase: query words that stand together in the title or a code, as typed: "too many open
///   files" is the EMFILE title, not five words scattered over a disk article. (Not the summary:
///   see `RankingSpec`.)
/// - Coverage: most of the query's significant words in the title (any order), and most of the
///   title's words in the query (a title that *is* the query beats a long title that merely
///   contains it: "No space left on device" is ENOSPC, not the inode article).
/// - Code: a number of the article's codes (a search term with a digit, of `codeInQueryMinimum`
///   bytes or more, such as `137` in "137" or in "Exited (137)") is a word of the query ("the job
///   ended with status 137 overnight" names exit code 137, however many other words share the
///   sentence). A number
///   appears in many bodies, so BM25 alone gives it little weight. A code made of words needs no
///   such help, its words are rare and its pairs earn the phrase bonus; some are plain words
///   ("denied", "masked", systemd's "not-found") that say little inside a sentence.
struct TitleBonus {
    /// Adjacent query words, as typed.
    private let pairs: [(String, String)]
    /// Per significant query word, the vocabulary words standing for it (itself, its completions
    /// or its correction).
    private let alternatives: [Set<String>]
    private let queryWords: Set<String>
    /// The typed words with a digit, of the code bonus's length.
    private let typedNumbers: Set<String>

    init(query: SearchQuery, alternatives: [Set<String>]) {
        let words = query.typed
        pairs = Array(zip(words, words.dropFirst()))
        typedNumbers = Set(words.filter(Self.isCodeNumber))
        self.alternatives = alternatives
        queryWords = alternatives.reduce(into: Set<String>()) { $0.formUnion($1) }
    }

    /// Each text is tokenized once: this runs for every candidate of a query.
    func score(_ article: ArticleSummary) -> Double {
        guard !pairs.isEmpty || alternatives.count >= RankingSpec.coverageMinimumWords else { return 0 }
        let titleWords = Tokenizer.terms(in: article.title)
        let codeWords = article.codes.map(Tokenizer.terms(in:))
        return phrase(titleWords: titleWords, codeWords: codeWords) + coverage(titleWords) + code(codeWords)
    }

    /// Points once when a number of the article's codes is a word of the query (see above).
    private func code(_ codeWords: [[String]]) -> Double {
        guard !typedNumbers.isEmpty else { return 0 }
        return codeWords.contains { $0.contains(where: typedNumbers.contains) } ? RankingSpec.codeInQueryBonus : 0
    }

    /// A search term with a digit, long enough for the code bonus.
    private static func isCodeNumber(_ term: String) -> Bool {
        term.utf8.count >= RankingSpec.codeInQueryMinimum && Tokenizer.containsDigit(term.utf8)
    }

    /// How many query pairs stand side by side in a text's terms (as " a b " in its key would).
    private func pairsFound(in words: [String]) -> Double {
        guard words.count >= 2 else { return 0 }
        return Double(pairs.count { pair in
            zip(words, words.dropFirst()).contains { $0 == pair.0 && $1 == pair.1 }
        })
    }

    private func phrase(titleWords: [String], codeWords: [[String]]) -> Double {
        guard !pairs.isEmpty else { return 0 }
        return RankingSpec.titlePairBonus * pairsFound(in: titleWords)
            + RankingSpec.codePairBonus * codeWords.map(pairsFound(in:)).reduce(0, +)
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
