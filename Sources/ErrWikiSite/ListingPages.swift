import ErrWikiKit

/// A page of the site other than an article: where it goes, what it depends on, and how to make it.
struct Page: Sendable {
    let path: SitePath
    /// Equal digests mean equal bytes: an unchanged page is carried over from the last build.
    let digest: String
    /// A page whose rendering runs on every core itself (the export): rendered before the others,
    /// since a parallel loop nested in the loop over pages would run on one thread.
    var rendersInParallel = false
    let render: @Sendable () -> [UInt8]

    init(path: SitePath, digest: String, rendersInParallel: Bool = false, render: @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.digest = digest
        self.rendersInParallel = rendersInParallel
        self.render = render
    }
}

/// Category, tag and severity pages, the tag index and the A–Z index: one `listing` template.
enum ListingPages {
    static func all(model: SiteModel, cards: [ArticleCard], cardHTML: CardRenderer, theme: Theme) -> [Page] {
        var pages: [Page] = []
        for category in model.categories {
            let label = CategoryName.label(category.name)
            pages.append(listing(.category(category.name), heading: label, kind: "Category",
                                 intro: "\(count(category.members.count)) in \(label).",
                                 groups: [("", category.members)], model: model, cards: cards, cardHTML: cardHTML, theme: theme))
        }
        for tag in model.tags {
            pages.append(listing(.tag(slug: tag.slug), heading: "Tagged “\(tag.name)”", kind: "Tag",
                                 intro: "\(count(tag.members.count)) tagged “\(tag.name)”.",
                                 groups: [("", tag.members)], model: model, cards: cards, cardHTML: cardHTML, theme: theme))
        }
        for severity in model.severities {
            let label = SeverityLabel.text(severity.severity)
            pages.append(listing(.severity(severity.severity), heading: "\(label) severity", kind: "Severity",
                                 intro: "\(count(severity.members.count)) of \(severity.severity.rawValue) severity.",
                                 groups: [("", severity.members)], model: model, cards: cards, cardHTML: cardHTML, theme: theme))
        }
        pages.append(listing(.aToZ, heading: "All articles A–Z", kind: "Index",
                             intro: "\(count(model.articles.count)), by title.",
                             groups: alphabetical(model), model: model, cards: cards, cardHTML: cardHTML, theme: theme))
        pages.append(tagIndex(model: model, theme: theme))
        return pages
    }

    static func count(_ n: Int) -> String { n == 1 ? "1 article" : "\(n) articles" }

    private static func listing(_ path: SitePath, heading: String, kind: String, intro: String,
                                groups: [(letter: String, members: [Int])], model: SiteModel,
                                cards: [ArticleCard], cardHTML: CardRenderer, theme: Theme) -> Page {
        var hasher = StableHasher()
        hasher.combine([theme.digest, model.optionsDigest, path.value, heading, intro])
        for group in groups {
            hasher.combine(group.letter)
            for member in group.members { hasher.combine(cards[member].digest) }
        }
        return Page(path: path, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: path, title: heading, description: intro, options: model.options)
            context["kind"] = kind
            context["intro"] = intro
            context["groups"] = groups.map { group -> [String: Any] in
                var item: [String: Any] = ["cards": cardHTML.items(group.members, on: path)]
                if !group.letter.isEmpty {
                    item["letter"] = group.letter
                    item["anchor"] = "letter-" + (group.letter == "#" ? "other" : group.letter.lowercased())
                }
                return item
            }
            if groups.count > 1 {
                context["letters"] = groups.map { ["letter": $0.letter, "anchor": "letter-" + ($0.letter == "#" ? "other" : $0.letter.lowercased())] }
            }
            return Array(theme.render("listing", context).utf8)
        }
    }

    /// Titles grouped by first letter (A–Z), anything else under `#`.
    private static func alphabetical(_ model: SiteModel) -> [(letter: String, members: [Int])] {
        var groups: [(letter: String, members: [Int])] = []
        for index in model.byTitle {
            let first = model.articles[index].title.unicodeScalars.first.map { String($0).uppercased() } ?? "#"
            let letter = first.count == 1 && first >= "A" && first <= "Z" ? first : "#"
            if groups.last?.letter == letter { groups[groups.count - 1].members.append(index) } else { groups.append((letter, [index])) }
        }
        // Everything not A–Z together under "#", first.
        let other = groups.filter { $0.letter == "#" }.flatMap(\.members)
        let letters = groups.filter { $0.letter != "#" }
        var merged: [(letter: String, members: [Int])] = []
        for group in letters {
            if merged.last?.letter == group.letter { merged[merged.count - 1].members += group.members } else { merged.append(group) }
        }
        return (other.isEmpty ? [] : [("#", other)]) + merged
    }

    private static func tagIndex(model: SiteModel, theme: Theme) -> Page {
        let path = SitePath.tags
        var hasher = StableHasher()
        hasher.combine([theme.digest, model.optionsDigest, path.value])
        for tag in model.tags { hasher.combine([tag.name, tag.slug, String(tag.members.count)]) }
        return Page(path: path, digest: hasher.hexDigest) {
            var context = PageFrame.context(path: path, title: "Tags", description: "Every tag of the wiki.", options: model.options)
            context["kind"] = "Tags"
            context["intro"] = "\(model.tags.count) tags."
            context["terms"] = model.tags.map { ["name": $0.name, "path": SitePath.tag(slug: $0.slug).value, "count": $0.members.count] as [String: Any] }
            return Array(theme.render("listing", context).utf8)
        }
    }
}
