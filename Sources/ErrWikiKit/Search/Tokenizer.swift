/// Splits text into search terms. One tokenizer for the index, the query and the site search
/// (`Templates/assets/ranking.js` implements the same rule; the ranking vectors hold both to it).
///
/// A term is a run of ASCII letters and digits, or of non-ASCII characters (so `überlauf` stays one word),
/// lowercased for ASCII, cut to 64 bytes at a character boundary. Everything else separates terms: `ECONNREFUSED` → `econnrefused`,
/// `oom_score_adj` → `oom`, `score`, `adj`, `0x80070005` → `0x80070005`, `HTTP 502` → `http`, `502`.
/// Works on UTF-8 bytes: String/Character APIs are several times slower on large bodies.
package enum Tokenizer {
    /// Terms longer than this are cut (no real word is; keeps hostile input bounded).
    package static let maximumTermLength = 64

    package static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Calls `body` with each term's lowercased bytes (the buffer is reused between calls).
    package static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var term: [UInt8] = []
        term.reserveCapacity(maximumTermLength)
        // Once a character does not fit, the rest of the term is dropped: a cut never splits one.
        var full = false
        func flush() {
            if !term.isEmpty {
                term.withUnsafeBufferPointer(body)
                term.removeAll(keepingCapacity: true)
            }
            full = false
        }
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard let folded = fold(byte) else { flush(); index += 1; continue }
                let width = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if !full && term.count + width <= maximumTermLength {
                    term.append(folded)
                    for offset in 1..<width { term.append(bytes[index + offset]) }
                } else {
                    full = true
                }
                index += width
            }
        }
        flush()
    }

    /// The lowercased byte when it belongs in a term, nil when it separates terms.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 32
        case 0x80...: return byte
        default: return nil
        }
    }

    /// The text as one normalised key: terms joined by single spaces (`HTTP  502` → `http 502`).
    /// Used to compare a whole query with an id or a code.
    package static func key(_ text: String) -> String {
        terms(in: text).joined(separator: " ")
    }

    /// An article's query keys, its id and codes (`key`), for the exact and prefix tiers of both
    /// runtimes (the lookup index and the site's `k-N.js`).
    package static func keys(id: String, codes: [String]) -> [String] {
        ([id] + codes).map(key).filter { !$0.isEmpty }
    }

    /// Whether a query term may be corrected: long enough and no digit, so numbers, hex codes
    /// and codes such as `e2big` or `x509` are never "corrected" into something else.
    package static func allowsTypos(_ term: String) -> Bool {
        term.utf8.count >= RankingSpec.typoOneEditFrom && !containsDigit(term.utf8)
    }

    /// Edits allowed for a term (`RankingSpec`: none under 5 bytes, 1 from 5, 2 from 9).
    package static func typoBudget(_ term: String) -> Int {
        guard allowsTypos(term) else { return 0 }
        return term.utf8.count >= RankingSpec.typoTwoEditsFrom ? 2 : 1
    }

    package static func containsDigit<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
