import Foundation

/// Opens one input of `diagnose`: a file, standard input (`-`), or a .gz file through `gzip -dc`.
package enum LogInput {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Calls `body` with each line of the input and its number, and `block` before each run of
    /// lines read together (`LogLineReader.forEachLine`).
    package static func read(_ input: String, block: (UnsafeBufferPointer<UInt8>) -> Void = { _ in },
                             _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        if input == "-" {
            var reader = LogLineReader(descriptor: STDIN_FILENO)
            try readAll(&reader, block, body)
            return
        }
        let descriptor = open(input, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw Failure(description: "is a directory")
        }
        if input.hasSuffix(".gz") {
            close(descriptor)
            try readCompressed(input, block, body)
            return
        }
        defer { close(descriptor) }
        var reader = LogLineReader(descriptor: descriptor)
        try readAll(&reader, block, body)
    }

    private static func readAll(_ reader: inout LogLineReader, _ block: (UnsafeBufferPointer<UInt8>) -> Void,
                                _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        do {
            try reader.forEachLine(body, block: block)
        } catch .failed(let code) {
            throw Failure(description: String(cString: strerror(code)))
        }
    }

    private static func readCompressed(_ path: String, _ block: (UnsafeBufferPointer<UInt8>) -> Void,
                                       _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", path]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        var reader = LogLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        try readAll(&reader, block, body)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "cannot decompress: " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
