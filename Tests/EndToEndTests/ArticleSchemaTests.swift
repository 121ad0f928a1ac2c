import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki schema` checked by an independent validator (PyPI `check-jsonschema`): every shipped
/// article's front matter passes, and every rule fixture that `check` rejects for a type, enum or
/// shape reason is rejected by the schema too.
@Suite(.enabled(if: BuiltSite.toolsRequired || VenvPython.has("check_jsonschema"), "check-jsonschema is not installed (make test-deps)"))
struct ArticleSchemaTests {
    /// The rules a schema can express; a file name that is not an id (line 1, column 1) is not front matter.
    static let schemaRules = ["wrong-type", "invalid-severity", "invalid-step", "missing-field", "unknown-field", "empty-value",
                              "empty-list", "incomplete-faq", "invalid-date", "invalid-symptom", "invalid-id", "invalid-category"]

    static func validator() throws -> String {
        let path = BuiltSite.repository.appendingPathComponent(".build-tools/venv/bin/check-jsonschema").path
        try #require(FileManager.default.isExecutableFile(atPath: path), "check-jsonschema is required on CI (make test-deps)")
        return path
    }

    /// The front matter of an article file as a YAML file of its own.
    static func frontMatter(of article: URL, into folder: URL, name: String) throws -> URL {
        let text = try String(contentsOf: article, encoding: .utf8)
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let end = lines.dropFirst().firstIndex(of: "---") ?? lines.count
        let url = folder.appendingPathComponent(name + ".yaml")
        try lines[1..<end].joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func schemaFile(in folder: URL) throws -> URL {
        let run = try CommandRunner.run(["schema", "--out", folder.appendingPathComponent("article.json").path], in: BuiltSite.repository)
        #expect(run.status == 0, "\(run.stderr)")
        return folder.appendingPathComponent("article.json")
    }

    @Test func theSchemaIsTheGoldenOne() throws {
        let run = try CommandRunner.run(["schema"], in: BuiltSite.repository)
        #expect(run.status == 0)
        if let mismatch = Golden.mismatch(run.stdout, golden: FixturePaths.fixtures().appendingPathComponent("schema/article.json")) {
            Issue.record("\(mismatch)")
        }
    }

    @Test func everyShippedArticlePassesTheSchema() throws {
        let validator = try Self.validator()
        let folder = try FixturePaths.temporaryFolder()
        let schema = try Self.schemaFile(in: folder)
        let content = BuiltSite.repository.appendingPathComponent("Content")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "md", url.deletingLastPathComponent().lastPathComponent != "catalogs" else { continue }
            files.append(try Self.frontMatter(of: url, into: folder, name: url.deletingPathExtension().lastPathComponent).path)
        }
        #expect(files.count >= 300)
        let run = try CommandRunner.run(["--schemafile", schema.path] + files, in: folder, executable: URL(fileURLWithPath: validator))
        #expect(run.status == 0, "\(run.stdout.prefix(2000))")
    }

    @Test func everyFixtureCheckRejectsForATypeReasonTheSchemaRejectsToo() throws {
        let validator = try Self.validator()
        let folder = try FixturePaths.temporaryFolder()
        let schema = try Self.schemaFile(in: folder)
        let rules = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/rules")
        var checked = 0
        for rule in Self.schemaRules {
            let expected = try String(contentsOf: rules.appendingPathComponent("\(rule)/expected.txt"), encoding: .utf8)
            var files = Set<String>()
            for line in expected.split(separator: "\n") where line.hasSuffix("[\(rule)]") && line.contains(": error: ") {
                let parts = line.split(separator: ":", maxSplits: 3)
                guard parts.count == 4, !(parts[1] == "1" && parts[2] == "1" && rule == "invalid-id") else { continue }
                files.insert(String(parts[0]))
            }
            for file in files.sorted() {
                let yaml = try Self.frontMatter(of: rules.appendingPathComponent("\(rule)/content/\(file)"), into: folder,
                                                name: "\(rule)-\(checked)")
                let run = try CommandRunner.run(["--schemafile", schema.path, yaml.path], in: folder, executable: URL(fileURLWithPath: validator))
                #expect(run.status != 0, "the schema accepts \(rule)/content/\(file), which check rejects")
                checked += 1
            }
        }
        #expect(checked >= 12)
    }
}
