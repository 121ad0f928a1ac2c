/// One problem found in the content, with a stable rule id (`missing-field`, `duplicate-id`, ...).
///
/// Diagnostics are values: loaders and validators collect them and never throw them one at a time,
/// so `check` can report every problem of a wiki in one run.
package struct Diagnostic: Error, Sendable, Hashable, Comparable {
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    package var rule: Rule
    package var severity: Severity
    package var location: SourceLocation
    package var message: String
    /// How to fix it, when there is something useful to say.
    package var hint: String?

    package init(_ rule: Rule, _ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Sorted by file, line, column, then rule id: the order `check` prints them in.
    package static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    package var errorCount: Int { count { $0.severity == .error } }
    package var warningCount: Int { count { $0.severity == .warning } }
}
