/// Finds placeholder text left in an article (`TODO`, `FIXME`, `TBD`, `XXX` as whole words).
///
/// `errwiki new` writes `TODO` markers; this warning keeps a half-written article from shipping
/// unnoticed (`check --strict` fails on it).
enum PlaceholderScan {
    static let markers = ["TODO", "FIXME", "TBD", "XXX"]

    static func findings(yaml: String, yamlLine: Int, body: String, bodyLine: Int, path: String) -> [Diagnostic] {
        scan(yaml, firstLine: yamlLine, path: path) + scan(body, firstLine: bodyLine, path: path)
    }

    private static func scan(_ text: String, firstLine: Int, path: String) -> [Diagnostic] {
        guard markers.contains(where: { text.contains($0) }) else { return [] }
        var found: [Diagnostic] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let (marker, column) = firstMarker(in: line) else { continue }
            found.append(Diagnostic(.placeholderText, .warning,
                                    at: SourceLocation(file: path, line: firstLine + offset, column: column),
                                    "placeholder `\(marker)` left in the article",
                                    hint: "replace it with real content before publishing"))
        }
        return found
    }

    /// The first marker standing as a whole word, with its 1-based column in characters.
    private static func firstMarker(in line: Substring) -> (String, Int)? {
        let scalars = Array(line.unicodeScalars)
        for start in scalars.indices {
            for marker in markers {
                let markerScalars = Array(marker.unicodeScalars)
                guard start + markerScalars.count <= scalars.count,
                      Array(scalars[start..<start + markerScalars.count]) == markerScalars else { continue }
                let before = start == 0 ? nil : scalars[start - 1]
                let after = start + markerScalars.count < scalars.count ? scalars[start + markerScalars.count] : nil
                if !isWordScalar(before) && !isWordScalar(after) { return (marker, start + 1) }
            }
        }
        return nil
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}
