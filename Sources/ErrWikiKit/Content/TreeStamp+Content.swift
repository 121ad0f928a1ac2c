extension TreeStamp {
    /// The stamp of a content tree: every article file `ContentScanner` finds, in scan order.
    package static func of(contentRoot: String) -> TreeStamp {
        TreeStamp(ContentScanner(root: ContentRoot(contentRoot)).scan().files)
    }

    init(_ files: [ContentScanner.File]) {
        self.init(files.lazy.map { (path: $0.relativePath, stamp: $0.stamp) })
    }
}
