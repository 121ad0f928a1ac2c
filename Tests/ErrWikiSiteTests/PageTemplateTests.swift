import Testing
@testable import ErrWikiSite

/// The template engine: Mustache semantics for the subset the theme uses.
@Suite struct PageTemplateTests {
    func render(_ template: String, _ context: [String: Any], partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try PageTemplate(parsing: template)]
        for (name, text) in partials { templates[name] = try PageTemplate(parsing: text) }
        return try TemplateRenderer(templates: templates).render("main", context)
    }

    @Test func variablesAreEscapedUnlessTriple() throws {
        let context: [String: Any] = ["x": "<a href=\"'&'\">", "n": 3]
        #expect(try render("{{x}}|{{{x}}}|{{& x}}|{{n}}|{{missing}}", context)
                == "&lt;a href=&quot;&#39;&amp;&#39;&quot;&gt;|<a href=\"'&'\">|<a href=\"'&'\">|3|")
    }

    @Test func sectionsIterateTestAndPush() throws {
        let context: [String: Any] = ["list": [["name": "a"], ["name": "b"]], "yes": true, "no": false, "empty": [String](),
                                      "object": ["inner": "i"], "words": ["x", "y"], "outer": "o"]
        #expect(try render("{{#list}}[{{name}}{{outer}}]{{/list}}", context) == "[ao][bo]")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#empty}}E{{/empty}}{{^empty}}!E{{/empty}}", context) == "Y!N!E")
        #expect(try render("{{#object}}{{inner}}{{/object}}|{{object.inner}}|{{#words}}{{.}},{{/words}}", context) == "i|i|x,y,")
        #expect(try render("{{^missing}}none{{/missing}}", context) == "none")
    }

    @Test func standaloneTagLinesDisappearAndPartialsIndent() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n  {{> part}}\n{{! a comment }}\nend"
        let output = try render(template, ["items": ["a", "b"]], partials: ["part": "one\ntwo\n"])
        #expect(output == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n  one\n  two\nend")
        // The partial's own lines are indented, not the lines of a value inserted into it.
        #expect(try render("  {{> part}}\n", ["code": "a\nb"], partials: ["part": "<pre>{{code}}</pre>\n"]) == "  <pre>a\nb</pre>\n")
        // A partial that includes itself stops instead of overflowing the stack.
        #expect(try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"]) == String(repeating: "x", count: TemplateRenderer.partialDepthLimit))
        // Tags sharing a line with text stay inline.
        #expect(try render("a {{#t}}b{{/t}} c\n", ["t": true]) == "a b c\n")
    }

    @Test func errorsNameLineAndColumn() {
        func failure(_ text: String) -> TemplateError? {
            do { _ = try PageTemplate(parsing: text); return nil } catch { return error }
        }
        let unclosed = failure("line one\n  {{#open}} never closed")
        #expect(unclosed?.line == 2 && unclosed?.column == 3, "\(String(describing: unclosed))")
        let mismatched = failure("{{#a}}\n{{/b}}")
        #expect(mismatched?.line == 2 && mismatched?.message.contains("closes") == true)
        #expect(failure("{{=<% %>=}}")?.message.contains("not supported") == true)
        #expect(failure("text {{unterminated")?.message == "unclosed tag")
        #expect(failure("{{/stray}}") != nil)
        #expect(failure("{{two words}}") != nil)
    }
}
