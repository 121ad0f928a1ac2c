import Foundation

/// Reads a log line by line from a file descriptor in constant memory: lines of any length (a
/// line longer than `maximumLineLength` is cut there for matching, the rest skipped), any bytes.
package struct LogLineReader {
    package static let maximumLineLength = 16 << 20

    private let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var start = 0
    private var end = 0
    private var line: [UInt8] = []
    private var skippingRestOfLine = false
    private var finished = false
    package private(set) var lineNumber = 0

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The lines of a text already in memory (`mcp`'s `diagnose_log`), by the same rules: the text
    /// is the one buffer, and there is nothing more to read.
    package init(text: String) {
        descriptor = -1
        buffer = Array(text.utf8)
        end = buffer.count
        finished = true
    }

    package enum ReadError: Error, Equatable { case failed(errno: Int32) }

    /// Calls `body` with each line (without its "\n" or "\r\n") and its 1-based number. Before
    /// the lines of each buffer it calls `block` with the part of the buffer that holds whole lines
    /// (each with its "\n"); `body` then gets those lines as slices of that part, in order, so a
    /// matcher can scan many lines in one call. A line split across two reads is in no block.
    package mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void,
                                      block: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }) throws(ReadError) {
        if start < end { announceBlock(block) }
        while true {
            if start == end {
                if finished { break }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .failed(errno: errno)
                }
                if count == 0 { finished = true; continue }
                start = 0
                end = count
                announceBlock(block)
            }
            let newline = buffer.withUnsafeBufferPointer { pointer -> Int? in
                guard let base = pointer.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return nil }
                return UnsafeRawPointer(found) - UnsafeRawPointer(base)
            }
            // The common case: a whole line inside the buffer, handed over without a copy.
            if let newline, line.isEmpty, !skippingRestOfLine, newline - start <= Self.maximumLineLength {
                var length = newline - start
                if length > 0 && buffer[newline - 1] == 0x0D { length -= 1 }
                lineNumber += 1
                let (from, number) = (start, lineNumber)
                buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[from..<from + length]), number) }
                start = newline + 1
                continue
            }
            let stop = newline ?? end
            if !skippingRestOfLine {
                let room = Self.maximumLineLength - line.count
                let take = min(room, stop - start)
                line.append(contentsOf: buffer[start..<start + take])
                if take < stop - start { skippingRestOfLine = true }
            }
            if let newline {
                start = newline + 1
                emit(body)
            } else {
                start = end
            }
        }
        if !line.isEmpty || skippingRestOfLine { emit(body) }
    }

    /// Hands `block` the whole lines from `start` on: from the first line that begins in the buffer
    /// (past the rest of a line already begun) to the last "\n"; an empty block when there is none,
    /// so that no block of an earlier buffer is taken for this one's.
    private func announceBlock(_ block: (UnsafeBufferPointer<UInt8>) -> Void) {
        buffer.withUnsafeBufferPointer { pointer in
            guard let base = pointer.baseAddress else { return block(UnsafeBufferPointer(start: nil, count: 0)) }
            var from = start
            if !line.isEmpty || skippingRestOfLine {
                from = memchr(base + from, 0x0A, end - from).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? end
            }
            var through = end
            while through > from, base[through - 1] != 0x0A { through -= 1 }
            block(through > from ? UnsafeBufferPointer(rebasing: pointer[from..<through]) : UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    private mutating func emit(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        lineNumber += 1
        if line.last == 0x0D { line.removeLast() }
        line.withUnsafeBufferPointer { body($0, lineNumber) }
        line.removeAll(keepingCapacity: true)
        skippingRestOfLine = false
    }
}
