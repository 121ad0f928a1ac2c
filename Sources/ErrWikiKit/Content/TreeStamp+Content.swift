extension TreeStamp {
    /// The stamp of a wiki: every file `RootsScan` finds in each root. Another root, or the same
    /// roots in another order, stamps differently.
    package static func of(_ roots: ContentRoots) -> TreeStamp {
        RootsScan(roots).stamp
    }
}
