/// One official table of error codes (`Content/catalogs/<id>.tsv`): where it comes from and its
/// entries. The file format is described in `Content/catalogs/README.md`; `CatalogParser` reads it.
package struct CodeCatalog: Sendable, Hashable {
    /// The file name without `.tsv`: `errno`, `win32`, `mysql-client`.
    package var id: String
    /// The family its site page belongs to (`windows` holds Win32, HRESULT and NTSTATUS).
    package var family: String
    package var familyTitle: String
    package var title: String
    /// The article category for `errwiki new`, and the one whose bare-number codes claim this table's entries.
    package var category: String
    /// Phrases that narrow a code to this table (`errno 5`, `curl 5`), as normalised keys.
    package var words: [String]
    /// The command that regenerates the file.
    package var importer: String
    package var licence: String
    package var sources: [CatalogSource]
    /// Why the entries have no message text, when the source has none.
    package var noMessages: String
    package var notes: [String]
    package var entries: [CatalogEntry]
    /// Path of the file under the content root.
    package var relativePath: String
    /// A digest of the file's bytes (empty for a catalog read back from the search index): whatever
    /// changes in the file changes the site pages built from it.
    package var digest: String = ""

    /// The source with this id (entries name their sources by id).
    package func source(_ id: String) -> CatalogSource? { sources.first { $0.id == id } }
}

/// Where a catalog's data comes from: a Debian package (or interpreter), its version, the file or
/// command read, and what it gives (names and numbers, messages).
package struct CatalogSource: Sendable, Hashable {
    package var id: String
    package var package: String
    package var version: String
    package var file: String
    package var gives: String

    /// How the terminal and `--json` cite it: `linux-libc-dev 6.1.187-1, /usr/include/… (names and numbers)`.
    package var citation: String { "\(package) \(version), \(file) (\(gives))" }
}

/// One code of a catalog.
package struct CatalogEntry: Sendable, Hashable {
    /// The code as people write it: `28`, `404`, `42P07`, `0x80070005`; empty when the code is a name only.
    package var number: String
    /// The symbolic name: `ENOSPC`, `NOT_FOUND`, `unique_violation`; empty when the code is a number only.
    package var name: String
    package var aliases: [String]
    /// The source's official short message, exactly as it gives it; empty when it has none.
    package var message: String
    /// Class, parent or kind: `23 Integrity Constraint Violation`, `OSError`, `LSB`.
    package var group: String
    package var standard: String
    /// Family-specific facts in the source's order (`action`, `numbers`, `sqlstate`).
    package var details: [CatalogDetail]
    /// Ids of the catalog's sources this entry comes from.
    package var sources: [String]
    /// The 1-based line of the record in its file.
    package var line: Int

    /// How people name it: `ENOSPC`, or the number when it has no name.
    package var label: String { name.isEmpty ? number : name }

    /// Every name it answers to: the name and the aliases.
    package var names: [String] { (name.isEmpty ? [] : [name]) + aliases }
}

package struct CatalogDetail: Sendable, Hashable {
    package var key: String
    package var value: String
}
