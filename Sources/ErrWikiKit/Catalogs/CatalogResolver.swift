import Foundation

/// Finds the catalog entries a query names, by the rules of `CatalogSpec`.
package enum CatalogResolver {
    /// How the query named the entry.
    package enum Form: String, Sendable, Hashable {
        /// The whole query is the entry's name or alias.
        case name
        /// The whole query is the entry's number (ambiguous across catalogs).
        case number
        /// The Win32 code inside a whole-query HRESULT.
        case decoded
        /// A catalog word, then the entry's number: `errno 28`.
        case qualified
        /// The entry's number, then its name: `226/NAMESPACE`.
        case numberAndName
        /// A name written as an identifier, or an eight-digit hex code, inside a longer text.
        case inText
    }

    package struct Match: Sendable, Hashable {
        package var ref: CatalogRef
        package var form: Form
    }

    /// The entries `text` names, in the catalogs' order (claims are ordered by the caller).
    package static func resolve(_ text: String, in lookup: some CatalogLookup) -> [Match] {
        let words = Tokenizer.terms(in: text)
        guard !words.isEmpty else { return [] }
        let whole = words.joined(separator: " ")
        let headers = lookup.catalogHeaders
        let bare = Set(headers.indices.filter { !CatalogSpec.qualifiedOnly.contains(headers[$0].id) })
        func number(_ ref: CatalogRef) -> String { Tokenizer.key(lookup.entry(ref)?.number ?? "") }
        var found: [Match] = []
        // 1. The whole query is a code.
        for ref in lookup.refs(withKey: whole) {
            guard let entry = lookup.entry(ref) else { continue }
            if Tokenizer.key(entry.number) == whole {
                if bare.contains(ref.catalog) { found.append(Match(ref: ref, form: .number)) }
            } else if entry.names.contains(where: { nameMatches($0, whole: whole, typed: text) }) {
                found.append(Match(ref: ref, form: .name))
            }
        }
        found += decodedWin32(whole, in: lookup)
        if !found.isEmpty { return ordered(found, whole: whole, in: lookup) }
        // 2. A catalog's word, then a code of that catalog; or the MariaDB client's `ERROR 1045 (28000)`.
        let phrases: [(catalog: Int, words: [Substring])] = headers.enumerated().flatMap { index, catalog in
            catalog.words.map { (index, $0.split(separator: " ")) }
        }
        let clientCatalogs = Set(headers.indices.filter { CatalogSpec.clientErrorCatalogs.contains(headers[$0].id) })
        for start in words.indices {
            for phrase in phrases where start + phrase.words.count < words.count
                && zip(words[start...], phrase.words).allSatisfy({ $0 == $1 }) {
                let code = words[start + phrase.words.count]
                for ref in lookup.refs(withKey: code) where ref.catalog == phrase.catalog && number(ref) == code {
                    found.append(Match(ref: ref, form: .qualified))
                }
            }
            if words[start] == CatalogSpec.clientErrorWord, start + 2 < words.count, CatalogSpec.isSQLSTATE(words[start + 2]) {
                for ref in lookup.refs(withKey: words[start + 1]) where clientCatalogs.contains(ref.catalog) && number(ref) == words[start + 1] {
                    found.append(Match(ref: ref, form: .qualified))
                }
            }
            if !found.isEmpty { return ordered(found, whole: whole, in: lookup) }
        }
        // 3. A number followed by its own name.
        for start in words.indices.dropLast() {
            for ref in lookup.refs(withKey: words[start]) {
                guard let entry = lookup.entry(ref), Tokenizer.key(entry.number) == words[start] else { continue }
                let rest = words[(start + 1)...]
                if entry.names.contains(where: { name in
                    let nameWords = Tokenizer.terms(in: name)
                    return !nameWords.isEmpty && rest.starts(with: nameWords)
                }) {
                    found.append(Match(ref: ref, form: .numberAndName))
                }
            }
            if !found.isEmpty { return ordered(found, whole: whole, in: lookup) }
        }
        // 4. Codes that stand out anywhere in the text: a name written as an identifier with an
        // underscore (`TypeError [ERR_INVALID_ARG_TYPE]: …`) and an eight-digit hex code.
        for identifier in CatalogSpec.identifiers(in: text) {
            let key = Tokenizer.key(identifier)
            for ref in lookup.refs(withKey: key) where lookup.entry(ref)?.names.contains(where: { $0.lowercased() == identifier.lowercased() }) == true {
                found.append(Match(ref: ref, form: .inText))
            }
        }
        for word in words where CatalogSpec.isHexCode(word) {
            for ref in lookup.refs(withKey: word) where number(ref) == word && bare.contains(ref.catalog) {
                found.append(Match(ref: ref, form: .inText))
            }
            found += decodedWin32(word, in: lookup)
        }
        return found.isEmpty ? [] : ordered(found, whole: whole, in: lookup)
    }

    /// The Win32 entry inside an HRESULT key, when it has one.
    private static func decodedWin32(_ key: String, in lookup: some CatalogLookup) -> [Match] {
        guard let code = CatalogSpec.win32Code(inHRESULT: key),
              let win32 = lookup.catalogHeaders.firstIndex(where: { $0.id == CatalogSpec.win32Catalog }) else { return [] }
        return lookup.refs(withKey: String(code)).filter { ref in
            ref.catalog == win32 && Tokenizer.key(lookup.entry(ref)?.number ?? "") == String(code)
        }.map { Match(ref: $0, form: .decoded) }
    }

    /// Whether the whole query is this name: the same key, and typed as written when the name
    /// normalises to several words (`disk_full`, not "disk full").
    static func nameMatches(_ name: String, whole: String, typed: String) -> Bool {
        let key = Tokenizer.key(name)
        guard key == whole else { return false }
        return !key.contains(" ") || trimmed(typed).lowercased() == name.lowercased()
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// HTTP first for a bare number in its range, a decoded Win32 code after the HRESULT itself, then
    /// the catalogs' order, then the file's;
    /// each entry once (its first form).
    static func ordered(_ matches: [Match], whole: String, in lookup: some CatalogLookup) -> [Match] {
        let headers = lookup.catalogHeaders
        let httpFirst = whole.utf8.count == 3 && Int(whole).map(CatalogSpec.httpRange.contains) == true
        var seen: Set<CatalogRef> = []
        return matches.filter { seen.insert($0.ref).inserted }.sorted { a, b in
            let aHTTP = httpFirst && headers[a.ref.catalog].id == CatalogSpec.httpCatalog
            let bHTTP = httpFirst && headers[b.ref.catalog].id == CatalogSpec.httpCatalog
            if aHTTP != bHTTP { return aHTTP }
            // The code as typed before the code found inside it.
            if (a.form == .decoded) != (b.form == .decoded) { return b.form == .decoded }
            return a.ref < b.ref
        }
    }

    /// The entries an article's codes claim: what each code finds, except that a bare number (or
    /// the Win32 code decoded from an HRESULT) claims only in catalogs of the article's category.
    package static func claims(codes: [String], category: String, in lookup: some CatalogLookup) -> [CatalogRef] {
        var claimed: [CatalogRef] = []
        let headers = lookup.catalogHeaders
        for code in codes {
            for match in resolve(code, in: lookup) {
                if match.form == .number || match.form == .decoded, headers[match.ref.catalog].category != category { continue }
                if !claimed.contains(match.ref) { claimed.append(match.ref) }
            }
        }
        return claimed
    }
}
