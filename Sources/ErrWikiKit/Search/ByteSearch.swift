/// Substring search on UTF-8 bytes. `String.contains(String)` goes through Foundation's
/// Unicode-aware search here, which costs more than the rest of a lookup.
enum ByteSearch {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard pattern.count <= text.count else { return false }
                var start = 0
                let last = text.count - pattern.count
                while start <= last {
                    if text[start] == first && (1..<pattern.count).allSatisfy({ text[start + $0] == pattern[$0] }) { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
