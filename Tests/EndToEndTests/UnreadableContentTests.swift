import ErrWikiTestSupport
import Foundation
import Testing

/// A part of the content that cannot be read is an error that names it, never articles that
/// quietly go missing. Tests run as root here, who reads every folder whatever its mode, so the
/// binary runs under `setpriv` without the two capabilities that let root ignore permissions: the
/// kernel then refuses it exactly as it refuses any other user.
@Suite struct UnreadableContentTests {
    static let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    static let canBeRefused = getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv.path)

    /// errwiki as a user whom file permissions apply to.
    static func runRefusable(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandRunner.Result {
        guard getuid() == 0 else { return try CommandRunner.run(arguments, in: directory, environment: environment) }
        return try CommandRunner.run(["--bounding-set=-dac_override,-dac_read_search", "--", CommandRunner.binary.path] + arguments,
                                     in: directory, environment: environment, executable: setpriv)
    }

    @Test(.enabled(if: canBeRefused, "needs setpriv to take root's permission override away"))
    func aFolderThatCannotBeListedOrLookedIntoIsAnErrorNamingIt() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        for folder in ["fine", "locked", "unsearchable"] {
            try FileManager.default.createDirectory(at: content.appendingPathComponent(folder), withIntermediateDirectories: true)
            try HostileContent.article("In \(folder)", category: folder).write(to: content.appendingPathComponent("\(folder)/\(folder)-article.md"),
                                                                                atomically: true, encoding: .utf8)
        }
        // A file that cannot be opened; a folder that cannot be listed at all; one that can be listed
        // but whose entries cannot be looked at (a failed stat).
        try HostileContent.article("Locked", category: "fine").write(to: content.appendingPathComponent("fine/locked-file.md"),
                                                                     atomically: true, encoding: .utf8)
        chmod(content.appendingPathComponent("fine/locked-file.md").path, 0o000)
        chmod(content.appendingPathComponent("locked").path, 0o000)
        chmod(content.appendingPathComponent("unsearchable").path, 0o444)
        defer {
            chmod(content.appendingPathComponent("locked").path, 0o755)
            chmod(content.appendingPathComponent("unsearchable").path, 0o755)
            try? FileManager.default.removeItem(at: root)
        }

        let check = try Self.runRefusable(["check", "--content", "content"], in: root)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stderr.contains("content/locked:1:1: error: folder cannot be read: Permission denied"), "\(check.stderr)")
        #expect(check.stderr.contains("[unreadable-folder]"), "\(check.stderr)")
        #expect(check.stderr.contains("content/unsearchable/unsearchable-article.md:1:1: error: cannot look at the file: Permission denied"),
                "\(check.stderr)")
        #expect(check.stderr.contains("content/fine/locked-file.md:1:1: error: cannot read the file [unreadable-file]"), "\(check.stderr)")
        #expect(check.stderr.contains("3 errors in 3 files (2 files checked)"), "\(check.stderr)")
        #expect(check.stdout.isEmpty)

        let build = try Self.runRefusable(["build", "--content", "content", "--out", "site", "--templates",
                                           BuiltSite.repository.appendingPathComponent("Templates").path], in: root)
        #expect(build.status == 1, "\(build.stdout)\(build.stderr)")
        #expect(build.stderr.contains("content/locked:1:1: error:"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "a site without those articles was built")

        // Lookups still answer from what can be read, and every one of them (the one that builds the
        // index and the one that reuses it) names what it could not read.
        let cache = root.appendingPathComponent("cache").path
        for run in 1...2 {
            let lookup = try Self.runRefusable(["lookup", "--list", "--content", "content", "in", "fine"], in: root, environment: ["XDG_CACHE_HOME": cache])
            #expect(lookup.stdout.contains("fine-article"), "run \(run): \(lookup.stdout)")
            #expect(lookup.stderr.contains("warning: 2 parts of the content cannot be read and are left out (errwiki check says why): content/locked, content/unsearchable/unsearchable-article.md"),
                    "run \(run): \(lookup.stderr)")
        }
    }

    @Test func aContentFolderThatDisappearsUnderServeIsAnErrorNotAnEmptySite() throws {
        let server = try ServeCommandTests.RunningServer()
        defer { _ = server.stop() }
        #expect(try RawHTTP.get("/enospc.html", port: server.port).status == 200)
        try FileManager.default.moveItem(at: server.content, to: server.content.deletingLastPathComponent().appendingPathComponent("moved"))
        let page = try server.eventually("/enospc.html") { $0.body.contains("errwiki-error-overlay") }
        #expect(page.status == 200, "the last good page is still served")
        #expect(page.body.contains("[unreadable-folder]"), "\(page.body.suffix(2000))")
        #expect(page.body.contains("Log files that grew"))
        _ = server.stop()
        #expect(server.standardError.contains("the content folder cannot be read: No such file or directory"), "\(server.standardError)")
    }
}
