/// The literal text a pattern cannot match without: per top-level alternative, its longest run of
/// plain characters. A line that contains none of a pattern's literals cannot match it, so the
/// regex only runs on lines that pass this test (found for all patterns at once by `LiteralScanner`).
///
/// Conservative by construction: groups, classes, escapes like `\d` and anything a quantifier can
/// repeat zero times end a run; a pattern (or one alternative) with no run of `minimumLength`
/// characters gets no literals, and is then tried on every line.
public struct RequiredLiterals: Sendable, Hashable {
    public static let minimumLength = 3

    /// One literal per top-level alternative; empty when the pattern must be tried on every line.
    public var alternatives: [[UInt8]]
    /// Whether the pattern starts with `(?i)`: its literals are compared without case.
    public var ignoresCase: Bool

    public init(pattern source: String) {
        var bytes = Array(source.utf8)
        ignoresCase = false
        if bytes.starts(with: Array("(?i)".utf8)) {
            ignoresCase = true
            bytes.removeFirst(4)
        }
        var literals: [[UInt8]] = []
        for branch in Self.topLevelBranches(bytes) {
            guard let literal = Self.longestRun(branch), literal.count >= Self.minimumLength else {
                alternatives = []
                return
            }
            literals.append(literal)
        }
        alternatives = literals
    }

    /// Splits on `|` outside groups and classes.
    static func topLevelBranches(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var branches: [ArraySlice<UInt8>] = []
        var depth = 0, inClass = false, escaped = false, start = 0
        for (index, byte) in bytes.enumerated() {
            if escaped { escaped = false; continue }
            switch byte {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "[") where !inClass: inClass = true
            case UInt8(ascii: "]") where inClass: inClass = false
            case UInt8(ascii: "(") where !inClass: depth += 1
            case UInt8(ascii: ")") where !inClass: depth = max(0, depth - 1)
            case UInt8(ascii: "|") where !inClass && depth == 0:
                branches.append(bytes[start..<index])
                start = index + 1
            default: break
            }
        }
        branches.append(bytes[start...])
        return branches
    }

    /// The longest run of characters that every match of this branch contains, in order.
    static func longestRun(_ branch: ArraySlice<UInt8>) -> [UInt8]? {
        var best: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        var index = branch.startIndex
        while index < branch.endIndex {
            let byte = branch[index]
            let next = index + 1 < branch.endIndex ? branch[index + 1] : nil
            // A quantifier that allows zero repetitions makes the previous character optional.
            let optional = next == UInt8(ascii: "?") || next == UInt8(ascii: "*") || (next == UInt8(ascii: "{") && branch[(index + 1)...].starts(with: Array("{0".utf8)))
            let repeated = next == UInt8(ascii: "+") || next == UInt8(ascii: "{")
            switch byte {
            case UInt8(ascii: "\\"):
                guard let escapedByte = next else { endRun(); index += 1; continue }
                let afterEscape = index + 2 < branch.endIndex ? branch[index + 2] : nil
                let escapedOptional = afterEscape == UInt8(ascii: "?") || afterEscape == UInt8(ascii: "*") || afterEscape == UInt8(ascii: "{")
                if isPunctuation(escapedByte) && !escapedOptional {
                    run.append(escapedByte)
                    if afterEscape == UInt8(ascii: "+") { endRun() }
                } else {
                    endRun()  // \d \s \w \b and friends, or an optional escaped character
                }
                index += 2
                continue
            case UInt8(ascii: "("):
                endRun()
                index = skipGroup(branch, from: index)
                continue
            case UInt8(ascii: "["):
                endRun()
                index = skipClass(branch, from: index)
                continue
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                endRun()
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                endRun()
            case UInt8(ascii: "{"):
                endRun()
                while index < branch.endIndex && branch[index] != UInt8(ascii: "}") { index += 1 }
            default:
                if optional {
                    endRun()
                } else {
                    run.append(byte)
                    if repeated { endRun() }
                }
            }
            index += 1
        }
        endRun()
        return best.isEmpty ? nil : best
    }

    /// The index after the group starting at `start` (and after a quantifier on it).
    private static func skipGroup(_ branch: ArraySlice<UInt8>, from start: Int) -> Int {
        var depth = 0, index = start, escaped = false, inClass = false
        while index < branch.endIndex {
            let byte = branch[index]
            index += 1
            if escaped { escaped = false; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; continue }
            if inClass { if byte == UInt8(ascii: "]") { inClass = false }; continue }
            if byte == UInt8(ascii: "[") { inClass = true; continue }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
        }
        return skipQuantifier(branch, from: index)
    }

    private static func skipClass(_ branch: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start + 1
        if index < branch.endIndex && branch[index] == UInt8(ascii: "^") { index += 1 }
        if index < branch.endIndex && branch[index] == UInt8(ascii: "]") { index += 1 }
        var escaped = false
        while index < branch.endIndex {
            let byte = branch[index]
            index += 1
            if escaped { escaped = false; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; continue }
            if byte == UInt8(ascii: "]") { break }
        }
        return skipQuantifier(branch, from: index)
    }

    private static func skipQuantifier(_ branch: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        guard index < branch.endIndex else { return index }
        switch branch[index] {
        case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"): index += 1
        case UInt8(ascii: "{"):
            while index < branch.endIndex && branch[index] != UInt8(ascii: "}") { index += 1 }
            index += 1
        default: break
        }
        if index < branch.endIndex && (branch[index] == UInt8(ascii: "?") || branch[index] == UInt8(ascii: "+")) { index += 1 }
        return index
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        !((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
    }
}
