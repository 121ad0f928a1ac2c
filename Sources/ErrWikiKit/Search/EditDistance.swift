/// Edit distance with adjacent transpositions (optimal string alignment), for "did you mean" and
/// typo tolerance: "conenction" is one edit from "connection". Over UTF-8 bytes (`RankingSpec`).
package enum EditDistance {
    /// The distance between two texts, over UTF-8 bytes (ids, fields and terms are ASCII).
    package static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a.utf8), right = Array(b.utf8)
        return BoundedEditDistance.distance(left, right, limit: max(left.count, right.count)) ?? max(left.count, right.count)
    }
}

/// The same distance, giving up once every cell of a row exceeds the limit (most vocabulary words
/// are rejected after a row or two).
enum BoundedEditDistance {
    static func distance(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // Exact with transpositions too: a transposition into row i + 1 costs no less than the
            // substitution path through row i, so once a row is over the limit every later one is.
            if rowMinimum > limit { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        b.withUnsafeBufferPointer { distance(a, $0, limit: limit) }
    }
}
