import ErrWikiKit

/// The site's search data, sharded by term so that the search page loads only what a query reads
/// (a wiki of 100,000 articles has hundreds of megabytes of postings). Everything is a classic
/// script under `search/`, since from disk (file://) browsers block `fetch()`, workers and modules
/// but run an inserted `<script src>`:
///
/// - `search/index.js`, the only file the page loads up front: the ranking specification
///   (`RankingSpec.json`), the synonyms, the article count and total length (BM25's average), and
///   the first key of every shard below, so the page knows which file holds a term.
/// - `v-N.js`, the vocabulary in byte order, cut into shards: term, number of articles, term, … (a flat
///   array: a JavaScript object would put number-like keys such as "137" first).
/// - `p-N.js`, the postings, cut the same way but by their own size: term → a run of numbers
///   (`SearchNumberCode`; sparse or dense, `SearchPostings`), per article: twice the weight
///   (`SearchField.termWeights`, in half units) plus 1 when the term is in the title or a code,
///   followed then by its title positions and its (code, position) pairs: what the title bonuses
///   read (`TitleBonus`), so no title is loaded to rank.
/// - `k-N.js`, ids and codes as query keys (`Tokenizer.key`) → articles, for the exact and prefix tiers.
/// - `t-L.js`, `u-L.js`, `i-L.js`: the words without a digit (with their counts), the words with one,
///   and the ids, of L bytes: typo corrections and suggestions only compare words of close lengths.
/// - `s-N.js`, per article in order: its weighted length as BM25 reads it (`RankingSpec.lengthLevel`),
///   and the number of its title's terms and how many of those are stop words, packed into one
///   (`SearchPostings.stats`; `statsChunk` articles a file): about two bytes an article.
/// - `d-N.js`, what a result shows (id, title, path, severity, category, its label, snippet), and the
///   patterns with their required literals (`RequiredLiterals`) for a log line's first candidates,
///   `displayChunk` articles a file: results are spread over the whole wiki, so a file per result or
///   two, and the log line's candidates are then shown from the files already loaded.
///
/// Articles are numbered by severity (most severe first), then id in byte order: the ranking's
/// tie order, so the page breaks ties by number without loading either. Each data file calls
/// `ERRWIKI_SEARCH_ADD(name, data)`; `assets/ranking.js` says which files a query needs and ranks
/// exactly as `errwiki lookup` does (the ranking vectors replay through these files under Node).
/// Every file's digest is its content, so a build rewrites only the shards that changed.
enum SearchIndexScript {
    static let version = 4
    static let vocabularyShardBytes = 12_000
    static let postingsShardBytes = 24_000
    static let keyShardBytes = 12_000
    static let statsChunk = 4_096
    static let displayChunk = 2

    static func pages(model: SiteModel, cards: [ArticleCard]) -> [Page] {
        files(model: model, cards: cards).map { file in
            var hasher = StableHasher()
            file.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            let bytes = file.bytes
            return Page(path: file.path, digest: hasher.hexDigest) { bytes }
        }
    }

    struct File {
        let path: SitePath
        let bytes: [UInt8]
    }

    /// Articles in the ranking's tie order: the more severe first, then the id in byte order.
    static func tieOrder(_ articles: [Article]) -> [Int] {
        articles.indices.sorted { a, b in
            let (x, y) = (articles[a], articles[b])
            if x.severity.rank != y.severity.rank { return x.severity.rank < y.severity.rank }
            return ContentScanner.byteOrder(x.id, y.id)
        }
    }

