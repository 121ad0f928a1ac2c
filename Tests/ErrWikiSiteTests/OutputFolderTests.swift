import ErrWikiTestSupport
import Foundation
import Testing
@testable import ErrWikiSite

/// The output guard's own cases that a real file system cannot stage when the tests run as root.
@Suite struct OutputFolderTests {
    @Test func aFolderThatCannotBeListedIsRefusedNotTakenForEmpty() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // What opendir answers a non-root user for a folder without read permission.
        let folder = OutputFolder(out.path, listFolder: { _ in throw CocoaError(.fileReadNoPermission) })
        let error = #expect(throws: BuildError.self) { try folder.validate(protecting: []) }
        #expect(error?.description.hasPrefix("\(out.path): cannot be listed (") == true, "\(String(describing: error))")
        #expect(error?.description.contains("refusing to replace") == true)
    }

    @Test func anEmptyListingStillMeansEmpty() throws {
        let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try OutputFolder(out.path).validate(protecting: [])
        #expect(throws: BuildError.self) { try OutputFolder(out.path, listFolder: { _ in ["thesis.txt"] }).validate(protecting: []) }
    }
}
