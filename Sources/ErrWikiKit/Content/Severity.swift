/// How bad an error is: badge, filter and sort order, most severe first.
package enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case critical, high, medium, low, info

    /// 0 for critical … 4 for info.
    package var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// More severe sorts first.
    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    package static let listing = allCases.map(\.rawValue).joined(separator: ", ")
}