    static func files(model: SiteModel, cards: [ArticleCard]) -> [File] {
        let order = tieOrder(model.articles)
        let data = SearchPostings(articles: order.map { model.articles[$0] })
        var files: [File] = []
        func add(_ name: String, _ json: String) {
            files.append(File(path: .searchData(name), bytes: Array("ERRWIKI_SEARCH_ADD(\"\(name)\",\(json));\n".utf8)))
        }

        let vocabulary = data.terms
        let vocabularyShards = SearchShards.cut(vocabulary.map { $0.utf8.count + 8 }, target: vocabularyShardBytes)
        for (number, range) in vocabularyShards.enumerated() {
            add("v-\(number)", array(range.flatMap { [quoted(vocabulary[$0]), String(data.documentFrequency[$0])] }))
        }
        let postingsShards = SearchShards.cut(vocabulary.indices.map { vocabulary[$0].utf8.count + data.postings[$0].count + 4 },
                                              target: postingsShardBytes)
        for (number, range) in postingsShards.enumerated() {
            add("p-\(number)", object(range.map { (vocabulary[$0], quoted(String(decoding: data.postings[$0], as: UTF8.self))) }))
        }
        let keys = data.keys
        let keyShards = SearchShards.cut(keys.map { $0.key.utf8.count + 6 * $0.documents.count + 4 }, target: keyShardBytes)
        for (number, range) in keyShards.enumerated() {
            add("k-\(number)", object(range.map { (keys[$0].key, "[" + keys[$0].documents.map(String.init).joined(separator: ",") + "]") }))
        }

        // Words and ids by length in bytes, each list in byte order.
        var words: [Int: [(String, String)]] = [:], numbers: [Int: [String]] = [:], ids: [Int: [String]] = [:]
        for (index, term) in vocabulary.enumerated() {
            if Tokenizer.containsDigit(term.utf8) {
                numbers[term.utf8.count, default: []].append(term)
            } else {
                words[term.utf8.count, default: []].append((term, String(data.documentFrequency[index])))
            }
        }
        let sortedIDs = order.map { model.articles[$0].id }.sorted(by: ContentScanner.byteOrder)
        for id in sortedIDs { ids[id.utf8.count, default: []].append(id) }
        for (length, list) in words { add("t-\(length)", array(list.flatMap { [quoted($0.0), $0.1] })) }
        for (length, list) in numbers { add("u-\(length)", array(list.map(quoted))) }
        for (length, list) in ids { add("i-\(length)", array(list.map(quoted))) }

        for start in stride(from: 0, to: order.count, by: statsChunk) {
            var run: [UInt8] = []
            for number in start..<min(order.count, start + statsChunk) {
                SearchNumberCode.append(RankingSpec.lengthLevel(data.stats[number][0]), to: &run)
                SearchNumberCode.append(data.stats[number][1], to: &run)
            }
            add("s-\(start / statsChunk)", quoted(String(decoding: run, as: UTF8.self)))
        }
        for start in stride(from: 0, to: order.count, by: displayChunk) {
            add("d-\(start / displayChunk)", array((start..<min(order.count, start + displayChunk)).map { number in
                let (article, card) = (model.articles[order[number]], cards[order[number]])
                let patterns: ScriptJSON = article.patterns.isEmpty ? .number(0) : .array([
                    .array(article.patterns.map(ScriptJSON.string)),
                    .array(article.patterns.map { .array(RequiredLiterals(pattern: $0).caseFolded.map(ScriptJSON.string)) })])
                return ScriptJSON.array([.string(article.id), .string(article.title), .string(card.path.value),
                                         .string(article.severity.rawValue), .string(article.category),
                                         .string(CategoryName.label(article.category)), .string(card.summaryText), patterns]).text
            }))
        }

        var manifest = "// Generated by errwiki build: what search.html loads first; the rest of search/ is loaded per query.\n"
        manifest += "window.ERRWIKI_SEARCH = {\"version\":\(version),\"ranking\":" + RankingSpec.json
        manifest += ",\"synonyms\":" + ScriptJSON.array(model.synonyms.groups.map { group in
            .array(group.map { phrase in .array(phrase.map(ScriptJSON.string)) })
        }).text
        manifest += ",\"total\":\(order.count),\"lengthSum\":\(data.stats.reduce(0) { $0 + $1[0] })"
        manifest += ",\"vocabulary\":" + array(vocabularyShards.map { quoted(vocabulary[$0.lowerBound]) })
        manifest += ",\"postings\":" + array(postingsShards.map { quoted(vocabulary[$0.lowerBound]) })
        manifest += ",\"keys\":" + array(keyShards.map { quoted(keys[$0.lowerBound].key) })
        manifest += ",\"words\":" + array(words.keys.sorted().map(String.init))
        manifest += ",\"numbers\":" + array(numbers.keys.sorted().map(String.init))
        manifest += ",\"ids\":" + array(ids.keys.sorted().map(String.init))
        manifest += ",\"statsChunk\":\(statsChunk),\"displayChunk\":\(displayChunk)};\n"
        files.append(File(path: .searchManifest, bytes: Array(manifest.utf8)))
        return files
    }

    private static func quoted(_ text: String) -> String {
        var out = ""
        ScriptJSON.writeString(text, to: &out)
        return out
    }

    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    /// Members already serialised, keys in the order given.
    private static func object(_ members: [(String, String)]) -> String {
        var out = "{"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += "," }
            ScriptJSON.writeString(key, to: &out)
            out += ":"
            out += value
        }
        return out + "}"
    }
}
