import ErrWikiKit
import MCP

/// The tools `errwiki mcp` offers: names, what each is for (the model reads this to decide when to
/// call it) and the JSON Schema of its arguments. `ToolCalls` holds their behaviour.
enum ToolCatalog {
    static let searchLimitRange = 1...25
    static let searchLimitDefault = 5
    static let queryLimit = 2_000
    /// Bytes of log text `diagnose_log` accepts: a failing build or a day of one service's journal.
    static let logLimit = 10_000_000
    /// About 8,000 tokens of English Markdown.
    static let articleBudget = 32_000

    static let tools: [Tool] = [
        Tool(
            name: "search_errors",
            title: "Search the error wiki",
            description: """
            Search the offline troubleshooting wiki for an error message, error code (ENOSPC, 0x80070005, \
            HTTP 502, exit 137, SQLSTATE 40001), log line or a description of a symptom. Use it first when \
            a command, build, test or service fails. Returns ranked articles (id, title, severity, a short \
            snippet) and a verdict: "answer" (the first result covers it), "candidates" (plausible, check \
            them) or "none" (the wiki has no article for it: do not guess from the results). Read a result \
            with get_article.
            """,
            inputSchema: [
                "type": "object",
                "properties": [
                    "query": ["type": "string", "minLength": 1, "maxLength": .int(queryLimit),
                              "description": "The error text, code or symptom, as seen (paste the log line as is)."],
                    "limit": ["type": "integer", "minimum": .int(searchLimitRange.lowerBound),
                              "maximum": .int(searchLimitRange.upperBound), "default": .int(searchLimitDefault),
                              "description": "How many results at most."],
                ],
                "required": ["query"],
                "additionalProperties": false,
            ],
            annotations: .init(readOnlyHint: true, openWorldHint: false)
        ),
        Tool(
            name: "get_article",
            title: "Read an article",
            description: """
            Read one article of the error wiki as Markdown: summary, key details, common causes, ordered \
            fix steps with shell commands (read-only diagnosis first; steps that change the system say so \
            in their title), FAQ and details. Pass the id from search_errors or diagnose_log. Ask for \
            only the sections you need to save context; the text is cut at about 8,000 tokens, with a \
            note saying which sections were left out.
            """,
            inputSchema: [
                "type": "object",
                "properties": [
                    "id": ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,99}$", "description": "The article id, e.g. enospc."],
                    "sections": ["type": "array", "uniqueItems": true,
                                 "items": ["type": "string", "enum": .array(ArticleMarkdown.Section.allCases.map { .string($0.rawValue) })],
                                 "description": "The sections to return (default: all)."],
                ],
                "required": ["id"],
                "additionalProperties": false,
            ],
            annotations: .init(readOnlyHint: true, openWorldHint: false)
        ),
        Tool(
            name: "diagnose_log",
            title: "Find known errors in a log",
            description: """
            Scan log text (build output, a journal excerpt, a stack trace, test output) for every known \
            error the wiki has a signature for. Returns each matched article with the line numbers and \
            lines that matched and its first step. Use it on a whole log when you do not know which line \
            matters; use search_errors for a single message. Up to 10 MB of text.
            """,
            inputSchema: [
                "type": "object",
                "properties": [
                    "text": ["type": "string", "minLength": 1, "description": "The log text, lines separated by newlines."],
                ],
                "required": ["text"],
                "additionalProperties": false,
            ],
            annotations: .init(readOnlyHint: true, openWorldHint: false)
        ),
        Tool(
            name: "lookup_code",
            title: "Look up an error code",
            description: """
            Look up an error code in the official code catalogs shipped with the wiki (errno names and \
            numbers, signals, shell exit statuses, HTTP statuses, SQLSTATE, MySQL/MariaDB, curl exit codes, \
            systemd exit statuses, OpenSSL, Windows/HRESULT, Python and Node error names): its name, \
            number, official message, standard, source, and the article ids that cover it. A bare number \
            can mean several codes; qualify it ("errno 28", "HTTP 404", "curl 28") for one answer.
            """,
            inputSchema: [
                "type": "object",
                "properties": [
                    "code": ["type": "string", "minLength": 1, "maxLength": 200,
                             "description": "The code: ENOSPC, errno 28, SIGKILL, 0x80070005, HTTP 502, SQLSTATE 23505, ER_DUP_ENTRY."],
                ],
                "required": ["code"],
                "additionalProperties": false,
            ],
            annotations: .init(readOnlyHint: true, openWorldHint: false)
        ),
    ]
}
