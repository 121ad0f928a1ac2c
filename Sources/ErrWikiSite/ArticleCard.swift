import ErrWikiKit

/// What a list shows of an article (title, severity, category, summary), rendered once per build and
/// shared by every listing, "See also" and "More in" that shows it.
struct ArticleCard: Sendable {
    let path: SitePath
    let title: String
    let severity: Severity
    let category: String
    let summaryHTML: String
    let summaryText: String
    let updated: ArticleDate?
    /// Changes whenever anything above does (all of it, found by reflection): part of the
    /// fingerprint of every page that shows the card.
    private(set) var digest = ""

    init(_ article: Article) {
        path = .article(article.id)
        title = article.title
        severity = article.severity
        category = article.category
        summaryHTML = InlineMarkdown.html(article.summary)
        summaryText = PlainText.fromHTML(summaryHTML)
        updated = article.updated
        var hasher = StableHasher()
        hasher.combine(reflecting: self)
        digest = hasher.hexDigest
    }

    /// The template context; links are written `{{root}}{{path}}` so one card serves pages at any depth.
    var context: [String: Any] {
        var context: [String: Any] = [
            "path": path.value,
            "title": title,
            "severity": severity.rawValue,
            "severityLabel": SeverityLabel.text(severity),
            "severityIcon": SeverityLabel.icon(severity),
            "category": category,
            "categoryLabel": CategoryName.label(category),
            "categoryPath": SitePath.category(category).value,
            "summaryHTML": summaryHTML,
        ]
        if let updated { context["updated"] = updated.description }
        return context
    }
}

/// Severity as words and a symbol, so colour is never the only signal.
enum SeverityLabel {
    static func text(_ severity: Severity) -> String {
        severity.rawValue.prefix(1).uppercased() + severity.rawValue.dropFirst()
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .critical: return "‼"
        case .high: return "!"
        case .medium: return "▲"
        case .low: return "▽"
        case .info: return "i"
        }
    }
}
