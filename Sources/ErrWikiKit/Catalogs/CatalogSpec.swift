/// How a query finds catalog entries, in one place: `lookup` (`CatalogResolver`), `check`'s claims
/// and the site's search (`Templates/assets/ranking.js`, which reads these from the search index)
/// all follow it.
///
/// In order, the first rule that finds something decides:
/// 1. **The whole query is a code**: an entry's number (`28`, `0x80070005`, `42P07`) or one of its
///    names (`ENOSPC`, `ER_DUP_ENTRY`). A name that is several words once normalised (`disk_full` →
///    `disk full`) counts only when typed as written, so "disk full" is a search, not a code. A
///    bare number is ambiguous: every catalog that has it answers. An HRESULT whose facility is
///    `FACILITY_WIN32` also answers with the Win32 code inside it (`0x80070005` → Win32 5).
/// 2. **A catalog's word, then a code of that catalog**, anywhere in the query: `errno 5`,
///    `[Errno 28]`, `curl: (6)`, `SQLSTATE[23505]`, `ERROR 1045 (28000)` (MariaDB's `error`),
///    `verify error:num=20` (the earliest place that names a code wins).
/// 3. **A number followed by its own name**: `status=226/NAMESPACE`, `203/EXEC`.
/// 4. **Codes that stand out anywhere in the text**: a name or alias written as an identifier with
///    an underscore (`TypeError [ERR_INVALID_ARG_TYPE]: …`, as written but in any case), and an
///    eight-digit hex code (`Error code: 0x80070005`, with the Win32 code inside it). Every one in
///    the text answers.
///
/// Bare numbers (rule 1) and hex codes (rule 4) do not answer from the `qualifiedOnly` tables,
/// whose numbers are seldom typed alone and would crowd every short number (`404` is also
/// OpenSSL's reason 404): `x509 20`, `tls alert 40` and their names still find them.
///
/// Order of the answers: entries an article claims first, then — for a bare three-digit number
/// from 100 to 599 — HTTP, then the catalogs in `order` (a decoded Win32 code after the HRESULT
/// it came from), then the file's order.
/// An article claims an entry when one of its `codes` finds the entry by these rules, except that
/// a bare number claims only in catalogs of the article's own category (`137` in a `signal` article
/// is exit status 137, not Win32 137).
package enum CatalogSpec {
    /// Catalog ids, most commonly meant first; catalogs not listed follow in id order.
    package static let order = [
        "errno", "signal", "exit-status", "http", "sqlstate", "mysql", "mysql-client", "curl", "systemd-exit",
        "x509", "tls-alert", "ssl-reason", "win32", "hresult", "ntstatus", "facility", "python-exception", "node-error",
    ]
    /// Tables whose numbers answer only after their word (`x509 20`) or by name.
    package static let qualifiedOnly: Set<String> = ["x509", "tls-alert", "ssl-reason", "facility"]
    /// The MariaDB/MySQL client's `ERROR 1045 (28000): …`: this word, a code of these tables, then a
    /// SQLSTATE (five letters or digits, at least one digit). `error` alone is too common a word to narrow.
    package static let clientErrorWord = "error"
    package static let clientErrorCatalogs: Set<String> = ["mysql", "mysql-client"]
    /// Bare numbers of this many digits in this range are HTTP statuses first.
    package static let httpCatalog = "http"
    package static let httpRange = 100...599
    /// `0x8007xxxx`: an HRESULT made from a Win32 code (`HRESULT_FROM_WIN32`): severity bit set,
    /// facility 7, the Win32 code in the low 16 bits.
    package static let win32Catalog = "win32"
    package static let win32Facility = 7

    /// The rank of a catalog id in `order` (unlisted ones after, by id).
    static func rank(_ catalog: String) -> Int { order.firstIndex(of: catalog) ?? order.count }

    /// The Win32 code inside an HRESULT key (`0x80070005` → 5), when it has one.
    package static func win32Code(inHRESULT key: String) -> Int? {
        let bytes = Array(key.utf8)
        guard bytes.count == 10, key.hasPrefix("0x"), let value = UInt32(key.dropFirst(2), radix: 16) else { return nil }
        guard value & 0x8000_0000 != 0, (value >> 16) & 0x1FFF == UInt32(win32Facility) else { return nil }
        return Int(value & 0xFFFF)
    }

    static func isSQLSTATE(_ term: String) -> Bool {
        term.utf8.count == 5 && term.utf8.allSatisfy { Tokenizer.fold($0) != nil && $0 < 0x80 } && Tokenizer.containsDigit(term.utf8)
    }

    /// `0x` and eight hex digits (a term, so already lower case).
    static func isHexCode(_ term: String) -> Bool {
        let bytes = Array(term.utf8)
        return bytes.count == 10 && term.hasPrefix("0x")
            && bytes.dropFirst(2).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// Runs of ASCII letters, digits and underscores that hold an underscore between two letters or
    /// digits (`ERR_INVALID_ARG_TYPE`), in text order.
    static func identifiers(in text: String) -> [String] {
        var found: [String] = []
        var run: [UInt8] = []
        func flush() {
            if let underscore = run.firstIndex(of: UInt8(ascii: "_")), run[..<underscore].contains(where: { $0 != UInt8(ascii: "_") }),
               run[(underscore + 1)...].contains(where: { $0 != UInt8(ascii: "_") }) {
                found.append(String(decoding: run, as: UTF8.self))
            }
            run.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "_") || (byte < 0x80 && Tokenizer.fold(byte) != nil) { run.append(byte) } else { flush() }
        }
        flush()
        return found
    }

    /// The spec as JSON, for the site's ranker.
    package static var json: String {
        "{\"order\":[" + order.map { "\"\($0)\"" }.joined(separator: ",") + "],\"httpCatalog\":\"\(httpCatalog)\","
            + "\"httpRange\":[\(httpRange.lowerBound),\(httpRange.upperBound)],\"win32Catalog\":\"\(win32Catalog)\","
            + "\"win32Facility\":\(win32Facility),"
            + "\"qualifiedOnly\":[" + qualifiedOnly.sorted().map { "\"\($0)\"" }.joined(separator: ",") + "],"
            + "\"clientErrorWord\":\"\(clientErrorWord)\",\"clientErrorCatalogs\":[" + clientErrorCatalogs.sorted().map { "\"\($0)\"" }.joined(separator: ",") + "],"
            + "\"answerTiers\":[" + MatchKind.allCases.filter { $0 <= .logPattern }.map { "\"\($0.name)\"" }.joined(separator: ",") + "]}"
    }
}
