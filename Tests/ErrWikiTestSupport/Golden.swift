import Foundation

/// Golden files: expected output kept beside the tests, re-recorded only on request.
///
/// `ERRWIKI_RECORD=1 swift test` rewrites every golden that differs and still fails the run, so a
/// re-recording is never mistaken for a pass; read the diff (`git diff Tests/`) before committing.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["ERRWIKI_RECORD"] == "1" }

    /// nil when `actual` equals the golden file; otherwise a message saying what differs.
    public static func mismatch(_ actual: String, golden url: URL) -> String? {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if expected == actual { return nil }
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "re-recorded \(url.path); unset ERRWIKI_RECORD and run the tests again"
        }
        guard let expected else { return "golden file \(url.path) is missing; record it with ERRWIKI_RECORD=1" }
        return "output differs from \(url.path)\n" + firstDifference(expected, actual)
    }

    /// nil when equal, otherwise the first line that differs.
    public static func mismatchDescription(_ expected: String, _ actual: String) -> String? {
        expected == actual ? nil : firstDifference(expected, actual)
    }

    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        for index in 0..<max(e.count, a.count) {
            let left = index < e.count ? e[index] : "<end>"
            let right = index < a.count ? a[index] : "<end>"
            if left != right { return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "(differs in line endings)"
    }
}

/// Folders of the test sources, resolved from the test file's own path.
public enum FixturePaths {
    /// `Tests/<target>/Fixtures` for the file that calls it.
    public static func fixtures(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    /// A new empty temporary folder.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("errwiki-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
