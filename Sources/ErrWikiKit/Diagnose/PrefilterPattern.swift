/// A `patterns` entry rewritten for Hyperscan's prefilter: an expression that matches every line
/// of ASCII text the pattern matches, and maybe more (the pattern's own `Regex` then decides). nil
/// when the pattern uses syntax whose meaning the two dialects may not share; such a pattern keeps
/// today's literal prefilter.
///
/// Only ASCII lines are prefiltered (`LogSignatures`): on them a Swift `Character` is one byte, so
/// byte-wise matching agrees with Swift's grapheme-wise matching. Where agreement is not certain
/// the rewrite widens, never narrows: `\b`, `\B` and lookarounds are dropped (an assertion left out
/// only admits more lines), and a negated class under `(?i)` becomes "any byte". Compiled with
/// HS_FLAG_MULTILINE over a block of lines, a match may run across lines; the line where a true
/// match ends is still reported.
package struct PrefilterPattern: Sendable, Hashable {
    package var expression: String
    package var caseless: Bool

    private static let asciiCharacters = Set((0..<128).map { Character(UnicodeScalar(UInt8($0))) })

    /// Bytes to be found as they are (a required literal), in Hyperscan's syntax.
    package static func literal(_ bytes: [UInt8]) -> String {
        bytes.map(Rewriter.hex).joined()
    }

    package init?(_ source: String) {
        // Swift compares characters, not bytes: a character outside ASCII may equal an ASCII one
        // (U+212A KELVIN SIGN is "K"), and one that combines scalars ("e" + U+0301) is one character
        // to Swift but several atoms to a byte rewrite. Either could narrow the rewrite: not rewritten.
        for character in source where !character.isASCII {
            if character.unicodeScalars.count > 1 || Self.asciiCharacters.contains(character) { return nil }
        }
        var bytes = Array(source.utf8)[...]
        caseless = false
        if bytes.starts(with: "(?i)".utf8) {
            caseless = true
            bytes = bytes.dropFirst(4)
        }
        var rewriter = Rewriter(bytes: bytes, caseless: caseless)
        guard let expression = rewriter.rewrite() else { return nil }
        self.expression = expression
    }
}

private struct Rewriter {
    let bytes: ArraySlice<UInt8>
    let caseless: Bool
    var position: Int
    var output = ""
    /// Whether what was just written can take a quantifier.
    var quantifiable = false

    init(bytes: ArraySlice<UInt8>, caseless: Bool) {
        self.bytes = bytes
        self.caseless = caseless
        position = bytes.startIndex
    }

