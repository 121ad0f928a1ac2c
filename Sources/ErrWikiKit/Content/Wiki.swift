/// Every article of a content tree, sorted by id.
package struct Wiki: Sendable {
    package var articles: [Article]
    /// Ids of files whose front matter could not be read at all. They count as existing for
    /// `related` links, so one broken file does not cascade into errors in every file that links to it.
    package var unreadableIDs: Set<String>
    /// How many files could not be read (ids may repeat, so this is kept apart).
    package var unreadableCount: Int
    /// The code catalogs of the content folder (`catalogs/*.tsv`).
    package var catalogs: CatalogSet
    /// The synonym vocabulary of the content folder (`synonyms.tsv`).
    package var synonyms: SynonymTable
    /// Articles of later content roots replaced by one with the same id in an earlier root, in
    /// root then path order.
    package var shadowed: [Shadowing]

    package init(articles: [Article], unreadableIDs: Set<String> = [], unreadableCount: Int? = nil, catalogs: CatalogSet = CatalogSet([]),
                 synonyms: SynonymTable = .empty, shadowed: [Shadowing] = []) {
        self.catalogs = catalogs
        self.shadowed = shadowed
        self.synonyms = synonyms
        self.unreadableCount = unreadableCount ?? unreadableIDs.count
        self.articles = articles.sorted { $0.id < $1.id || ($0.id == $1.id && $0.path < $1.path) }
        self.unreadableIDs = unreadableIDs
    }

    /// The articles a reader sees: drafts only when asked for.
    package func published(includingDrafts: Bool = false) -> [Article] {
        includingDrafts ? articles : articles.filter { !$0.draft }
    }
}

/// An article hidden by the one with the same id in an earlier content root.
package struct Shadowing: Sendable {
    package var hidden: Article
    package var by: Article
}

/// The result of loading: the wiki and every problem found on the way.
package struct LoadedWiki: Sendable {
    package var wiki: Wiki
    package var diagnostics: [Diagnostic]
    /// The folders it was read from, for printing excerpts through the same rule.
    package var roots: ContentRoots
}
