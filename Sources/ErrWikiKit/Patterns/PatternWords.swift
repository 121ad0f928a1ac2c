/// A cheap necessary condition for a pattern to match a line: the line contains at least one of the
/// words written literally in the pattern. Escapes (`\d`, `\b`, `\S`) and quantifiers are not
/// words; a pattern with no literal word of three letters or more is always tried.
enum PatternWords {
    static func words(in source: String) -> Set<String> {
        var cleaned = ""
        var escaped = false
        var braces = 0
        // `(?i)` and other inline flags are not words.
        var flags = false
        for character in source {
            if flags {
                cleaned.append(" ")
                if character == ")" || character == ":" { flags = false }
                continue
            }
            if character == "?" && cleaned.last == "(" {
                flags = true
                cleaned.append(" ")
                continue
            }
            if escaped {
                // `\d`, `\b`, `\(`: the escaped character is never part of a word.
                cleaned.append(" ")
                escaped = false
            } else if character == "\\" {
                escaped = true
                cleaned.append(" ")
            } else if character == "{" {
                braces += 1
                cleaned.append(" ")
            } else if character == "}" {
                braces = max(0, braces - 1)
                cleaned.append(" ")
            } else {
                cleaned.append(braces > 0 ? " " : character)
            }
        }
        return Set(Tokenizer.terms(in: cleaned).filter { $0.utf8.count >= 3 })
    }

    static func mayMatch(_ source: String, words lineWords: Set<String>) -> Bool {
        let literal = words(in: source)
        return literal.isEmpty || !literal.isDisjoint(with: lineWords)
    }
}
