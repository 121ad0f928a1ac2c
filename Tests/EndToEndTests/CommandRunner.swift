import Foundation

/// Runs the built `errwiki` binary and captures what a user would see.
struct CommandRunner {
    struct Result: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Ended by a signal: a crash, or killed after the time limit.
        var signalled = false
    }

    /// Starts errwiki (or `executable`) without waiting, output discarded unless `standardError` is
    /// given: for tests that kill it part-way or run several at once.
    static func start(_ arguments: [String], environment: [String: String] = [:], executable: URL = binary,
                      standardError: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = BuiltSite.repository
        var env = ProcessInfo.processInfo.environment
        env["ERRWIKI_PATH"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError ?? FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The `errwiki` built beside the test bundle.
    static let binary: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("errwiki"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/debug/errwiki").standardized,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: URL = binary,
                    standardInput: URL? = nil, timeLimit: Double = 600) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["ERRWIKI_CONTENT"] = nil
        env["ERRWIKI_PATH"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        try process.run()
        // A hang must fail the test, not stall the run.
        nonisolated(unsafe) let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) {
            if running.isRunning { kill(running.processIdentifier, SIGKILL) }
        }
        // Read both pipes while the process runs, so a large output cannot block it.
        nonisolated(unsafe) var errData = Data()
        // The semaphore orders the reader's write before our read (polling `isFinished` does not).
        let readerDone = DispatchSemaphore(value: 0)
        let reader = Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            readerDone.signal()
        }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        readerDone.wait()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self),
                      signalled: process.terminationReason == .uncaughtSignal)
    }
}
