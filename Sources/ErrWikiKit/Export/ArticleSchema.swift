import Foundation

/// The article front matter as a JSON Schema (draft 2020-12), for editors and CI tools
/// (`errwiki schema`, the site's `schema/article.json`). It says what a schema can say: types,
/// required fields, enums, shapes, lengths. `check` stays the authority for the rest (ids unique,
/// related links, patterns that compile, samples they match). Built from `FrontMatterField`, so a
/// new field cannot be forgotten here (the switch is exhaustive).
package enum ArticleSchema {
    package static let id = "https://errwiki.invalid/schema/article-v1.json"

    package static var json: String {
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static var document: [String: Any] {
        var properties: [String: Any] = [:]
        for field in FrontMatterField.allCases { properties[field.rawValue] = schema(of: field) }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": id,
            "title": "errwiki article front matter (format v1)",
            "description": "The YAML between the first two `---` lines of an errwiki article (Content/<category>/<id>.md). "
                + "`errwiki check` also enforces what a schema cannot: unique ids, existing related ids, patterns that compile and match the samples.",
            "type": "object",
            "required": FrontMatterField.required.map(\.rawValue),
            "additionalProperties": false,
            "properties": properties,
        ]
    }

    private static let idPattern = "^[a-z0-9][a-z0-9-]{0,99}$"
    private static var nonEmptyText: [String: Any] { ["type": "string", "minLength": 1, "pattern": "\\S"] }

    private static func list(_ items: [String: Any], minItems: Int = 0, unique: Bool = false) -> [String: Any] {
        var schema: [String: Any] = ["type": "array", "items": items]
        if minItems > 0 { schema["minItems"] = minItems }
        if unique { schema["uniqueItems"] = true }
        return schema
    }

    private static func schema(of field: FrontMatterField) -> [String: Any] {
        var schema: [String: Any]
        switch field {
        case .title:
            schema = nonEmptyText
            schema["description"] = "The page title, e.g. `ENOSPC — No Space Left on Device`."
        case .id:
            schema = ["type": "string", "pattern": idPattern,
                      "not": ["enum": ArticleID.reserved.sorted()],
                      "description": "Unique across the wiki; defaults to the file name without `.md`. \(ArticleID.patternDescription)."]
        case .category:
            schema = ["type": "string", "pattern": idPattern,
                      "description": "The collection it belongs to (`errno`, `http`, `docker`); a file in a category folder names that folder."]
        case .severity:
            schema = ["type": "string", "enum": Severity.allCases.map(\.rawValue), "description": "Badge, filter and sort order."]
        case .summary:
            schema = nonEmptyText
            schema["description"] = "One paragraph of inline Markdown: the About text, the meta description, the search snippet."
        case .codes:
            schema = list(["type": ["string", "number"], "description": "A YAML number such as 137 is taken as the text \"137\"."])
            schema["description"] = "Identifiers a user may type exactly: `ENOMEM`, `137`, `0x80070005`, `HTTP 502`."
        case .tags:
            schema = list(["type": ["string", "number"], "pattern": "\\S"])
            schema["description"] = "Taxonomy; each tag gets a page (a YAML number such as 404 is taken as its text)."
        case .keyDetails:
            schema = list(nonEmptyText)
            schema["description"] = "Key details bullets, inline Markdown."
        case .symptoms:
            schema = list(["type": "string", "minLength": 1, "maxLength": FrontMatterDecoder.symptomMaximum, "pattern": "^[^\\n\\r]*$"], unique: true)
            schema["description"] = "How people describe the problem in their own words: plain text, one line, at most \(FrontMatterDecoder.symptomMaximum) characters, no repeats."
        case .causes:
            schema = list(nonEmptyText, minItems: 1)
            schema["description"] = "Common causes, inline Markdown; at least one."
        case .steps:
            let mapping: [String: Any] = [
                "type": "object", "required": ["title"], "additionalProperties": false,
                "properties": ["title": nonEmptyText, "command": ["type": "string", "description": "A shell snippet, shown as copyable code."],
                               "note": ["type": "string"]],
            ]
            schema = list(["oneOf": [nonEmptyText, mapping]], minItems: 1)
            schema["description"] = "Ordered fix steps: a text, or `{title, command?, note?}`; at least one."
        case .faq:
            schema = list(["type": "object", "required": ["q", "a"], "additionalProperties": false,
                           "properties": ["q": nonEmptyText, "a": nonEmptyText]])
            schema["description"] = "Questions `{q, a}` (the answer is Markdown); the first is the Quick answer."
        case .related:
            schema = list(["type": "string", "pattern": idPattern])
            schema["description"] = "Ids of articles for See also; each must exist (checked by `errwiki check`)."
        case .patterns:
            schema = list(nonEmptyText)
            schema["description"] = "Regular expressions that recognise this error in a log line (`errwiki diagnose`)."
        case .samples:
            schema = list(nonEmptyText)
            schema["description"] = "Real log lines this error produces; each must match one of `patterns` (checked by `errwiki check`)."
        case .updated:
            schema = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date",
                      "description": "Last reviewed, YYYY-MM-DD (a YAML date)."]
        case .draft:
            schema = ["type": "boolean", "description": "Drafts are checked but left out of the site and the lookup unless asked for."]
        case .overrides:
            schema = ["type": "boolean",
                      "description": "This article replaces one with the same id in a later content root (a team wiki over the shipped one); `errwiki check` warns when an article shadows another without it, and when it is set and nothing is shadowed."]
        }
        return schema
    }
}
