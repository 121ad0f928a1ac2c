import CFuzzDriver
import Foundation

/// What every fuzz target shares: starting libFuzzer from an ordinary `main.swift`, finding the
/// shipped content, and failing loudly when an invariant does not hold.
public enum Fuzzer {
    /// Hands control to libFuzzer, which calls `callback` once per input, then exits with its status.
    /// `callback` must be a `@convention(c)` function: the target's `LLVMFuzzerTestOneInput`.
    public static func run(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }

    /// The input as bytes (libFuzzer passes nil for an empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Stops the process so libFuzzer records the input as a crash, with a message saying which
    /// invariant failed (a plain `precondition` message is lost in release builds).
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("errwiki fuzz invariant failed: " + message + "\n").utf8))
        abort()
    }

    /// The content folder to load: `$ERRWIKI_FUZZ_CONTENT`, else the `Content` folder of the
    /// package the executable was built in (searched upwards from it), else from the working directory.
    public static func contentRoot() -> String {
        if let explicit = ProcessInfo.processInfo.environment["ERRWIKI_FUZZ_CONTENT"], !explicit.isEmpty { return explicit }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let starts = [executable, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                let content = folder.appendingPathComponent("Content").path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                   FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue {
                    return content
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return "Content"
    }
}
