/// Splits text into search terms. One tokenizer for the index, the query and (later) the site search.
///
/// A term is a run of ASCII letters and digits, or of non-ASCII bytes (so `überlauf` stays one word),
/// lowercased for ASCII. Everything else separates terms: `ECONNREFUSED` → `econnrefused`,
/// `oom_score_adj` → `oom`, `score`, `adj`, `0x80070005` → `0x80070005`, `HTTP 502` → `http`, `502`.
/// Works on UTF-8 bytes: String/Character APIs are several times slower on large bodies.
public enum Tokenizer {
    /// Terms longer than this are cut (no real word is; keeps hostile input bounded).
    public static let maximumTermLength = 64

    public static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }

    /// Calls `body` with each term's lowercased bytes (the buffer is reused between calls).
    public static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var term: [UInt8] = []
        term.reserveCapacity(maximumTermLength)
        func flush() {
            if !term.isEmpty {
                term.withUnsafeBufferPointer(body)
                term.removeAll(keepingCapacity: true)
            }
        }
        text.withUTF8 { bytes in
            for byte in bytes {
                if let folded = fold(byte) {
                    if term.count < maximumTermLength { term.append(folded) }
                } else {
                    flush()
                }
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
    public static func key(_ text: String) -> String {
        terms(in: text).joined(separator: " ")
    }

    /// Whether a query term may be corrected: at least 5 letters and no digit, so numbers, hex codes
    /// and codes such as `e2big` or `x509` are never "corrected" into something else.
    public static func allowsTypos(_ term: String) -> Bool {
        term.utf8.count >= 5 && !term.utf8.contains { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Edits allowed for a term: none under 5 bytes, 1 from 5, 2 from 9.
    public static func typoBudget(_ term: String) -> Int {
        guard allowsTypos(term) else { return 0 }
        return term.utf8.count >= 9 ? 2 : 1
    }
}
