/// A parsed Markdown document as Swift values, for renderers other than HTML (the terminal).
package indirect enum MarkdownBlock: Sendable, Hashable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    case codeBlock(language: String, code: String)
    /// `start` is the first number of an ordered list, nil for a bullet list.
    case list(start: Int?, items: [MarkdownListItem])
    case quote([MarkdownBlock])
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case thematicBreak
}

package struct MarkdownListItem: Sendable, Hashable {
    /// nil for a plain item, true/false for a checked/unchecked task.
    package var task: Bool?
    package var blocks: [MarkdownBlock]
}

package indirect enum MarkdownInline: Sendable, Hashable {
    case text(String)
    case code(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(destination: String, [MarkdownInline])
    case image(source: String, alt: String)
    case softBreak
    case lineBreak
}
