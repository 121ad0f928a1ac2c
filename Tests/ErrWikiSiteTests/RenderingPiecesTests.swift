import ErrWikiKit
import ErrWikiMarkdown
import Foundation
import Testing
@testable import ErrWikiSite

@Suite struct RenderingPiecesTests {
    /// The fast path for plain fields must give exactly cmark-gfm's bytes: checked on every one-line
    /// field of the shipped content, plus tricky cases.
    @Test func plainFieldsRenderAsCmarkWould() throws {
        let wiki = WikiLoader.load(root: SiteFixture.shippedContent).wiki
        #expect(wiki.articles.count > 100)
        var fields: [String] = ["Plain text", "He said \"stop\"", "It's fine", "www.example.org is a link", "see http://x.y",
                                "mail me@example.org", "2 * 3", "# heading", "1. item", "a  b", "trailing  ", "Tab\there",
                                "- item", "> quote", "Über Fehler", "a_b_c", "x ~~y~~"]
        for article in wiki.articles {
            fields += [article.summary, article.title] + article.causes + article.keyDetails + article.steps.map(\.title)
            fields += article.faq.map(\.question)
        }
        var plain = 0
        for field in fields {
            if InlineMarkdown.isPlain(field) { plain += 1 }
            #expect(InlineMarkdown.html(field) == MarkdownRenderer.inlineHTML(field), "\(field)")
        }
        #expect(plain > fields.count / 4, "the fast path is used: \(plain) of \(fields.count)")
    }

    @Test func scriptJSONIsValidJSONWithNothingThatEndsAScript() throws {
        let hostile = "</script><!-- \u{2028}\u{2029} & \"quoted\" \\ \u{01} <b>"
        let text = ScriptJSON.object([("k", .string(hostile)), ("n", .number(3)), ("b", .bool(true)), ("a", .array([.string("<")]))]).text
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}", "\u{01}"] { #expect(!text.contains(forbidden), "\(forbidden)") }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(parsed["k"] as? String == hostile)
        #expect(parsed["n"] as? Int == 3)
    }

    @Test func bodyHeadingsGetUniqueIDsBelowThePageSections() {
        var used: Set<String> = ["about"]
        let html = BodyHTML.render("# About\n\n## About\n\n### Deep *one*\n\n| a |\n|---|\n| 1 |\n", usedIDs: &used)
        #expect(html.contains("<h3 id=\"h-about\">About <a class=\"anchor\" href=\"#h-about\""))
        #expect(html.contains("<h3 id=\"h-about-2\">"))
        #expect(html.contains("<h4 id=\"h-deep-one\">Deep <em>one</em>"))
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table: a\" tabindex=\"0\"><table>"))
        #expect(html.contains("</table></div>"))
        #expect(!html.contains("<h1") && !html.contains("<h2"))
    }

    @Test func bodyCodeBlocksAreFocusableSoAKeyboardCanScrollThem() {
        var used: Set<String> = []
        let html = BodyHTML.render("```sh\nls -l\n```\n\n    indented\n", usedIDs: &used)
        #expect(html.components(separatedBy: "<pre tabindex=\"0\">").count == 3, "\(html)")
        #expect(!html.contains("<pre>"))
    }

    /// Focusable like code blocks; what takes the focus needs a role and a name.
    @Test func aScrollingTableIsARegionNamedAfterItsHeaderRow() {
        var used: Set<String> = []
        let html = BodyHTML.render("| Signal | *Exit* status | \"x\" & y |\n|---|---|---|\n| 2 | 130 | z |\n", usedIDs: &used)
        #expect(html.contains("role=\"region\" aria-label=\"Table: Signal, Exit status, &quot;x&quot; &amp; y\" tabindex=\"0\""), "\(html)")
    }

    @Test func aFAQQuestionKeepsTheTextOfItsLinks() {
        let html = InlineMarkdown.html("Why does *git@github.com* say [no](https://x.example/?a=1&b=2) if a < b?")
        #expect(html.contains("<a "), "\(html)")
        #expect(UnlinkedHTML.from(html) == "Why does <em>git@github.com</em> say no if a &lt; b?")
    }

    @Test func plainTextDropsTagsAndDecodesEntities() {
        #expect(PlainText.fromHTML("A <code>x &lt; y</code> &amp; <em>z</em>&quot;") == "A x < y & z\"")
        #expect(PlainText.fromHTML("5 &amp 6 &#x41;&#66;") == "5 &amp 6 AB")
    }

    @Test func baseURLsAreChecked() {
        #expect(SiteOptions.normalizedBaseURL("https://errors.example.org") == "https://errors.example.org/")
        #expect(SiteOptions.normalizedBaseURL("http://x.org/wiki/") == "http://x.org/wiki/")
        for bad in ["ftp://x.org", "javascript:alert(1)", "https://", "https://x.org/?q=1", "https://x.org/\"><script>", "/relative"] {
            #expect(SiteOptions.normalizedBaseURL(bad) == nil, "\(bad)")
        }
    }
}
