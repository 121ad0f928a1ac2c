import ErrWikiKit

/// What the site's search ranks with, per term and per article, for articles given in their tie
/// order (`SearchIndexScript`): the vocabulary in byte order with document frequencies, each term's
/// postings encoded (`SearchNumberCode`), the query keys, and per article its weighted length, title
/// length and title stop words. The weights are the terminal index's (`SearchField.termWeights`).
///
/// A run of postings starts with its form. 0, sparse: per article the gap from the previous one, then
/// the flagged weight. 1, dense, for a term in half the articles or more (one byte an article
/// instead of two): per article in order its flagged weight, 0 when the term is not in it. A flagged
/// weight is twice the weight, plus 1 when title and code positions follow (`heading`).
struct SearchPostings {
    private(set) var terms: [String] = []
    private(set) var documentFrequency: [Int] = []
    private(set) var postings: [[UInt8]] = []
    private(set) var keys: [(key: String, documents: [Int])] = []
    /// Per article: [weighted length, t × (t + 1) / 2 + s] for a title of t terms of which s are stop
    /// words (s ≤ t, so one small number holds both).
    private(set) var stats: [[Int]] = []

    /// What one article adds (`encode` runs per block, blocks in parallel).
    private struct Analysis {
        var weights: [String: UInt32]
        /// Term → its positions in the title, and its (code, position) pairs.
        var headings: [String: (title: [Int], codes: [Int])]
        var stats: [Int]
        var keys: [String]
    }

    /// A block of consecutive articles, encoded in parallel: per term, its first and last article,
    /// how many, and its postings with every gap but the first (which the merge writes).
    private struct Block: Sendable {
        var stats: [[Int]] = []
        var keys: [(String, Int)] = []
        var terms: [String] = [], first: [Int] = [], last: [Int] = [], count: [Int] = [], bytes: [[UInt8]] = []
    }

    init(articles: [Article]) {
        var slots: [String: Int] = [:]
        var runs: [[UInt8]] = [], previous: [Int] = [], frequency: [Int] = []
        var keyDocuments: [String: [Int]] = [:]
        let blockSize = 256, group = 16 * blockSize
        for groupStart in stride(from: 0, to: articles.count, by: group) {
            let starts = Array(stride(from: groupStart, to: min(articles.count, groupStart + group), by: blockSize))
            let blocks = ParallelMap.map(starts) { start in
                Self.encode(articles, start..<min(articles.count, start + blockSize))
            }
            for block in blocks {
                stats += block.stats
                for (key, number) in block.keys where keyDocuments[key]?.last != number { keyDocuments[key, default: []].append(number) }
                for (index, term) in block.terms.enumerated() {
                    let slot: Int
                    if let known = slots[term] { slot = known } else {
                        slot = runs.count
                        slots[term] = slot
                        runs.append([]); previous.append(0); frequency.append(0)
                    }
                    SearchNumberCode.append(block.first[index] - previous[slot], to: &runs[slot])
                    runs[slot] += block.bytes[index]
                    previous[slot] = block.last[index]
                    frequency[slot] += block.count[index]
                }
            }
        }
        let sorted = slots.sorted { ContentScanner.byteOrder($0.key, $1.key) }
        terms = sorted.map(\.key)
        documentFrequency = sorted.map { frequency[$0.value] }
        postings = sorted.map { slot in
            frequency[slot.value] * 2 >= articles.count ? Self.dense(runs[slot.value], articles: articles.count) : [SearchNumberCode.finals[0]] + runs[slot.value]
        }
        keys = keyDocuments.sorted { ContentScanner.byteOrder($0.key, $1.key) }.map { (key: $0.key, documents: $0.value) }
    }

    /// A sparse run (without its form) in the dense form.
    private static func dense(_ sparse: [UInt8], articles: Int) -> [UInt8] {
        let numbers = SearchNumberCode.decode(sparse) ?? []
        var out: [UInt8] = [], next = 0, index = 0, article = 0
        SearchNumberCode.append(1, to: &out)
        while index < numbers.count {
            article += numbers[index]
            for _ in next..<article { SearchNumberCode.append(0, to: &out) }
            let flagged = numbers[index + 1]
            var end = index + 2
            if flagged & 1 == 1 {
                end += 1 + numbers[end]
                end += 1 + 2 * numbers[end]
            }
            for value in numbers[(index + 1)..<end] { SearchNumberCode.append(value, to: &out) }
            index = end
            next = article + 1
        }
        for _ in next..<articles { SearchNumberCode.append(0, to: &out) }
        return out
    }

    private static func encode(_ articles: [Article], _ range: Range<Int>) -> Block {
        var block = Block(), slots: [String: Int] = [:]
        for number in range {
            let analysis = analyse(articles[number])
            block.stats.append(analysis.stats)
            for key in analysis.keys { block.keys.append((key, number)) }
            for (term, weight) in analysis.weights {
                let slot: Int
                if let known = slots[term] {
                    slot = known
                    SearchNumberCode.append(number - block.last[slot], to: &block.bytes[slot])
                } else {
                    slot = block.terms.count
                    slots[term] = slot
                    block.terms.append(term); block.first.append(number); block.last.append(number); block.count.append(0); block.bytes.append([])
                }
                block.last[slot] = number
                block.count[slot] += 1
                let heading = analysis.headings[term]
                SearchNumberCode.append(Int(weight) * 2 + (heading == nil ? 0 : 1), to: &block.bytes[slot])
                if let heading {
                    SearchNumberCode.append(heading.title.count, to: &block.bytes[slot])
                    for position in heading.title { SearchNumberCode.append(position, to: &block.bytes[slot]) }
                    SearchNumberCode.append(heading.codes.count / 2, to: &block.bytes[slot])
                    for value in heading.codes { SearchNumberCode.append(value, to: &block.bytes[slot]) }
                }
            }
        }
        return block
    }

    private static func analyse(_ article: Article) -> Analysis {
        let weights = SearchField.termWeights(of: article)
        var headings: [String: (title: [Int], codes: [Int])] = [:]
        let title = Tokenizer.terms(in: article.title)
        for (position, term) in title.enumerated() { headings[term, default: ([], [])].title.append(position) }
        for (code, text) in article.codes.enumerated() {
            for (position, term) in Tokenizer.terms(in: text).enumerated() {
                headings[term, default: ([], [])].codes.append(contentsOf: [code, position])
            }
        }
        let length = Int(weights.values.reduce(0, +))
        let stops = title.count { SearchQuery.stopWords.contains($0) }
        return Analysis(weights: weights, headings: headings, stats: [length, title.count * (title.count + 1) / 2 + stops],
                        keys: Tokenizer.keys(id: article.id, codes: article.codes))
    }
}
