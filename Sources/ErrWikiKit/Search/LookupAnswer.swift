/// What `lookup` or `show` prints, decided by `LookupSession`: `problems` on stderr first, then
/// `output` on stdout. The command only writes them and picks the exit status from `found`.
package struct LookupAnswer: Sendable, Equatable {
    /// Warnings and refusals: the left-out articles, "no article matches", an article that no
    /// longer loads.
    package var problems: String
    package var output: String
    /// Whether `output` is a page for people, to send through the pager when it is long
    /// (false for `--json` and the `--list` catalog, which are for programs).
    package var paged: Bool
    /// False when nothing was found or the found article could not be read (exit 1).
    package var found: Bool
}
