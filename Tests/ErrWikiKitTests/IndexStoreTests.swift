import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// The persisted index: never stale, rebuilt when damaged, safe with concurrent lookups.
@Suite struct IndexStoreTests {
    static func article(_ id: String, title: String, code: String) -> String {
        """
        ---
        title: \(title)
        category: sample
        severity: medium
        summary: About \(title).
        codes: [\(code)]
        causes: [Something]
        steps: [Fix it.]
        ---
        Body of \(id).

        """
    }

    /// A content folder with three articles and a private cache folder.
    struct Sandbox {
        let base: URL
        var content: URL { base.appendingPathComponent("content") }
        var cache: String { base.appendingPathComponent("cache").path }
        var store: IndexStore { IndexStore(contentRoot: content.path, cacheFolder: cache) }

        init() throws {
            base = try FixturePaths.temporaryFolder()
            try FileManager.default.createDirectory(at: content.appendingPathComponent("sample"), withIntermediateDirectories: true)
            for (id, title, code) in [("alpha", "Alpha failure", "EALPHA"), ("beta", "Beta failure", "EBETA"), ("gamma", "Gamma failure", "EGAMMA")] {
                try write(id, IndexStoreTests.article(id, title: title, code: code))
            }
        }

        /// Writes in place (as `echo >>` or a simple editor would); `atomically` renames a new file over it.
        func write(_ id: String, _ text: String, atomically: Bool = false) throws {
            try text.write(to: content.appendingPathComponent("sample/\(id).md"), atomically: atomically, encoding: .utf8)
        }

        /// Waits out the window in which a just-written file is not trusted (see `FileStamp.racyWindow`).
        func settle() { usleep(150_000) }

        func remove() { try? FileManager.default.removeItem(at: base) }
    }

