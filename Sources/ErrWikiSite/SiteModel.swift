import ErrWikiKit

/// The published articles and every grouping the pages show, computed once per build.
struct SiteModel: Sendable {
    let options: SiteOptions
    /// Sorted by id.
    let articles: [Article]
    let indexByID: [String: Int]
    /// Category → article indexes sorted by title, then id.
    let categories: [(name: String, members: [Int])]
    /// Tag → article indexes sorted by title.
    let tags: [(name: String, slug: String, members: [Int])]
    let tagSlugs: TagSlugs
    let severities: [(severity: Severity, members: [Int])]
    /// Every article index sorted by title (the A–Z index).
    let byTitle: [Int]
    /// The most recently updated articles, newest first.
    let recentlyUpdated: [Int]

    /// How many neighbours "More in <category>" shows: the whole category would make every page of a
    /// large category list every other page (quadratic output).
    /// `options.digest`, once: it is part of every page's fingerprint and found by reflection.
    let optionsDigest: String
    /// The code catalogs, their pages and claims.
    let catalogs: CatalogSiteModel
    /// The synonym vocabulary, for the site's ranker.
    let synonyms: SynonymTable

    static let moreInCategoryLimit = 8
    static let recentLimit = 10

    init(articles: [Article], options: SiteOptions, catalogs: CatalogSet = CatalogSet([]), synonyms: SynonymTable = .empty) {
        self.options = options
        self.synonyms = synonyms
        optionsDigest = options.digest
        self.articles = articles.sorted { $0.id < $1.id }
        var indexByID: [String: Int] = [:]
        for (index, article) in self.articles.enumerated() { indexByID[article.id] = index }
        self.indexByID = indexByID
        let all = self.articles
        func titleOrder(_ a: Int, _ b: Int) -> Bool {
            let left = all[a].title.lowercased(), right = all[b].title.lowercased()
            return left != right ? left < right : all[a].id < all[b].id
        }
        byTitle = all.indices.sorted(by: titleOrder)
        self.catalogs = CatalogSiteModel(catalogs: catalogs, articles: all)
        var categoryMembers: [String: [Int]] = [:]
        var tagMembers: [String: [Int]] = [:]
        var severityMembers: [Severity: [Int]] = [:]
        for index in byTitle {
            categoryMembers[all[index].category, default: []].append(index)
            for tag in Set(all[index].tags) { tagMembers[tag, default: []].append(index) }
            severityMembers[all[index].severity, default: []].append(index)
        }
        categories = categoryMembers.keys.sorted().map { ($0, categoryMembers[$0]!) }
        let slugs = TagSlugs(tags: tagMembers.keys)
        tagSlugs = slugs
        tags = tagMembers.keys.sorted().map { ($0, slugs.slug(for: $0), tagMembers[$0]!) }
        severities = Severity.allCases.compactMap { severity in severityMembers[severity].map { (severity, $0) } }
        recentlyUpdated = Array(all.indices.filter { all[$0].updated != nil }.sorted { a, b in
            all[a].updated! != all[b].updated! ? all[a].updated! > all[b].updated! : all[a].id < all[b].id
        }.prefix(Self.recentLimit))
    }

    /// The articles "More in <category>" shows on `index`'s page: the ones after it in the category's
    /// title order, wrapping around.
    func moreInCategory(_ index: Int) -> [Int] {
        guard let members = categories.first(where: { $0.name == articles[index].category })?.members,
              let position = members.firstIndex(of: index) else { return [] }
        let count = min(Self.moreInCategoryLimit, members.count - 1)
        return (0..<max(count, 0)).map { members[(position + 1 + $0) % members.count] }
    }

    /// `related` ids that name a published article, in the order written.
    func related(_ index: Int) -> [Int] {
        articles[index].related.compactMap { indexByID[$0] }.filter { $0 != index }
    }

    func categorySize(_ category: String) -> Int {
        categories.first(where: { $0.name == category })?.members.count ?? 0
    }
}
