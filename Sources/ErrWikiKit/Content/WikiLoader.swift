/// Loads a whole wiki: every content root scanned, every file read and decoded (in parallel), every
/// problem collected, then the roots joined by `ContentRoots`' rule.
package enum WikiLoader {
    /// - Parameters:
    ///   - root: the content folder to read.
    ///   - displayRoot: how paths are printed in diagnostics (the folder as the user named it).
    package static func load(root path: String, displayRoot: String? = nil) -> LoadedWiki {
        load(ContentRoots(path, display: displayRoot))
    }

    package static func load(_ roots: ContentRoots) -> LoadedWiki {
        var articles: [Article] = []
        var unreadable: [String] = []
        var diagnostics: [Diagnostic] = []
        var catalogs: [(root: Int, catalog: CodeCatalog)] = []
        var synonymGroups: [[[String]]] = []
        for (index, root) in roots.roots.enumerated() {
            let (files, scanDiagnostics) = ContentScanner(root: root).scan()
            diagnostics += scanDiagnostics
            for outcome in ParallelMap.map(files, { file in ArticleLoader.load(file, from: root) }) {
                switch outcome {
                case .article(var article, let found):
                    article.root = index
                    articles.append(article)
                    diagnostics += found
                case .unreadable(let id, let found):
                    unreadable.append(id)
                    diagnostics += found
                }
            }
            let (rootCatalogs, catalogProblems) = CatalogLoader.load(root)
            catalogs += rootCatalogs.catalogs.map { (index, $0) }
            diagnostics += catalogProblems
            let (synonyms, synonymProblems) = SynonymLoader.load(root)
            synonymGroups += synonyms.groups
            diagnostics += synonymProblems
        }
        let joined = ContentRoots.union(articles, id: \.id, root: \.root)
        return LoadedWiki(wiki: Wiki(articles: joined.winners, unreadableIDs: Set(unreadable), unreadableCount: unreadable.count,
                                     catalogs: ContentRoots.catalogSet(catalogs), synonyms: SynonymTable(groups: synonymGroups),
                                     shadowed: joined.shadowed.map { Shadowing(hidden: $0.hidden, by: $0.by) }),
                          diagnostics: diagnostics, roots: roots)
    }
}
