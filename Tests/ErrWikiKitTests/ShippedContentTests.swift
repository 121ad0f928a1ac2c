import ErrWikiKit
import Foundation
import Testing

/// The knowledge base shipped in Content/ must not silently shrink or lose its shape. (The one suite
/// that reads the shipped content on purpose; everything else uses fixtures.)
@Suite struct ShippedContentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized.path
    static let report = ContentCheck.run(root: root, displayRoot: "Content")
    var articles: [Article] { Self.report.wiki.published() }

    @Test func passesStrictCheck() {
        #expect(Self.report.diagnostics.isEmpty, "\(Self.report.diagnostics.prefix(5))")
    }

    @Test func hasAtLeast150ArticlesIn14Categories() {
        #expect(articles.count >= 150)
        #expect(Set(articles.map(\.category)).count >= 14)
    }

    @Test func everyArticleIsComplete() {
        for article in articles {
            #expect(article.causes.count >= 3, "\(article.id): causes")
            #expect(article.steps.count >= 3, "\(article.id): steps")
            #expect(article.steps.filter { $0.command != nil }.count >= 3, "\(article.id): steps with commands")
            #expect(!article.faq.isEmpty, "\(article.id): faq")
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
}
