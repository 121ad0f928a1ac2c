@testable import ErrWikiKit
import Testing

/// The catalog file format: a valid file reads whole; every malformed line is named by file, line and column.
@Suite struct CatalogParserTests {
    static let header = """
    # errwiki code catalog 1
    @catalog\terrno
    @family\terrno\tLinux errno
    @title\tLinux errno values
    @category\terrno
    @words\terrno
    @importer\tpython3 scripts/catalogs/errno.py
    @licence\tnames and numbers
    @source\tS1\tlinux-libc-dev\t6.1\t/usr/include/asm-generic/errno-base.h\tnames and numbers
    @source\tS2\tpython3\t3.11\tos.strerror\tmessages
    @columns\tnumber\tname\taliases\tmessage\tgroup\tstandard\tdetails\tsources

    """

    func parse(_ records: String) -> (CodeCatalog?, [String]) {
        let (catalog, diagnostics) = CatalogParser.parse(Array((Self.header + records).utf8), relativePath: "catalogs/errno.tsv", file: "catalogs/errno.tsv")
        return (catalog, diagnostics.map { "\($0.location): \($0.rule.rawValue): \($0.message)" })
    }

    @Test func aValidFileReadsEveryField() throws {
        let (catalog, problems) = parse("11\tEAGAIN\tEWOULDBLOCK\tResource temporarily unavailable\t\tPOSIX.1-2001\taction=retry|note=a \\t tab\tS1 S2\n")
        #expect(problems.isEmpty)
        let entry = try #require(catalog?.entries.first)
        #expect(entry.number == "11" && entry.name == "EAGAIN" && entry.aliases == ["EWOULDBLOCK"])
        #expect(entry.message == "Resource temporarily unavailable" && entry.standard == "POSIX.1-2001")
        #expect(entry.details == [CatalogDetail(key: "action", value: "retry"), CatalogDetail(key: "note", value: "a \t tab")])
        #expect(entry.sources == ["S1", "S2"] && entry.line == 12)
        #expect(catalog?.words == ["errno"] && catalog?.sources.count == 2 && catalog?.category == "errno")
    }

    @Test func aRecordWithTheWrongNumberOfFieldsIsNamedByLine() {
        let (catalog, problems) = parse("1\tEPERM\t\tOperation not permitted\tS1\n")
        #expect(catalog == nil)
        #expect(problems == ["catalogs/errno.tsv:12:1: catalog-syntax: a record has 8 tab-separated fields, this line has 5"])
    }

    @Test func anUndeclaredSourceIsNamedByColumn() {
        let (_, problems) = parse("1\tEPERM\t\tOperation not permitted\t\t\t\tS9\n")
        #expect(problems == ["catalogs/errno.tsv:12:37: catalog-syntax: source `S9` is not declared by an `@source` line"])
    }

    @Test func aCodeTwiceIsADuplicate() {
        let (catalog, problems) = parse("1\tEPERM\t\t\t\t\t\tS1\n1\tEPERM2\t\t\t\t\t\tS1\n2\tENOENT\tEPERM\t\t\t\t\tS1\n")
        #expect(catalog == nil)
        #expect(problems == ["catalogs/errno.tsv:13:1: duplicate-code: code 1 appears twice in catalog errno (first on line 12)"])
    }

    @Test func aNameTwiceIsADuplicateOnlyWhereNamesAreTheCodes() {
        let (catalog, problems) = parse("\tKeyError\t\t\t\t\t\tS1\n\tKeyError\t\t\t\t\t\tS1\n22004\tnull_value\t\t\t\t\t\tS1\n39004\tnull_value\t\t\t\t\t\tS1\n")
        #expect(catalog == nil)
        #expect(problems == ["catalogs/errno.tsv:13:1: duplicate-code: name KeyError appears twice in catalog errno (first on line 12)"])
    }

    @Test func aWrongFirstLineAndAnUnknownHeaderAreReported() {
        let text = Self.header.replacingOccurrences(of: "# errwiki code catalog 1", with: "# something else")
            .replacingOccurrences(of: "@title", with: "@titel")
        let (catalog, diagnostics) = CatalogParser.parse(Array(text.utf8), relativePath: "catalogs/errno.tsv", file: "c/errno.tsv")
        #expect(catalog == nil)
        let problems = diagnostics.map { "\($0.location): \($0.message)" }
        #expect(problems.contains("c/errno.tsv:1:1: first line must be `# errwiki code catalog 1`"))
        #expect(problems.contains("c/errno.tsv:4:1: unknown header `@titel`"))
        #expect(problems.contains("c/errno.tsv:1:1: missing header `@title`"))
    }

    @Test func aFileNamedOtherThanItsCatalogIsRefused() {
        let (_, diagnostics) = CatalogParser.parse(Array(Self.header.utf8), relativePath: "catalogs/signal.tsv", file: "catalogs/signal.tsv")
        #expect(diagnostics.map(\.message) == ["`@catalog errno` does not match the file name `signal.tsv`"])
    }

    @Test func aTruncatedFileHasNoColumnsLine() {
        let text = Self.header.components(separatedBy: "@columns")[0]
        let (catalog, diagnostics) = CatalogParser.parse(Array(text.utf8), relativePath: "catalogs/errno.tsv", file: "errno.tsv")
        #expect(catalog == nil)
        #expect(diagnostics.contains { $0.message.hasPrefix("no `@columns` line") })
    }

    @Test func aFamilyThatIsNotAnIdIsRefused() {
        // The family names a site page (codes/<family>.html): build must never be handed one that is not an id.
        let text = Self.header.replacingOccurrences(of: "@family\terrno", with: "@family\tLinux Errno")
        let (catalog, diagnostics) = CatalogParser.parse(Array(text.utf8), relativePath: "catalogs/errno.tsv", file: "errno.tsv")
        #expect(catalog == nil)
        #expect(diagnostics.map { "\($0.location): \($0.message)" }.contains {
            $0.hasPrefix("errno.tsv:3:9: `@family Linux Errno` is not a valid family id")
        })
    }

    @Test func aFileNameThatIsNotAnIdIsRefused() {
        let (catalog, diagnostics) = CatalogParser.parse(Array(Self.header.utf8), relativePath: "catalogs/Errno\u{1B}.tsv", file: "x.tsv")
        #expect(catalog == nil && diagnostics.count == 1 && diagnostics[0].rule == .catalogSyntax)
    }
}
