/// `lookup` and `show` over one content folder: asks the index (rebuilt when the content changed),
/// decides between the article, a ranked list and "no match", and lays the answer out for a
/// terminal of the given style and width. It prints nothing: the command writes the answer.
package struct LookupSession: Sendable {
    package let content: ContentRoots
    package var style: TerminalStyle
    package var width: Int
    private var store: IndexStore

    package init(content: ContentRoots, style: TerminalStyle = .plain, width: Int = 80) {
        self.content = content
        self.style = style
        self.width = width
        store = IndexStore(roots: content)
    }

    /// What `lookup` was asked.
    package struct Request: Sendable {
        /// The words, joined; empty lists every article (`--list` without a query).
        package var query: String
        package var filter: Ranker.Filter
        package var limit: Int
        /// The ranked list even when one article clearly wins.
        package var listOnly: Bool
        package var json: Bool
        package var section: ArticleSection?

        package init(query: String, filter: Ranker.Filter, limit: Int, listOnly: Bool, json: Bool, section: ArticleSection?) {
            self.query = query
            self.filter = filter
            self.limit = limit
            self.listOnly = listOnly
            self.json = json
            self.section = section
        }
    }

    package func lookup(_ request: Request) -> LookupAnswer {
        let text = request.query
        if text.isEmpty {
            let (all, opened) = store.answer { Ranker(index: $0).all(filter: request.filter) }
            let output = request.json
                ? LookupJSON.encode(query: "", corrected: nil, hits: all, content: content)
                : all.map { "\($0.article.id)\t\($0.article.severity.rawValue)\t\(Terminal.sanitized($0.article.title))\n" }.joined()
            return LookupAnswer(problems: LeftOutWarning.lines(opened), output: output, paged: false, found: true)
        }
        let (ranked, opened) = store.answer { Ranked(text, filter: request.filter, limit: request.limit, in: $0) }
        let (outcome, finding) = (ranked.outcome, ranked.finding)
        var answer = LookupAnswer(problems: LeftOutWarning.lines(opened), output: "", paged: !request.json,
                                  found: !outcome.hits.isEmpty || finding != nil)
        if request.json {
            answer.output = LookupJSON.encode(query: text, corrected: outcome.corrected, hits: outcome.hits, catalog: finding,
                                              verdict: ranked.verdict, content: content)
            if ranked.verdict == .none { answer.found = false }
            return answer
        }
        if let finding { return catalogAnswer(finding, request: request, answer: answer) }
        // The line itself starts the article: a sample, a pattern, a title (`new --from-log`).
        let newCommand = "errwiki new --from-log \(ShellQuote.quoted(text))" + content.commandLineOptions
        guard let best = outcome.hits.first else {
            answer.problems += "no article matches '\(Terminal.sanitized(text))'\n"
            if !outcome.suggestions.isEmpty {
                answer.problems += "did you mean: \(outcome.suggestions.map(Terminal.sanitized).joined(separator: ", "))?\n"
            }
            answer.problems += "start an article for it: \(Terminal.sanitized(newCommand))\n"
            return answer
        }
        var page = ""
        if let corrected = outcome.corrected {
            page += style.apply(.dim, to: "showing results for \(Terminal.sanitized(corrected))") + "\n\n"
        }
        let list = ResultListRenderer(style: style, width: width)
        switch outcome.verdict {
        case .answer where !request.listOnly:
            switch rendered(best.article, section: request.section) {
            case .success(let text): page += text
            case .failure(let unreadable): return answer.refused(unreadable.message)
            }
        case .answer:
            page += list.render(outcome.hits)
        case .candidates:
            page += style.apply(.heading, to: "Possible matches") + "\n" + list.render(outcome.hits)
        case .none:
            // Honest about a miss: a few neighbours, then how to write the article (exit 1).
            page += "No article covers this yet.\n\n" + style.apply(.heading, to: "Possibly related") + "\n"
                + list.render(Array(outcome.hits.prefix(RankingSpec.noneRelatedShown)))
                + "\nStart an article for it:\n  " + style.apply(.command, to: Terminal.sanitized(newCommand)) + "\n"
            answer.found = false
        }
        answer.output = page
        return answer
    }

    /// The catalogs' answer: one entry with the article that claims it (its facts on top), with the
    /// articles when several claim it, or alone with the command that starts one; several entries
    /// (an ambiguous number) as a list.
    private func catalogAnswer(_ finding: CatalogFinding, request: Request, answer: LookupAnswer) -> LookupAnswer {
        var answer = answer
        let renderer = CatalogEntryRenderer(style: style, width: width)
        // Several entries that one article claims, and nothing else does (`0x80070005` is an HRESULT
        // and, inside it, Win32 5): that article, with the facts of each.
        let claimers = Set(finding.items.flatMap { $0.articles.map(\.id) })
        if finding.items.count > 1, !request.listOnly, claimers.count == 1, finding.items.allSatisfy({ !$0.articles.isEmpty }) {
            switch rendered(finding.items[0].articles[0], section: request.section) {
            case .success(let page):
                answer.output = finding.items.map { renderer.facts($0.entry, in: $0.catalog) }.joined(separator: "\n") + "\n" + page
            case .failure(let unreadable): return answer.refused(unreadable.message)
            }
            return answer
        }
        guard finding.items.count == 1, !request.listOnly, let item = finding.items.first else {
            answer.output = renderer.list(finding.items.map { ($0.entry, $0.catalog, $0.articles) }, query: request.query)
            return answer
        }
        switch item.articles.count {
        case 0:
            answer.output = renderer.uncovered(item.entry, in: item.catalog, content: content)
        case 1:
            switch rendered(item.articles[0], section: request.section) {
            case .success(let page): answer.output = renderer.facts(item.entry, in: item.catalog) + "\n" + page
            case .failure(let unreadable): return answer.refused(unreadable.message)
            }
        default:
            let hits = item.articles.map { SearchHit(article: $0, kind: .exactCode, score: 0, usedCorrection: false) }
            answer.output = renderer.facts(item.entry, in: item.catalog) + "\nArticles that cover it:\n"
                + ResultListRenderer(style: style, width: width).render(hits)
        }
        return answer
    }

    /// The ranked articles and the catalogs' answer for a query, with the one verdict over both
    /// (a catalog entry answers), for callers that lay the answer out themselves (`mcp`).
    package struct Ranked: Sendable {
        package var outcome: SearchOutcome
        package var finding: CatalogFinding?
        package var verdict: Verdict { finding != nil ? .answer : outcome.verdict }

        init(_ text: String, filter: Ranker.Filter, limit: Int, in index: SearchIndex) {
            outcome = Ranker(index: index).search(text, filter: filter, limit: limit)
            finding = CatalogFinding.find(text, in: index, outcome: outcome)
        }
    }

    package func ranked(_ text: String, filter: Ranker.Filter = Ranker.Filter(), limit: Int) -> (Ranked, problems: String) {
        let (ranked, opened) = store.answer { Ranked(text, filter: filter, limit: limit, in: $0) }
        return (ranked, LeftOutWarning.lines(opened))
    }

    /// The catalog entries a code names (`ENOSPC`, `errno 28`, `0x80070005`), each with the articles
    /// that claim it; empty when no catalog knows it.
    package func catalogEntries(_ code: String) -> [CatalogFinding.Item] {
        store.answer { index in
            CatalogResolver.resolve(code, in: index).compactMap { match -> CatalogFinding.Item? in
                guard let entry = index.entry(match.ref) else { return nil }
                return CatalogFinding.Item(entry: entry, catalog: index.catalogHeaders[match.ref.catalog], form: match.form,
                                           articles: index.claimingArticles(match.ref).compactMap(index.summary(ofArticle:)))
            }
        }.result
    }

    /// The summary of the article with exactly this id, and the closest ids when there is none.
    package func summary(id: String) -> (ArticleSummary?, suggestions: [String]) {
        store.answer { Self.exactOrClosest(id, in: $0) }.result
    }

    private static func exactOrClosest(_ id: String, in index: SearchIndex) -> (ArticleSummary?, [String]) {
        let ranker = Ranker(index: index)
        let hit = ranker.article(withID: id)
        return (hit, hit == nil ? ranker.search(id, limit: 3).hits.map(\.article.id) : [])
    }

    /// `show`: the article with exactly this id, or "did you mean" the three best matches.
    package func show(id: String, section: ArticleSection? = nil) -> LookupAnswer {
        let ((hit, suggestions), opened) = store.answer { Self.exactOrClosest(id, in: $0) }
        let answer = LookupAnswer(problems: LeftOutWarning.lines(opened), output: "", paged: true, found: true)
        guard let hit else {
            var message = "no article has the id '\(Terminal.sanitized(id))'\n"
            if !suggestions.isEmpty { message += "did you mean: \(suggestions.joined(separator: ", "))?\n" }
            return answer.refused(message)
        }
        switch rendered(hit, section: section) {
        case .success(let text): return LookupAnswer(problems: answer.problems, output: text, paged: true, found: true)
        case .failure(let unreadable): return answer.refused(unreadable.message)
        }
    }

    /// The article behind a hit, laid out for the terminal; why not when it no longer loads.
    private func rendered(_ summary: ArticleSummary, section: ArticleSection?) -> Result<String, Unreadable> {
        article(summary).map { ArticleTerminalRenderer(style: style, width: width).render($0, section: section) }
    }

    /// Every indexed article, for `diagnose`, with the left-out warning line ("" when none).
    package func everyArticle() -> (articles: [ArticleSummary], warning: String) {
        let (summaries, opened) = store.answer { Ranker(index: $0).all().map(\.article) }
        return (summaries, LeftOutWarning.lines(opened))
    }

    /// Why the article behind a hit no longer loads (it changed after the index was read): its
    /// diagnostic, formatted for stderr.
    package struct Unreadable: Error, Sendable {
        package var message: String
    }

    /// The full article behind a hit.
    package func article(_ summary: ArticleSummary) -> Result<Article, Unreadable> {
        ArticleFile.load(relativePath: summary.relativePath, root: summary.root, in: content).mapError { diagnostic in
            Unreadable(message: DiagnosticFormatter(roots: content).format(diagnostic))
        }
    }
}

private extension LookupAnswer {
    /// Nothing to print but `message` after the problems so far (exit 1).
    func refused(_ message: String) -> LookupAnswer {
        LookupAnswer(problems: problems + message, output: "", paged: paged, found: false)
    }
}
