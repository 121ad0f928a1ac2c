import Foundation
import Testing

/// The built `Content/` site works from disk: every link is relative and names a file that exists,
/// and nothing is loaded from the network.
@Suite struct SiteLinkTests {
    @Test func everyLocalLinkNamesAFileAndNothingIsFetched() throws {
        let site = try BuiltSite.folder.get()
        let files = BuiltSite.htmlFiles(in: site)
        #expect(files.count > 300, "\(files.count) pages")
        let reference = try NSRegularExpression(pattern: "<(a|link|script|img|form)\\b[^>]*?\\s(href|src|action)=\"([^\"]*)\"")
        var problems: [String] = []
        var checked = 0
        for file in files {
            let html = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            let text = html as NSString
            for match in reference.matches(in: html, range: NSRange(location: 0, length: text.length)) {
                let element = text.substring(with: match.range(at: 1))
                let target = text.substring(with: match.range(at: 3)).replacingOccurrences(of: "&amp;", with: "&")
                if target.hasPrefix("#") { continue }
                if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:") {
                    // Links out of the site are the authors' choice; loading anything from outside is not.
                    if element != "a" { problems.append("\(file): <\(element)> loads \(target)") }
                    continue
                }
                if target.hasPrefix("/") || target.hasSuffix("/") || target.isEmpty {
                    problems.append("\(file): \(target) does not work from disk")
                    continue
                }
                let path = String(target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
                let resolved = site.appendingPathComponent(file).deletingLastPathComponent().appendingPathComponent(path).standardized
                checked += 1
                if !resolved.path.hasPrefix(site.standardized.path + "/") || !FileManager.default.fileExists(atPath: resolved.path) {
                    problems.append("\(file): \(target) does not exist")
                }
            }
        }
        #expect(checked > 10_000)
        #expect(problems.isEmpty, "\(problems.prefix(30).joined(separator: "\n"))")
    }

    @Test func everyPageHasOneH1AndALanguage() throws {
        let site = try BuiltSite.folder.get()
        for file in BuiltSite.htmlFiles(in: site) {
            let html = try String(contentsOf: site.appendingPathComponent(file), encoding: .utf8)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(file)")
            #expect(html.contains("<html lang=\"en\">"), "\(file)")
        }
    }
}
