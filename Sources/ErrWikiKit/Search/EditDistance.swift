/// Levenshtein distance, for "did you mean" and typo tolerance.
public enum EditDistance {
    /// The distance between two texts, over UTF-8 bytes (ids, fields and terms are ASCII).
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a.utf8), right = Array(b.utf8)
        return BoundedEditDistance.distance(left, right, limit: max(left.count, right.count)) ?? max(left.count, right.count)
    }
}

/// Levenshtein distance that gives up once it exceeds a limit (most vocabulary words are rejected
/// after a row or two).
enum BoundedEditDistance {
    static func distance(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        b.withUnsafeBufferPointer { distance(a, $0, limit: limit) }
    }
}
