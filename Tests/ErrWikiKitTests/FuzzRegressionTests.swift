import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// Inputs the libFuzzer targets (Fuzz/, scripts/fuzz.sh) once crashed on or found wrong, fed through
/// the same public entry points as the fuzz target named by their folder, in
/// `Fixtures/fuzz-regressions/<target>/`. Each must run to the end and give a sensible answer.
@Suite struct FuzzRegressionTests {
    static let folder = FixturePaths.fixtures().appendingPathComponent("fuzz-regressions")

    /// `(target, file name)` of every regression input.
    static let inputs: [(String, String)] = {
        let manager = FileManager.default
        let targets = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? [])
                .sorted().map { (target, $0) }
        }
    }()

    static func bytes(_ target: String, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(target).appendingPathComponent(name)))
    }

    @Test func regressionsAreThere() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func input(target: String, name: String) throws {
        let bytes = try Self.bytes(target, name)
        switch target {
        case "fuzz-article": try article(bytes)
        case "fuzz-diagnose": diagnose(bytes)
        case "fuzz-lookup": try lookup(bytes)
        default: Issue.record("no entry point for fuzz target `\(target)` (\(name))")
        }
    }

    /// fuzz-article: decode, validate and print one article file.
    func article(_ bytes: [UInt8]) throws {
        let (article, diagnostics) = ArticleBytes.decode(bytes, relativePath: "errno/fuzz-input.md")
        #expect(article != nil || diagnostics.errorCount > 0, "an unreadable article says why")
        var all = diagnostics
        if let article {
            all += WikiValidator.validate(Wiki(articles: [article]))
            #expect(!ArticleTerminalRenderer(style: .plain, width: 80).render(article).isEmpty)
        }
        for diagnostic in all {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
            #expect(!DiagnosticFormatter().format(diagnostic).isEmpty)
        }
    }

    /// fuzz-diagnose: first byte odd, a pattern line then subject lines: the literal prefilter must
    /// keep every line the pattern matches. First byte even: a log, matched without a crash.
    func diagnose(_ bytes: [UInt8]) {
        guard let mode = bytes.first else { return }
        let rest = bytes.dropFirst()
        let lines = rest.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        if mode & 1 == 0 {
            let signatures = LogSignatures(articles: [])
            var scratch = signatures.makeScratch()
            for line in lines { #expect(line.withUnsafeBufferPointer { signatures.matches($0, scratch: &scratch) }.isEmpty) }
            return
        }
        guard let first = lines.first else { return }
        let source = String(decoding: first, as: UTF8.self)
        let compiled = try? LogPattern(source)
        let article = Article(id: "fuzz", title: "Fuzz", category: "fuzz", severity: .info, summary: "",
                              causes: [], steps: [], patterns: [source])
        let signatures = LogSignatures(articles: [ArticleSummary(article)])
        var scratch = signatures.makeScratch()
        for line in lines.dropFirst() {
            let text = String(decoding: line, as: UTF8.self)
            let direct = compiled?.firstMatch(in: text) != nil
            let filtered = line.withUnsafeBufferPointer { !signatures.matches($0, scratch: &scratch).isEmpty }
            #expect(direct == filtered, "pattern \(source.debugDescription) on \(text.debugDescription)")
        }
    }

    /// fuzz-lookup: one query against the valid fixture wiki.
    func lookup(_ bytes: [UInt8]) throws {
        let cache = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let opened = IndexStore(contentRoot: FixturePaths.fixtures().appendingPathComponent("valid-wiki").path, cacheFolder: cache.path).open()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(SearchQuery(text).terms.count <= 64)
        let outcome = Ranker(index: opened.index).search(text)
        #expect(outcome.hits.count <= 20)
        #expect(outcome.hits.allSatisfy { $0.score.isFinite })
    }
}
