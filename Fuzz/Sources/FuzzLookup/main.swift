// fuzz-lookup: one input = one query, as typed after `errwiki lookup`.
// Covers SearchQuery (tokenizer, key), the Ranker over the shipped wiki's index (exact keys, prefixes,
// BM25F, typo corrections, log-line promotion, suggestions) and the result list renderer.
import ErrWikiKit
import Foundation
import FuzzSupport

/// The shipped wiki's index, built once into a private cache folder.
let ranker: Ranker = {
    let root = Fuzzer.contentRoot()
    let cache = NSTemporaryDirectory() + "errwiki-fuzz-lookup-\(getpid())"
    let opened = IndexStore(contentRoot: root, cacheFolder: cache).open()
    try? FileManager.default.removeItem(atPath: cache)
    guard opened.index.articleCount > 0 else { Fuzzer.fail("no article indexed from \(root)") }
    FileHandle.standardError.write(Data("fuzz-lookup: \(opened.index.articleCount) articles from \(root)\n".utf8))
    return Ranker(index: opened.index)
}()

func check(_ outcome: SearchOutcome, limit: Int) {
    if outcome.hits.count > limit { Fuzzer.fail("\(outcome.hits.count) hits for a limit of \(limit)") }
    var seen: Set<String> = []
    for hit in outcome.hits {
        if !hit.score.isFinite { Fuzzer.fail("score \(hit.score) for \(hit.article.id)") }
        if !seen.insert(hit.article.relativePath).inserted { Fuzzer.fail("\(hit.article.relativePath) listed twice") }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzzer.bytes(data, size)
    let text = String(decoding: bytes, as: UTF8.self)
    let query = SearchQuery(text)
    if query.terms.count > 64 { Fuzzer.fail("\(query.terms.count) terms; at most 64") }
    let outcome = ranker.search(text)
    check(outcome, limit: 20)
    _ = ResultListRenderer(style: .plain, width: 80).render(outcome.hits)
    if bytes.last.map({ $0 & 1 == 1 }) ?? false {
        // A filtered search ranks every candidate, not only the best few.
        let filtered = ranker.search(text, filter: Ranker.Filter(category: "errno", severity: nil), limit: 5)
        check(filtered, limit: 5)
        if let stray = filtered.hits.first(where: { $0.article.category != "errno" }) { Fuzzer.fail("filter let \(stray.article.id) through") }
    }
    return 0
}

Fuzzer.run(testOneInput)
