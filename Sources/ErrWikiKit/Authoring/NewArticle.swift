import Foundation

/// `errwiki new`: a new article file with every required field filled in and `TODO` placeholders for
/// the rest, which `check` warns about (and `check --strict` fails on) until they are replaced.
/// It never overwrites: an id used in any content root is refused, unless it is meant to override
/// (`override`), which starts from a copy of the article it replaces.
package struct NewArticle: Sendable {
    package var title: String
    package var category: String
    package var severity: String
    package var id: String?
    package var codes: [String]
    package var tags: [String]

    /// From `--from-log`: written as `related`, `patterns` and `samples`.
    package var related: [String] = []
    package var patterns: [String] = []
    package var samples: [String] = []

    package init(title: String, category: String, severity: String, id: String? = nil, codes: [String] = [], tags: [String] = []) {
        self.title = title
        self.category = category
        self.severity = severity
        self.id = id
        self.codes = codes
        self.tags = tags
    }

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case emptyTitle
        case invalidCategory(String)
        case reservedCategory(String)
        case invalidSeverity(String)
        case invalidID(String, suggestion: String)
        case reservedID(String)
        case exists(id: String, path: String)
        /// The id is in a later root: `--override` would replace it.
        case existsInLaterRoot(id: String, path: String)
        case nothingToOverride(id: String)
        case cannotWrite(path: String, reason: String)
        case outsideContent(path: String)

        package var description: String {
            switch self {
            case .emptyTitle: return "the title is empty"
            case .invalidCategory(let category):
                return "category `\(category)` is not valid (\(ArticleID.patternDescription)); for example `\(ArticleID.suggestion(from: category))`"
            case .reservedCategory(let category):
                return "category `\(category)` is reserved: the folder \(category)/ holds the code catalogs, not articles"
            case .invalidSeverity(let severity): return "severity `\(severity)` is not one of \(Severity.listing)"
            case .invalidID(let id, let suggestion): return "id `\(id)` is not valid (\(ArticleID.patternDescription)); for example `\(suggestion)`"
            case .reservedID(let id): return "id `\(id)` is reserved for a page of the site (\(ArticleID.reservedListing)); pass --id"
            case .exists(let id, let path): return "an article with id `\(id)` already exists: \(path) (nothing written; pass --id to choose another)"
            case .existsInLaterRoot(let id, let path):
                return "an article with id `\(id)` already exists in a later content root: \(path) (nothing written; pass --override to replace it with a copy in the first root, or --id to choose another)"
            case .nothingToOverride(let id):
                return "--override: no later content root has an article with id `\(id)` (nothing written)"
            case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
            case .outsideContent(let path): return "\(path) leads outside the content folder (a symbolic link); nothing written"
            }
        }
    }

    /// The id the article gets: `--id`, or the title folded to ASCII and slugified.
    package var resolvedID: String { id ?? ArticleID.suggestion(from: title) }

    /// Checks the fields, refuses an id any root already has, and writes `<first root>/<category>/<id>.md`
    /// (created exclusively: an existing file is never replaced). Returns the path written.
    package func write(into content: ContentRoots, skeleton: String, today: ArticleDate) throws(Failure) -> String {
        let root = content.first.path
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .emptyTitle }
        guard ArticleID.isValid(category) else { throw .invalidCategory(category) }
        guard category != ContentScanner.catalogFolder else { throw .reservedCategory(category) }
        guard Severity(rawValue: severity) != nil else { throw .invalidSeverity(severity) }
        let id = resolvedID
        guard ArticleID.isValid(id) else { throw .invalidID(id, suggestion: ArticleID.suggestion(from: id)) }
        guard !ArticleID.isReserved(id) else { throw .reservedID(id) }
        if let existing = Self.existing(id, in: content) {
            throw existing.root == 0 ? .exists(id: id, path: existing.path) : .existsInLaterRoot(id: id, path: existing.path)
        }

        let folder = root + "/" + category
        let path = folder + "/" + id + ".md"
        // A category folder that is a link out of the content would put the article outside it.
        var info = stat()
        if lstat(folder, &info) == 0 && content.first.resolve(category) == nil { throw .outsideContent(path: folder) }
        try Self.publish(Array(fill(skeleton, title: title, id: id, today: today).utf8), at: path, id: id)
        return path
    }

    /// `new --override`: copies the article with this id from the later root that answers for it
    /// into the same path under the first root, with `overrides: true` added, so the team starts
    /// from the text it replaces. Returns the path written and the path copied.
    package static func override(_ id: String, in content: ContentRoots) throws(Failure) -> (path: String, copied: String) {
        guard let existing = existing(id, in: content) else { throw .nothingToOverride(id: id) }
        guard existing.root > 0 else { throw .exists(id: id, path: existing.path) }
        guard let article = existing.article else {
            throw .cannotWrite(path: existing.path, reason: "its front matter cannot be read, so it cannot be copied (run `errwiki check`)")
        }
        guard let bytes = content.roots[existing.root].read(article.relativePath) else {
            throw .cannotWrite(path: existing.path, reason: "cannot read the article to copy")
        }
        let path = content.first.path + "/" + article.relativePath
        let folder = (path as NSString).deletingLastPathComponent
        var info = stat()
        let category = (article.relativePath as NSString).deletingLastPathComponent
        if !category.isEmpty && lstat(folder, &info) == 0 && content.first.resolve(category) == nil { throw .outsideContent(path: folder) }
        try publish(withOverrides(bytes), at: path, id: id)
        return (path, existing.path)
    }

    /// The file's bytes with `overrides: true` as the first front-matter field, unless a line of the
    /// front matter already sets `overrides`.
    static func withOverrides(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" || first.hasPrefix("\u{FEFF}---") else { return bytes }
        let closing = lines.indices.dropFirst().first { lines[$0].trimmingCharacters(in: .whitespacesAndNewlines) == "---" } ?? lines.count
        if lines[1..<closing].contains(where: { $0.hasPrefix("overrides:") }) { return bytes }
        let newline = first.hasSuffix("\r") ? "\r" : ""
        lines.insert("overrides: true" + newline, at: 1)
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// Creates the folder and the file, whole or not at all, never over an existing one.
    private static func publish(_ bytes: [UInt8], at path: String, id: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: folder, reason: "\(error.localizedDescription)")
        }
        do throws(ExclusiveFile.Failure) {
            try ExclusiveFile.publish(path, bytes: bytes)
        } catch {
            switch error {
            case .exists: throw .exists(id: id, path: path)
            case .failed(let reason): throw .cannotWrite(path: path, reason: reason)
            }
        }
    }

    /// The skeleton with its `{{…}}` fields replaced by YAML-safe values.
    package func fill(_ skeleton: String, title: String, id: String, today: ArticleDate) -> String {
        let values: [String: String] = [
            "{{title}}": YAMLText.quoted(title),
            "{{id}}": id,
            "{{category}}": category,
            "{{severity}}": severity,
            "{{codes}}": YAMLText.flowList(codes),
            "{{tags}}": YAMLText.flowList(tags),
            "{{date}}": today.description,
        ]
        // One pass: a value that itself contains `{{date}}` (a title, say) is never replaced again.
        var text = ""
        var rest = Substring(skeleton)
        while let open = rest.range(of: "{{") {
            text += rest[..<open.lowerBound]
            if let close = rest[open.upperBound...].range(of: "}}"), let value = values[String(rest[open.lowerBound..<close.upperBound])] {
                text += value
                rest = rest[close.upperBound...]
            } else {
                text += "{{"
                rest = rest[open.upperBound...]
            }
        }
        return withLogFields(text + rest)
    }

    /// `related`, `patterns` and `samples` (from a log line) as YAML, before the `updated:` line of
    /// the front matter (else before its closing `---`); unchanged when there are none.
    func withLogFields(_ text: String) -> String {
        var fields = ""
        if !related.isEmpty { fields += "related: " + YAMLText.flowList(related) + "\n" }
        if !patterns.isEmpty { fields += "patterns:\n" + patterns.map { "  - " + YAMLText.quoted($0) + "\n" }.joined() }
        if !samples.isEmpty { fields += "samples:\n" + samples.map { "  - " + YAMLText.quoted($0) + "\n" }.joined() }
        guard !fields.isEmpty else { return text }
        var lines = text.components(separatedBy: "\n")
        let closing = lines.indices.dropFirst().first { lines[$0] == "---" } ?? lines.count
        let at = lines[..<closing].firstIndex { $0.hasPrefix("updated:") } ?? closing
        lines.insert(String(fields.dropLast()), at: at)
        return lines.joined(separator: "\n")
    }

    /// Where an article with this id already lives, in the first root that has it: any file whose
    /// front matter or file name gives that id, including files too broken to read (their file name
    /// counts; `article` is nil for them).
    static func existing(_ id: String, in content: ContentRoots) -> (path: String, root: Int, article: Article?)? {
        let loaded = WikiLoader.load(content)
        let article = loaded.wiki.articles.first { $0.id == id }
        guard loaded.wiki.unreadableIDs.contains(id) else { return article.map { ($0.path, $0.root, $0) } }
        // A broken file of an earlier root than the article's still holds the id first.
        for (index, root) in content.roots.enumerated() where index < (article?.root ?? content.roots.count) {
            let (files, _) = ContentScanner(root: root).scan()
            if let match = files.first(where: { ($0.relativePath as NSString).lastPathComponent == id + ".md" }) {
                return (root.display(match.relativePath), index, nil)
            }
        }
        return article.map { ($0.path, $0.root, $0) }
    }

    /// `new --edit`, once the editor quit: the problems left in the file written, formatted for
    /// stderr (the rest of the wiki is not this command's business).
    package static func review(_ path: String, content: ContentRoots) -> String {
        let report = ContentCheck.run(content)
        return DiagnosticFormatter.report(report.diagnostics(in: path), fileCount: 1, roots: report.roots)
    }

    /// A theme named on the command line that has no readable `article.md`.
    package struct UnreadableSkeleton: Error, CustomStringConvertible {
        package var path: String
        package var description: String { "\(path) cannot be read" }
    }

    /// The skeleton to fill: the theme's `article.md` when it has one, else the built-in one. A
    /// theme named explicitly (`--templates`) must have it.
    package static func skeleton(theme folder: String?, explicit: String?) throws(UnreadableSkeleton) -> String {
        if let folder, let text = try? String(contentsOfFile: folder + "/article.md", encoding: .utf8) { return text }
        if let explicit { throw UnreadableSkeleton(path: explicit + "/article.md") }
        return builtInSkeleton
    }

    /// The default skeleton, used when the theme has no `article.md`: the built-in theme's
    /// (`Templates/article.md` when errwiki was built).
    package static var builtInSkeleton: String {
        String(decoding: ThemeFiles.builtIn.files["article.md"] ?? [], as: UTF8.self)
    }
}
