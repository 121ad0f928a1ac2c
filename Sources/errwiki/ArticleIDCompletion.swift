import ArgumentParser
import ErrWikiKit

/// Completes article ids from the index of the content the command would read
/// (every `--content` on the line being completed, else the default content).
enum ArticleIDCompletion {
    static let kind = CompletionKind.custom { words, _, prefix in
        let explicit = words.indices.dropLast().filter { words[$0] == "--content" }.map { words[$0 + 1] }
        guard case .success(let folders) = ContentLocator().contentRoots(explicit: explicit) else { return [] }
        return IndexStore(roots: ContentRoots(folders)).answer { Ranker(index: $0).all() }.result.map(\.article.id).filter { $0.hasPrefix(prefix) }
    }
}
