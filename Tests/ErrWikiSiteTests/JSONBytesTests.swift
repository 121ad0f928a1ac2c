import ErrWikiKit
import ErrWikiMarkdown
@testable import ErrWikiSite
import ErrWikiTestSupport
import Foundation
import Testing

/// The export's own JSON writer gives exactly the bytes JSONSerialization gives (`.sortedKeys`,
/// `.withoutEscapingSlashes`): on every character that needs escaping, and on every shipped article.
@Suite struct JSONBytesTests {
    static func foundation(_ object: Any) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }

    @Test func escapesAsJSONSerializationDoes() throws {
        var awkward = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        awkward += ["é", "’", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "e\u{0301}", "</script>", "a/b", "\\\"", ""]
        let text = awkward.joined()
        var json = JSONBytes()
        json.object([("a", .string(text)), ("b", .strings(awkward)), ("c", .optionalString(nil)), ("d", .int(-12)),
                     ("e", .bool(true)), ("f", .objects([[("g", .bool(false)), ("h", .optionalString("x"))]]))])
        let expected = try Self.foundation(["a": text, "b": awkward, "c": NSNull(), "d": -12, "e": true,
                                            "f": [["g": false, "h": "x"]]] as [String: Any])
        #expect(json.bytes == expected, "\(String(decoding: json.bytes, as: UTF8.self))\n\(String(decoding: expected, as: UTF8.self))")
    }

    /// Every shipped article's export object, against the dictionary JSONSerialization used to write.
    @Test func everyShippedArticleIsWrittenAsJSONSerializationWouldWriteIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Content").standardized.path
        let articles = ContentCheck.run(root: root, displayRoot: "Content").wiki.published()
        #expect(articles.count > 300)
        for article in articles {
            let object: [String: Any] = [
                "id": article.id, "title": article.title, "category": article.category, "severity": article.severity.rawValue,
                "summary": article.summary, "codes": article.codes, "tags": article.tags, "key_details": article.keyDetails,
                "symptoms": article.symptoms, "causes": article.causes,
                "steps": article.steps.map { step -> [String: Any] in
                    ["title": step.title, "command": step.command ?? NSNull(), "note": step.note ?? NSNull()]
                },
                "faq": article.faq.map { ["q": $0.question, "a": $0.answer] },
                "related": article.related, "patterns": article.patterns, "samples": article.samples,
                "updated": article.updated.map { "\($0)" } ?? NSNull(), "draft": article.draft,
                "overrides": article.overrides, "content_root": article.root, "path": article.relativePath,
                "url": SitePath.article(article.id).value, "body_markdown": article.body,
                "body_html": MarkdownRenderer.blockHTML(article.body, sourcePositions: false),
            ]
            #expect(WikiExport.articleJSON(article) == (try Self.foundation(object)), "\(article.id)")
        }
    }
}
