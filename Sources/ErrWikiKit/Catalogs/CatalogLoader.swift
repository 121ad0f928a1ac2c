/// Reads every catalog of a content folder. A file with errors is left out (its diagnostics say
/// why); the others load.
package enum CatalogLoader {
    package static func load(_ root: ContentRoot) -> (catalogs: CatalogSet, diagnostics: [Diagnostic]) {
        let (files, found) = ContentScanner(root: root).catalogFiles()
        let loaded = load(files, from: root)
        return (loaded.catalogs, found + loaded.diagnostics)
    }

    static func load(_ files: [ContentScanner.File], from root: ContentRoot) -> (catalogs: CatalogSet, diagnostics: [Diagnostic]) {
        var catalogs: [CodeCatalog] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let display = root.display(file.relativePath)
            guard let bytes = root.read(file.relativePath) else {
                diagnostics.append(Diagnostic(.unreadableFile, at: SourceLocation(file: display, line: 1, column: 1),
                                              "catalog cannot be read", hint: "give errwiki read access or remove it"))
                continue
            }
            let (catalog, found) = CatalogParser.parse(bytes, relativePath: file.relativePath, file: display)
            diagnostics += found
            if let catalog { catalogs.append(catalog) }
        }
        return (CatalogSet(catalogs), diagnostics)
    }
}
