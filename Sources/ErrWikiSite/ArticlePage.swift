import ErrWikiKit
import ErrWikiMarkdown
import Foundation

/// The page of one article, in the shape of the seed page: title, severity and category, About, Quick
/// answer, Key details, You may see this as, Common causes, Steps, FAQ, codes, tags, See also, More in <category>, last
/// updated, then the body. Sections without content are left out.
enum ArticlePage {
    /// Ids of the page's own sections; body headings get an `h-` prefix so they never collide.
    static let sections: [(id: String, title: String)] = [
        ("about", "About"), ("quick-answer", "Quick answer"), ("key-details", "Key details"),
        ("symptoms", "You may see this as"), ("causes", "Common causes"), ("steps", "Steps"), ("details", "In depth"), ("faq", "Frequently asked questions"),
        ("see-also", "See also"),
    ]

    /// What the page shows besides the article itself; the page must be rendered again when it changes.
    static func digest(of index: Int, in model: SiteModel, cards: [ArticleCard], themeDigest: String) -> String {
        var hasher = StableHasher()
        hasher.combine(themeDigest)
        hasher.combine(model.optionsDigest)
        // The whole article, found by reflection: a field added to `Article` cannot be left out. All but
        // where each field was in the file, which no page shows and which is most of the reflecting.
        var article = model.articles[index]
        article.locations = [:]
        hasher.combine(reflecting: article)
        for other in model.related(index) + model.moreInCategory(index) { hasher.combine(cards[other].digest) }
        hasher.combine(Int64(model.categorySize(model.articles[index].category)))
        for tag in model.articles[index].tags { hasher.combine(model.tagSlugs.slug(for: tag)) }
        for (_, link) in codeLinks(index, in: model) { hasher.combine(link ?? "") }
        return hasher.hexDigest
    }

    /// Each code with a link to the catalog row it claims, when it claims one.
    static func codeLinks(_ index: Int, in model: SiteModel) -> [(code: String, link: String?)] {
        let path = SitePath.article(model.articles[index].id)
        let entries = model.catalogs.codeEntries[index]
        return zip(model.articles[index].codes, entries).map { code, ref in (code, ref.map { model.catalogs.link($0, from: path) }) }
    }

    static func context(of index: Int, in model: SiteModel, cards: [ArticleCard], cardHTML: CardRenderer) -> [String: Any] {
        let article = model.articles[index]
        let card = cards[index]
        let path = SitePath.article(article.id)
        var context = PageFrame.context(path: path, title: article.title, description: card.summaryText, options: model.options)
        context["card"] = card.context
        context["id"] = article.id
        context["summaryHTML"] = card.summaryHTML
        var present: Set<String> = ["about"]
        var usedIDs = Set(sections.map(\.id))

        if let first = article.faq.first {
            context["quickAnswer"] = ["questionHTML": InlineMarkdown.html(first.question), "answerHTML": blockHTML(first.answer, usedIDs: &usedIDs)]
            present.insert("quick-answer")
        }
        if !article.keyDetails.isEmpty {
            context["keyDetails"] = article.keyDetails.map { InlineMarkdown.html($0) }
            present.insert("key-details")
        }
        if !article.symptoms.isEmpty {
            // Plain text, escaped by the template.
            context["symptoms"] = article.symptoms
            present.insert("symptoms")
        }
        if !article.causes.isEmpty {
            context["causes"] = article.causes.map { InlineMarkdown.html($0) }
            present.insert("causes")
        }
        if !article.steps.isEmpty {
            context["steps"] = article.steps.enumerated().map { number, step -> [String: Any] in
                var item: [String: Any] = ["number": number + 1, "titleHTML": InlineMarkdown.html(step.title)]
                if let command = step.command, !command.isEmpty { item["command"] = command }
                if let note = step.note, !note.isEmpty { item["noteHTML"] = InlineMarkdown.html(note) }
                return item
            }
            present.insert("steps")
        }
        if article.body.utf8.contains(where: { $0 > 0x20 }) {
            context["bodyHTML"] = BodyHTML.render(article.body, usedIDs: &usedIDs)
            present.insert("details")
        }
        if !article.faq.isEmpty {
            var entries: [[String: Any]] = []
            for (number, entry) in article.faq.enumerated() {
                let question = UnlinkedHTML.from(InlineMarkdown.html(entry.question))
                entries.append(["id": "faq-\(number + 1)", "questionHTML": question, "questionText": PlainText.fromHTML(question),
                                "answerHTML": blockHTML(entry.answer, usedIDs: &usedIDs)])
            }
            context["faq"] = entries
            present.insert("faq")
        }
        if !article.codes.isEmpty {
            context["codes"] = codeLinks(index, in: model).map { code, link -> [String: Any] in
                link.map { ["text": code, "href": $0] } ?? ["text": code]
            }
        }
        if !article.tags.isEmpty {
            context["tags"] = article.tags.map { ["name": $0, "path": SitePath.tag(slug: model.tagSlugs.slug(for: $0)).value] }
        }
        let related = model.related(index)
        if !related.isEmpty {
            context["related"] = cardHTML.items(related, on: path)
            present.insert("see-also")
        }
        let more = model.moreInCategory(index)
        if !more.isEmpty {
            context["more"] = [
                "categoryLabel": CategoryName.label(article.category),
                "categoryPath": SitePath.category(article.category).value,
                "count": model.categorySize(article.category),
                "cards": cardHTML.items(more, on: path),
            ] as [String: Any]
        }
        if let updated = article.updated { context["updated"] = updated.description }
        context["toc"] = sections.filter { present.contains($0.id) }.map { ["id": $0.id, "title": $0.title] }
        context["jsonLD"] = jsonLD(article, card: card, faq: context["faq"] as? [[String: Any]], options: model.options)
        return context
    }

    /// A Markdown answer as block HTML; one-paragraph plain answers skip the parser.
    private static func blockHTML(_ markdown: String, usedIDs: inout Set<String>) -> String {
        if InlineMarkdown.isPlain(markdown) { return "<p>" + InlineMarkdown.html(markdown) + "</p>\n" }
        return BodyHTML.render(markdown, usedIDs: &usedIDs)
    }

    /// `TechArticle` and, with a FAQ, `FAQPage` structured data, as script-safe JSON.
    static func jsonLD(_ article: Article, card: ArticleCard, faq: [[String: Any]]?, options: SiteOptions) -> String {
        var tech: [(String, ScriptJSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("TechArticle")),
            ("headline", .string(article.title)),
            ("description", .string(card.summaryText)),
            ("articleSection", .string(CategoryName.label(article.category))),
        ]
        if !article.tags.isEmpty { tech.append(("keywords", .string(article.tags.joined(separator: ", ")))) }
        if let updated = article.updated { tech.append(("dateModified", .string(updated.description))) }
        if let base = options.baseURL { tech.append(("url", .string(base + SitePath.article(article.id).value))) }
        var graph: [ScriptJSON] = [.object(tech)]
        if let faq, !faq.isEmpty {
            let questions: [ScriptJSON] = faq.map { entry in
                .object([
                    ("@type", .string("Question")),
                    ("name", .string(entry["questionText"] as? String ?? "")),
                    ("acceptedAnswer", .object([
                        ("@type", .string("Answer")),
                        ("text", .string(PlainText.fromHTML(entry["answerHTML"] as? String ?? ""))),
                    ])),
                ])
            }
            graph.append(.object([("@context", .string("https://schema.org")), ("@type", .string("FAQPage")), ("mainEntity", .array(questions))]))
        }
        return ScriptJSON.array(graph).text
    }
}
