import Foundation

/// The id rule shared by article ids and categories: `^[a-z0-9][a-z0-9-]{0,99}$`.
package enum ArticleID {
    package static let patternDescription = "lowercase letters, digits and hyphens, starting with a letter or digit, at most 100 characters"

    /// Ids the site needs for its own root pages (articles are written as `<id>.html` beside them).
    package static let reserved: Set<String> = ["index", "search", "404", "a-z"]
    package static let reservedListing = reserved.sorted().joined(separator: ", ")

    package static func isReserved(_ id: String) -> Bool { reserved.contains(id) }

    package static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 100, isLowerAlnum(first) else { return false }
        return bytes.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    /// A valid id made from arbitrary text: ASCII-folded, lowercased, runs of other characters as `-`.
    /// "Über Fehler: 502!" gives `uber-fehler-502`; nothing usable gives `article`.
    package static func suggestion(from text: String) -> String {
        // Folding diacritics goes through ICU, which is slow; ASCII text has none to fold.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        var slug: [UInt8] = []
        var pendingHyphen = false
        for byte in folded.utf8 {
            let lowered = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            if isLowerAlnum(lowered) {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                if slug.count >= 100 { break }
                slug.append(lowered)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        return slug.isEmpty ? "article" : String(decoding: slug, as: UTF8.self)
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
