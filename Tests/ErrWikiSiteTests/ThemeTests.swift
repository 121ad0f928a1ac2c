import ErrWikiTestSupport
import Foundation
import Testing
@testable import ErrWikiSite

/// Loading a theme: every template compiles and every partial it names exists, before a page is rendered.
@Suite struct ThemeTests {
    /// A copy of the repository's theme with `file` replaced by `text`.
    func theme(replacing file: String, with text: String) throws -> String {
        let folder = try FixturePaths.temporaryFolder().appendingPathComponent("theme").path
        try FileManager.default.copyItem(atPath: SiteFixture.templates, toPath: folder)
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        return folder
    }

    func loadError(_ folder: String) -> String? {
        do {
            _ = try Theme.load(folder: folder)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func theShippedThemeLoads() {
        #expect(loadError(SiteFixture.templates) == nil)
    }

    /// Inline; inside a section that may never render; standalone and indented (its own code path).
    @Test(arguments: [
        ("footer.mustache", "<footer>{{> missing}}</footer>\n", "missing", 1, 9),
        ("card.mustache", "<li>\n{{#tags}}\n  <b>{{> tag-chip}}</b>\n{{/tags}}\n</li>\n", "tag-chip", 3, 6),
        ("header.mustache", "<header>\n    {{> logo}}\n</header>\n", "logo", 2, 5),
    ])
    func aMissingPartialIsATemplateErrorAtItsLocation(file: String, text: String, partial: String, line: Int, column: Int) throws {
        let folder = try theme(replacing: file, with: text)
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let error = try #require(loadError(folder), "a theme naming a missing partial loaded")
        #expect(error.hasPrefix("\(folder)/\(file):\(line):\(column): error: "), "\(error)")
        #expect(error.contains("`\(partial)`"), "\(error)")
    }
}
