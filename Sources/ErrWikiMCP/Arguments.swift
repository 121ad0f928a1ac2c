import ErrWikiKit
import MCP

/// Reads a tool's arguments the way its schema declares them, with a message a model can act on
/// when one is missing, empty, of the wrong type or out of range.
struct Arguments {
    let values: [String: Value]

    /// Refuses an argument the tool does not know (a typo must not be ignored silently).
    init(_ values: [String: Value], allowed: Set<String>) throws {
        self.values = values
        let unknown = values.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw ArgumentProblem(message: "unknown argument \(unknown.map { "'\($0)'" }.joined(separator: ", ")); "
                + "this tool takes: \(allowed.sorted().joined(separator: ", "))")
        }
    }

    /// A required, non-blank string of at most `limit` characters.
    func text(_ name: String, limit: Int?) throws -> String {
        guard let value = values[name], value != .null else { throw ArgumentProblem(message: "'\(name)' is required") }
        guard let text = value.stringValue else { throw ArgumentProblem(message: "'\(name)' must be a string") }
        guard text.contains(where: { !$0.isWhitespace }) else { throw ArgumentProblem(message: "'\(name)' is empty") }
        if let limit, text.count > limit {
            throw ArgumentProblem(message: "'\(name)' is \(text.count) characters; at most \(limit) are accepted")
        }
        return text
    }

    /// An optional whole number in `range` (a JSON number such as 5.0 counts as 5).
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[name], value != .null else { return nil }
        let number: Int? = value.intValue ?? value.doubleValue.flatMap { $0.rounded() == $0 && abs($0) < 1e9 ? Int($0) : nil }
        guard let number else { throw ArgumentProblem(message: "'\(name)' must be a whole number") }
        guard range.contains(number) else {
            throw ArgumentProblem(message: "'\(name)' must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
        }
        return number
    }

    /// An optional list of article sections, by their names.
    func sections(_ name: String) throws -> [ArticleMarkdown.Section]? {
        guard let value = values[name], value != .null else { return nil }
        let names = ArticleMarkdown.Section.allCases.map(\.rawValue).joined(separator: ", ")
        guard let list = value.arrayValue else { throw ArgumentProblem(message: "'\(name)' must be a list of section names: \(names)") }
        return try list.map { item in
            guard let text = item.stringValue, let section = ArticleMarkdown.Section(rawValue: text) else {
                throw ArgumentProblem(message: "unknown section \(item.stringValue.map { "'\($0)'" } ?? "\(item)"); the sections are: \(names)")
            }
            return section
        }
    }
}
