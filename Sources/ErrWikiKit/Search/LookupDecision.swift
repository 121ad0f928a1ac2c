/// Whether one result clearly answers the query, so `lookup` shows the article instead of a list.
package enum LookupDecision {
    package static func clearWinner(_ hits: [SearchHit]) -> Bool {
        guard let first = hits.first else { return false }
        guard hits.count > 1 else { return true }
        let second = hits[1]
        if first.kind < second.kind { return first.kind <= .allWords || first.score >= second.score }
        if first.kind <= .codePrefix { return false }  // two exact or prefix matches: let the reader choose
        return first.score >= 1.5 * second.score
    }
}
