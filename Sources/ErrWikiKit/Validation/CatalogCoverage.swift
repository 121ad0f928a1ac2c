/// `check --coverage`: per catalog family, how many codes an article claims — the writers' to-do list.
package struct CatalogCoverage: Sendable {
    package struct Row: Sendable, Equatable {
        package var family: String
        package var title: String
        package var catalogs: [String]
        package var codes: Int
        package var covered: Int
    }

    package var rows: [Row]

    package init(_ wiki: Wiki) {
        let catalogs = wiki.catalogs
        var claimed: Set<CatalogRef> = []
        for article in wiki.published() {
            claimed.formUnion(CatalogResolver.claims(codes: article.codes, category: article.category, in: catalogs))
        }
        var rows: [Row] = []
        for (index, catalog) in catalogs.catalogs.enumerated() {
            let covered = catalog.entries.indices.count { claimed.contains(CatalogRef(catalog: index, entry: $0)) }
            if let existing = rows.firstIndex(where: { $0.family == catalog.family }) {
                rows[existing].catalogs.append(catalog.id)
                rows[existing].codes += catalog.entries.count
                rows[existing].covered += covered
            } else {
                rows.append(Row(family: catalog.family, title: catalog.familyTitle, catalogs: [catalog.id],
                                codes: catalog.entries.count, covered: covered))
            }
        }
        self.rows = rows
    }

    /// A table for the terminal, then the totals.
    package var text: String {
        guard !rows.isEmpty else { return "no code catalogs in this content folder (catalogs/*.tsv)\n" }
        var lines = ["family          codes  with article  catalogs"]
        for row in rows {
            let percent = row.codes == 0 ? 0 : Double(row.covered) * 100 / Double(row.codes)
            lines.append(Terminal.sanitized(row.family).padding(toLength: 14, withPad: " ", startingAt: 0) + "  "
                         + String(row.codes).leftPadded(5) + "  " + (String(row.covered) + " (" + Self.percent(percent) + ")").leftPadded(12)
                         + "  " + row.catalogs.map(Terminal.sanitized).joined(separator: ", "))
        }
        let codes = rows.reduce(0) { $0 + $1.codes }, covered = rows.reduce(0) { $0 + $1.covered }
        lines.append("total".padding(toLength: 14, withPad: " ", startingAt: 0) + "  " + String(codes).leftPadded(5) + "  "
                     + (String(covered) + " (" + Self.percent(codes == 0 ? 0 : Double(covered) * 100 / Double(codes)) + ")").leftPadded(12))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
