import Foundation

/// Accumulates matches while a log streams past: constant memory whatever the log's size.
package struct DiagnosisBuilder {
    private let signatures: LogSignatures
    private let minimumSeverity: Severity
    private let context: Int
    private var scratch: LogSignatures.Scratch
    private var byArticle: [Int: Diagnosis.ArticleMatch] = [:]
    private var linesRead = 0
    private var linesMatched = 0
    private var recent: [Diagnosis.ContextLine] = []
    /// Matched lines still collecting their after-context: (article, index into its lines).
    private var awaitingAfter: [(article: Int, index: Int)] = []
    private var file: String?

    package init(signatures: LogSignatures, minimumSeverity: Severity = .info, context: Int = 0) {
        self.signatures = signatures
        self.minimumSeverity = minimumSeverity
        self.context = max(0, context)
        scratch = signatures.makeScratch()
    }

    /// Starts a new input (line numbers are per input; names are shown when there are several).
    /// Which engine picks the lines each pattern is tried on.
    package var engine: String { signatures.engineDescription }

    package mutating func begin(file: String?) {
        self.file = file
        signatures.scanBlock(UnsafeBufferPointer(start: nil, count: 0), scratch: &scratch)  // no block of the last input
        recent.removeAll()
        awaitingAfter.removeAll()
    }

    /// A block of whole lines about to be added one by one (`LogLineReader.forEachLine`).
    package mutating func begin(block: UnsafeBufferPointer<UInt8>) {
        signatures.scanBlock(block, scratch: &scratch)
    }

    package mutating func add(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        linesRead += 1
        if context > 0 { collectAfterContext(line, number: number) }
        let found = signatures.matches(line, scratch: &scratch)
        var matchedArticles: Set<Int> = []
        for (signature, text, range) in found {
            let articleIndex = signatures.signatures[signature].article
            let article = signatures.articles[articleIndex]
            guard article.severity <= minimumSeverity, matchedArticles.insert(articleIndex).inserted else { continue }
            var match = byArticle[articleIndex] ?? Diagnosis.ArticleMatch(article: article, first: (file, number))
            match.count += 1
            match.last = (file, number)
            if match.lines.count < Diagnosis.shownLines {
                var shown = Self.shown(text, range: range)
                shown.file = file
                shown.number = number
                shown.before = recent
                match.lines.append(shown)
                if context > 0 { awaitingAfter.append((articleIndex, match.lines.count - 1)) }
            }
            byArticle[articleIndex] = match
        }
        if !matchedArticles.isEmpty { linesMatched += 1 }
        if context > 0 {
            recent.append(Diagnosis.ContextLine(number: number, text: Self.trimmed(String(decoding: line, as: UTF8.self))))
            if recent.count > context { recent.removeFirst() }
        }
    }

    private mutating func collectAfterContext(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
        guard !awaitingAfter.isEmpty else { return }
        let text = Self.trimmed(String(decoding: line, as: UTF8.self))
        awaitingAfter = awaitingAfter.filter { pending in
            guard var match = byArticle[pending.article] else { return false }
            match.lines[pending.index].after.append(Diagnosis.ContextLine(number: number, text: text))
            let done = match.lines[pending.index].after.count >= context
            byArticle[pending.article] = match
            return !done
        }
    }

    package func result() -> Diagnosis {
        let matches = byArticle.values.sorted { a, b in
            if a.article.severity != b.article.severity { return a.article.severity < b.article.severity }
            if a.count != b.count { return a.count > b.count }
            return a.article.id < b.article.id
        }
        return Diagnosis(matches: matches, linesRead: linesRead, linesMatched: linesMatched)
    }

    /// The line trimmed of surrounding blanks and, when longer than `shownWidth`, cut to a window
    /// that shows the match (marked with "…" where text was cut).
    static func shown(_ text: String, range: Range<String.Index>) -> Diagnosis.MatchedLine {
        let characters = Array(text)
        let lower = text.distance(from: text.startIndex, to: range.lowerBound)
        let upper = text.distance(from: text.startIndex, to: range.upperBound)
        var start = min(characters.firstIndex { !$0.isWhitespace } ?? 0, lower)
        var end = max((characters.lastIndex { !$0.isWhitespace } ?? (characters.count - 1)) + 1, upper)
        let width = Diagnosis.shownWidth
        if end - start > width {
            // Keep the start of the line when the match fits in the window from there.
            if upper > start + width { start = max(start, lower - 40) }
            end = max(min(end, start + width), min(upper, start + width))
        }
        // Raw text: each output escapes for itself (the terminal renderer, JSON).
        let prefix = String(characters[start..<lower])
        let matched = String(characters[lower..<min(upper, end)])
        let lead = start > 0 && !characters[..<start].allSatisfy(\.isWhitespace) ? "…" : ""
        let tail = end < characters.count && !characters[end...].allSatisfy(\.isWhitespace) ? "…" : ""
        let shown = lead + prefix + matched + String(characters[min(upper, end)..<end]) + tail
        let offset = lead.count + prefix.count
        return Diagnosis.MatchedLine(file: nil, number: 0, text: shown, highlight: offset..<(offset + matched.count))
    }

    static func trimmed(_ text: String) -> String {
        let characters = text.prefix(Diagnosis.shownWidth)
        return String(characters).trimmingCharacters(in: .whitespaces)
    }
}
