import ErrWikiKit
import Foundation
import Mustache

/// The templates and assets of a theme folder (`Templates/` by default), read at run time so a user
/// can copy the folder and edit it without recompiling. Mustache escapes every `{{value}}`; the only
/// raw `{{{…}}}` values the site hands a template are HTML and JSON this program produced.
struct Theme: Sendable {
    /// The templates every theme must have: the pages, and `card` (one article in a list, rendered
    /// once per article and folder depth, with the card's fields and `root`). Other partials
    /// (`head`, `header`, `footer`) are the theme's own business.
    static let pageTemplates = ["article", "listing", "home", "search", "404", "card"]

    let folder: String
    let library: MustacheLibrary
    /// Plain files under `assets/`, copied to the site's `assets/` folder.
    let assets: [(name: String, bytes: [UInt8])]
    /// Changes whenever a template or an asset does: part of every page's fingerprint.
    let digest: String

    static func load(folder: String) throws(BuildError) -> Theme {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .theme("\(folder): no such templates folder (pass --templates DIR)")
        }
        var library = MustacheLibrary()
        var hasher = StableHasher()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for file in names where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
            let path = folder + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .theme("\(path): cannot be read as UTF-8")
            }
            do {
                library.register(try MustacheTemplate(string: text), named: String(file.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw .theme("\(path):\(error.context.lineNumber):\(error.context.columnNumber): template error: \(error.error)\n  \(error.context.line)")
            } catch {
                throw .theme("\(path): template error: \(error)")
            }
            hasher.combine(file)
            hasher.combine(text)
        }
        for required in pageTemplates where library.getTemplate(named: required) == nil {
            throw .theme("\(folder)/\(required).mustache: missing (a theme needs \(pageTemplates.map { $0 + ".mustache" }.joined(separator: ", ")))")
        }
        var assets: [(String, [UInt8])] = []
        let assetFolder = folder + "/assets"
        let assetNames = ((try? FileManager.default.contentsOfDirectory(atPath: assetFolder)) ?? []).sorted()
        for name in assetNames where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let path = assetFolder + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = FileManager.default.contents(atPath: path) else { throw .theme("\(path): cannot be read") }
            let bytes = [UInt8](data)
            assets.append((name, bytes))
            hasher.combine(name)
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return Theme(folder: folder, library: library, assets: assets, digest: hasher.hexDigest)
    }

    /// Renders a page. Every non-empty list `x` of the context also gets a `hasX` flag, so a template
    /// can wrap a list in a heading with `{{#hasX}}…{{/hasX}}` (a section over the list itself repeats).
    func render(_ template: String, _ context: [String: Any]) -> String {
        var context = context
        for (key, value) in context {
            if let list = value as? [Any], !list.isEmpty {
                context["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
            }
        }
        return library.render(context, withTemplate: template) ?? ""
    }
}
