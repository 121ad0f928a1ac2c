import Foundation

/// What `new` was given on the command line, completed on a terminal by asking for the fields that
/// are missing, until it makes a `NewArticle`.
package struct NewArticleForm: Sendable {
    package var title: String?
    package var category: String?
    package var severity: String?
    package var id: String?
    package var codes: [String]
    package var tags: [String]

    /// - Parameters: codes, tags: comma-separated, as typed (`ENOSPC, 28`).
    package init(title: String?, category: String?, severity: String?, id: String?, codes: String?, tags: String?) {
        self.title = title
        self.category = category
        self.severity = severity
        self.id = id
        self.codes = Self.list(codes)
        self.tags = Self.list(tags)
    }

    /// Asks for the title, category and severity when missing; the category question lists the
    /// categories the content roots already have.
    package mutating func askForMissing(_ prompter: Prompter, content: ContentRoots) {
        if title == nil { title = prompter.ask("Title") }
        if category == nil {
            let existing = Array(Set(content.paths.flatMap(Self.categories(in:)))).sorted()
            category = prompter.ask("Category" + (existing.isEmpty ? "" : " (\(existing.joined(separator: ", ")))"),
                                    valid: { ArticleID.isValid($0) })
        }
        if severity == nil {
            severity = prompter.ask("Severity (\(Severity.listing))", valid: { Severity(rawValue: $0) != nil })
        }
    }

    /// What is still missing, as the command line names it: "a title", "--category", "--severity".
    package var missing: [String] {
        [("a title", title), ("--category", category), ("--severity", severity)].filter { $0.1 == nil }.map(\.0)
    }

    /// The article to write, once nothing is missing.
    package var article: NewArticle? {
        guard let title, let category, let severity else { return nil }
        return NewArticle(title: title, category: category, severity: severity, id: id, codes: codes, tags: tags)
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A content root's category folders, sorted.
    static func categories(in root: String) -> [String] {
        let content = ContentRoot(root)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            // Not a linked folder that leads out of the content: `new` refuses to write there.
            return ArticleID.isValid(name) && content.resolve(name) != nil
                && FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }
}
