/// The literal text a pattern cannot match without: per top-level alternative, its longest run of
/// plain characters. A line that contains none of a pattern's literals cannot match it, so the
/// regex only runs on lines that pass this test (found for all patterns at once by `LiteralScanner`).
///
/// Conservative by construction: groups, classes, escapes like `\d` and anything a quantifier can
/// repeat zero times end a run; a pattern (or one alternative) with no run of `minimumLength`
/// characters gets no literals, and is then tried on every line.
package struct RequiredLiterals: Sendable, Hashable {
    package static let minimumLength = 3

    /// One literal per top-level alternative; empty when the pattern must be tried on every line.
    package var alternatives: [[UInt8]]
    /// Whether the pattern starts with `(?i)`: its literals are compared without case.
    package var ignoresCase: Bool

    package init(pattern source: String) {
        var bytes = Array(source.utf8)
        ignoresCase = false
        if bytes.starts(with: Array("(?i)".utf8)) {
            ignoresCase = true
            bytes.removeFirst(4)
        }
        alternatives = Self.anyOf(bytes[...]) ?? []
    }

    /// The literals ASCII-lowercased, for a line matched regardless of case (`lookup`, the site):
    /// the line, folded the same way, must contain one of them.
    package var caseFolded: [String] {
        alternatives.map { String(decoding: $0.map(LiteralScanner.fold), as: UTF8.self) }
    }

    /// Whether `line` may match the pattern when case is ignored: it contains one of the literals,
    /// both ASCII case folded (literals are ASCII). `line` must already be folded (`caseFolded(_:)`).
    package func mayMatchIgnoringCase(foldedLine line: String) -> Bool {
        alternatives.isEmpty || caseFolded.contains { ByteSearch.contains(line, $0) }
    }

    /// A line ASCII-lowercased, as `mayMatchIgnoringCase(foldedLine:)` wants it.
    package static func caseFolded(_ line: String) -> String {
        String(decoding: line.utf8.map(LiteralScanner.fold), as: UTF8.self)
    }

    /// Literals of which every match contains at least one, for an alternation of branches; nil
    /// when some branch has none.
    static func anyOf(_ bytes: ArraySlice<UInt8>, depth: Int = 0) -> [[UInt8]]? {
        var literals: [[UInt8]] = []
        for branch in topLevelBranches(Array(bytes)) {
            guard let best = bestFactor(branch, depth: depth) else { return nil }
            literals += best
        }
        return literals
    }

    /// The most selective required factor of one branch: its longest plain run, or a required group
    /// whose every alternative has a literal (chosen by the shortest literal it would need).
    static func bestFactor(_ branch: ArraySlice<UInt8>, depth: Int) -> [[UInt8]]? {
        var best: [[UInt8]]?
        func consider(_ candidate: [[UInt8]]) {
            let strength = candidate.map(\.count).min() ?? 0
            guard strength >= minimumLength else { return }
            if let current = best {
                let currentStrength = current.map(\.count).min() ?? 0
                if strength < currentStrength || (strength == currentStrength && candidate.count >= current.count) { return }
            }
            best = candidate
        }
        if let run = longestRun(branch) { consider([run]) }
        if depth < 4 {
            for group in requiredGroups(branch) {
                if let inner = anyOf(group, depth: depth + 1) { consider(inner) }
            }
        }
        return best
    }

    /// The contents of the top-level groups that must match at least once (not followed by `?`,
    /// `*` or `{0`), without their `?:` prefix. Lookarounds and inline flags are left out.
    static func requiredGroups(_ branch: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var groups: [ArraySlice<UInt8>] = []
        var index = branch.startIndex
        var escaped = false, inClass = false
        while index < branch.endIndex {
            let byte = branch[index]
            if escaped { escaped = false; index += 1; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; index += 1; continue }
            if inClass { if byte == UInt8(ascii: "]") { inClass = false }; index += 1; continue }
            if byte == UInt8(ascii: "[") { inClass = true; index += 1; continue }
            guard byte == UInt8(ascii: "(") else { index += 1; continue }
            // Find the matching parenthesis.
            var depth = 0, end = index, innerEscaped = false, innerClass = false
            while end < branch.endIndex {
                let inner = branch[end]
                if innerEscaped { innerEscaped = false } else if inner == UInt8(ascii: "\\") { innerEscaped = true } else if innerClass {
                    if inner == UInt8(ascii: "]") { innerClass = false }
                } else if inner == UInt8(ascii: "[") { innerClass = true } else if inner == UInt8(ascii: "(") { depth += 1 } else if inner == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            guard end < branch.endIndex else { break }
            var content = branch[(index + 1)..<end]
            let next = end + 1 < branch.endIndex ? branch[end + 1] : nil
            let optional = next == UInt8(ascii: "?") || next == UInt8(ascii: "*") || (next == UInt8(ascii: "{") && branch[(end + 1)...].starts(with: Array("{0".utf8)))
            if content.first == UInt8(ascii: "?") {
                // `(?:...)` is a plain group; other `(?` forms (lookarounds, flags, named groups) are skipped.
                if content.starts(with: Array("?:".utf8)) { content = content.dropFirst(2) } else { content = [][...] }
            }
            if !optional && !content.isEmpty { groups.append(content) }
            index = end + 1
        }
        return groups
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
                if isPunctuation(escapedByte) && !escapedOptional && isLiteralByte(escapedByte, followedBy: afterEscape) {
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
                if optional || !isLiteralByte(byte, followedBy: next) {
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

    /// Whether a pattern byte may stand in a literal. Regex compares characters, not bytes: `é`
    /// matches `e` + U+0301, and a line's invalid bytes become U+FFFD. So non-ASCII bytes, and an ASCII
    /// character that a combining mark follows, never do.
    private static func isLiteralByte(_ byte: UInt8, followedBy next: UInt8?) -> Bool {
        byte < 0x80 && (next ?? 0) < 0x80
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        !((UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
    }
}
