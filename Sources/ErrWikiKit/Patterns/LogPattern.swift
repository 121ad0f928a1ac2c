/// One compiled `patterns` entry: a regular expression that recognises a log line.
///
/// The dialect is Swift's `Regex` syntax, which is PCRE-like: `\d \s \w \b`, classes, `(?:...)`,
/// alternation, anchors, counted repetition, `(?i)` for case-insensitive matching. A pattern matches
/// when it is found anywhere in the line (use `^`/`$` to anchor). `check` and `diagnose` compile
/// patterns through this one type, so a pattern that passes `check` behaves the same everywhere.
package struct LogPattern: @unchecked Sendable {
    // Regex<AnyRegexOutput> is immutable once built; it is only read after construction.
    private let regex: Regex<AnyRegexOutput>
    package let source: String

    /// Compiles `source`; the error's text says what is wrong and where.
    /// - Parameter ignoringCase: match regardless of case, for text a person typed (`lookup`).
    package init(_ source: String, ignoringCase: Bool = false) throws(PatternError) {
        do {
            let compiled = try Regex(source)
            regex = ignoringCase ? compiled.ignoresCase() : compiled
        } catch {
            throw PatternError(message: String(describing: error))
        }
        self.source = source
    }

    /// Whether the pattern occurs anywhere in `line`.
    package func matches(_ line: String) -> Bool {
        (try? regex.firstMatch(in: line)) != nil
    }

    /// The range of the first match in `line`, if any (for highlighting).
    package func firstMatch(in line: String) -> Range<String.Index>? {
        (try? regex.firstMatch(in: line))??.range
    }
}

package struct PatternError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
