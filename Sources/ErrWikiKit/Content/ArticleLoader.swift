/// Reads one article file: split, decode, attach the body. Pure except for the single file read.
enum ArticleLoader {
    enum Outcome: Sendable {
        case article(Article, [Diagnostic])
        /// The front matter could not be read; the id is the file stem.
        case unreadable(id: String, [Diagnostic])
    }

    /// Reads `file` through `root` (never from outside it); diagnostics name it as `root` displays it.
    static func load(_ file: ContentScanner.File, from root: ContentRoot) -> Outcome {
        let path = root.display(file.relativePath)
        let (stem, folder) = defaults(for: file.relativePath)
        guard let bytes = root.read(file.relativePath) else {
            return .unreadable(id: stem, [Diagnostic(.unreadableFile, at: SourceLocation(file: path, line: 1, column: 1),
                                                    "cannot read the file")])
        }
        return decode(bytes, path: path, relativePath: file.relativePath, stem: stem, folder: folder)
    }

    /// What the id and category fall back to: the file name without `.md`, and the first folder.
    static func defaults(for relativePath: String) -> (stem: String, folder: String?) {
        let components = relativePath.split(separator: "/")
        let name = components.last ?? ""
        let stem = String(name.hasSuffix(".md") ? name.dropLast(3) : name)
        return (stem, components.count > 1 ? String(components[0]) : nil)
    }

    /// Decodes the bytes of an article file (also used by tests and fuzzing, without the disk).
    static func decode(_ bytes: [UInt8], path: String, relativePath: String, stem: String, folder: String?) -> Outcome {
        let source: ArticleSource
        switch ArticleSource.split(bytes, path: path) {
        case .failure(let diagnostic): return .unreadable(id: stem, [diagnostic])
        case .success(let split): source = split
        }
        var decoder = FrontMatterDecoder(path: path, yamlLine: source.yamlLine)
        guard var article = decoder.decode(source.yaml, context: .init(stem: stem, folder: folder)) else {
            return .unreadable(id: stem, decoder.diagnostics)
        }
        article.body = source.body
        article.bodyLine = source.bodyLine
        article.relativePath = relativePath
        var diagnostics = decoder.diagnostics
        diagnostics += PlaceholderScan.findings(yaml: source.yaml, yamlLine: source.yamlLine,
                                                body: source.body, bodyLine: source.bodyLine, path: path)
        return .article(article, diagnostics)
    }
}
