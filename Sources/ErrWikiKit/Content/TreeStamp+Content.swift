extension TreeStamp {
    /// The stamp of a wiki: every article file `ContentScanner` finds in each root, in scan order,
    /// then the root's catalogs and vocabulary. Another root, or the same roots in another order,
    /// stamps differently.
    package static func of(_ roots: ContentRoots) -> TreeStamp {
        var stamped: [(path: String, stamp: FileStamp)] = []
        for (index, root) in roots.roots.enumerated() {
            let scanner = ContentScanner(root: root)
            let files = scanner.scan().files + scanner.catalogFiles().files + (scanner.synonymFile().file.map { [$0] } ?? [])
            let prefix = (root.realPath ?? root.path) + "\t\(index)\t"
            stamped += files.map { (prefix + $0.relativePath, $0.stamp) }
        }
        return TreeStamp(stamped)
    }
}
