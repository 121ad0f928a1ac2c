import Foundation

/// The ranking vectors: queries over the frozen ranking wiki with the top hits `errwiki lookup`'s
/// ranker gives, recorded from Swift (`ERRWIKI_RECORD=1`) and replayed through the site's ranker
/// under Node. `Tests/ErrWikiKitTests/Fixtures/ranking-vectors.json`.
public struct RankingVectors: Codable, Equatable, Sendable {
    /// Hits kept per case.
    public var limit: Int
    public var cases: [Case]

    public init(limit: Int, cases: [Case]) {
        self.limit = limit
        self.cases = cases
    }

    public struct Filter: Codable, Equatable, Sendable {
        public var category: String?
        public var severity: String?
        public init(category: String? = nil, severity: String? = nil) {
            self.category = category
            self.severity = severity
        }
    }

    public struct Case: Codable, Equatable, Sendable {
        public var query: String
        public var filter: Filter
        public var corrected: String?
        public var suggestions: [String]
        /// `answer`, `candidates` or `none` (`Verdict`).
        public var verdict: String
        public var hits: [Hit]
        public init(query: String, filter: Filter, corrected: String?, suggestions: [String], verdict: String, hits: [Hit]) {
            self.query = query
            self.filter = filter
            self.corrected = corrected
            self.suggestions = suggestions
            self.verdict = verdict
            self.hits = hits
        }
    }

    public struct Hit: Codable, Equatable, Sendable {
        public var id: String
        public var tier: String
        public var label: String
        public var corrected: Bool
        public var score: Double
        /// The IDF-weighted share of the query's significant words the article has.
        public var coverage: Double
        public init(id: String, tier: String, label: String, corrected: Bool, score: Double, coverage: Double) {
            self.id = id
            self.tier = tier
            self.label = label
            self.corrected = corrected
            self.score = score
            self.coverage = coverage
        }
    }

    public static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ErrWikiKitTests/Fixtures/ranking-vectors.json")

    /// The queries, one a line: `[category=docker severity=high] words…` sets a filter; `#` starts a comment.
    public static let queriesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ErrWikiKitTests/Fixtures/ranking-vector-queries.txt")

    public static func parseQueries(_ text: String) -> [(query: String, filter: Filter)] {
        text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { raw in
            var line = String(raw)
            guard !line.hasPrefix("#") else { return nil }
            var filter = Filter()
            if line.hasPrefix("["), let close = line.firstIndex(of: "]"), line[..<close].contains("=") {
                for setting in line[line.index(after: line.startIndex)..<close].split(separator: " ") {
                    let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    if parts[0] == "category" { filter.category = parts[1] }
                    if parts[0] == "severity" { filter.severity = parts[1] }
                }
                line = String(line[line.index(after: close)...].dropFirst())
            }
            return (line, filter)
        }
    }

    /// One case a block and one hit a line, so a re-recording reads as a diff of results.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) }
        var out = "{\"limit\": \(limit), \"cases\": [\n"
        for (index, vector) in cases.enumerated() {
            out += "{\"query\": \(json(vector.query)), \"filter\": \(json(vector.filter)), \"corrected\": "
            out += (vector.corrected.map(json) ?? "null") + ", \"suggestions\": \(json(vector.suggestions)), \"verdict\": \(json(vector.verdict)), \"hits\": ["
            out += vector.hits.map { "\n  " + json($0) }.joined(separator: ",")
            out += "]}" + (index + 1 < cases.count ? "," : "") + "\n"
        }
        return out + "]}\n"
    }

    /// nil when `other` (another runtime's results for the same cases) agrees: the same ids, tiers,
    /// labels, corrections, suggestions and verdicts, scores within `tolerance` relative and
    /// coverages within `tolerance`.
    public func disagreement(with other: RankingVectors, tolerance: Double = 1e-9) -> String? {
        guard other.cases.count == cases.count else { return "\(other.cases.count) cases instead of \(cases.count)" }
        var problems: [String] = []
        for (expected, actual) in zip(cases, other.cases) {
            let name = "'\(expected.query)'"
            if expected.corrected != actual.corrected { problems.append("\(name): corrected \(actual.corrected ?? "nil"), expected \(expected.corrected ?? "nil")") }
            if expected.suggestions != actual.suggestions { problems.append("\(name): suggestions \(actual.suggestions), expected \(expected.suggestions)") }
            if expected.verdict != actual.verdict { problems.append("\(name): verdict \(actual.verdict), expected \(expected.verdict)") }
            let ids = actual.hits.map(\.id), expectedIDs = expected.hits.map(\.id)
            guard ids == expectedIDs else { problems.append("\(name): ids \(ids), expected \(expectedIDs)"); continue }
            for (e, a) in zip(expected.hits, actual.hits) {
                if e.tier != a.tier || e.label != a.label || e.corrected != a.corrected {
                    problems.append("\(name) \(e.id): \(a.tier)/\(a.label)/\(a.corrected), expected \(e.tier)/\(e.label)/\(e.corrected)")
                }
                if abs(e.score - a.score) > tolerance * max(abs(e.score), 1e-300) {
                    problems.append("\(name) \(e.id): score \(a.score), expected \(e.score)")
                }
                if abs(e.coverage - a.coverage) > tolerance {
                    problems.append("\(name) \(e.id): coverage \(a.coverage), expected \(e.coverage)")
                }
            }
        }
        return problems.isEmpty ? nil : "\(problems.count) disagreements:\n" + problems.prefix(40).joined(separator: "\n")
    }
}
