@testable import ErrWikiSite
import ErrWikiTestSupport
import Foundation
import Testing

/// The output folder is replaced whole or not at all, never anything outside it, and never a folder
/// errwiki did not make.
@Suite struct OutputSafetyTests {
    @Test func contentErrorsStopTheBuildAndWriteNothing() throws {
        let root = try FixturePaths.temporaryFolder()
        let out = root.appendingPathComponent("site").path
        #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("traversal"), out: out) }
        #expect(!FileManager.default.fileExists(atPath: out))
        // Nothing beside the output either: no staging folder left, no page that climbed out.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.deletingLastPathComponent().appendingPathComponent("escaped.html").path))
    }

    @Test func aFailedBuildLeavesThePreviousSiteByteForByte() throws {
        let content = try SiteFixture.editableCopy(of: "wiki")
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: content, out: out)
        let before = SiteFixture.snapshot(out)
        // Break one article: the next build must refuse and touch nothing.
        try "---\ntitle: [unclosed\n---\n".write(toFile: content + "/errno/eacces.md", atomically: true, encoding: .utf8)
        #expect(throws: BuildError.self) { try SiteFixture.build(content: content, out: out) }
        #expect(SiteFixture.snapshot(out) == before)
        // A broken theme: the same.
        let theme = try FixturePaths.temporaryFolder().appendingPathComponent("theme").path
        try FileManager.default.copyItem(atPath: SiteFixture.templates, toPath: theme)
        try "{{#open}} never closed".write(toFile: theme + "/article.mustache", atomically: true, encoding: .utf8)
        let error = #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("wiki"), out: out, templates: theme) }
        #expect(error?.description.contains("article.mustache:") == true, "\(String(describing: error))")
        #expect(SiteFixture.snapshot(out) == before)
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "precious".write(to: out.appendingPathComponent("thesis.txt"), atomically: true, encoding: .utf8)
        let error = #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("wiki"), out: out.path) }
        #expect(error?.description.contains("not made by errwiki") == true)
        #expect(try String(contentsOf: out.appendingPathComponent("thesis.txt"), encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["thesis.txt"])
    }

    @Test func anOutputPathThatCannotBeReadIsRefused() throws {
        // A link to itself: stat fails (ELOOP), so nothing says what is there. It is not a free name.
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site").path
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: "site")
        // Taken as given. Foundation's standardizingPath read such a link's target from the current
        // folder: with a `site/` there (from `make site`), a build replaced that folder instead.
        let name = "errwiki-loop-\(UUID().uuidString)"
        let decoy = FileManager.default.currentDirectoryPath + "/" + name
        try FileManager.default.createDirectory(atPath: decoy, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: decoy) }
        let loop = root.appendingPathComponent(name).path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: name)
        #expect(OutputFolder(loop).path == loop)
        let error = #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("wiki"), out: out) }
        #expect(error?.description.contains("cannot be read") == true, "\(String(describing: error))")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out) == "site")
    }

    @Test func aDanglingLinkIsRefusedAndItsTargetNotMade() throws {
        // The link's target is a free name, but the link is someone's: nothing is built through it.
        let root = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("site").path
        let target = root.appendingPathComponent("elsewhere").path
        try FileManager.default.createSymbolicLink(atPath: out, withDestinationPath: target)
        let error = #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("wiki"), out: out) }
        #expect(error?.description.contains("cannot be read") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out) == target)
    }

    @Test func refusesAnOutputThatHoldsOrSitsInTheContent() throws {
        let content = try SiteFixture.editableCopy(of: "wiki")
        for out in [content, content + "/site", (content as NSString).deletingLastPathComponent] {
            #expect(throws: BuildError.self, "\(out)") { try SiteFixture.build(content: content, out: out) }
        }
        #expect(FileManager.default.fileExists(atPath: content + "/errno/enospc.md"))
    }

    @Test func anEmptyFolderMayBeUsed() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out.path)
        #expect(FileManager.default.fileExists(atPath: out.path + "/index.html"))
    }
}

