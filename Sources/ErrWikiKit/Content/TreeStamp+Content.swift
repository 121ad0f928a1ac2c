extension TreeStamp {
    /// The stamp of a content tree: every article file `ContentScanner` finds, in scan order, then the catalogs.
    package static func of(contentRoot: String) -> TreeStamp {
        let scanner = ContentScanner(root: ContentRoot(contentRoot))
        return TreeStamp(scanner.scan().files + scanner.catalogFiles().files)
    }

    init(_ files: [ContentScanner.File]) {
        self.init(files.lazy.map { (path: $0.relativePath, stamp: $0.stamp) })
    }
}
