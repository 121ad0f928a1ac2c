/// `show --where`: which file answers for an id, and which files of later content roots it hides.
package enum ArticleOrigin {
    /// The file that answers, then one `shadows` line per hidden file, each with its root:
    ///
    ///     linux-oom-killer: team/kernel/linux-oom-killer.md (content root 1 of 2)
    ///       shadows Content/kernel/linux-oom-killer.md (content root 2 of 2)
    ///
    /// Drafts and files with errors count, as they do for `check`: this is about files, not results.
    package static func report(id: String, in content: ContentRoots) -> LookupAnswer {
        let wiki = WikiLoader.load(content).wiki
        let count = content.roots.count
        func place(_ article: Article) -> String {
            "\(Terminal.sanitized(article.path)) (content root \(article.root + 1) of \(count)\(article.draft ? ", a draft" : ""))"
        }
        let answering = wiki.articles.filter { $0.id == id }
        guard !answering.isEmpty else {
            let suggestions = LookupSession(content: content).summary(id: id).suggestions
            var message = "no article has the id '\(Terminal.sanitized(id))'\n"
            if !suggestions.isEmpty { message += "did you mean: \(suggestions.joined(separator: ", "))?\n" }
            return LookupAnswer(problems: message, output: "", paged: false, found: false)
        }
        var text = ""
        for article in answering {
            text += "\(Terminal.sanitized(id)): \(place(article))\n"
            for shadow in wiki.shadowed where shadow.by.path == article.path {
                text += "  shadows \(place(shadow.hidden))\n"
            }
        }
        return LookupAnswer(problems: "", output: text, paged: false, found: true)
    }
}
