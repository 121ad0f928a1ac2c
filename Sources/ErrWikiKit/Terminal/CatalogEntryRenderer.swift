import Foundation

/// Catalog entries laid out for a terminal: the facts of one entry (above its article, or alone
/// with the command that starts one), or the list of entries an ambiguous number names.
package struct CatalogEntryRenderer: Sendable {
    package var style: TerminalStyle
    package var width: Int

    package init(style: TerminalStyle, width: Int) {
        self.style = style
        self.width = width
    }

    /// `errno 28`, `exit 137`, `hresult 0x80070005`: the catalog's first word and the number, which
    /// is also a query that finds exactly this entry. Empty for entries without a number.
    package static func qualifiedNumber(_ entry: CatalogEntry, in catalog: CodeCatalog) -> String {
        guard !entry.number.isEmpty else { return "" }
        return (catalog.words.first.map { $0 + " " } ?? "") + entry.number
    }

    /// The facts: heading, message, then the labelled fields that are present, and the source.
    package func facts(_ entry: CatalogEntry, in catalog: CodeCatalog) -> String {
        var lines: [String] = []
        let number = Self.qualifiedNumber(entry, in: catalog)
        let heading = [entry.name, number].filter { !$0.isEmpty }.map(Terminal.sanitized).joined(separator: " · ")
        lines.append(style.apply(.title, to: heading) + style.apply(.dim, to: "  (\(Terminal.sanitized(catalog.title)))"))
        if !entry.message.isEmpty {
            lines.append("  " + Terminal.sanitized(entry.message))
        } else if !catalog.noMessages.isEmpty {
            lines.append(style.apply(.dim, to: "  (no message: \(Terminal.sanitized(catalog.noMessages)))"))
        }
        var fields: [(String, String)] = []
        if !entry.aliases.isEmpty { fields.append(("also", entry.aliases.joined(separator: ", "))) }
        if !entry.group.isEmpty { fields.append(("class", entry.group)) }
        if !entry.standard.isEmpty { fields.append(("standard", entry.standard)) }
        for detail in entry.details { fields.append((detail.key, detail.value)) }
        let sources = entry.sources.compactMap(catalog.source).map(\.citation)
        if !sources.isEmpty { fields.append(("source", sources.joined(separator: "; "))) }
        let labels = fields.map { Terminal.sanitized($0.0) }
        let labelWidth = max(8, labels.map(\.count).max() ?? 0)
        for ((_, value), label) in zip(fields, labels) {
            let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append("  " + style.apply(.label, to: padded) + "  " + Terminal.sanitized(value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The facts of an entry no article claims, then how to start one in `content`'s first root.
    package func uncovered(_ entry: CatalogEntry, in catalog: CodeCatalog, content: ContentRoots) -> String {
        facts(entry, in: catalog) + "\nNo article covers this code yet. Start one:\n  "
            + style.apply(.command, to: Terminal.sanitized(Self.newCommand(entry, in: catalog, content: content))) + "\n"
    }

    /// Several entries (an ambiguous number), each with the articles that claim it.
    package func list(_ entries: [(entry: CatalogEntry, catalog: CodeCatalog, articles: [ArticleSummary])], query: String) -> String {
        let catalogs = Set(entries.map(\.catalog.id)).count
        let heading = catalogs == entries.count ? "is a code in \(catalogs) catalogs:" : "names \(entries.count) codes:"
        var lines = ["\(Terminal.sanitized(query)) \(heading)", ""]
        for (entry, catalog, articles) in entries {
            let number = Self.qualifiedNumber(entry, in: catalog)
            var line = "  " + style.apply(.strong, to: Terminal.sanitized(number.isEmpty ? entry.name : number))
            if !number.isEmpty && !entry.name.isEmpty { line += "  " + Terminal.sanitized(entry.name) }
            if !entry.message.isEmpty { line += " — " + Terminal.sanitized(entry.message) }
            lines.append(line)
            for article in articles {
                lines.append(style.apply(.dim, to: "      article: ") + Terminal.sanitized(article.id) + "  " + Terminal.sanitized(article.title))
            }
        }
        if let (entry, catalog, _) = entries.first, !Self.qualifiedNumber(entry, in: catalog).isEmpty {
            lines += ["", style.apply(.dim, to: "Narrow it with the family's word: errwiki lookup \(Terminal.sanitized(Self.qualifiedNumber(entry, in: catalog)))")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `errwiki new` command that starts an article for the entry, quoted for a POSIX shell:
    /// its title from the name and the message, its category the catalog's, its codes the entry's.
    /// The command is sanitized where it is printed: a control character in a catalog never reaches the terminal.
    package static func newCommand(_ entry: CatalogEntry, in catalog: CodeCatalog, content: ContentRoots) -> String {
        let number = qualifiedNumber(entry, in: catalog)
        let subject = entry.name.isEmpty ? number : entry.name
        let title = entry.message.isEmpty ? (entry.name.isEmpty || number.isEmpty ? subject : "\(subject) (\(number))")
            : "\(subject): \(entry.message)"
        // A name such as `128+SIGKILL` describes the code; the number is what an article claims.
        let codes = ([entry.name].filter { !$0.isEmpty && !$0.contains("+") && !$0.contains(",") } + [entry.number].filter { !$0.isEmpty })
        var command = "errwiki new \(ShellQuote.quoted(title)) --category \(ShellQuote.quoted(catalog.category))"
        if !codes.isEmpty { command += " --codes \(ShellQuote.quoted(codes.joined(separator: ",")))" }
        return command + content.commandLineOptions
    }
}

/// Quoting for a POSIX shell: words made only of safe characters stay bare, everything else is
/// single-quoted (a `'` inside becomes `'\''`), so a pasted message never runs as a command.
package enum ShellQuote {
    package static func quoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.,/:+=@%".unicodeScalars.contains(scalar))
        }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
