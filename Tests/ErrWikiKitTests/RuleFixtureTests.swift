import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// One folder per rule under Fixtures/rules/<rule-id>/: `content/` is a wiki that breaks the rule,
/// `expected.txt` is exactly what `check` prints for it (diagnostics with excerpts, then the summary).
/// A rule about content roots has a second root beside it, `lower/`, read after `content/`.
@Suite struct RuleFixtureTests {
    static let rulesFolder = FixturePaths.fixtures().appendingPathComponent("rules")

    static var ruleFolders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: rulesFolder.path)) ?? []).sorted()
    }

    /// Rules whose trigger cannot be a committed file; each is covered by the named test instead.
    static let coveredElsewhere: [Rule: String] = [
        .unreadableFile: "UnreadableContentTests (root reads every file: the binary runs without that capability)",
        .unreadableFolder: "UnreadableContentTests and ContentRootFailureTests (made at test time)",
        .symlinkOutside: "LoaderEdgeCaseTests.symlinksAreNotFollowedOutOfTheRoot (links are made at test time)",
        .brokenSymlink: "LoaderEdgeCaseTests.symlinksAreNotFollowedOutOfTheRoot (links are made at test time)",
    ]

    @Test func everyRuleHasAFixture() {
        let folders = Set(Self.ruleFolders)
        for rule in Rule.allCases where Self.coveredElsewhere[rule] == nil {
            #expect(folders.contains(rule.rawValue), "no fixture folder for rule \(rule.rawValue)")
        }
        for folder in folders {
            #expect(Rule(rawValue: folder) != nil, "fixture folder \(folder) names no rule")
        }
    }

    @Test(arguments: ruleFolders)
    func checkOutputMatchesGolden(rule: String) throws {
        let folder = Self.rulesFolder.appendingPathComponent(rule)
        let content = folder.appendingPathComponent("content")
        let lower = folder.appendingPathComponent("lower")
        let roots = [ContentRoot(content.path, display: ".")]
            + (FileManager.default.fileExists(atPath: lower.path) ? [ContentRoot(lower.path, display: "lower")] : [])
        let report = ContentCheck.run(ContentRoots(roots))
        let output = DiagnosticFormatter.report(report.diagnostics, fileCount: report.fileCount, roots: report.roots)
        #expect(report.diagnostics.contains { $0.rule.rawValue == rule }, "the fixture does not trigger \(rule)")
        let mismatch = Golden.mismatch(output, golden: folder.appendingPathComponent("expected.txt"))
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }
}
