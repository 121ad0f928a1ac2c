import ErrWikiTestSupport
import Foundation

/// The shipped `Content/` built once by the real binary, shared by the tests that inspect it.
enum BuiltSite {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The output folder, or the build's failure output.
    static let folder: Result<URL, BuildFailure> = {
        do {
            let out = try FixturePaths.temporaryFolder().appendingPathComponent("site")
            let result = try CommandRunner.run(["build", "--content", "Content", "--templates", "Templates", "--out", out.path, "--quiet"],
                                               in: repository)
            guard result.status == 0 else { return .failure(BuildFailure(message: result.stderr)) }
            return .success(out)
        } catch {
            return .failure(BuildFailure(message: "\(error)"))
        }
    }()

    struct BuildFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func htmlFiles(in folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".html") }.sorted()
    }

    /// An external tool on PATH or in the project's tool folder (`make test-deps` installs them).
    static func tool(_ name: String) -> String? {
        let candidates = [repository.appendingPathComponent(".build-tools/venv/bin/\(name)").path]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// On CI the browser and the validator must be there; elsewhere their tests run when they are.
    static var toolsRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }
}
