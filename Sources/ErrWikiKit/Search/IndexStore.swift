import Foundation

/// Keeps the search index of a set of content roots in the cache folder, rebuilt whenever any
/// content file of any root changes, so a lookup never answers from a stale index.
///
/// The index lives in `$XDG_CACHE_HOME/errwiki/` (else `~/.cache/errwiki/`), one file per ordered
/// list of roots (the same folders in another order are another wiki). It is written to a temporary
/// file and renamed into place, so readers see the old or the new index, never half of one; concurrent lookups that both rebuild each write a complete file and
/// the last rename wins. A file that is damaged or of another format version is rebuilt.
package struct IndexStore: Sendable {
    package var roots: ContentRoots
    package var cacheFolder: String

    package init(roots: ContentRoots, cacheFolder: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.roots = roots
        self.cacheFolder = cacheFolder ?? Self.defaultCacheFolder(environment)
    }

    package init(contentRoot: String, cacheFolder: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(roots: ContentRoots(contentRoot), cacheFolder: cacheFolder, environment: environment)
    }

    static func defaultCacheFolder(_ environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/errwiki" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/errwiki" }
        return NSTemporaryDirectory() + "errwiki-cache"
    }

    /// What `open` did, for messages and tests.
    package enum Freshness: Sendable, Equatable {
        case upToDate
        /// Rebuilt: `reparsed` files were read again, the rest kept from the previous index.
        case rebuilt(reparsed: Int, reason: String)
    }

    package struct Opened: Sendable {
        package var index: SearchIndex
        package var freshness: Freshness
        /// Problems in files that could not be indexed (they are left out of the results), found by
        /// this open; empty when the index was up to date.
        package var diagnostics: [Diagnostic]
        /// The article files left out of the index because they have errors, as diagnostics name
        /// them: kept in the index, so every lookup knows them, not only the one that rebuilt it.
        package var leftOut: [String]
        /// Folders and files of the content that could not be read (unreadable, a failed stat, a
        /// missing root), found by this open's scan: every lookup names them, as it names `leftOut`.
        package var unreadable: [String] = []
    }

    /// The index file for these content roots.
    package var indexPath: String { cachePath("index", suffix: ".bin") }

    /// A cache file of these content roots (the same folders in the same order), such as the
    /// index or `diagnose`'s compiled patterns.
    package func cachePath(_ kind: String, suffix: String) -> String {
        var hasher = StableHasher()
        for root in roots.roots { hasher.combine(root.realPath ?? root.path) }
        return cacheFolder + "/" + kind + "-" + hasher.hexDigest + suffix
    }

    /// Returns an index that matches the content as it is now, rebuilding it if needed.
    package func open() -> Opened {
        open(reusing: true)
    }

    /// Opens the index and returns what `body` reads from it. Opening checks only the header and the
    /// table offsets; when `body` read an entry that does not decode, its answer is discarded, the
    /// index is rebuilt from the content alone and `body` runs again, so damage never reads as "no match".
    package func answer<Result>(_ body: (SearchIndex) throws -> Result) rethrows -> (result: Result, opened: Opened) {
        let opened = open()
        let result = try body(opened.index)
        guard opened.index.isDamaged else { return (result, opened) }
        let rebuilt = open(reusing: false)
        return (try body(rebuilt.index), rebuilt)
    }

    /// - Parameter reusing: false ignores the cached index (it was found damaged) and builds anew.
    private func open(reusing: Bool) -> Opened {
        let scan = RootsScan(roots)
        let realRoots = roots.roots.map { $0.realPath ?? $0.path }
        let treeHash = Self.treeHash(scan.stamp, roots: realRoots)
        let path = indexPath
        let previous = reusing ? try? SearchIndex(mappingFile: path) : nil
        if let previous, previous.treeHash == treeHash, !scan.stamp.isRacy(builtAt: previous.builtAt) {
            var result = opened(previous, .upToDate, diagnostics: [])
            result.unreadable = scan.roots.flatMap(\.unreadable)
            return result
        }
        let reason = !reusing ? "damaged index" : previous == nil ? "no usable index" : "content changed"
        var result = rebuild(scan, treeHash: treeHash, previous: previous, reason: reason, path: path)
        result.unreadable = scan.roots.flatMap(\.unreadable)
        return result
    }

    /// Where a file is in the index's own terms: its root's index and its path under that root.
    private struct FileKey: Hashable {
        var root: Int
        var relativePath: String
    }

    /// How the index lists a file left out: the root's index, a tab, the path under it.
    static func leftOutEntry(root: Int, relativePath: String) -> String {
        "\(root)\t\(relativePath)"
    }

    private func rebuild(_ scan: RootsScan, treeHash: UInt64, previous: SearchIndex?, reason: String, path: String) -> Opened {
        // Keep what the previous index knew about files that have not changed since.
        var previousByKey: [FileKey: (article: Int, stamp: FileStamp, id: String)] = [:]
        if let previous {
            for article in 0..<previous.articleCount {
                if let record = try? previous.record(article) {
                    previousByKey[FileKey(root: record.info.root, relativePath: record.info.relativePath)] = (article, record.stamp, record.info.id)
                }
            }
            // Damaged records are known now: start afresh before parsing anything.
            if previous.isDamaged {
                return rebuild(scan, treeHash: treeHash, previous: nil, reason: "damaged index", path: path)
            }
        }
        var kept: [(root: Int, id: String, article: Int)] = []
        var changed: [(root: Int, file: ContentScanner.File)] = []
        for (root, scanned) in scan.roots.enumerated() {
            for file in scanned.files {
                if let known = previousByKey[FileKey(root: root, relativePath: file.relativePath)], let previous, known.stamp == file.stamp,
                   !file.stamp.isRacy(builtAt: previous.builtAt) {
                    kept.append((root, known.id, known.article))
                } else {
                    changed.append((root, file))
                }
            }
        }
        var diagnostics: [Diagnostic] = []
        let roots = self.roots
        let loaded = ParallelMap.map(changed) { root, file -> (IndexedArticle?, [Diagnostic]) in
            switch ArticleLoader.load(file, from: roots.roots[root]) {
            case .article(var article, let found):
                let errors = found.filter { $0.severity == .error }
                guard errors.isEmpty else { return (nil, errors) }
                article.root = root
                return (article.draft ? nil : IndexedArticle(article, stamp: file.stamp), [])
            case .unreadable(_, let found):
                return (nil, found)
            }
        }
        var indexed: [IndexedArticle] = []
        var leftOut: [String] = []
        for ((root, file), (article, found)) in zip(changed, loaded) {
            if let article { indexed.append(article) } else if !found.isEmpty { leftOut.append(Self.leftOutEntry(root: root, relativePath: file.relativePath)) }
            diagnostics += found
        }
        // The union: an id answers from the first root that has it (a file with errors is not there,
        // so the article it would hide still answers).
        enum Candidate { case kept(Int), added(IndexedArticle) }
        let candidates = kept.map { (root: $0.root, id: $0.id, candidate: Candidate.kept($0.article)) }
            + indexed.map { (root: $0.info.root, id: $0.info.id, candidate: Candidate.added($0)) }
        let winners = ContentRoots.union(candidates, id: \.id, root: \.root).winners
        let keptWinners = winners.compactMap { if case .kept(let old) = $0.candidate { old } else { nil } }
        let addedWinners = winners.compactMap { if case .added(let article) = $0.candidate { article } else { nil } }
        // The catalogs and the vocabulary are small: read again whole on every rebuild. One with errors
        // is left out, like an article.
        var catalogs: [(root: Int, catalog: CodeCatalog)] = []
        var synonymGroups: [[[String]]] = []
        for (index, (root, scanned)) in zip(roots.roots, scan.roots).enumerated() {
            let (rootCatalogs, catalogProblems) = CatalogLoader.load(scanned.catalogs, from: root)
            var problems = catalogProblems
            catalogs += rootCatalogs.catalogs.map { (index, $0) }
            if let synonymFile = scanned.synonyms {
                let (synonyms, synonymProblems) = SynonymLoader.load(synonymFile, from: root)
                synonymGroups += synonyms.groups
                problems += synonymProblems
            }
            let errors = problems.filter { $0.severity == .error }
            diagnostics += errors
            leftOut += Set(errors.compactMap { root.relative(ofDisplayed: $0.location.file) }).map { Self.leftOutEntry(root: index, relativePath: $0) }
        }
        leftOut.sort(by: ContentScanner.byteOrder)
        let catalogSet = ContentRoots.catalogSet(catalogs)
        let bytes = SearchIndexBuilder.build(addedWinners, keeping: keptWinners, of: previous, leftOut: leftOut, catalogs: catalogSet,
                                             synonyms: SynonymTable(groups: synonymGroups), treeHash: treeHash, builtAt: Self.now())
        // Damage in postings shows only while they are merged: what was kept may be incomplete.
        if let previous, previous.isDamaged {
            return rebuild(scan, treeHash: treeHash, previous: nil, reason: "damaged index", path: path)
        }
        // The built bytes are valid by construction; a failed cache write only costs speed next time.
        try? AtomicFile.write(bytes, to: path)
        let index = (try? SearchIndex(bytes: bytes)) ?? previousOrEmpty(treeHash)
        return opened(index, .rebuilt(reparsed: changed.count, reason: reason), diagnostics: diagnostics.sorted())
    }

    private func opened(_ index: SearchIndex, _ freshness: Freshness, diagnostics: [Diagnostic]) -> Opened {
        Opened(index: index, freshness: freshness, diagnostics: diagnostics, leftOut: index.leftOut.map(displayLeftOut))
    }

    /// A `leftOutEntry` as diagnostics name the file.
    private func displayLeftOut(_ entry: String) -> String {
        let parts = entry.split(separator: "\t", maxSplits: 1)
        guard parts.count == 2, let root = Int(parts[0]), roots.roots.indices.contains(root) else { return roots.first.display(entry) }
        return roots.roots[root].display(String(parts[1]))
    }

    private func previousOrEmpty(_ treeHash: UInt64) -> SearchIndex {
        // Unreachable in practice: an empty index always decodes.
        try! SearchIndex(bytes: SearchIndexBuilder.build([], treeHash: treeHash, builtAt: 0))
    }

    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The content's stamp, the folders in order and the format: another of any of them needs another index.
    static func treeHash(_ stamp: TreeStamp, roots: [String]) -> UInt64 {
        var hasher = StableHasher()
        for root in roots { hasher.combine(root) }
        hasher.combine(Int64(SearchIndex.formatVersion))
        hasher.combine(Int64(bitPattern: stamp.value))
        return hasher.value
    }
}
