import ErrWikiTestSupport
import Foundation
import Testing

/// The code catalogs on the site built from `Content/`: a page per family linked from home, a row
/// and anchor per code, article codes linking rows that exist, and the search page finding codes
/// from disk in a real browser.
@Suite struct CatalogSiteTests {
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { string.substring(with: $0.range(at: 1)) }
    }

    /// Entries per family in the committed tables.
    static func committedEntries() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let folder = BuiltSite.repository.appendingPathComponent("Content/catalogs")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".tsv") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let family = try #require(lines.first { $0.hasPrefix("@family\t") }).split(separator: "\t")[1]
            let columns = try #require(lines.firstIndex { $0.hasPrefix("@columns\t") })
            counts[String(family), default: 0] += lines[(columns + 1)...].filter { !$0.isEmpty }.count
        }
        return counts
    }

    @Test func everyFamilyHasAPageWithARowPerCode() throws {
        let site = try BuiltSite.folder.get()
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        let index = try String(contentsOf: site.appendingPathComponent("codes/index.html"), encoding: .utf8)
        let expected = try Self.committedEntries()
        #expect(expected.count >= 12)
        for (family, count) in expected {
            #expect(home.contains("href=\"codes/\(family).html\""), "home does not link \(family)")
            #expect(index.contains("href=\"../codes/\(family).html\""), "codes/index.html does not link \(family)")
            let page = try String(contentsOf: site.appendingPathComponent("codes/\(family).html"), encoding: .utf8)
            let rows = Self.matches("<tr id=\"([^\"]+)\"", in: page)
            #expect(rows.count == count, "\(family): \(rows.count) rows for \(count) codes")
            #expect(Set(rows).count == rows.count, "\(family): anchors repeat")
        }
        #expect(expected.values.reduce(0, +) >= 5_000)
    }

    @Test func articleCodesLinkRowsThatExist() throws {
        let site = try BuiltSite.folder.get()
        var pages: [String: String] = [:]
        var checked = 0
        for file in BuiltSite.htmlFiles(in: site) where !file.contains("/") {
            let html = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            for link in Self.matches("class=\"code-link\" href=\"(codes/[^\"]+)\"", in: html) {
                let parts = link.split(separator: "#")
                let page = try pages[String(parts[0])] ?? String(contentsOf: site.appendingPathComponent(String(parts[0])), encoding: .utf8)
                pages[String(parts[0])] = page
                #expect(parts.count == 2 && page.contains("<tr id=\"\(parts[1])\""), "\(file): \(link) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 100, "only \(checked) article codes link a catalog row")
        // A claimed row links back to its article.
        let errno = try pages["codes/errno.html"] ?? String(contentsOf: site.appendingPathComponent("codes/errno.html"), encoding: .utf8)
        let row = try #require(errno.components(separatedBy: "<tr id=\"errno-28\"").dropFirst().first?.components(separatedBy: "</tr>").first)
        #expect(row.contains("href=\"../enospc.html\""))
    }

    @Test(.enabled(if: BuiltSite.toolsRequired || BuiltSite.tool("chromium") != nil, "chromium is not installed (make test-deps)"))
    func theSearchPageFindsCodesFromDisk() throws {
        let site = try BuiltSite.folder.get()
        let uncovered = try BrowserSearchTests.dumpDOM(BrowserSearchTests.searchURL(site, "EPROTONOSUPPORT"))
        #expect(uncovered.contains("href=\"codes/errno.html#errno-93\""), "no code result for EPROTONOSUPPORT")
        #expect(uncovered.contains("No article covers this code yet."))
        let claimed = try BrowserSearchTests.dumpDOM(BrowserSearchTests.searchURL(site, "[Errno 28] No space left on device"))
        let codes = try #require(claimed.components(separatedBy: "id=\"search-codes\"").dropFirst().first?.components(separatedBy: "</ol>").first)
        #expect(codes.contains("href=\"codes/errno.html#errno-28\"") && codes.contains("href=\"enospc.html\""), "\(codes)")
        let ambiguous = try BrowserSearchTests.dumpDOM(BrowserSearchTests.searchURL(site, "5"))
        #expect(ambiguous.contains(">5 codes. "), "the status line counts the codes (errno, Win32, signal, curl, systemd)")
    }
}
