/// Finds which of many literals occur in a line, in one pass over its bytes (Aho–Corasick, compiled
/// to a DFA over the literals' byte classes, ASCII case folded). Case folding can only add
/// candidates, never lose one: the regex that follows decides.
package struct LiteralScanner: Sendable {
    private let classCount: Int
    /// The DFA as raw buffers, so scanning a line costs no array bookkeeping: folded byte → class,
    /// state * classCount + class → state, and per state a range into the outputs (its own and
    /// inherited literals).
    private let tables: Tables

    package init(literals: [[UInt8]]) {
        let folded = literals.map { $0.map(Self.fold) }
        var classes = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for literal in folded { for byte in literal where classes[Int(byte)] == 0 { classes[Int(byte)] = next; next += 1 } }
        // Upper-case ASCII letters share their lower-case letter's class: folding costs nothing per byte.
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        classCount = Int(next)

        // The trie.
        var goto: [[Int32]] = [[Int32](repeating: -1, count: Int(next))]
        var own: [[Int32]] = [[]]
        for (id, literal) in folded.enumerated() {
            var state = 0
            for byte in literal {
                let symbol = Int(classes[Int(byte)])
                if goto[state][symbol] < 0 {
                    goto[state][symbol] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: Int(next)))
                    own.append([])
                }
                state = Int(goto[state][symbol])
            }
            own[state].append(Int32(id))
        }

        // Breadth-first: failure links, missing transitions filled in, outputs inherited.
        let stateCount = goto.count
        var failure = [Int32](repeating: 0, count: stateCount)
        var table = [Int32](repeating: 0, count: stateCount * Int(next))
        var queue: [Int] = []
        for symbol in 0..<Int(next) {
            let target = goto[0][symbol]
            if target > 0 {
                failure[Int(target)] = 0
                queue.append(Int(target))
                table[symbol] = target
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            own[state] += own[Int(failure[state])]
            for symbol in 0..<Int(next) {
                let target = goto[state][symbol]
                if target >= 0 {
                    failure[Int(target)] = table[Int(failure[state]) * Int(next) + symbol]
                    queue.append(Int(target))
                    table[state * Int(next) + symbol] = target
                } else {
                    table[state * Int(next) + symbol] = table[Int(failure[state]) * Int(next) + symbol]
                }
            }
        }
        // A state with output is stored as ~state (negative): one load per byte tells both.
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for state in 0..<stateCount {
            flat += own[state]
            starts.append(Int32(flat.count))
        }
        for index in table.indices where starts[Int(table[index]) + 1] != starts[Int(table[index])] {
            table[index] = ~table[index]
        }
        tables = Tables(transitions: table, outputStart: starts, outputs: flat, classOf: classes)
    }

    /// Copies of the tables in memory this scanner owns for its lifetime.
    final class Tables: @unchecked Sendable {
        // Written once in init, only read afterwards.
        let transitions: UnsafeMutableBufferPointer<Int32>
        let outputStart: UnsafeMutableBufferPointer<Int32>
        let outputs: UnsafeMutableBufferPointer<Int32>
        let classOf: UnsafeMutableBufferPointer<UInt8>

        init(transitions: [Int32], outputStart: [Int32], outputs: [Int32], classOf: [UInt8]) {
            func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
                _ = buffer.initialize(from: array)
                return buffer
            }
            self.transitions = copy(transitions)
            self.outputStart = copy(outputStart)
            self.outputs = copy(outputs)
            self.classOf = copy(classOf)
        }

        deinit {
            transitions.deallocate()
            outputStart.deallocate()
            outputs.deallocate()
            classOf.deallocate()
        }
    }

    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// Calls `found` with the id of every literal occurring in `bytes` and the offset just past
    /// that occurrence (an id may repeat).
    @inline(__always)
    package func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (_ literal: Int, _ end: Int) -> Void) {
        let table = tables.transitions, starts = tables.outputStart, outs = tables.outputs, classes = tables.classOf
        let width = classCount
        var state = 0
        for offset in 0..<bytes.count {
            let next = table[state &* width &+ Int(classes[Int(bytes[offset])])]
            if next >= 0 {
                state = Int(next)
            } else {
                state = Int(~next)
                for index in Int(starts[state])..<Int(starts[state &+ 1]) { found(Int(outs[index]), offset + 1) }
            }
        }
    }
}
