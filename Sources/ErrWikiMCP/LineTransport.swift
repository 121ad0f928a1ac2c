import Foundation
import Logging
import MCP

/// MCP's stdio transport: one JSON-RPC message per line on standard input and output.
///
/// In place of the SDK's `StdioTransport`, for two reasons measured on a 50 MB `diagnose_log`
/// call: that one reads 4 kB at a time and searches the whole pending buffer for a newline after
/// each read (minutes of CPU for one large message), and it ends the stream at end of input while
/// the SDK still answers requests in tasks of their own, so `printf '…' | errwiki mcp` lost the last
/// answers. This one reads in 1 MB blocks on a thread of its own, searches only new bytes, and
/// after end of input waits (at most `drainLimit`) until every request read has been answered.
actor LineTransport: Transport {
    nonisolated let logger = Logger(label: "errwiki.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
    private let input: Int32
    private let output: Int32
    private var unanswered = 0

    static let drainLimit: Duration = .seconds(30)
    /// A longer line is dropped (and reported on standard error): no tool takes that much.
    static let maximumMessage = 256 << 20

    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) {
        self.input = input
        self.output = output
    }

    func connect() async throws {}

    func disconnect() async {}

    func send(_ data: Data) async throws {
        var message = data
        message.append(0x0A)
        try message.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(output, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
                }
                offset += written
            }
        }
        unanswered = max(0, unanswered - Self.count(in: data, requests: false))
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
        let descriptor = input
        let thread = Thread {
            Self.readLines(descriptor) { line in
                let semaphore = DispatchSemaphore(value: 0)
                Task {
                    await self.received(line)
                    continuation.yield(line)
                    semaphore.signal()
                }
                semaphore.wait()
            }
            Task {
                await self.drained()
                continuation.finish()
            }
        }
        thread.start()
        return stream
    }

    private func received(_ data: Data) {
        unanswered += Self.count(in: data, requests: true)
    }

    private func drained() async {
        let deadline = ContinuousClock.now + Self.drainLimit
        while unanswered > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Calls `body` with each non-empty line until end of input or a read error.
    private static func readLines(_ descriptor: Int32, _ body: (Data) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var pending = Data()
        var dropping = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            var start = 0
            while let newline = buffer[start..<count].firstIndex(of: 0x0A) {
                if !dropping { pending.append(contentsOf: buffer[start..<newline]) }
                if !pending.isEmpty { body(pending) }
                pending = Data()
                dropping = false
                start = newline + 1
            }
            if !dropping { pending.append(contentsOf: buffer[start..<count]) }
            if pending.count > maximumMessage {
                FileHandle.standardError.write(Data("errwiki mcp: dropped a message longer than \(maximumMessage >> 20) MB\n".utf8))
                pending = Data()
                dropping = true
            }
        }
        if !pending.isEmpty && !dropping { body(pending) }
    }

    /// Requests (an id and a method) or responses (an id, no method) in one message or batch.
    private static func count(in data: Data, requests: Bool) -> Int {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return 0 }
        let messages = (json as? [Any]) ?? [json]
        return messages.reduce(0) { total, message in
            guard let object = message as? [String: Any], object["id"] != nil else { return total }
            return total + ((object["method"] != nil) == requests ? 1 : 0)
        }
    }
}