    @Test func buildsOnceThenReusesTheIndex() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let first = sandbox.store.open()
        #expect(first.freshness == .rebuilt(reparsed: 3, reason: "no usable index"))
        #expect(first.index.articleCount == 3)
        #expect(FileManager.default.fileExists(atPath: sandbox.store.indexPath))
        // Files written just before the build are re-read once, then the index is trusted.
        sandbox.settle()
        _ = sandbox.store.open()
        #expect(sandbox.store.open().freshness == .upToDate)
    }

    @Test func anEditIsSeenByTheNextLookupAndOnlyThatFileIsReread() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        sandbox.settle()
        _ = sandbox.store.open()
        // Same size, new content, written in place: the stamp must give it away.
        try sandbox.write("beta", IndexStoreTests.article("beta", title: "Delta failure", code: "EBETA"))
        let reopened = sandbox.store.open()
        #expect(reopened.freshness == .rebuilt(reparsed: 1, reason: "content changed"))
        let hits = Ranker(index: reopened.index).search("delta").hits
        #expect(hits.first?.article.id == "beta")
        #expect(hits.first?.article.title == "Delta failure")
        #expect(Ranker(index: reopened.index).search("alpha").hits.first?.article.id == "alpha")
    }

    @Test func addedAndRemovedFilesAreSeen() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = sandbox.store.open()
        try sandbox.write("epsilon", IndexStoreTests.article("epsilon", title: "Epsilon failure", code: "EEPS"))
        try FileManager.default.removeItem(at: sandbox.content.appendingPathComponent("sample/alpha.md"))
        let index = sandbox.store.open().index
        #expect(Ranker(index: index).all().map(\.article.id) == ["beta", "epsilon", "gamma"])
    }

    @Test(arguments: ["garbage", "truncated", "other version", "empty", "huge table offset", "huge lengths offset"])
    func aDamagedIndexIsRebuiltNotTrusted(damage: String) throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        _ = sandbox.store.open()
        let path = sandbox.store.indexPath
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "garbage": bytes = (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "other version": bytes[8] = 99
        // The high byte of a table's start, then of the lengths offset: a value past Int.max must
        // read as damage, not trap when converted (header: magic 8, version 4, ranking u64, four u64, lengths offset u64,
        // tables of u64 + u32).
        case "huge table offset": bytes[60 + 8 * 12 + 7] = 0xF4
        case "huge lengths offset": bytes[52 + 7] = 0xF4
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reopened = sandbox.store.open()
        #expect(reopened.freshness == .rebuilt(reparsed: 3, reason: "no usable index"))
        #expect(Ranker(index: reopened.index).search("EBETA").hits.first?.article.id == "beta")
    }

    @Test func corruptPostingsInsideAValidHeaderDoNotCrash() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let built = sandbox.store.open().index
        let path = sandbox.store.indexPath
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Flip every byte after the header: offsets stay checked, every read is bounds-checked.
        for offset in 120..<bytes.count { bytes[offset] ^= 0xFF }
        // Either the damage is noticed when opening, or every answer stays within the index.
        if let damaged = try? SearchIndex(bytes: bytes) {
            #expect(damaged.articleCount == built.articleCount)
            #expect(Ranker(index: damaged).search("failure alpha").hits.count <= damaged.articleCount)
            #expect(Ranker(index: damaged).all().count <= damaged.articleCount)
        }
    }

    @Test func articlesWithErrorsAndDraftsAreLeftOutAndReported() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.write("broken", "---\ntitle: [\n---\n")
        try sandbox.write("draft", IndexStoreTests.article("draft", title: "Draft failure", code: "EDRAFT").replacingOccurrences(of: "steps:", with: "draft: true\nsteps:"))
        let opened = sandbox.store.open()
        #expect(Ranker(index: opened.index).all().map(\.article.id) == ["alpha", "beta", "gamma"])
        #expect(opened.diagnostics.map(\.rule) == [.yamlSyntax])
        // Drafts are left out on purpose; only files with errors are named, by every open.
        let broken = sandbox.content.path + "/sample/broken.md"
        #expect(opened.leftOut == [broken])
        sandbox.settle()
        _ = sandbox.store.open()
        let reused = sandbox.store.open()
        #expect(reused.freshness == .upToDate)
        #expect(reused.diagnostics.isEmpty && reused.leftOut == [broken])
    }

    @Test func damagedPostingsAreNoticedOnReadAndTheIndexRebuilt() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        sandbox.settle()
        _ = sandbox.store.open()
        let path = sandbox.store.indexPath
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // One byte inside the posting lists: the header and every offset still check out at open.
        let postings = IndexFileLayout.postingsBlob(bytes)
        bytes[postings.lowerBound + postings.count / 2] = 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let damaged = try SearchIndex(bytes: bytes)
        #expect(!damaged.isDamaged)
        for term in 0..<damaged.termCount { _ = damaged.postings(term) }
        #expect(damaged.isDamaged)

        let answer = sandbox.store.answer { index in
            (0..<index.termCount).flatMap { index.postings($0) }.count
        }
        #expect(answer.opened.freshness == .rebuilt(reparsed: 3, reason: "damaged index"))
        let healthy = try SearchIndex(mappingFile: path)
        #expect(answer.result == (0..<healthy.termCount).flatMap { healthy.postings($0) }.count)
        #expect(!healthy.isDamaged)
        #expect(sandbox.store.answer { Ranker(index: $0).search("beta failure").hits.first?.article.id }.result == "beta")
    }

    @Test func concurrentLookupsWhileContentChangesNeverFail() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let store = sandbox.store
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                for round in 0..<20 {
                    // Atomic saves, as editors do: a reader sees the old file or the new, never half.
                    try? sandbox.write("beta", IndexStoreTests.article("beta", title: "Beta failure \(round)", code: "EBETA"), atomically: true)
                }
                return true
            }
            for _ in 0..<8 {
                group.addTask {
                    (0..<10).allSatisfy { _ in
                        let index = store.open().index
                        // Always a complete index: all three articles, whatever round it saw.
                        return index.articleCount == 3 && Ranker(index: index).search("EALPHA").hits.first?.article.id == "alpha"
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
        let final = store.open()
        #expect(Ranker(index: final.index).search("EBETA").hits.first?.article.title == "Beta failure 19")
    }

    @Test func anIncrementalRebuildEqualsAFullBuild() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        sandbox.settle()
        _ = sandbox.store.open()
        try sandbox.write("beta", IndexStoreTests.article("beta", title: "Beta failure with sockets", code: "EBETA"))
        try sandbox.write("delta", IndexStoreTests.article("delta", title: "Delta failure", code: "EDELTA"))
        try FileManager.default.removeItem(at: sandbox.content.appendingPathComponent("sample/gamma.md"))
        let incremental = sandbox.store.open()
        #expect(incremental.freshness == .rebuilt(reparsed: 2, reason: "content changed"))
        let full = IndexStore(contentRoot: sandbox.content.path, cacheFolder: sandbox.base.appendingPathComponent("fresh").path).open()
        #expect(full.freshness == .rebuilt(reparsed: 3, reason: "no usable index"))
        #expect(incremental.index.termCount == full.index.termCount)
        for query in ["failure", "sockets", "EDELTA", "alpha", "EGAMMA", "failure beta"] {
            let a = Ranker(index: incremental.index).search(query).hits.map { "\($0.article.id) \($0.score)" }
            let b = Ranker(index: full.index).search(query).hits.map { "\($0.article.id) \($0.score)" }
            #expect(a == b, "\(query)")
        }
        #expect((0..<full.index.termCount).map(full.index.term(at:)) == (0..<incremental.index.termCount).map(incremental.index.term(at:)))
    }

    /// Two roots: the first that has an id answers, the index of `[a, b]` is not the index of `[b, a]`,
    /// and an edit in place in the second root is still seen.
    @Test func theIndexOfSeveralRootsIsKeyedByTheirOrderAndNeverStale() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let team = sandbox.base.appendingPathComponent("team")
        try FileManager.default.createDirectory(at: team.appendingPathComponent("sample"), withIntermediateDirectories: true)
        try IndexStoreTests.article("beta", title: "Team beta runbook", code: "EBETA")
            .write(to: team.appendingPathComponent("sample/beta.md"), atomically: false, encoding: .utf8)
        try IndexStoreTests.article("delta", title: "Delta failure", code: "EDELTA")
            .write(to: team.appendingPathComponent("sample/delta.md"), atomically: false, encoding: .utf8)
        let teamFirst = IndexStore(roots: ContentRoots([team.path, sandbox.content.path]), cacheFolder: sandbox.cache)
        let shippedFirst = IndexStore(roots: ContentRoots([sandbox.content.path, team.path]), cacheFolder: sandbox.cache)
        #expect(teamFirst.indexPath != shippedFirst.indexPath)
        #expect(teamFirst.indexPath != sandbox.store.indexPath)
        func beta(_ store: IndexStore) -> ArticleSummary? { store.answer { Ranker(index: $0).article(withID: "beta") }.result }
        #expect(beta(teamFirst)?.title == "Team beta runbook")
        #expect(beta(teamFirst)?.root == 0)
        #expect(beta(shippedFirst)?.title == "Beta failure")
        #expect(beta(shippedFirst)?.root == 0)
        #expect(teamFirst.open().index.articleCount == 4)
        // Same size, edited in place, in the later root: seen.
        sandbox.settle()
        _ = teamFirst.open()
        try sandbox.write("gamma", IndexStoreTests.article("gamma", title: "Gamma FAILURE", code: "EGAMMA"))
        let gamma = teamFirst.answer { Ranker(index: $0).article(withID: "gamma") }.result
        #expect(gamma?.title == "Gamma FAILURE")
        #expect(gamma?.root == 1)
        // The team's file goes away: the shipped article answers again.
        try FileManager.default.removeItem(at: team.appendingPathComponent("sample/beta.md"))
        #expect(beta(teamFirst)?.title == "Beta failure")
        #expect(beta(teamFirst)?.root == 1)
    }
}
