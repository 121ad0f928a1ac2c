import Foundation

/// A `patterns` entry made from one real log line (`new --from-log`): the stable words kept as
/// written, what varies between occurrences generalised — numbers, hex, paths, quoted names, host
/// names and addresses, timestamps — and leading timestamps and `host prog[pid]:` prefixes dropped,
/// so the pattern recognises the next occurrence of the error and nothing else.
package enum LogLinePattern {
    /// The pattern for `line` (Swift Regex syntax, as `patterns` are), and the message part of the
    /// line (without its timestamp or syslog prefix), for a title.
    ///
    /// - Parameter avoiding: other articles' samples. When generalising quoted names makes the
    ///   pattern match one of them (`AttributeError: '[^']*' object has no attribute` would claim the
    ///   NoneType article's), the quoted names are kept as written.
    package static func make(from line: String, avoiding samples: [String] = []) -> (pattern: String, message: String) {
        let message = strippingPrefix(line.trimmingCharacters(in: .whitespacesAndNewlines))
        let general = pattern(for: message, quotedNames: true)
        guard !samples.isEmpty, let compiled = try? LogPattern(general), samples.contains(where: compiled.matches) else {
            return (general, message)
        }
        return (pattern(for: message, quotedNames: false), message)
    }

    static func pattern(for message: String, quotedNames: Bool) -> String {
        var pattern = ""
        var rest = Substring(message)
        while let first = rest.first {
            if let (matched, replacement) = variablePart(at: rest, quotedNames: quotedNames) {
                pattern += replacement
                rest = rest.dropFirst(matched)
            } else if first.isWhitespace {
                // Runs of spaces vary with alignment.
                pattern += "\\s+"
                rest = rest.drop(while: \.isWhitespace)
            } else {
                pattern += escaped(first)
                rest = rest.dropFirst()
            }
        }
        return pattern
    }

    /// Leading timestamps (ISO 8601, syslog's `Mon  2 12:34:56`, `[12345.678]` from the kernel) and a
    /// syslog `host prog[pid]:` prefix: they differ on every occurrence and say nothing of the error.
    static func strippingPrefix(_ line: String) -> String {
        var text = line
        let prefixes = [
            #"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\s+"#,
            #"^[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\s+\S+\s+[\w.@/-]+(?:\[\d+\])?:\s+"#,
            #"^\[\s*\d+\.\d+\]\s+"#,
            // After an ISO timestamp: `host prog[pid]: ` (only with a pid: `make: ` is the message).
            #"^[\w.-]+\s+[\w.@/-]+\[\d+\]:\s+"#,
        ]
        for prefix in prefixes {
            if let range = text.range(of: prefix, options: .regularExpression), range.upperBound < text.endIndex {
                text = String(text[range.upperBound...])
            }
        }
        return text
    }

    /// The variable part that starts `text`, if one does: how many characters it takes and what
    /// stands for it in the pattern.
    static func variablePart(at text: Substring, quotedNames: Bool = true) -> (Int, String)? {
        // Quoted names: 'foo', "foo", ‘foo’ and `foo'.
        let quoted: [(String, String)] = [
            (#"^'[^'\n]*'"#, "'[^']*'"), (#"^"[^"\n]*""#, "\"[^\"]*\""), (#"^‘[^’\n]*’"#, "‘[^’]*’"), (#"^`[^'`\n]*'"#, "`[^']*'"),
        ]
        let rules: [(String, String)] = (quotedNames ? quoted : []) + [
            (#"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?"#, #"\S+"#),
            (#"^\d\d:\d\d:\d\d(?:[.,]\d+)?"#, #"[\d:.,]+"#),
            (#"^0x[0-9A-Fa-f]+"#, "0x[0-9A-Fa-f]+"),
            (#"^(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?"#, #"[\d.:]+"#),
            // Absolute and relative paths with a slash (not a URL's `//`).
            (#"^(?:~|\.{1,2})?/[^\s:'",;()\[\]]+"#, #"\S+"#),
            // Host names: lower-case words joined by dots (example.com, db-1.internal); not
            // `java.lang.ArithmeticException`, which names the error.
            (#"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*(?=[\s:,;)\]'"]|$)"#, #"[\w.-]+"#),
            (#"^\d+(?:\.\d+)*"#, #"\d+(?:\.\d+)*"#),
        ]
        for (rule, replacement) in rules {
            if let range = text.range(of: rule, options: .regularExpression) {
                // A word that merely ends in digits (`ext4`, `sda1`) is stable: only free-standing numbers vary.
                if replacement.hasPrefix(#"\d"#), text.startIndex > text.base.startIndex,
                   let previous = text.base[..<text.startIndex].last, previous.isLetter { continue }
                return (text.distance(from: range.lowerBound, to: range.upperBound), replacement)
            }
        }
        return nil
    }

    /// One character as a literal in Swift Regex syntax.
    static func escaped(_ character: Character) -> String {
        "\\^$.|?*+()[]{}".contains(character) ? "\\" + String(character) : String(character)
    }
}
