import ErrWikiKit
import Foundation
import MCP

/// What each tool does: checks its arguments, asks the same sessions as the terminal commands (one
/// ranking, one verdict rule, a never-stale index) and answers as text for the model plus the same
/// facts as structured JSON. A bad argument is an error result with a message, never a throw.
struct ToolCalls: Sendable {
    let content: ContentRoots
    /// Where the index's warnings go (standard error: standard output carries the protocol).
    let log: @Sendable (String) -> Void

    /// An unknown tool is a protocol error (invalid params), not a tool result.
    func call(_ name: String, _ arguments: [String: Value]) throws(MCPError) -> CallTool.Result {
        let tool: ([String: Value]) throws -> CallTool.Result
        switch name {
        case "search_errors": tool = searchErrors
        case "get_article": tool = getArticle
        case "diagnose_log": tool = diagnoseLog
        case "lookup_code": tool = lookupCode
        default: throw MCPError.invalidParams("unknown tool '\(name)'; the tools are: \(ToolCatalog.tools.map(\.name).joined(separator: ", "))")
        }
        do {
            return try tool(arguments)
        } catch let problem as ArgumentProblem {
            return failure(problem.message)
        } catch {
            return failure("\(name) failed: \(error)")
        }
    }

    // MARK: - search_errors

    private func searchErrors(_ arguments: [String: Value]) throws -> CallTool.Result {
        let given = try Arguments(arguments, allowed: ["query", "limit"])
        let query = try given.text("query", limit: ToolCatalog.queryLimit)
        let limit = try given.integer("limit", in: ToolCatalog.searchLimitRange) ?? ToolCatalog.searchLimitDefault
        let session = LookupSession(content: content)
        let (ranked, problems) = session.ranked(query, limit: limit)
        if !problems.isEmpty { log(problems) }
        let verdict = ranked.verdict
        var text = "Verdict: \(verdict.rawValue) — \(explanation(verdict))\n"
        var codes: [Value] = []
        for item in ranked.finding?.items ?? [] {
            codes.append(catalogValue(item))
            text += "\nCode \(item.entry.name.isEmpty ? item.entry.number : item.entry.name) (\(item.catalog.title)"
                + (item.entry.number.isEmpty ? "" : ", number \(item.entry.number)") + "): \(item.entry.message)"
                + (item.articles.isEmpty ? " — no article covers it yet." : " — covered by " + item.articles.map(\.id).joined(separator: ", ") + ".")
                + "\n"
        }
        var results: [Value] = []
        for (position, hit) in ranked.outcome.hits.enumerated() {
            let snippet = Snippet.make(hit.article.summary)
            let each = Verdict.perHit(verdict, position: position + codes.count).rawValue
            results.append([
                "id": .string(hit.article.id), "title": .string(hit.article.title), "category": .string(hit.article.category),
                "severity": .string(hit.article.severity.rawValue), "verdict": .string(each), "match": .string(hit.kind.label),
                "snippet": .string(snippet), "uri": .string(ArticleResources.uri(hit.article.id)),
            ])
            text += "\n\(position + 1). \(hit.article.id) — \(hit.article.title) [\(hit.article.severity.rawValue), \(hit.kind.label)]\n   \(snippet)\n"
        }
        if ranked.outcome.hits.isEmpty && codes.isEmpty { text += "\nNo results.\n" }
        if verdict == .none && !ranked.outcome.hits.isEmpty {
            text += "\nNo article covers this yet; the results above are only possibly related.\n"
        }
        let structured: Value = ["query": .string(query), "verdict": .string(verdict.rawValue), "codes": .array(codes), "results": .array(results),
                                 "corrected": ranked.outcome.corrected.map(Value.string) ?? .null]
        return success(text, structured)
    }

    private func explanation(_ verdict: Verdict) -> String {
        switch verdict {
        case .answer: "the first result covers this."
        case .candidates: "plausible matches; check them before acting."
        case .none: "nothing in the wiki covers this."
        }
    }

    // MARK: - get_article

    private func getArticle(_ arguments: [String: Value]) throws -> CallTool.Result {
        let given = try Arguments(arguments, allowed: ["id", "sections"])
        let id = try given.text("id", limit: 100)
        let sections = try given.sections("sections")
        let session = LookupSession(content: content)
        let article = try ArticleResources.article(id, in: session)
        let rendered = ArticleMarkdown.render(article, sections: sections ?? ArticleMarkdown.Section.allCases, budget: ToolCatalog.articleBudget)
        var text = rendered.text
        if !rendered.cut.isEmpty {
            text += "\n[Cut at about 8,000 tokens: left out or shortened: \(rendered.cut.map(\.rawValue).joined(separator: ", ")). "
                + "Ask get_article for those sections.]\n"
        }
        let structured: Value = ["id": .string(article.id), "title": .string(article.title), "severity": .string(article.severity.rawValue),
                                 "cut": .array(rendered.cut.map { .string($0.rawValue) }), "uri": .string(ArticleResources.uri(article.id))]
        return success(text, structured)
    }

