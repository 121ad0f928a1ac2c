/// Keeps untrusted text from reaching a terminal raw.
package enum Terminal {
    /// Replaces control characters (escape sequences, carriage returns, NUL) with visible `\u{..}` forms.
    /// Tabs are kept. Content is untrusted: a title must not be able to move the cursor or change colours.
    package static func sanitized(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && scalar != "\t") || value == 0x7F || (0x80...0x9F).contains(value) {
                out += "\\u{" + String(value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
