import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// The knowledge base shipped in Content/ must not silently shrink or lose its shape. (With
/// HyperscanEngineTests, which replays its samples, the suites that read the shipped content on
/// purpose; everything else uses fixtures.)
@Suite struct ShippedContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized.path
    static let report = ContentCheck.run(root: root, displayRoot: "Content")
    var articles: [Article] { Self.report.wiki.published() }

    @Test func passesStrictCheck() {
        #expect(Self.report.diagnostics.isEmpty, "\(Self.report.diagnostics.prefix(5))")
    }

    /// The floor rises with the content (issue 15: 400 in 30 or more).
    @Test func hasAtLeast400ArticlesIn30Categories() {
        #expect(articles.count >= 400)
        #expect(Set(articles.map(\.category)).count >= 30)
    }

    @Test func everyArticleIsComplete() {
        for article in articles {
            #expect(article.causes.count >= 3, "\(article.id): causes")
            #expect(article.steps.count >= 3, "\(article.id): steps")
            #expect(article.steps.filter { $0.command != nil }.count >= 3, "\(article.id): steps with commands")
            #expect(!article.faq.isEmpty, "\(article.id): faq")
            #expect(article.symptoms.count >= 3, "\(article.id): symptoms (how people describe it)")
            #expect(!article.keyDetails.isEmpty, "\(article.id): key details")
            #expect(!article.summary.isEmpty && !article.body.isEmpty, "\(article.id): summary and body")
        }
    }

    @Test func everyArticleIsLinkedInOrOut() {
        let linkedTo = Set(articles.flatMap(\.related))
        for article in articles {
            #expect(!article.related.isEmpty || linkedTo.contains(article.id), "\(article.id) has no link in or out")
        }
    }

    @Test func everyCategoryHasMoreThanOneArticle() {
        let counts = Dictionary(grouping: articles, by: \.category).mapValues(\.count)
        for (category, count) in counts { #expect(count >= 2, "\(category) has \(count) article") }
    }

    /// A code claimed by two articles must be one that genuinely means both; each such pair is listed
    /// here on purpose, so a new collision fails until someone decides it is right.
    @Test func codesAreClaimedOnceUnlessListed() {
        let shared: Set<String> = ["net err cert authority invalid"]
        var owners: [String: [String]] = [:]
        for article in articles {
            for code in Set(article.codes.map(Tokenizer.key)) { owners[code, default: []].append(article.id) }
        }
        for (code, ids) in owners where ids.count > 1 {
            #expect(shared.contains(code), "code \(code) is claimed by \(ids.sorted())")
        }
    }

    /// Every sample is found by diagnose's matcher (prefilter included) and attributed to its own
    /// article; the prefilter never drops a line the patterns match.
    @Test func diagnoseFindsEverySample() {
        forEachSampleMatch { index, sample, found, signatures, scratch in
            #expect(found.contains { signatures.signatures[$0.signature].article == index }, "\(articles[index].id): \(sample)")
            let bruteForce = signatures.signatures.indices.filter { signatures.pattern($0, &scratch)?.matches(sample) ?? false }
            #expect(found.map(\.signature) == bruteForce, "prefilter lost a match for \(sample)")
        }
    }

    /// Every sample of every article through diagnose's matcher: the article's index, the sample,
    /// what matched it, and the signatures.
    private typealias Matches = [(signature: Int, text: String, range: Range<String.Index>)]

    private func forEachSampleMatch(_ body: (Int, String, Matches, LogSignatures, inout LogSignatures.Scratch) -> Void) {
        let signatures = LogSignatures(articles: articles.map(ArticleSummary.init))
        var scratch = signatures.makeScratch()
        for (index, article) in articles.enumerated() {
            for sample in article.samples {
                var bytes = Array(sample.utf8)
                let found = bytes.withUnsafeMutableBufferPointer { signatures.matches(UnsafeBufferPointer($0), scratch: &scratch) }
                body(index, sample, found, signatures, &scratch)
            }
        }
    }

    /// A sample matched by another article's patterns is allowed only as a listed pair ("owner
    /// claimer": the generic errno and exit-status articles rightly match a message that names
    /// their code), so a new overlap fails until someone decides both articles describe the line.
    @Test func samplesAreClaimedByOtherArticlesOnlyAsListedPairs() {
        var pairs = Set<String>()
        forEachSampleMatch { index, _, found, signatures, _ in
            for match in found where signatures.signatures[match.signature].article != index {
                pairs.insert("\(articles[index].id) \(articles[signatures.signatures[match.signature].article].id)")
            }
        }
        let listed = FixturePaths.fixtures().appendingPathComponent("shared-samples.txt")
        let text = "# owner claimer: a sample of owner is also matched by claimer's patterns, on purpose\n"
            + pairs.sorted().joined(separator: "\n") + "\n"
        if let mismatch = Golden.mismatch(text, golden: listed) { Issue.record("\(mismatch)") }
    }

    @Test func benignLogLinesMatchNothing() {
        let signatures = LogSignatures(articles: articles.map(ArticleSummary.init))
        var scratch = signatures.makeScratch()
        let noise = [
            "Nov 26 10:00:01 host systemd[1]: Started Daily apt download activities.",
            "Nov 26 10:00:02 host sshd[1201]: Accepted publickey for deploy from 10.0.0.2 port 52144 ssh2",
            "Nov 26 10:00:04 host CRON[1300]: (root) CMD (run-parts /etc/cron.hourly)",
            "2026-11-26 10:00:05.000 UTC [200] LOG:  checkpoint complete: wrote 3 buffers",
            "10.0.0.1 - - [26/Nov/2026:10:00:06 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/7.88.1\"",
            "INFO:root:processed 1200 records in 3.2s",
            "Nov 26 10:00:08 host systemd[1]: Reached target Multi-User System.",
            "Nov 26 10:00:09 host kernel: EXT4-fs (sda1): mounted filesystem with ordered data mode.",
            "web-7d4b9c6f5-abcde   1/1     Running   0          2d",
        ]
        for line in noise {
            var bytes = Array(line.utf8)
            let found = bytes.withUnsafeMutableBufferPointer { signatures.matches(UnsafeBufferPointer($0), scratch: &scratch) }
            #expect(found.isEmpty, "\(line) matched \(found.map { signatures.articles[signatures.signatures[$0.signature].article].id })")
        }
    }
}