    // MARK: - diagnose_log

    private func diagnoseLog(_ arguments: [String: Value]) throws -> CallTool.Result {
        let log = try Arguments(arguments, allowed: ["text"]).text("text", limit: nil)
        let size = log.utf8.count
        guard size <= ToolCatalog.logLimit else {
            throw ArgumentProblem(message: "the log is \(size) bytes; diagnose_log takes at most \(ToolCatalog.logLimit) bytes (10 MB). "
                + "Send the part around the failure, or run `errwiki diagnose FILE` in a terminal, which streams any size.")
        }
        let (diagnosis, firstSteps) = DiagnoseSession(content: content).run(text: log, problems: self.log)
        var text = "\(diagnosis.matches.count) known \(diagnosis.matches.count == 1 ? "error" : "errors") in \(diagnosis.linesRead) "
            + "\(diagnosis.linesRead == 1 ? "line" : "lines").\n"
        var matches: [Value] = []
        for match in diagnosis.matches {
            let step = firstSteps[match.article.id]
            text += "\n- \(match.article.id) — \(match.article.title) [\(match.article.severity.rawValue)]: \(match.count) "
                + "\(match.count == 1 ? "line" : "lines"), first at line \(match.first.line)\n"
            for line in match.lines { text += "  line \(line.number): \(line.text)\n" }
            if let step {
                text += "  First step: \(step.title)\n"
                if let command = step.command { text += command.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n" }
            }
            matches.append([
                "id": .string(match.article.id), "title": .string(match.article.title), "severity": .string(match.article.severity.rawValue),
                "count": .int(match.count), "first_line": .int(match.first.line), "last_line": .int(match.last.line),
                "lines": .array(match.lines.map { ["number": .int($0.number), "text": .string($0.text)] }),
                "first_step": step.map { ["title": .string($0.title), "command": $0.command.map(Value.string) ?? .null] } ?? .null,
                "uri": .string(ArticleResources.uri(match.article.id)),
            ])
        }
        if diagnosis.matches.isEmpty { text += "No line matched a known error signature. Try search_errors with the line that failed.\n" }
        let structured: Value = ["lines_read": .int(diagnosis.linesRead), "lines_matched": .int(diagnosis.linesMatched), "matches": .array(matches)]
        return success(text, structured)
    }

    // MARK: - lookup_code

    private func lookupCode(_ arguments: [String: Value]) throws -> CallTool.Result {
        let code = try Arguments(arguments, allowed: ["code"]).text("code", limit: 200)
        let items = LookupSession(content: content).catalogEntries(code)
        var text = ""
        for item in items {
            let entry = item.entry
            text += "\(entry.name.isEmpty ? entry.number : entry.name) — \(item.catalog.title)\n"
            if !entry.number.isEmpty { text += "  number: \(entry.number)\n" }
            if !entry.message.isEmpty { text += "  message: \(entry.message)\n" }
            if !entry.aliases.isEmpty { text += "  also: \(entry.aliases.joined(separator: ", "))\n" }
            if !entry.standard.isEmpty { text += "  standard: \(entry.standard)\n" }
            for source in entry.sources.compactMap(item.catalog.source) { text += "  source: \(source.citation)\n" }
            text += item.articles.isEmpty ? "  no article covers it yet\n" : "  articles: \(item.articles.map(\.id).joined(separator: ", "))\n"
            text += "\n"
        }
        if items.isEmpty {
            text = "No catalog entry for '\(code)'. Try search_errors, which also searches the articles.\n"
        }
        let structured: Value = ["code": .string(code), "entries": .array(items.map(catalogValue))]
        return success(text, structured)
    }

    private func catalogValue(_ item: CatalogFinding.Item) -> Value {
        let entry = item.entry
        return [
            "catalog": .string(item.catalog.id), "family": .string(item.catalog.family), "number": .string(entry.number),
            "name": .string(entry.name), "aliases": .array(entry.aliases.map(Value.string)), "message": .string(entry.message),
            "standard": .string(entry.standard), "group": .string(entry.group),
            "sources": .array(entry.sources.compactMap(item.catalog.source).map { .string($0.citation) }),
            "articles": .array(item.articles.map { .string($0.id) }),
        ]
    }

    private func success(_ text: String, _ structured: Value) -> CallTool.Result {
        let facts: Value? = structured
        return CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: facts, isError: false)
    }

    private func failure(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }
}

/// A tool argument that is missing, of the wrong type or out of range.
struct ArgumentProblem: Error {
    var message: String
}
