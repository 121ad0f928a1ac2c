import Foundation

/// Each article's card (the theme's `card` template) rendered once per folder depth and reused by
/// every list that shows it: a large wiki shows each card on half a dozen listings and neighbours'
/// pages, and rendering it every time was most of the build.
final class CardRenderer: @unchecked Sendable {
    private let theme: Theme
    private let cards: [ArticleCard]
    /// `[depth][article]`, filled on first use; guarded by `lock`.
    private var cache: [[String?]]
    private let lock = NSLock()

    init(theme: Theme, cards: [ArticleCard]) {
        self.theme = theme
        self.cards = cards
        cache = [[String?]](repeating: [String?](repeating: nil, count: cards.count), count: 2)
    }

    /// The card of article `index` with links that work from `page`.
    func html(_ index: Int, on page: SitePath) -> String {
        let depth = min(page.depth, 1)
        lock.lock()
        let cached = cache[depth][index]
        lock.unlock()
        if let cached { return cached }
        var context = cards[index].context
        context["root"] = page.rootPrefix
        let html = theme.render("card", context)
        lock.lock()
        cache[depth][index] = html
        lock.unlock()
        return html
    }

    /// The list items a template loops over: `{{#cards}}{{{html}}}{{/cards}}`.
    func items(_ indexes: [Int], on page: SitePath) -> [[String: Any]] {
        indexes.map { ["html": html($0, on: page)] }
    }
}
