/// One look at every content root: each root's article files, catalogs and vocabulary with their
/// stamps, what could not be read, and one `TreeStamp` over all of it. The lookup index and the
/// site builder's up-to-date check both start from this, so they see the same files.
struct RootsScan {
    struct Root {
        var files: [ContentScanner.File]
        var catalogs: [ContentScanner.File]
        var synonyms: ContentScanner.File?
        /// Folders and files that could not be read, as diagnostics name them.
        var unreadable: [String]
    }

    var roots: [Root]
    /// Changes when any file of any root changes, and with the roots' real locations and order.
    var stamp: TreeStamp

    init(_ content: ContentRoots) {
        var stamped: [(path: String, stamp: FileStamp)] = []
        roots = content.roots.enumerated().map { index, root in
            let scanner = ContentScanner(root: root)
            let scan = scanner.scan()
            let (catalogs, catalogScan) = scanner.catalogFiles()
            let (synonyms, synonymScan) = scanner.synonymFile()
            let prefix = (root.realPath ?? root.path) + "\t\(index)\t"
            stamped += (scan.files + catalogs + (synonyms.map { [$0] } ?? [])).map { (prefix + $0.relativePath, $0.stamp) }
            let unreadable = (scan.diagnostics + catalogScan + synonymScan).filter { $0.severity == .error }.map(\.location.file)
            return Root(files: scan.files, catalogs: catalogs, synonyms: synonyms, unreadable: unreadable)
        }
        stamp = TreeStamp(stamped)
    }
}
