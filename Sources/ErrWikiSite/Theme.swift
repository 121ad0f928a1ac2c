import ErrWikiKit
import Foundation

/// The templates and assets of a theme folder (`Templates/` by default), read at run time so a user
/// can copy the folder and edit it without recompiling. Templates are Mustache (see `PageTemplate`
/// for the subset): every `{{value}}` is escaped; the only raw `{{{…}}}` values the site hands a
/// template are HTML and JSON this program produced.
struct Theme: Sendable {
    /// The templates every theme must have: the pages, and `card` (one article in a list, rendered
    /// once per article and folder depth, with the card's fields and `root`). Other partials
    /// (`head`, `header`, `footer`) are the theme's own business.
    static let pageTemplates = ["article", "listing", "home", "search", "404", "card"]

    let folder: String
    let renderer: TemplateRenderer
    /// Plain files under `assets/`, copied to the site's `assets/` folder.
    let assets: [(name: String, bytes: [UInt8])]
    /// Changes whenever a template or an asset does: part of every page's fingerprint.
    let digest: String

    static func load(folder: String?) throws(BuildError) -> Theme {
        let source: ThemeFiles
        if let folder {
            do { source = try ThemeFiles.read(folder: folder) } catch { throw .theme(error.description) }
        } else {
            source = ThemeFiles.builtIn
        }
        return try load(source)
    }

    static func load(_ source: ThemeFiles) throws(BuildError) -> Theme {
        let folder = source.label
        var templates: [String: PageTemplate] = [:]
        var hasher = StableHasher()
        for (file, bytes) in source.files.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") && !file.contains("/") {
            let path = folder + "/" + file
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .theme("\(path): cannot be read as UTF-8")
            }
            do {
                templates[String(file.dropLast(".mustache".count))] = try PageTemplate(parsing: text)
            } catch {
                throw .template(file: path, line: error.line, column: error.column, message: error.message)
            }
            hasher.combine(file)
            hasher.combine(text)
        }
        for required in pageTemplates where templates[required] == nil {
            throw .theme("\(folder)/\(required).mustache: missing (a theme needs \(pageTemplates.map { $0 + ".mustache" }.joined(separator: ", ")))")
        }
        var assets: [(String, [UInt8])] = []
        for (file, bytes) in source.files.sorted(by: { $0.key < $1.key }) where file.hasPrefix("assets/") {
            let name = String(file.dropFirst("assets/".count))
            guard !name.contains("\\") else { throw .theme("\(folder)/assets/\(name): asset names may not contain a backslash") }
            assets.append((name, bytes))
            hasher.combine(name)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        let renderer: TemplateRenderer
        do {
            renderer = try TemplateRenderer(templates: templates)
        } catch {
            let file = error.template.map { folder + "/" + $0 + ".mustache" } ?? folder
            throw .template(file: file, line: error.line, column: error.column, message: error.message)
        }
        return Theme(folder: folder, renderer: renderer, assets: assets, digest: hasher.hexDigest)
    }

    /// Whether the theme has this template (`codes` is needed only when the content has catalogs).
    func has(_ template: String) -> Bool { renderer.templates[template] != nil }

    /// Renders a page. Every non-empty list `x` of the context also gets a `hasX` flag, so a template
    /// can wrap a list in a heading with `{{#hasX}}…{{/hasX}}` (a section over the list itself repeats).
    func render(_ template: String, _ context: [String: Any]) -> String {
        var context = context
        for (key, value) in context {
            if let list = value as? [Any], !list.isEmpty {
                context["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
            }
        }
        return renderer.render(template, context)
    }
}
