import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki mcp` driven by a client no one here wrote: the official MCP Python SDK (PyPI `mcp`),
/// which starts the server as a subprocess, negotiates the protocol, lists the tools, calls each one
/// with good and bad arguments, and reads a resource (`Fixtures/mcp/client.py`).
@Suite(.enabled(if: BuiltSite.toolsRequired || VenvPython.has("mcp"), "the MCP Python SDK is not installed (make test-deps)"))
struct MCPServerTests {

    /// The site fixture wiki, the errno catalog, and one article too long for one answer.
    static func content() throws -> URL {
        let repository = BuiltSite.repository
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: content)
        let catalogs = content.appendingPathComponent("catalogs")
        try FileManager.default.createDirectory(at: catalogs, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Content/catalogs/errno.tsv"),
                                         to: catalogs.appendingPathComponent("errno.tsv"))
        let paragraph = "A long explanation of why the widget spins, repeated so that the article is larger than one answer may be.\n\n"
        let long = """
        ---
        title: Widget Spins Forever
        category: kernel
        severity: low
        summary: A deliberately long article.
        causes: [The widget]
        steps: [Stop the widget.]
        faq:
          - q: Why so long?
            a: To be cut.
        ---
        \(String(repeating: paragraph, count: 400))
        """
        try long.write(to: content.appendingPathComponent("kernel/widget-spins.md"), atomically: true, encoding: .utf8)
        return content
    }

    @Test func theOfficialPythonClientUsesEveryToolAndEveryErrorIsAnErrorResult() throws {
        let python = try #require(VenvPython.path, "the project's virtualenv is required on CI")
        let content = try Self.content()
        let client = FixturePaths.fixtures().appendingPathComponent("mcp/client.py")
        let run = try CommandRunner.run([client.path, CommandRunner.binary.path, content.path], in: BuiltSite.repository,
                                        executable: URL(fileURLWithPath: python), timeLimit: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let transcript = run.stdout.replacingOccurrences(of: content.path, with: "<content>")
        if let mismatch = Golden.mismatch(transcript, golden: FixturePaths.fixtures().appendingPathComponent("mcp/transcript.json")) {
            Issue.record("\(mismatch)")
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let handshake = try #require(document["handshake"] as? [String: Any])
        #expect(handshake["protocol"] as? String == "2025-11-25")
        let tools = try #require(document["tools"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(tools == ["search_errors", "get_article", "diagnose_log", "lookup_code"])
        let calls = try #require(document["calls"] as? [[String: Any]])
        let errors = calls.map { ($0["tool"] as? String ?? "", $0["is_error"] as? Bool ?? false) }
        // The first eleven calls are good ones, the rest bad arguments.
        #expect(errors.prefix(11).allSatisfy { !$0.1 }, "\(errors)")
        #expect(errors.dropFirst(11).allSatisfy { $0.1 }, "\(errors)")
        #expect(document["after_errors"] as? String == "answer")
        // The long article is cut, and says so.
        let long = try #require(calls.first { ($0["arguments"] as? [String: Any])?["id"] as? String == "widget-spins" })
        let text = try #require(long["text"] as? String)
        #expect(text.count <= 33_000 && text.contains("[Cut at about 8,000 tokens"))
    }
}

/// The project's virtualenv Python (`make test-deps`), where the test clients and validators live.
enum VenvPython {
    static var path: String? { BuiltSite.tool("python3").flatMap { $0.contains(".build-tools/venv") ? $0 : nil } }

    static func has(_ module: String) -> Bool {
        guard let path else { return false }
        return (try? CommandRunner.run(["-c", "import \(module)"], in: BuiltSite.repository, executable: URL(fileURLWithPath: path)))?.status == 0
    }
}
