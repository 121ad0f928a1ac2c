import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

@Suite struct ContentLocatorTests {
    @Test func prefersTheFlagThenLocalContentThenTheEnvironmentThenTheInstall() throws {
        let base = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let manager = FileManager.default
        for folder in ["work/Content", "env-content", "prefix/bin", "prefix/share/errwiki/Content", "empty"] {
            try manager.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let executable = base.appendingPathComponent("prefix/bin/errwiki").path
        let work = base.appendingPathComponent("work").path
        let empty = base.appendingPathComponent("empty").path
        let env = ["ERRWIKI_CONTENT": base.appendingPathComponent("env-content").path]

        let local = ContentLocator(currentDirectory: work, environment: env, executablePath: executable)
        #expect(local.contentFolder(explicit: "/elsewhere") == .failure(.notAFolder("/elsewhere", source: "--content")))
        #expect(local.contentFolder(explicit: env["ERRWIKI_CONTENT"]) == .success(env["ERRWIKI_CONTENT"]!))
        #expect(local.contentFolder(explicit: nil) == .success("Content"))

        let fromEnvironment = ContentLocator(currentDirectory: empty, environment: env, executablePath: executable)
        #expect(fromEnvironment.contentFolder(explicit: nil) == .success(env["ERRWIKI_CONTENT"]!))

        let installed = ContentLocator(currentDirectory: empty, environment: [:], executablePath: executable)
        #expect(installed.contentFolder(explicit: nil) == .success(base.appendingPathComponent("prefix/share/errwiki/Content").path))

        let nothing = ContentLocator(currentDirectory: empty, environment: [:], executablePath: nil)
        #expect(nothing.contentFolder(explicit: nil) == .failure(.nothingFound))
    }

    /// `--content` repeated, then `ERRWIKI_PATH` as `MANPATH` reads it: an empty element is the
    /// default, `~` is the home folder, a folder named twice is read once, a missing one is an error.
    @Test func severalRootsComeFromTheFlagsOrFromErrwikiPath() throws {
        let base = try FixturePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        for folder in ["work/Content", "home/runbooks", "team"] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let work = base.appendingPathComponent("work").path
        let team = base.appendingPathComponent("team").path
        let home = base.appendingPathComponent("home").path
        func locator(_ path: String?) -> ContentLocator {
            ContentLocator(currentDirectory: work, environment: ["HOME": home].merging(path.map { ["ERRWIKI_PATH": $0] } ?? [:]) { $1 },
                           executablePath: nil)
        }
        #expect(locator(nil).contentRoots(explicit: [team, "Content"]) == .success([team, "Content"]))
        // The flags win over the variable.
        #expect(locator(team).contentRoots(explicit: ["Content"]) == .success(["Content"]))
        #expect(locator("~/runbooks:").contentRoots(explicit: []) == .success([home + "/runbooks", "Content"]))
        #expect(locator(":" + team).contentRoots(explicit: []) == .success(["Content", team]))
        #expect(locator(team + "::" + team).contentRoots(explicit: []) == .success([team, "Content"]))
        #expect(locator(nil).contentRoots(explicit: ["Content", "./Content", team]) == .success(["Content", team]))
        #expect(locator("/nowhere:").contentRoots(explicit: []) == .failure(.notAFolder("/nowhere", source: "ERRWIKI_PATH")))
        #expect(locator(nil).contentRoots(explicit: [team, "/nowhere"]) == .failure(.notAFolder("/nowhere", source: "--content")))
        // Unset or empty: the single default, as before.
        #expect(locator("").contentRoots(explicit: []) == .success(["Content"]))
        #expect(locator(nil).contentRoots(explicit: []) == .success(["Content"]))
    }
}
