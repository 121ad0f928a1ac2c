/// What the words of a query may also stand for, beyond their own spelling and the completions and
/// corrections of `Ranker.expand`. The rules (constants in `RankingSpec`; `ranking.js` mirrors them
/// step for step):
/// - **Inflections**: a typed word of `inflectionMinimum` bytes or more, significant and without a
///   digit, also stands for itself plus `s`, and, when it ends in one `s` (not `ss`), for itself
///   without it ("sockets" → `socket`, "file" → `files`), at `inflectionFactor`: the same word, so
///   it counts as found.
/// - **Joins**: two adjacent typed words, both significant (not stop words) and without a digit,
///   whose concatenation is a vocabulary word ("time out" → `timeout`) each also stand for it, at
///   `joinFactor`.
/// - **Synonyms** (`SynonymTable`): where the typed words contain a phrase of a group (each typed
///   word equal to the phrase's word, or to it plus `s`), each significant word of that run also
///   stands for the significant words (two bytes or more) of the group's other phrases, as written and plus `s`, when
///   the vocabulary has them, at `synonymFactor`: lower than the user's own words. A synonym of a
///   phrase of two words or more ("file handle" → `descriptor`) is specific: the word counts as
///   found. A synonym of a single word ("box" → `server`) only suggests: it scores and counts towards
///   the verdict's coverage, but does not make the word found for the all-words tier.
/// - **Splits**: a word the vocabulary lacks and no vocabulary word starts, ASCII letters only, of
///   `splitMinimum` bytes or more, that is two vocabulary words of `splitPartMinimum` bytes or more
///   ("afterscaling" → `after` `scaling`) stands for both, at `splitFactor`, shown as a correction.
///   The split whose rarer half is in the most articles wins, the earliest on ties.
/// Words with a digit are never joined or split, so codes, hex and numbers keep their exact meaning;
/// a synonym applies to one only where the vocabulary file names it.
enum QueryVariants {
    /// A vocabulary term a query word also stands for. A weak one (a one-word synonym) scores and
    /// counts towards coverage (`Verdict`), but does not make the word found for the all-words tier.
    struct Alternative: Equatable {
        var term: String
        var factor: Double
        var isWeak: Bool
    }

    /// Per query word (`SearchQuery.terms`), the extra vocabulary terms and their factors:
    /// inflections, joins, then synonyms, each term once.
    static func alternatives(for query: SearchQuery, synonyms: SynonymTable, has: (String) -> Bool) -> [[Alternative]] {
        var position: [String: Int] = [:]
        for (index, term) in query.terms.enumerated() { position[term] = index }
        var result = [[Alternative]](repeating: [], count: query.terms.count)
        var seen = [Set<String>](repeating: [], count: query.terms.count)
        func add(_ term: String, at typedIndex: Int, _ factor: Double, weak: Bool = false) {
            let word = query.typed[typedIndex]
            guard let at = position[word], !SearchQuery.stopWords.contains(word), term != word, has(term),
                  seen[at].insert(term).inserted else { return }
            result[at].append(Alternative(term: term, factor: factor, isWeak: weak))
        }
        let typed = query.typed
        for (index, word) in typed.enumerated() where joinable(word) && word.utf8.count >= RankingSpec.inflectionMinimum {
            add(word + "s", at: index, RankingSpec.inflectionFactor)
            let bytes = word.utf8
            if bytes.count > RankingSpec.inflectionMinimum, bytes.last == UInt8(ascii: "s"),
               bytes.dropLast().last != UInt8(ascii: "s") {
                add(String(decoding: bytes.dropLast(), as: UTF8.self), at: index, RankingSpec.inflectionFactor)
            }
        }
        for index in typed.indices.dropLast() {
            let (a, b) = (typed[index], typed[index + 1])
            guard joinable(a), joinable(b) else { continue }
            add(a + b, at: index, RankingSpec.joinFactor)
            add(a + b, at: index + 1, RankingSpec.joinFactor)
        }
        for group in synonyms.groups {
            for (which, phrase) in group.enumerated() {
                // A phrase of several words matched is specific evidence; one word is not.
                let weak = phrase.count < 2
                let words = otherWords(of: group, except: which)
                for start in occurrences(of: phrase, in: typed) {
                    for word in words {
                        for offset in phrase.indices {
                            add(word, at: start + offset, RankingSpec.synonymFactor, weak: weak)
                            add(word + "s", at: start + offset, RankingSpec.synonymFactor, weak: weak)
                        }
                    }
                }
            }
        }
        return result
    }

    /// The significant words of a group's phrases other than one, in order (repeats kept: `add`
    /// drops them). A contraction's letter ("can t") is no word to search for.
    static func otherWords(of group: [[String]], except which: Int) -> [String] {
        group.enumerated().filter { $0.offset != which }.flatMap(\.element)
            .filter { !SearchQuery.stopWords.contains($0) && $0.utf8.count >= 2 }
    }

    /// Where the typed words hold the phrase, a typed word matching its word or its word plus `s`.
    static func occurrences(of phrase: [String], in typed: [String]) -> [Int] {
        guard !phrase.isEmpty, phrase.count <= typed.count else { return [] }
        return (0...(typed.count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { offset in
                let word = typed[start + offset]
                return word == phrase[offset] || word == phrase[offset] + "s"
            }
        }
    }

    private static func joinable(_ word: String) -> Bool {
        !SearchQuery.stopWords.contains(word) && !Tokenizer.containsDigit(word.utf8)
    }

    /// The two vocabulary words an unknown word runs together, if any (see the type's rules).
    /// `frequency` gives a term's article count, nil when the vocabulary lacks it.
    static func split(_ word: String, frequency: (String) -> Int?) -> (String, String)? {
        let bytes = Array(word.utf8)
        let part = RankingSpec.splitPartMinimum
        guard bytes.count >= max(RankingSpec.splitMinimum, 2 * part),
              bytes.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return nil }
        var best: (String, String, Int)?
        for cut in part...(bytes.count - part) {
            let head = String(decoding: bytes[..<cut], as: UTF8.self)
            let tail = String(decoding: bytes[cut...], as: UTF8.self)
            guard let a = frequency(head), let b = frequency(tail) else { continue }
            if best.map({ min(a, b) > $0.2 }) ?? true { best = (head, tail, min(a, b)) }
        }
        return best.map { ($0.0, $0.1) }
    }
}
