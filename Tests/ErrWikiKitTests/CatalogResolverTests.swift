@testable import ErrWikiKit
import Testing

/// `CatalogSpec`'s rules on a small set of tables, independent of the shipped data.
@Suite struct CatalogResolverTests {
    static func catalog(_ id: String, category: String, words: [String], _ entries: [(String, String, [String])]) -> CodeCatalog {
        CodeCatalog(id: id, family: id, familyTitle: id, title: id, category: category, words: words, importer: "", licence: "",
                    sources: [CatalogSource(id: "S1", package: "p", version: "1", file: "f", gives: "g")], noMessages: "", notes: [],
                    entries: entries.enumerated().map { index, entry in
                        CatalogEntry(number: entry.0, name: entry.1, aliases: entry.2, message: "", group: "", standard: "",
                                     details: [], sources: ["S1"], line: index + 12)
                    }, relativePath: "catalogs/\(id).tsv")
    }

    static let set = CatalogSet([
        catalog("win32", category: "windows", words: ["win32"], [("5", "ERROR_ACCESS_DENIED", []), ("404", "ERROR_BUSY_DRIVE", [])]),
        catalog("errno", category: "errno", words: ["errno"], [("5", "EIO", []), ("11", "EAGAIN", ["EWOULDBLOCK"])]),
        catalog("http", category: "http", words: ["http", "status code"], [("404", "NOT_FOUND", [])]),
        catalog("sqlstate", category: "postgresql", words: ["sqlstate"], [("53100", "disk_full", ["ERRCODE_DISK_FULL"])]),
        catalog("hresult", category: "windows", words: ["hresult"], [("0x80070005", "E_ACCESSDENIED", [])]),
        catalog("systemd-exit", category: "systemd", words: ["systemd"], [("226", "NAMESPACE", ["EXIT_NAMESPACE"])]),
    ])

    func resolve(_ text: String) -> [String] {
        CatalogResolver.resolve(text, in: Self.set).map { match in
            let catalog = Self.set.catalogs[match.ref.catalog]
            return "\(catalog.id):\(catalog.entries[match.ref.entry].label):\(match.form.rawValue)"
        }
    }

    @Test func aBareNumberIsEveryCatalogsInTheSpecOrder() {
        #expect(resolve("5") == ["errno:EIO:number", "win32:ERROR_ACCESS_DENIED:number"])
    }

    @Test func aThreeDigitNumberIsHTTPFirst() {
        #expect(resolve("404") == ["http:NOT_FOUND:number", "win32:ERROR_BUSY_DRIVE:number"])
    }

    @Test func namesAndAliasesAnswerInAnyCase() {
        #expect(resolve("ewouldblock") == ["errno:EAGAIN:name"])
        #expect(resolve("EXIT_NAMESPACE") == ["systemd-exit:NAMESPACE:name"])
    }

    @Test func aFamilyWordNarrowsANumber() {
        #expect(resolve("win32 5") == ["win32:ERROR_ACCESS_DENIED:qualified"])
        #expect(resolve("[Errno 5] Input/output error") == ["errno:EIO:qualified"])
        #expect(resolve("status code 404") == ["http:NOT_FOUND:qualified"])
        #expect(resolve("errno 404").isEmpty, "a family without the code names nothing")
    }

    @Test func aNumberFollowedByItsNameIsThatEntry() {
        #expect(resolve("Main process exited, code=exited, status=226/NAMESPACE") == ["systemd-exit:NAMESPACE:numberAndName"])
        #expect(resolve("status=226/EXEC").isEmpty)
    }

    @Test func anHRESULTOfFacilityWin32AlsoGivesTheWin32Code() {
        #expect(resolve("0x80070005") == ["hresult:E_ACCESSDENIED:number", "win32:ERROR_ACCESS_DENIED:decoded"])
        #expect(resolve("0x80004005").isEmpty, "facility 0 holds no Win32 code")
    }

    @Test func aSeveralWordNameCountsOnlyWhenTypedAsWritten() {
        #expect(resolve("disk_full") == ["sqlstate:disk_full:name"])
        #expect(resolve("disk full").isEmpty, "plain words are a search, not a code")
        #expect(resolve("ERRCODE_DISK_FULL") == ["sqlstate:disk_full:name"])
    }

    @Test func aBareNumberClaimsOnlyInTheArticlesCategory() {
        let claims = CatalogResolver.claims(codes: ["5", "EAGAIN", "HTTP 404"], category: "errno", in: Self.set).map { ref in
            Self.set.catalogs[ref.catalog].entries[ref.entry].label
        }
        #expect(claims == ["EIO", "EAGAIN", "NOT_FOUND"])
    }

    @Test func unknownFormsNameNothing() {
        #expect(resolve("port already in use").isEmpty)
        #expect(resolve("").isEmpty)
        #expect(resolve("0x").isEmpty)
    }
}
