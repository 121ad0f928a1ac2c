import ErrWikiKit
import ErrWikiSite
import ErrWikiTestSupport
import Foundation

/// Builds fixture wikis with the repository's own theme (`Templates/`) into temporary folders.
enum SiteFixture {
    static let fixtures = FixturePaths.fixtures()
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = repository.appendingPathComponent("Templates").path
    static let shippedContent = repository.appendingPathComponent("Content").path

    static func content(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @discardableResult
    static func build(content: String, out: String, options: SiteOptions = SiteOptions(),
                      templates: String = templates) throws -> BuildSummary {
        try SiteBuilder.build(BuildRequest(content: ContentRoots(content), templatesFolder: templates, outputFolder: out, options: options))
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// Every file of a built site's search data (`search/`), by name.
    static func searchData(_ site: String) -> [String: String] {
        let folder = site + "/search"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Dictionary(uniqueKeysWithValues: names.compactMap { name in read(folder + "/" + name).map { (name, $0) } })
    }

    /// Every file under `folder` (relative path → bytes), hidden files included.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// Copies a fixture wiki into a temporary folder the test may edit.
    static func editableCopy(of name: String) throws -> String {
        let folder = try FixturePaths.temporaryFolder().appendingPathComponent("content").path
        try FileManager.default.copyItem(atPath: content(name), toPath: folder)
        return folder
    }
}