/// A second build with nothing changed does nothing; a change re-renders only the pages that show it,
/// with the bytes a full build gives.
@Suite struct IncrementalBuildTests {
    @Test func anUnchangedWikiIsNotRebuilt() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        let first = try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        #expect(!first.upToDate && first.rendered == first.pages)
        usleep(150_000) // past the racy-timestamp window
        let second = try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        #expect(second.upToDate && second.rendered == 0)
    }

    @Test func oneChangeRendersOnlyThePagesThatShowIt() throws {
        let content = try SiteFixture.editableCopy(of: "wiki")
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        let full = try SiteFixture.build(content: content, out: out)
        // Change the body of one article: only its page, the export (api/articles.json) and the
        // search data's files that hold its terms or its length show the body.
        let searchBefore = SiteFixture.searchData(out)
        let path = content + "/kernel/linux-oom-killer.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "by killing one process.", with: "by killing one process, chosen by score.")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let body = try SiteFixture.build(content: content, out: out)
        let searchAfter = SiteFixture.searchData(out)
        let changedSearch = Set(searchBefore.keys).union(searchAfter.keys).filter { searchBefore[$0] != searchAfter[$0] }
        #expect(!changedSearch.isEmpty && changedSearch.count * 4 < searchAfter.count, "\(changedSearch.sorted()) of \(searchAfter.count)")
        #expect(body.rendered == 2 + changedSearch.count, "rendered \(body.rendered) of \(full.pages)")
        #expect(SiteFixture.read(out + "/linux-oom-killer.html")?.contains("chosen by score") == true)

        // Change a title: every page that lists the article changes too, and nothing else.
        try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "title: Linux OOM Killer — Out of Memory", with: "title: Linux OOM Killer — Renamed")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let title = try SiteFixture.build(content: content, out: out)
        #expect(title.rendered > 3 && title.rendered < full.pages, "rendered \(title.rendered) of \(full.pages)")

        // A new tag (the home page counts tags) and a new sample (only the search index holds samples).
        let eacces = content + "/errno/eacces.md"
        try String(contentsOfFile: eacces, encoding: .utf8).replacingOccurrences(of: "tags: [linux, permissions]", with: "tags: [linux, permissions, brand-new-tag]")
            .write(toFile: eacces, atomically: true, encoding: .utf8)
        let tagged = try SiteFixture.build(content: content, out: out)
        #expect(tagged.rendered > 2)
        #expect(FileManager.default.fileExists(atPath: out + "/tag/brand-new-tag.html"))
        let enospc = content + "/errno/enospc.md"
        try String(contentsOfFile: enospc, encoding: .utf8).replacingOccurrences(of: "  - 'write /var/log/app.log: No space left on device'",
                                                                               with: "  - 'write /var/log/app.log: No space left on device'\n  - 'zqxsample: No space left on device'")
            .write(toFile: enospc, atomically: true, encoding: .utf8)
        try SiteFixture.build(content: content, out: out)
        #expect(SiteFixture.searchData(out).values.contains { $0.contains("\"zqxsample\"") })

        // The result equals a fresh full build of the same content, byte for byte.
        let fresh = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: content, out: fresh)
        var incremental = SiteFixture.snapshot(out), clean = SiteFixture.snapshot(fresh)
        incremental[".errwiki-site"] = nil
        clean[".errwiki-site"] = nil
        #expect(incremental == clean)
        #expect(SiteFixture.read(out + "/category/kernel.html")?.contains("Renamed") == true)
    }

    @Test func aThemeChangeRebuildsEveryPage() throws {
        let theme = try FixturePaths.temporaryFolder().appendingPathComponent("theme").path
        try FileManager.default.copyItem(atPath: SiteFixture.templates, toPath: theme)
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site").path
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out, templates: theme)
        let footer = theme + "/footer.mustache"
        try (String(contentsOfFile: footer, encoding: .utf8) + "<!-- edited -->\n").write(toFile: footer, atomically: true, encoding: .utf8)
        let rebuilt = try SiteFixture.build(content: SiteFixture.content("wiki"), out: out, templates: theme)
        #expect(!rebuilt.upToDate)
        #expect(SiteFixture.read(out + "/index.html")?.contains("<!-- edited -->") == true)
    }
}

/// Two builds into one folder: the second is refused while the first holds the lock.
@Suite struct ConcurrentBuildTests {
    @Test func aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws {
        let root = try FixturePaths.temporaryFolder()
        let out = root.appendingPathComponent("site").path
        // Hold the lock the way a running build does (flock is per open file description).
        let descriptor = open(root.path + "/.site.errwiki-lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let error = #expect(throws: BuildError.self) { try SiteFixture.build(content: SiteFixture.content("wiki"), out: out) }
        #expect(error?.description.contains("another errwiki build") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        flock(descriptor, LOCK_UN)
        close(descriptor)
        try SiteFixture.build(content: SiteFixture.content("wiki"), out: out)
        #expect(FileManager.default.fileExists(atPath: out + "/index.html"))
    }
}
