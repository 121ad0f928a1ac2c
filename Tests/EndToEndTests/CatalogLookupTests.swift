import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki lookup` on the shipped catalogs: the terminal output of one entry of each family
/// (golden files), an ambiguous number, the narrowing words and every pasted form.
@Suite struct CatalogLookupTests {
    let cache: URL

    init() throws {
        cache = try FixturePaths.temporaryFolder()
    }

    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments + ["--content", "Content"], in: BuiltSite.repository,
                              environment: ["XDG_CACHE_HOME": cache.path, "COLUMNS": "100"])
    }

    /// One entry of each family, with no article (the `errwiki new` command) or with its article
    /// (the facts above it: only the facts are compared, the article has its own goldens).
    static let goldens: [(name: String, query: String)] = [
        ("errno-eprotonosupport", "EPROTONOSUPPORT"), ("signal-sigpwr", "SIGPWR"), ("exit-status-158", "exit 158"),
        ("http-418", "http 418"), ("sqlstate-42p07", "42P07"), ("mysql-er-dup-entry", "ER_DUP_ENTRY"),
        ("mysql-client-2059", "mysql 2059"), ("win32-0x80070002", "0x80070002"), ("ntstatus-access-violation", "STATUS_ACCESS_VIOLATION"),
        ("curl-couldnt-resolve-host", "CURLE_COULDNT_RESOLVE_HOST"), ("x509-cert-has-expired", "X509_V_ERR_CERT_HAS_EXPIRED"),
        ("tls-alert-40", "tls alert 40"), ("ssl-reason-certificate-verify-failed", "SSL_R_CERTIFICATE_VERIFY_FAILED"),
        ("systemd-namespace", "NAMESPACE"), ("python-isadirectoryerror", "IsADirectoryError"),
        ("node-err-invalid-arg-type", "ERR_INVALID_ARG_TYPE"), ("ambiguous-5", "5"),
    ]

    @Test(arguments: goldens.map(\.name)) func theEntryPrintsAsRecorded(_ name: String) throws {
        let query = try #require(Self.goldens.first { $0.name == name }).query
        let result = try run(["lookup"] + query.split(separator: " ").map(String.init))
        #expect(result.status == 0, "\(result.stderr)")
        // Above a claiming article only the facts are this test's business.
        let shown = result.stdout.components(separatedBy: "\n\n").prefix { !$0.hasPrefix("Quick answer") }
        let text = result.stdout.contains("No article covers this code yet") || result.stdout.contains(" is a code in ") || result.stdout.contains(" codes:\n")
            ? result.stdout : (shown.first ?? "") + "\n"
        let golden = FixturePaths.fixtures().appendingPathComponent("catalog-lookup/\(name).txt")
        if let problem = Golden.mismatch(text, golden: golden) { Issue.record("\(problem)") }
    }

    /// What `--json` names first, as `catalog:number:name`.
    func first(_ query: String) throws -> String? {
        let result = try run(["lookup", "--json", query])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        guard let results = object?["results"] as? [[String: Any]], let top = results.first, top["kind"] as? String == "catalog" else { return nil }
        return "\(top["catalog"] ?? ""):\(top["number"] ?? ""):\(top["name"] ?? "")"
    }

    /// The issue's examples and the forms people paste.
    static let forms: [(query: String, expected: String)] = [
        ("EPROTONOSUPPORT", "errno:93:EPROTONOSUPPORT"), ("42P07", "sqlstate:42P07:duplicate_table"),
        ("ER_DUP_ENTRY", "mysql:1062:ER_DUP_ENTRY"), ("1062", "mysql:1062:ER_DUP_ENTRY"),
        ("0x80070002", "win32:2:ERROR_FILE_NOT_FOUND"), ("STATUS_ACCESS_VIOLATION", "ntstatus:0xc0000005:STATUS_ACCESS_VIOLATION"),
        ("CURLE_COULDNT_RESOLVE_HOST", "curl:6:CURLE_COULDNT_RESOLVE_HOST"),
        ("X509_V_ERR_CERT_HAS_EXPIRED", "x509:10:X509_V_ERR_CERT_HAS_EXPIRED"), ("ERR_INVALID_ARG_TYPE", "node-error::ERR_INVALID_ARG_TYPE"),
        ("SIGPWR", "signal:30:SIGPWR"), ("IsADirectoryError", "python-exception::IsADirectoryError"), ("NAMESPACE", "systemd-exit:226:NAMESPACE"),
        ("errno 5", "errno:5:EIO"), ("signal 5", "signal:5:SIGTRAP"), ("win32 5", "win32:5:ERROR_ACCESS_DENIED"),
        ("curl 5", "curl:5:CURLE_COULDNT_RESOLVE_PROXY"), ("http 404", "http:404:NOT_FOUND"), ("sqlstate 23505", "sqlstate:23505:unique_violation"),
        ("mysql 1062", "mysql:1062:ER_DUP_ENTRY"), ("exit 137", "exit-status:137:128+SIGKILL"), ("systemd 226", "systemd-exit:226:NAMESPACE"),
        ("[Errno 28]", "errno:28:ENOSPC"), ("errno=28", "errno:28:ENOSPC"), ("SQLSTATE[23505]", "sqlstate:23505:unique_violation"),
        ("ERROR 1045 (28000)", "mysql:1045:ER_ACCESS_DENIED_ERROR"), ("curl: (6)", "curl:6:CURLE_COULDNT_RESOLVE_HOST"),
        ("HRESULT 0x80070005", "hresult:0x80070005:E_ACCESSDENIED"), ("status=226/NAMESPACE", "systemd-exit:226:NAMESPACE"),
        ("verify error:num=20:unable to get local issuer certificate", "x509:20:X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY"),
        ("404", "http:404:NOT_FOUND"),
    ]

    @Test(arguments: forms.map(\.query)) func aPastedFormFindsItsEntry(_ query: String) throws {
        let expected = try #require(Self.forms.first { $0.query == query }).expected
        let found = try first(query)
        #expect(found == expected, "\(query) → \(found ?? "nothing")")
    }

    @Test func aBareNumberListsEveryFamilyThatHasIt() throws {
        let result = try run(["lookup", "--json", "5"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entries = (object["results"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "catalog" }
        let catalogs = entries.compactMap { $0["catalog"] as? String }
        #expect(["errno", "signal", "curl", "win32"].allSatisfy(catalogs.contains), "\(catalogs)")
        // The ones an article claims come first (errno EIO and Win32 5 have articles), then the spec's order.
        let claimed = entries.map { !(($0["articles"] as? [String]) ?? []).isEmpty }
        #expect(claimed == claimed.sorted { $0 && !$1 }, "\(catalogs)")
        #expect(Array(catalogs.prefix(3)) == ["errno", "win32", "signal"])
    }

    @Test func anUnknownFormFallsBackToSearch() throws {
        let result = try run(["lookup", "--json", "port already in use"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(!results.isEmpty && results.allSatisfy { $0["kind"] as? String == "article" })
    }

    @Test func theNewCommandItPrintsStartsAnArticleThatPassesCheck() throws {
        let result = try run(["lookup", "EPROTONOSUPPORT"])
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  errwiki new ") })
        #expect(line == "  errwiki new 'EPROTONOSUPPORT: Protocol not supported' --category errno --codes EPROTONOSUPPORT,93 --content Content")
        let wiki = try FixturePaths.temporaryFolder()
        let created = try CommandRunner.run(["new", "EPROTONOSUPPORT: Protocol not supported", "--category", "errno",
                                             "--codes", "EPROTONOSUPPORT,93", "--severity", "medium", "--content", wiki.path], in: wiki)
        #expect(created.status == 0, "\(created.stderr)")
        let checked = try CommandRunner.run(["check", "--content", wiki.path], in: wiki)
        #expect(checked.status == 0, "\(checked.stderr)")
    }

    @Test func aBrokenCatalogIsLeftOutAndNamedOnEveryLookup() throws {
        let wiki = try FixturePaths.temporaryFolder()
        let fixture = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/rules/catalog-syntax/content/catalogs")
        try FileManager.default.copyItem(at: fixture, to: wiki.appendingPathComponent("catalogs"))
        for _ in 0..<2 {
            let result = try CommandRunner.run(["lookup", "ENOSPC", "--content", wiki.path], in: wiki, environment: ["XDG_CACHE_HOME": cache.path])
            #expect(result.status == 1, "no article and no usable catalog: nothing found")
            #expect(result.stderr.contains("warning: 1 code catalog with errors is left out of the index (errwiki check lists it): \(wiki.path)/catalogs/errno.tsv"),
                    "\(result.stderr)")
        }
        let checked = try CommandRunner.run(["check", "--content", wiki.path], in: wiki)
        #expect(checked.status == 1)
        #expect(checked.stderr.contains("catalogs/errno.tsv:12:1: error: a record has 8 tab-separated fields, this line has 4 [catalog-syntax]"))
    }

    @Test func anEditedCatalogIsSeenByTheNextLookup() throws {
        let wiki = try FixturePaths.temporaryFolder()
        let fixture = BuiltSite.repository.appendingPathComponent("Tests/ErrWikiKitTests/Fixtures/rules/duplicate-code/content/catalogs")
        try FileManager.default.copyItem(at: fixture, to: wiki.appendingPathComponent("catalogs"))
        let table = wiki.appendingPathComponent("catalogs/errno.tsv")
        let lookup = { try CommandRunner.run(["lookup", "ENOSPACE", "--content", wiki.path], in: wiki, environment: ["XDG_CACHE_HOME": self.cache.path]) }
        #expect(try lookup().status == 1, "a duplicate code leaves the table out")
        // Fix it in place: the index must notice.
        let fixed = try String(contentsOf: table, encoding: .utf8).replacingOccurrences(of: "28\tENOSPACE", with: "29\tENOSPACE")
        try fixed.write(to: table, atomically: false, encoding: .utf8)
        let after = try lookup()
        #expect(after.status == 0 && after.stdout.hasPrefix("ENOSPACE · errno 29"), "\(after.stdout)\(after.stderr)")
    }
}
