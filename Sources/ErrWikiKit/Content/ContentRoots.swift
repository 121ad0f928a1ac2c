/// The content roots a command reads, in order, and the one rule that makes one wiki of them: as in
/// `MANPATH`, for each article id the first root that has it answers, and the same id in a later
/// root is shadowed. Catalog tables go by file name the same way (`catalogs/errno.tsv` of an earlier
/// root replaces a later one's); synonym tables add up, the earlier root's groups first.
///
/// Every reader of content takes one of these: `check`, `build`, `lookup`, `show`, `diagnose`,
/// `serve`, `mcp`, `export` and `new` all see the same union.
package struct ContentRoots: Sendable, Hashable, CustomStringConvertible {
    /// Never empty; the first is where `new` writes.
    package let roots: [ContentRoot]

    package init(_ roots: [ContentRoot]) {
        precondition(!roots.isEmpty, "at least one content root")
        self.roots = roots
    }

    package init(_ paths: [String]) {
        self.init(paths.map { ContentRoot($0) })
    }

    package init(_ path: String, display: String? = nil) {
        self.init([ContentRoot(path, display: display)])
    }

    package var first: ContentRoot { roots[0] }

    /// The folders as given, in order.
    package var paths: [String] { roots.map(\.path) }

    /// How messages name the set: the folders joined with `:`, as `ERRWIKI_PATH` writes them.
    package var description: String { paths.joined(separator: ":") }

    /// The roots as `--content` options for a command line, each quoted for the shell:
    /// ` --content 'team' --content 'Content'`.
    package var commandLineOptions: String {
        paths.map { " --content " + ShellQuote.quoted($0) }.joined()
    }

    /// The path of a file under root `index` as given on the command line (a root the index names
    /// that is not there, in a damaged cache, reads as the first).
    package func path(of relative: String, root index: Int) -> String {
        (roots.indices.contains(index) ? roots[index] : first).path + "/" + relative
    }

    /// The code catalogs of every root joined: a catalog file of an earlier root replaces the one
    /// with the same file name in a later root.
    package static func catalogSet(_ catalogs: [(root: Int, catalog: CodeCatalog)]) -> CatalogSet {
        CatalogSet(union(catalogs, id: \.catalog.relativePath, root: \.root).winners.map(\.catalog))
    }

    /// The root a diagnostic's file lies in and its path under that root: the root with the longest
    /// display folder that prefixes the file (so nested roots resolve to the inner one).
    func locate(displayed file: String) -> (root: ContentRoot, relative: String)? {
        roots.compactMap { root in root.relative(ofDisplayed: file).map { (root: root, relative: $0) } }
            .min { $0.relative.count < $1.relative.count }
    }

    /// Which items answer: for each id, those of the lowest root index that has it (two in the same
    /// root both stay, for the duplicate-id rule); every later one is shadowed by the first winner.
    /// Order is kept.
    package static func union<Item>(_ items: [Item], id: (Item) -> String, root: (Item) -> Int)
        -> (winners: [Item], shadowed: [(hidden: Item, by: Item)]) {
        var firstRoot: [String: (root: Int, item: Item)] = [:]
        for item in items {
            let key = id(item), index = root(item)
            if let known = firstRoot[key], known.root <= index { continue }
            firstRoot[key] = (index, item)
        }
        var winners: [Item] = []
        var shadowed: [(hidden: Item, by: Item)] = []
        for item in items {
            let winner = firstRoot[id(item)]!
            if root(item) == winner.root { winners.append(item) } else { shadowed.append((item, winner.item)) }
        }
        return (winners, shadowed)
    }
}
