import ErrWikiMarkdown

extension String {
    fileprivate func replacingQuotes() -> String {
        guard utf8.contains(UInt8(ascii: "\"")) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            if scalar == "\"" { out += "&quot;" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}

/// Renders the small Markdown fields (summary, causes, key details, step titles): about two dozen per
/// article. Most are plain prose with nothing Markdown would change, and for those escaping `"` gives
/// the bytes cmark-gfm would; only the rest pay for a parse, which is serialized process-wide.
enum InlineMarkdown {
    static func html(_ text: String) -> String {
        // Plain text holds no `&`, `<` or `>`; cmark escapes `"` and leaves `'` as it is.
        isPlain(text) ? text.replacingQuotes() : MarkdownRenderer.inlineHTML(text)
    }

    /// True when cmark-gfm would render `text` as one paragraph of literal text: it starts with a letter,
    /// has no character that can open inline syntax, an entity, a line break or a hard break, and no
    /// shape the autolink extension picks up (`www.`, `://`, `@`). Tested against cmark on every field
    /// of the shipped content.
    static func isPlain(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, isLetter(first), let last = bytes.last, last != UInt8(ascii: " ") else { return false }
        var previous: UInt8 = 0
        var twoBack: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "!"),
                 UInt8(ascii: "~"), UInt8(ascii: "|"), UInt8(ascii: "@"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                 UInt8(ascii: "\t"), 0x00...0x1f, 0x7f:
                return false
            case UInt8(ascii: "/") where previous == UInt8(ascii: "/") && twoBack == UInt8(ascii: ":"):
                return false
            case UInt8(ascii: ".") where previous == UInt8(ascii: "w") && twoBack == UInt8(ascii: "w"):
                return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: " "):
                return false
            default:
                break
            }
            twoBack = previous
            previous = byte
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
