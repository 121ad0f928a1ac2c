@testable import ErrWikiKit
import Testing

/// `CatalogValidator` on a signal table: a number inside the entry's own message is not a claim.
@Suite struct CatalogValidatorTests {
    static let signals = CatalogSet([CodeCatalog(
        id: "signal", family: "signal", familyTitle: "signal", title: "signal", category: "signal", words: ["signal"], importer: "",
        licence: "", sources: [CatalogSource(id: "S1", package: "p", version: "1", file: "f", gives: "g")], noMessages: "", notes: [],
        entries: [CatalogEntry(number: "10", name: "SIGUSR1", aliases: [], message: "User defined signal 1", group: "", standard: "",
                               details: [], sources: ["S1"], line: 12)],
        relativePath: "catalogs/signal.tsv")])

    func problems(title: String) -> [String] {
        let article = Article(id: "usr1", title: title, category: "signal", severity: .low, summary: "s", codes: ["SIGUSR1"],
                              causes: ["c"], steps: [Step(title: "t")])
        return CatalogValidator.contradictions(article, Self.signals).map(\.message)
    }

    @Test func theEntrysOwnMessageIsNotANumberClaim() {
        #expect(problems(title: "Exit Code 138 — User defined signal 1 (SIGUSR1)").isEmpty)
    }

    @Test func aWrongNumberIsStillCaught() {
        #expect(problems(title: "Exit Code 138 — signal 12 (SIGUSR1)").count == 1)
        #expect(problems(title: "SIGUSR1 (signal 1)").count == 1)
    }
}
