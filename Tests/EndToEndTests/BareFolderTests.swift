import ErrWikiTestSupport
import Foundation
import Testing

/// A copied errwiki run in a folder that has only articles: no Templates/, no installed share
/// folder. The theme and the article skeleton built into the binary take over.
@Suite(.serialized) struct BareFolderTests {
    /// `<tmp>/bin/errwiki` (a copy, so nothing beside the build folder is found) and `<tmp>/work/Content`.
    static func bareFolder() throws -> (binary: URL, work: URL) {
        let root = try FixturePaths.temporaryFolder()
        let bin = root.appendingPathComponent("bin"), work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.binary, to: bin.appendingPathComponent("errwiki"))
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"),
                                         to: work.appendingPathComponent("Content"))
        return (bin.appendingPathComponent("errwiki"), work)
    }

    static func files(under folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test func buildUsesTheBuiltInThemeAndMatchesTheShippedTemplatesByteForByte() throws {
        let (binary, work) = try Self.bareFolder()
        let bare = try CommandRunner.run(["build", "--out", "site"], in: work, executable: binary)
        #expect(bare.status == 0, "\(bare.stderr)")
        let themed = try CommandRunner.run(["build", "--out", "themed", "--templates", BuiltSite.repository.appendingPathComponent("Templates").path],
                                           in: work, executable: binary)
        #expect(themed.status == 0, "\(themed.stderr)")
        let site = try Self.files(under: work.appendingPathComponent("site"))
        #expect(site["index.html"] != nil && site["assets/style.css"] != nil)
        let reference = try Self.files(under: work.appendingPathComponent("themed"))
        #expect(site.keys.sorted() == reference.keys.sorted())
        for (path, data) in site where !path.hasPrefix(".") { #expect(data == reference[path], "\(path) differs") }
    }

    @Test func themeExportWritesTheShippedTemplatesAndNeverOverwrites() throws {
        let (binary, work) = try Self.bareFolder()
        let first = try CommandRunner.run(["theme", "export", "mytheme"], in: work, executable: binary)
        #expect(first.status == 0, "\(first.stderr)")
        let exported = try Self.files(under: work.appendingPathComponent("mytheme"))
        let shipped = try Self.files(under: BuiltSite.repository.appendingPathComponent("Templates"))
        #expect(exported == shipped, "the built-in theme differs from Templates/: run scripts/embed-theme.py")
        let marker = work.appendingPathComponent("mytheme/style-note.txt")
        try "mine".write(to: marker, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["theme", "export", "mytheme"], in: work, executable: binary)
        #expect(again.status == 1)
        #expect(again.stderr.contains("not empty"))
        #expect(try Self.files(under: work.appendingPathComponent("mytheme")).count == shipped.count + 1)
        // The exported copy is a working theme.
        let built = try CommandRunner.run(["build", "--out", "site", "--templates", "mytheme"], in: work, executable: binary)
        #expect(built.status == 0, "\(built.stderr)")
    }

    @Test func newWritesTheShippedSkeleton() throws {
        let (binary, work) = try Self.bareFolder()
        let new = try CommandRunner.run(["new", "Widget spins forever", "--category", "kernel", "--severity", "low"], in: work, executable: binary)
        #expect(new.status == 0, "\(new.stderr)")
        let text = try String(contentsOf: work.appendingPathComponent("Content/kernel/widget-spins-forever.md"), encoding: .utf8)
        let skeleton = try String(contentsOf: BuiltSite.repository.appendingPathComponent("Templates/article.md"), encoding: .utf8)
        // Every line of the skeleton without a placeholder is in the new file.
        for line in skeleton.split(separator: "\n") where !line.contains("{{") { #expect(text.contains(line), "missing: \(line)") }
        #expect(text.contains("title: Widget spins forever") || text.contains("title: 'Widget spins forever'") || text.contains("title: \"Widget spins forever\""))
    }

    @Test func serveServesTheBuiltInTheme() throws {
        let (binary, work) = try Self.bareFolder()
        let server = try ServeCommandTests.RunningServer(content: work.appendingPathComponent("Content"), executable: binary,
                                                         directory: work, theme: [])
        defer { _ = server.stop() }
        #expect(server.port > 0, "\(server.outputSoFar)")
        let page = try RawHTTP.get("/", port: server.port)
        #expect(page.status == 200)
        #expect(page.body.contains("<html"))
        let style = try RawHTTP.get("/assets/style.css", port: server.port)
        #expect(style.status == 200)
    }

    /// `errwiki mcp` is a program of its own: a copied `errwiki` without it says so, and where it looked.
    @Test func mcpWithoutItsProgramSaysWhatIsMissing() throws {
        let (binary, work) = try Self.bareFolder()
        let run = try CommandRunner.run(["mcp"], in: work, executable: binary)
        #expect(run.status == 1)
        #expect(run.stderr == "errwiki mcp: errwiki-mcp is not installed beside errwiki (looked for \(binary.path)-mcp); `make install` installs both\n",
                "\(run.stderr)")
        // Beside it, it runs: `help mcp` prints the program's own help.
        try FileManager.default.copyItem(at: CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("errwiki-mcp"),
                                         to: binary.deletingLastPathComponent().appendingPathComponent("errwiki-mcp"))
        let help = try CommandRunner.run(["help", "mcp"], in: work, executable: binary)
        #expect(help.status == 0 && help.stdout.contains("USAGE: errwiki mcp [--content <dir> ...]"), "\(help.stdout)")
    }
}
