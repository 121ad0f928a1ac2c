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
}
