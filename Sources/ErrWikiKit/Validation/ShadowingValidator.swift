/// The content-roots rules: shadowing must be said (`overrides: true`), and saying it must be true,
/// so that an article never hides another by accident, nor claims to when it hides nothing.
enum ShadowingValidator {
    static func validate(_ wiki: Wiki) -> [Diagnostic] {
        let hiddenBy = Dictionary(grouping: wiki.shadowed, by: \.by.path)
        var found: [Diagnostic] = []
        for article in wiki.articles {
            let hidden = hiddenBy[article.path] ?? []
            if !hidden.isEmpty && !article.overrides {
                found.append(Diagnostic(.undeclaredOverride, .warning, at: article.locations[FieldPath("id")] ?? article.location(of: "title"),
                                        "article `\(article.id)` hides \(hidden.map(\.hidden.path).joined(separator: ", ")) (a later content root) without saying so",
                                        hint: "add `overrides: true` if it is meant to replace it; otherwise give it another id"))
            } else if hidden.isEmpty && article.overrides {
                found.append(Diagnostic(.overridesNothing, .warning, at: article.location(of: "overrides"),
                                        "`overrides: true`, but no later content root has an article `\(article.id)`",
                                        hint: "remove `overrides`, or check the id and the order of the content roots"))
            }
        }
        return found
    }
}
