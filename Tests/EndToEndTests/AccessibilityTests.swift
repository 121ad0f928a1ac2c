import Foundation
import Testing

/// axe-core audits the built `Content/` site in headless Chromium, in light and dark colour schemes,
/// every rule on (`scripts/axe-audit.py`): one page of every kind, no violation of any impact.
@Suite(.enabled(if: BuiltSite.toolsRequired || AxeAuditor.installed,
                "selenium, axe-core or chromium-driver is not installed (make test-deps)"))
struct AccessibilityTests {
    @Test func everyPageKindPassesAxeInBothColourSchemes() throws {
        let site = try BuiltSite.folder.get()
        // The project's virtualenv comes first in `tool`'s search.
        let python = try #require(BuiltSite.tool("python3"), "python3 is required on CI")
        let audit = try CommandRunner.run([AxeAuditor.script.path, site.path], in: BuiltSite.repository,
                                          executable: URL(fileURLWithPath: python), timeLimit: 300)
        #expect(audit.status == 0, "axe-core: \(audit.stdout.prefix(6000))\(audit.stderr)")
    }
}

/// The audit script and what it needs.
enum AxeAuditor {
    static let script = BuiltSite.repository.appendingPathComponent("scripts/axe-audit.py")

    /// What `make test-deps` puts in the project's virtualenv, and the WebDriver selenium talks to.
    static var installed: Bool {
        let lib = BuiltSite.repository.appendingPathComponent(".build-tools/venv/lib").path
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []
        let packages = versions.contains { version in
            ["selenium", "axe_playwright_python/axe.min.js"].allSatisfy {
                FileManager.default.fileExists(atPath: "\(lib)/\(version)/site-packages/\($0)")
            }
        }
        return packages && BuiltSite.tool("chromedriver") != nil
    }
}