    var current: UInt8? { position < bytes.endIndex ? bytes[position] : nil }
    func peek(_ offset: Int) -> UInt8? { position + offset < bytes.endIndex ? bytes[position + offset] : nil }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return "\\x" + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    mutating func rewrite() -> String? {
        var depth = 0
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\\"):
                guard escape() else { return nil }
            case UInt8(ascii: "["):
                guard characterClass() else { return nil }
            case UInt8(ascii: "("):
                guard let opened = group() else { return nil }
                if opened { depth += 1 }
            case UInt8(ascii: ")"):
                depth -= 1
                guard depth >= 0 else { return nil }
                output += ")"
                position += 1
                quantifiable = true
            case UInt8(ascii: "|"):
                output += "|"
                position += 1
                quantifiable = false
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"):
                guard quantifier() else { return nil }
            case UInt8(ascii: "^"):
                output += "^"
                position += 1
                quantifiable = false
            case UInt8(ascii: "$"):
                // A block's line may end in "\r\n", where the line handed to the Regex has lost its "\r".
                output += "\\r?$"
                position += 1
                quantifiable = false
            case UInt8(ascii: "."):
                output += "."
                position += 1
                quantifiable = true
            case 0x80...:
                // A character outside ASCII never occurs in an ASCII line; grouped, so that a quantifier
                // applies to all of its bytes. Under (?i) it could fold to an ASCII letter.
                guard !caseless else { return nil }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard position + length <= bytes.endIndex else { return nil }
                output += "(?:" + bytes[position..<position + length].map(Self.hex).joined() + ")"
                position += length
                quantifiable = true
            default:
                output += Self.isAlphanumeric(byte) || byte == 0x20 ? String(UnicodeScalar(byte)) : Self.hex(byte)
                position += 1
                quantifiable = true
            }
        }
        return depth == 0 ? output : nil
    }

    /// An escape outside a class.
    mutating func escape() -> Bool {
        guard let next = peek(1) else { return false }
        switch next {
        case UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "w"), UInt8(ascii: "W"), UInt8(ascii: "s"), UInt8(ascii: "S"):
            output += "\\" + String(UnicodeScalar(next))
            position += 2
            quantifiable = true
        case UInt8(ascii: "b"), UInt8(ascii: "B"):
            // Swift's \b follows Unicode word boundaries, not \w/\W: left out, which only widens.
            position += 2
            quantifiable = false
            if let after = current, "*+?{".utf8.contains(after) { return false }
        default:
            guard let byte = singleCharacterEscape() else { return false }
            output += Self.hex(byte)
            quantifiable = true
        }
        return true
    }

    /// `\t \n \r \f`, `\xHH` below 0x80, or an escaped ASCII punctuation mark: the byte it stands
    /// for, past the escape. nil for every other escape.
    mutating func singleCharacterEscape() -> UInt8? {
        guard current == UInt8(ascii: "\\"), let next = peek(1) else { return nil }
        switch next {
        case UInt8(ascii: "t"): position += 2; return 0x09
        case UInt8(ascii: "n"): position += 2; return 0x0A
        case UInt8(ascii: "r"): position += 2; return 0x0D
        case UInt8(ascii: "f"): position += 2; return 0x0C
        case UInt8(ascii: "x"):
            guard let high = peek(2).flatMap(Self.hexValue), let low = peek(3).flatMap(Self.hexValue) else { return nil }
            let value = high << 4 | low
            guard value < 0x80 else { return nil }  // Swift reads it as a code point, Hyperscan as a byte
            position += 4
            return value
        case 0x21...0x7E where !Self.isAlphanumeric(next):
            position += 2
            return next
        default:
            return nil
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// `[...]`: literal ASCII members, ranges between them, `\d \w \s` and their negations. Members
    /// outside ASCII are left out (no ASCII line has them). Swift's set operations, nested and POSIX
    /// classes are not rewritten.
    mutating func characterClass() -> Bool {
        position += 1
        let negated = current == UInt8(ascii: "^")
        if negated { position += 1 }
        guard let first = current, first != UInt8(ascii: "]") else { return false }
        var members = ""
        var hasLetter = false
        var hasMember = false
        var atStart = true
        while let byte = current, byte != UInt8(ascii: "]") {
            if byte == UInt8(ascii: "[") { return false }
            if let next = peek(1), next == byte, "&-~".utf8.contains(byte) { return false }
            if byte == UInt8(ascii: "\\"), let next = peek(1), "dDwWsS".utf8.contains(next) {
                members += "\\" + String(UnicodeScalar(next))
                position += 2
                hasLetter = true
                hasMember = true
                if current == UInt8(ascii: "-"), peek(1) != UInt8(ascii: "]") { return false }
                atStart = false
                continue
            }
            if byte >= 0x80 {
                // Outside ASCII in a negated class: whether Swift's class then admits an ASCII line's
                // character is not something a byte rewrite can be sure of. Under (?i): folding.
                guard !caseless, !negated else { return false }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard position + length <= bytes.endIndex else { return false }
                position += length
                if current == UInt8(ascii: "-"), peek(1) != UInt8(ascii: "]") { return false }  // a range from outside ASCII
                atStart = false
                continue
            }
            guard let low = member(atStart: atStart) else { return false }
            atStart = false
            if current == UInt8(ascii: "-"), let after = peek(1), after != UInt8(ascii: "]") {
                position += 1
                guard let high = member(atStart: false), high >= low, high < 0x80 else { return false }
                members += Self.hex(low) + "-" + Self.hex(high)
                hasLetter = hasLetter || (low...high).contains { Self.isAlphanumeric($0) && $0 > 0x39 }
            } else {
                members += Self.hex(low)
                hasLetter = hasLetter || (Self.isAlphanumeric(low) && low > 0x39)
            }
            hasMember = true
        }
        guard current == UInt8(ascii: "]") else { return false }
        position += 1
        if negated && caseless && hasLetter {
            output += "[\\x00-\\xff]"  // how the two fold a negated class may differ: any byte
        } else if !hasMember {
            // Only members outside ASCII: a positive class no ASCII line matches (refused, so the literal
            // prefilter keeps it); a negated one admits any byte.
            guard negated else { return false }
            output += "[\\x00-\\xff]"
        } else {
            output += "[" + (negated ? "^" : "") + members + "]"
        }
        quantifiable = true
        return true
    }

    /// One literal member of a class: a plain ASCII byte or a single-character escape.
    mutating func member(atStart: Bool) -> UInt8? {
        guard let byte = current else { return nil }
        if byte == UInt8(ascii: "\\") { return singleCharacterEscape() }
        guard byte < 0x80, byte != UInt8(ascii: "[") else { return nil }
        position += 1
        return byte
    }

    /// `(`, `(?:`, a named group, or a lookaround (left out whole). Returns whether a group was
    /// opened, nil for syntax that is not rewritten.
    mutating func group() -> Bool? {
        guard peek(1) == UInt8(ascii: "?") else {
            output += "("
            position += 1
            quantifiable = false
            return true
        }
        let rest = bytes[(position + 2)...]
        if rest.starts(with: ":".utf8) {
            output += "(?:"
            position += 3
            quantifiable = false
            return true
        }
        for lookaround in ["=", "!", "<=", "<!"] where rest.starts(with: lookaround.utf8) {
            guard let end = closingParenthesis(from: position) else { return nil }
            position = end + 1
            quantifiable = false
            if let after = current, "*+?{".utf8.contains(after) { return nil }
            return false
        }
        for opener in ["<", "P<"] where rest.starts(with: opener.utf8) {
            var index = position + 2 + opener.utf8.count
            while index < bytes.endIndex, Self.isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "_") { index += 1 }
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ">"), index > position + 2 + opener.utf8.count else { return nil }
            output += "("
            position = index + 1
            quantifiable = false
            return true
        }
        return nil
    }

    /// The index of the `)` that closes the group opening at `start`, skipping escapes and classes.
    func closingParenthesis(from start: Int) -> Int? {
        var depth = 0
        var index = start
        var inClass = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if inClass {
                if byte == UInt8(ascii: "[") { return nil }  // Swift's nested classes: not followed here
                if byte == UInt8(ascii: "]") { inClass = false }
            } else if byte == UInt8(ascii: "(") && bytes[(index + 1)...].starts(with: "?#".utf8) {
                return nil  // a comment may hold a parenthesis
            } else if byte == UInt8(ascii: "[") {
                inClass = true
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "^") { index += 1 }
                if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "]") { index += 1 }
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// `* + ?` or `{n}`, `{n,}`, `{n,m}`, optionally lazy; possessive forms are not rewritten.
    mutating func quantifier() -> Bool {
        guard quantifiable, let byte = current else { return false }
        if byte == UInt8(ascii: "{") {
            var index = position + 1
            func digits() -> String? {
                let from = index
                while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index > from ? String(decoding: bytes[from..<index], as: UTF8.self) : nil
            }
            guard let low = digits() else { return false }
            var text = "{" + low
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: ",") {
                index += 1
                text += "," + (digits() ?? "")
            }
            guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "}") else { return false }
            output += text + "}"
            position = index + 1
        } else {
            output += String(UnicodeScalar(byte))
            position += 1
        }
        if current == UInt8(ascii: "+") { return false }
        if current == UInt8(ascii: "?") { position += 1 }  // lazy: the same lines match
        quantifiable = false
        return true
    }
}
