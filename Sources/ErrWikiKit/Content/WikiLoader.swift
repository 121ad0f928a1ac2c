/// Loads a whole content tree: scan, then read and decode every file (in parallel), collecting every problem.
package enum WikiLoader {
    /// - Parameters:
    ///   - root: the content folder to read.
    ///   - displayRoot: how paths are printed in diagnostics (the folder as the user named it).
    package static func load(root path: String, displayRoot: String? = nil) -> LoadedWiki {
        let root = ContentRoot(path, display: displayRoot)
        let (files, scanDiagnostics) = ContentScanner(root: root).scan()
        let outcomes = ParallelMap.map(files) { file in ArticleLoader.load(file, from: root) }
        var articles: [Article] = []
        var unreadable: [String] = []
        var diagnostics = scanDiagnostics
        for outcome in outcomes {
            switch outcome {
            case .article(let article, let found):
                articles.append(article)
                diagnostics += found
            case .unreadable(let id, let found):
                unreadable.append(id)
                diagnostics += found
            }
        }
        let (catalogs, catalogProblems) = CatalogLoader.load(root)
        diagnostics += catalogProblems
        let (synonyms, synonymProblems) = SynonymLoader.load(root)
        diagnostics += synonymProblems
        return LoadedWiki(wiki: Wiki(articles: articles, unreadableIDs: Set(unreadable), unreadableCount: unreadable.count,
                                     catalogs: catalogs, synonyms: synonyms),
                          diagnostics: diagnostics, root: root)
    }
}
