/// What the code catalogs answer to a query (`CatalogSpec`'s rules), next to the ranked articles.
package struct CatalogFinding: Sendable {
    package struct Item: Sendable {
        package var entry: CatalogEntry
        package var catalog: CodeCatalog
        package var form: CatalogResolver.Form
        /// The articles whose codes claim the entry, by id.
        package var articles: [ArticleSummary]
    }

    /// Claimed entries first, then the resolver's order.
    package var items: [Item]

    /// The catalogs' answer, or nil when they have none or the ranked articles answer better: a
    /// code named inside a longer text (`[Errno 28] …`) gives way to an article that has the whole
    /// text as a code or matches it as a log line — keeping only the entries that article claims,
    /// so their facts still sit on top of it; a whole-query name that no article claims gives
    /// way to an article whose verdict is `answer`.
    package static func find(_ text: String, in index: SearchIndex, outcome: SearchOutcome) -> CatalogFinding? {
        let matches = CatalogResolver.resolve(text, in: index)
        guard let first = matches.first else { return nil }
        let inText = first.form == .qualified || first.form == .numberAndName || first.form == .inText
        let best = outcome.hits.first.flatMap { inText && $0.kind <= .logPattern ? $0.article.id : nil }
        let headers = index.catalogHeaders
        var items: [Item] = matches.compactMap { match in
            guard let entry = index.entry(match.ref) else { return nil }
            var articles = index.claimingArticles(match.ref).compactMap(index.summary(ofArticle:))
            if let best {
                articles = articles.filter { $0.id == best }
                if articles.isEmpty { return nil }
            }
            return Item(entry: entry, catalog: headers[match.ref.catalog], form: match.form, articles: articles)
        }
        guard !items.isEmpty else { return nil }
        // A name no article claims gives way to an article that answers the query on its own
        // (`KeyboardInterrupt` is a sample of exit-code-130: that article, not a bare entry). A number
        // or a family word and a number asks for the code itself.
        if first.form == .name, outcome.verdict == .answer, items.allSatisfy({ $0.articles.isEmpty }) { return nil }
        let claimed = items.filter { !$0.articles.isEmpty }
        items = claimed + items.filter { $0.articles.isEmpty }
        return CatalogFinding(items: items)
    }
}
