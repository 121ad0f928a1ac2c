/// Every article of a content tree, sorted by id.
public struct Wiki: Sendable {
    public var articles: [Article]
    /// Ids of files whose front matter could not be read at all. They count as existing for
    /// `related` links, so one broken file does not cascade into errors in every file that links to it.
    public var unreadableIDs: Set<String>
    /// How many files could not be read (ids may repeat, so this is kept apart).
    public var unreadableCount: Int

    public init(articles: [Article], unreadableIDs: Set<String> = [], unreadableCount: Int? = nil) {
        self.unreadableCount = unreadableCount ?? unreadableIDs.count
        self.articles = articles.sorted { $0.id < $1.id || ($0.id == $1.id && $0.path < $1.path) }
        self.unreadableIDs = unreadableIDs
    }

    /// The articles a reader sees: drafts only when asked for.
    public func published(includingDrafts: Bool = false) -> [Article] {
        includingDrafts ? articles : articles.filter { !$0.draft }
    }
}

/// The result of loading: the wiki and every problem found on the way.
public struct LoadedWiki: Sendable {
    public var wiki: Wiki
    public var diagnostics: [Diagnostic]
    /// The folder it was read from, for printing excerpts through the same rule.
    public var root: ContentRoot
}
