import ArgumentParser
import ErrWikiKit

/// Completes article ids from the index of the content the command would read
/// (`--content` on the line being completed, else the default content).
enum ArticleIDCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in
        let explicit = words.firstIndex(of: "--content").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
        guard case .success(let folder) = ContentLocator().contentFolder(explicit: explicit) else { return [] }
        return IndexStore(contentRoot: folder).answer { Ranker(index: $0).all() }.result.map(\.article.id).filter { $0.hasPrefix(prefix) }
    }
}
