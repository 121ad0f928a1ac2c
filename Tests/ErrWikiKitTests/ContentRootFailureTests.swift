@testable import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// A content folder that is missing, or is not a folder, is an error naming it: never an empty
/// wiki that checks clean (and that `serve` would publish over the last good pages).
@Suite struct ContentRootFailureTests {
    @Test(arguments: [("missing", "No such file or directory"), ("a-file.md", "Not a directory"), ("a-file.md/below", "Not a directory")])
    func aRootThatCannotBeReadIsAnError(name: String, reason: String) throws {
        let base = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        try "not a folder\n".write(to: base.appendingPathComponent("a-file.md"), atomically: true, encoding: .utf8)
        let report = ContentCheck.run(root: base.appendingPathComponent(name).path, displayRoot: name)
        #expect(report.diagnostics.map { "\($0.location): \($0.rule.rawValue): \($0.message)" }
                == ["\(name):1:1: unreadable-folder: the content folder cannot be read: \(reason)"])
        #expect(report.diagnostics.errorCount == 1 && !report.passes(strict: false))
    }
}
