import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// The verdict measured on real input over the shipped `Content/` (issue 14): the error lines of
/// `uncovered-lines.tsv`, produced by running failing commands, which no article covers, must never
/// get an article as the answer; every `samples` line of the articles is recorded with its verdict
/// in `sample-verdicts.txt` (the ones not answered by their own article listed), so a loss shows.
@Suite struct VerdictEvaluationTests {
    static let uncovered = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/uncovered-lines.tsv")

    /// The lookup as `errwiki lookup --json` gives it: the verdict and the first result.
    static func lookup(_ query: String) throws -> (verdict: String, kind: String, id: String, articles: [String]) {
        let session = LookupSession(content: ContentRoots(BuiltSite.repository.appendingPathComponent("Content").path))
        let answer = session.lookup(LookupSession.Request(query: query, filter: Ranker.Filter(), limit: 5, listOnly: false, json: true, section: nil))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(answer.output.utf8)) as? [String: Any])
        let first = (object["results"] as? [[String: Any]])?.first ?? [:]
        return (object["verdict"] as? String ?? "", first["kind"] as? String ?? "", (first["id"] ?? first["name"]) as? String ?? "",
                first["articles"] as? [String] ?? [])
    }

    @Test func noUncoveredLineGetsAnArticleAsTheAnswer() throws {
        let lines = try String(contentsOf: Self.uncovered, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).last.map(String.init) }
        #expect(lines.count >= 60)
        var verdicts: [String: Int] = [:]
        for line in lines {
            let found = try Self.lookup(line)
            verdicts[found.verdict, default: 0] += 1
            // A catalog entry that says no article covers its code is honest; an article is not.
            let articleAnswer = found.verdict == "answer" && (found.kind == "article" || !found.articles.isEmpty)
            #expect(!articleAnswer, "\(line) → \(found.kind) \(found.id)")
        }
        // Most stay "none" rather than "candidates": 92 of 187 (49 %) at 416 articles, down from a
        // majority at 307 as new articles share more words. A coverage floor of 0.6 instead of 0.5
        // would make it 115, but 17 more well-ranked phrasing queries would then read "not covered",
        // a loss on covered ones; so the floor stays and this guards against a fall below 45 %.
        #expect((verdicts["none"] ?? 0) * 100 >= lines.count * 45, "\(verdicts)")
    }

    /// Lines collected as uncovered that an article written since answers: each must get that article.
    @Test func everyFormerlyUncoveredLineGetsItsArticle() throws {
        let file = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/answered-lines.tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count >= 20)
        for row in rows {
            guard let expected = row.first, let line = row.last, row.count >= 4 else { Issue.record("malformed row \(row)"); continue }
            let found = try Self.lookup(line)
            // A catalog entry that the article claims counts as the article's answer.
            let own = found.id == expected || found.articles.contains(expected)
            #expect(found.verdict == "answer" && own, "\(line) → \(found.verdict) \(found.id), expected \(expected)")
        }
    }

    @Test func everySampleKeepsItsVerdict() throws {
        var report = ""
        var answered = 0, total = 0
        let content = BuiltSite.repository.appendingPathComponent("Content")
        let wiki = WikiLoader.load(root: content.path).wiki
        for article in wiki.articles {
            for sample in article.samples {
                total += 1
                let found = try Self.lookup(sample)
                let own = found.id == article.id || found.articles.contains(article.id)
                if found.verdict == "answer" && own { answered += 1; continue }
                report += "\(article.id)\t\(found.verdict)\t\(found.kind) \(found.id)\t\(sample)\n"
            }
        }
        #expect(total > 400 && answered * 100 >= total * 94, "\(answered) of \(total)")
        let golden = FixturePaths.fixtures().appendingPathComponent("sample-verdicts.txt")
        if let problem = Golden.mismatch("# samples not answered by their own article: \(total - answered) of \(total)\n" + report, golden: golden) {
            Issue.record("\(problem)")
        }
    }
}
