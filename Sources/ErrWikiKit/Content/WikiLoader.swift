import Dispatch
import Synchronization

/// Loads a whole content tree: scan, then read and decode every file (in parallel), collecting every problem.
public enum WikiLoader {
    /// - Parameters:
    ///   - root: the content folder to read.
    ///   - displayRoot: how paths are printed in diagnostics (the folder as the user named it).
    public static func load(root: String, displayRoot: String? = nil) -> LoadedWiki {
        let scanner = ContentScanner(root: root, displayRoot: displayRoot ?? root)
        let (files, scanDiagnostics) = scanner.scan()
        let outcomes = Mutex([ArticleLoader.Outcome?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let outcome = ArticleLoader.load(file, display: scanner.display(file.relativePath))
            outcomes.withLock { $0[index] = outcome }
        }
        var articles: [Article] = []
        var unreadable: [String] = []
        var diagnostics = scanDiagnostics
        for outcome in outcomes.withLock({ $0 }) {
            switch outcome {
            case .article(let article, let found)?:
                articles.append(article)
                diagnostics += found
            case .unreadable(let id, let found)?:
                unreadable.append(id)
                diagnostics += found
            case nil:
                break
            }
        }
        return LoadedWiki(wiki: Wiki(articles: articles, unreadableIDs: Set(unreadable), unreadableCount: unreadable.count), diagnostics: diagnostics)
    }
}
