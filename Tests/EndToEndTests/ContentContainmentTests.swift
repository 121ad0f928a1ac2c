import ErrWikiTestSupport
import Foundation
import Testing

/// Nothing outside the content folder is ever read: files outside it hold a marker string, links
/// of every kind lead to them, and no command may print the marker, write it into the site or the
/// index, or write anything outside the content folder.
@Suite struct ContentContainmentTests {
    static let marker = "LEAKED-4f1c9e-MARKER"

    /// A valid article, with the marker in every field a command shows, and a pattern a log can match.
    static func secretArticle(category: String) -> String {
        """
        ---
        title: \(marker) title
        category: \(category)
        severity: critical
        summary: \(marker) summary zebrafinch
        codes: [ZEBRAFINCH]
        causes: [\(marker) cause]
        steps: [\(marker) step]
        faq:
          - q: \(marker)?
            a: \(marker).
        patterns: ['zebrafinch-\\d+ happened']
        samples: ['zebrafinch-1 happened']
        ---
        \(marker) body

        """
    }

    /// What `/etc/passwd` looks like to an excerpt printer: the marker on every line.
    static let secretText = (1...5).map { "\(marker):x:\($0):\($0)::/root:/bin/bash\n" }.joined()

    /// `root/content` with links out of it: a relative link from inside the tree, a link into a
    /// sibling folder whose name starts with the content folder's, an absolute link, a chain of two
    /// links, and a linked folder; each kind to an article and to a plain text file.
    static func plant(in root: URL) throws -> (content: URL, outside: [URL]) {
        let manager = FileManager.default
        let content = root.appendingPathComponent("content")
        let outside = root.appendingPathComponent("outside")
        let sibling = root.appendingPathComponent("content-old")
        for folder in ["content/links", "content/relay", "outside/folder", "content-old/links"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try HostileContent.article("Inside", category: "links").write(to: content.appendingPathComponent("links/inside.md"), atomically: true, encoding: .utf8)
        for folder in [outside, sibling.appendingPathComponent("links")] {
            try secretArticle(category: "links").write(to: folder.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
            try secretText.write(to: folder.appendingPathComponent("passwd"), atomically: true, encoding: .utf8)
        }
        try secretArticle(category: "folder").write(to: outside.appendingPathComponent("folder/secret.md"), atomically: true, encoding: .utf8)
        try secretText.write(to: outside.appendingPathComponent("folder/passwd.md"), atomically: true, encoding: .utf8)

        func link(_ path: String, _ target: String) throws {
            try manager.createSymbolicLink(atPath: content.appendingPathComponent(path).path, withDestinationPath: target)
        }
        for (name, target) in [("secret", "secret.md"), ("passwd", "passwd")] {
            try link("links/relative-\(name).md", "../../outside/\(target)")
            try link("links/sibling-\(name).md", "../../content-old/links/\(target)")
            try link("links/absolute-\(name).md", outside.appendingPathComponent(target).path)
            try link("relay/\(name).md", "../../outside/\(target)")
            try link("links/chain-\(name).md", "../relay/\(name).md")
        }
        try link("folder", "../outside/folder")
        return (content, [outside, sibling])
    }

    @Test func noCommandReadsThroughALinkOutOfTheContentFolder() throws {
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, outside) = try Self.plant(in: root)
        let before = outside.map(Self.snapshot)
        let out = root.appendingPathComponent("site")
        let cache = root.appendingPathComponent("cache")
        let log = root.appendingPathComponent("app.log")
        try "boot\nzebrafinch-7 happened\n".write(to: log, atomically: true, encoding: .utf8)
        let templates = BuiltSite.repository.appendingPathComponent("Templates").path
        let c = content.path

        let commands: [[String]] = [
            ["check", "--content", c],
            ["check", "--content", c, "--strict"],
            ["build", "--content", c, "--out", out.path, "--templates", templates],
            ["lookup", "--content", c, "--list"],
            ["lookup", "--content", c, "zebrafinch", "--no-pager"],
            ["lookup", "--content", c, "--json", "ZEBRAFINCH"],
            ["lookup", "--content", c, "inside", "--no-pager"],
            ["show", "secret", "--content", c, "--no-pager"],
            ["show", "inside", "--content", c, "--no-pager"],
            ["diagnose", "--content", c, log.path],
            ["diagnose", "--content", c, "--json", log.path],
            ["new", "Planted through a link", "--category", "folder", "--severity", "low", "--content", c],
            ["new", "Fresh inside", "--category", "links", "--severity", "low", "--content", c],
        ]
        for command in commands {
            let result = try CommandRunner.run(command, in: root, environment: ["XDG_CACHE_HOME": cache.path])
            let shown = command.prefix(2).joined(separator: " ")
            #expect(!result.stdout.contains(Self.marker), "\(shown) printed the marker on stdout:\n\(result.stdout)")
            #expect(!result.stderr.contains(Self.marker), "\(shown) printed the marker on stderr:\n\(result.stderr)")
            #expect(!result.signalled, "\(shown) crashed")
        }
        for (folder, name) in [(out, "the built site"), (cache, "the index")] {
            #expect(!Self.files(under: folder).isEmpty, "\(name) was not written, so nothing was checked")
            for file in Self.files(under: folder) {
                let text = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
                #expect(!text.contains(Self.marker), "\(name) holds the marker: \(file)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("inside.html").path), "the site was built")
        #expect(outside.map(Self.snapshot) == before, "a command wrote outside the content folder")

        let server = try ServeCommandTests.RunningServer(content: content)
        defer { _ = server.stop() }
        #expect(server.port > 0, "\(server.outputSoFar)")
        for page in ["/", "/inside.html", "/secret.html", "/category/links.html", "/category/folder.html", "/search/index.js", "/search/d-0.js"] {
            let reply = try RawHTTP.get(page, port: server.port)
            if page == "/inside.html" { #expect(reply.status == 200, "serve did not serve the article, so nothing was checked") }
            #expect(!reply.body.contains(Self.marker), "serve sent the marker in \(page)")
        }
        _ = server.stop()
        #expect(!server.outputSoFar.contains(Self.marker), "serve printed the marker:\n\(server.outputSoFar)")
    }

    /// Every file below `folder` with its bytes (links not followed), to tell that nothing was written.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var contents: [String: Data] = [:]
        for path in files(under: folder) { contents[path] = FileManager.default.contents(atPath: path) }
        return contents
    }

    static func files(under folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).map { folder.path + "/" + $0 }
            .filter { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
    }
}
