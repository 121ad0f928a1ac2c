/// Reads a content root's `synonyms.tsv`, when it has one. A file with errors gives no table (its
/// diagnostics say why): the search then uses only the words as typed.
package enum SynonymLoader {
    package static func load(_ root: ContentRoot) -> (table: SynonymTable, diagnostics: [Diagnostic]) {
        let (file, found) = ContentScanner(root: root).synonymFile()
        guard let file else { return (.empty, found) }
        let loaded = load(file, from: root)
        return (loaded.table, found + loaded.diagnostics)
    }

    static func load(_ file: ContentScanner.File, from root: ContentRoot) -> (table: SynonymTable, diagnostics: [Diagnostic]) {
        let display = root.display(file.relativePath)
        guard let bytes = root.read(file.relativePath) else {
            return (.empty, [Diagnostic(.unreadableFile, at: SourceLocation(file: display, line: 1, column: 1),
                                        "synonyms file cannot be read", hint: "give errwiki read access or remove it")])
        }
        let (table, diagnostics) = SynonymParser.parse(bytes, file: display)
        return (table ?? .empty, diagnostics)
    }
}
