/// The stable ids of every content rule. Shown in brackets after each message; documented in the README.
package enum Rule: String, Sendable, Hashable, CaseIterable {
    // The file itself
    case emptyFile = "empty-file"
    case invalidUTF8 = "invalid-utf8"
    case missingFrontMatter = "missing-front-matter"
    case unclosedFrontMatter = "unclosed-front-matter"
    case unreadableFile = "unreadable-file"
    case unreadableFolder = "unreadable-folder"
    case symlinkOutside = "symlink-outside"
    case brokenSymlink = "broken-symlink"
    // YAML
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case yamlAnchor = "yaml-anchor"
    case yamlTooDeep = "yaml-too-deep"
    case frontMatterNotMapping = "front-matter-not-mapping"
    // Fields
    case missingField = "missing-field"
    case unknownField = "unknown-field"
    case wrongType = "wrong-type"
    case emptyValue = "empty-value"
    case emptyList = "empty-list"
    case invalidSeverity = "invalid-severity"
    case invalidID = "invalid-id"
    case reservedID = "reserved-id"
    case invalidCategory = "invalid-category"
    case categoryMismatch = "category-mismatch"
    case invalidStep = "invalid-step"
    case incompleteFAQ = "incomplete-faq"
    case invalidDate = "invalid-date"
    case badPattern = "bad-pattern"
    case unmatchedSample = "unmatched-sample"
    case invalidSymptom = "invalid-symptom"
    // Across the wiki
    case duplicateID = "duplicate-id"
    case unknownRelated = "unknown-related"
    case selfRelated = "self-related"
    // Code catalogs (Content/catalogs/*.tsv)
    case catalogSyntax = "catalog-syntax"
    case duplicateCode = "duplicate-code"
    case codeContradictsCatalog = "code-contradicts-catalog"
    // The synonym vocabulary (Content/synonyms.tsv)
    case synonymSyntax = "synonym-syntax"
    // Warnings: fail only under --strict
    case missingFAQ = "missing-faq"
    case missingSamples = "missing-samples"
    case placeholderText = "placeholder-text"
    case undeclaredOverride = "undeclared-override"
    case overridesNothing = "overrides-nothing"
}
