/// One problem found in the content, with a stable rule id (`missing-field`, `duplicate-id`, ...).
///
/// Diagnostics are values: loaders and validators collect them and never throw them one at a time,
/// so `check` can report every problem of a wiki in one run.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var rule: Rule
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    public init(_ rule: Rule, _ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// Sorted by file, line, column, then rule id: the order `check` prints them in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule.rawValue < rhs.rule.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
}
