import ErrWikiTestSupport
import Foundation
import Testing

/// Each committed catalog against its source: the importer runs again on this machine and must write
/// the same file, so a source that changed (or a hand edit of the data) is caught. Versions in the
/// `@source` lines may differ (a security update of a package); every name, number and message may not.
@Suite struct CatalogSourceTests {
    static let catalogs = BuiltSite.repository.appendingPathComponent("Content/catalogs")
    /// Sources too heavy for CI to install (PostgreSQL's server for one file): checked where present.
    static let optionalOnCI: Set<String> = ["sqlstate"]

    static var committed: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: catalogs.path)) ?? []).filter { $0.hasSuffix(".tsv") }
            .map { String($0.dropLast(4)) }.sorted()
    }

    static func importer(of catalog: String) throws -> [String] {
        let text = try String(contentsOf: catalogs.appendingPathComponent(catalog + ".tsv"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("@importer\t") })
        return line.split(separator: "\t")[1].split(separator: " ").map(String.init)
    }

    /// The text with each `@source` line's version field blanked.
    static func withoutVersions(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("@source\t") else { return String(line) }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count > 3 { fields[3] = "*" }
            return fields.joined(separator: "\t")
        }.joined(separator: "\n")
    }

    @Test func thereAreCatalogsOfTwelveFamilies() throws {
        var families: Set<String> = []
        for catalog in Self.committed {
            let text = try String(contentsOf: Self.catalogs.appendingPathComponent(catalog + ".tsv"), encoding: .utf8)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("@family\t") }) { families.insert(String(line.split(separator: "\t")[1])) }
        }
        #expect(families.count >= 12, "families: \(families.sorted())")
    }

    @Test(arguments: committed) func theImporterWritesTheCommittedFile(_ catalog: String) throws {
        let out = try FixturePaths.temporaryFolder()
        let command = try Self.importer(of: catalog)
        let result = try CommandRunner.run(command + ["--out", out.path], in: BuiltSite.repository,
                                           executable: URL(fileURLWithPath: "/usr/bin/env"), timeLimit: 300)
        if result.status == 2 && result.stderr.contains("install") {
            // The source package is missing here: nothing may have been written, and CI must have it.
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(catalog + ".tsv").path))
            if BuiltSite.toolsRequired && !Self.optionalOnCI.contains(catalog) {
                Issue.record("the source of \(catalog) is missing on CI: \(result.stderr)")
            }
            return
        }
        #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.stderr)")
        let fresh = try String(contentsOf: out.appendingPathComponent(catalog + ".tsv"), encoding: .utf8)
        let committed = try String(contentsOf: Self.catalogs.appendingPathComponent(catalog + ".tsv"), encoding: .utf8)
        if let difference = Golden.mismatchDescription(Self.withoutVersions(committed), Self.withoutVersions(fresh)) {
            Issue.record("Content/catalogs/\(catalog).tsv differs from what its source gives now (refresh with python3 scripts/catalogs/refresh.py \(catalog)): \(difference)")
        }
    }

    @Test func anImporterWithoutItsSourceSaysWhatToInstallAndWritesNothing() throws {
        let out = try FixturePaths.temporaryFolder()
        // No PATH: neither systemd-analyze nor dpkg-query can be found.
        let result = try CommandRunner.run(["scripts/catalogs/systemd_exit.py", "--out", out.path], in: BuiltSite.repository,
                                           environment: ["PATH": "/nonexistent"], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(result.status == 2)
        #expect(result.stderr.contains("install") && result.stderr.contains("systemd"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
