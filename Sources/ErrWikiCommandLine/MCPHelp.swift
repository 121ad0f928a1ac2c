/// What `errwiki mcp --help` says, shared by the helper that runs it and the entry in `errwiki --help`.
package enum MCPHelp {
    package static let abstract = "Serve the wiki to coding assistants over the Model Context Protocol (stdio)."
    package static let discussion = """
        Speaks MCP on standard input and output until the client closes them; log lines go to standard \
        error. Tools: search_errors, get_article, diagnose_log, lookup_code; every article is also a \
        resource, errwiki://article/<id>. Nothing leaves the machine.

        Register it with an assistant, for example:
          claude mcp add errwiki -- errwiki mcp --content /path/to/Content
        """
}
