import Foundation

/// Keeps the search index of a content folder in the cache folder, rebuilt whenever any content
/// file changes, so a lookup never answers from a stale index.
///
/// The index lives in `$XDG_CACHE_HOME/errwiki/` (else `~/.cache/errwiki/`), one file per content
/// folder. It is written to a temporary file and renamed into place, so readers see the old or the
/// new index, never half of one; concurrent lookups that both rebuild each write a complete file and
/// the last rename wins. A file that is damaged or of another format version is rebuilt.
package struct IndexStore: Sendable {
    package var contentRoot: String
    package var cacheFolder: String

    package init(contentRoot: String, cacheFolder: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.contentRoot = contentRoot
        self.cacheFolder = cacheFolder ?? Self.defaultCacheFolder(environment)
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

    /// The index file for this content folder.
    package var indexPath: String { indexPath(root: resolvedRoot) }

    private var resolvedRoot: String { FilePath.real(contentRoot) ?? contentRoot }

    private func indexPath(root: String) -> String {
        var hasher = StableHasher()
        hasher.combine(root)
        return cacheFolder + "/index-" + hasher.hexDigest + ".bin"
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
        let scanner = ContentScanner(root: ContentRoot(contentRoot))
        let scan = scanner.scan()
        let files = scan.files
        let (catalogFiles, catalogScan) = scanner.catalogFiles()
        let (synonymFile, synonymScan) = scanner.synonymFile()
        let data = DataFiles(catalogs: catalogFiles, synonyms: synonymFile)
        let unreadable = (scan.diagnostics + catalogScan + synonymScan).filter { $0.severity == .error }.map(\.location.file)
        // The scanner's root has resolved the real path already.
        let root = scanner.root.realPath ?? contentRoot
        let stamp = TreeStamp(files + data.all)
        let treeHash = Self.treeHash(stamp, root: root)
        let path = indexPath(root: root)
        let previous = reusing ? try? SearchIndex(mappingFile: path) : nil
        if let previous, previous.treeHash == treeHash, !stamp.isRacy(builtAt: previous.builtAt) {
            var result = opened(previous, .upToDate, diagnostics: [], scanner: scanner)
            result.unreadable = unreadable
            return result
        }
        let reason = !reusing ? "damaged index" : previous == nil ? "no usable index" : "content changed"
        var result = rebuild(files: files, data: data, treeHash: treeHash, previous: previous, reason: reason, scanner: scanner, path: path)
        result.unreadable = unreadable
        return result
    }

    /// The small data files beside the articles, read whole on every rebuild.
    private struct DataFiles {
        var catalogs: [ContentScanner.File]
        var synonyms: ContentScanner.File?
        var all: [ContentScanner.File] { catalogs + (synonyms.map { [$0] } ?? []) }
    }

    private func rebuild(files: [ContentScanner.File], data: DataFiles, treeHash: UInt64, previous: SearchIndex?,
                         reason: String, scanner: ContentScanner, path: String) -> Opened {
        // Keep what the previous index knew about files that have not changed since.
        var previousByPath: [String: (article: Int, stamp: FileStamp)] = [:]
        if let previous {
            for article in 0..<previous.articleCount {
                if let record = try? previous.record(article) { previousByPath[record.info.relativePath] = (article, record.stamp) }
            }
            // Damaged records are known now: start afresh before parsing anything.
            if previous.isDamaged {
                return rebuild(files: files, data: data, treeHash: treeHash, previous: nil, reason: "damaged index", scanner: scanner, path: path)
            }
        }
        var kept: [Int] = []
        var changed: [ContentScanner.File] = []
        for file in files {
            if let known = previousByPath[file.relativePath], let previous, known.stamp == file.stamp,
               !file.stamp.isRacy(builtAt: previous.builtAt) {
                kept.append(known.article)
            } else {
                changed.append(file)
            }
        }
        var diagnostics: [Diagnostic] = []
        let loaded = ParallelMap.map(changed) { file -> (IndexedArticle?, [Diagnostic]) in
            switch ArticleLoader.load(file, from: scanner.root) {
            case .article(let article, let found):
                let errors = found.filter { $0.severity == .error }
                guard errors.isEmpty else { return (nil, errors) }
                return (article.draft ? nil : IndexedArticle(article, stamp: file.stamp), [])
            case .unreadable(_, let found):
                return (nil, found)
            }
        }
        var indexed: [IndexedArticle] = []
        var leftOut: [String] = []
        for (file, (article, found)) in zip(changed, loaded) {
            if let article { indexed.append(article) } else if !found.isEmpty { leftOut.append(file.relativePath) }
            diagnostics += found
        }
        // The catalogs and the vocabulary are small: read again whole on every rebuild. One with errors
        // is left out, like an article.
        let (catalogs, catalogProblems) = CatalogLoader.load(data.catalogs, from: scanner.root)
        let (synonyms, synonymProblems) = data.synonyms.map { SynonymLoader.load($0, from: scanner.root) } ?? (.empty, [])
        let catalogErrors = (catalogProblems + synonymProblems).filter { $0.severity == .error }
        diagnostics += catalogErrors
        leftOut += Set(catalogErrors.compactMap { scanner.root.relative(ofDisplayed: $0.location.file) })
        leftOut.sort(by: ContentScanner.byteOrder)
        let bytes = SearchIndexBuilder.build(indexed, keeping: kept, of: previous, leftOut: leftOut, catalogs: catalogs,
                                             synonyms: synonyms, treeHash: treeHash, builtAt: Self.now())
        // Damage in postings shows only while they are merged: what was kept may be incomplete.
        if let previous, previous.isDamaged {
            return rebuild(files: files, data: data, treeHash: treeHash, previous: nil, reason: "damaged index", scanner: scanner, path: path)
        }
        // The built bytes are valid by construction; a failed cache write only costs speed next time.
        try? AtomicFile.write(bytes, to: path)
        let index = (try? SearchIndex(bytes: bytes)) ?? previousOrEmpty(treeHash)
        return opened(index, .rebuilt(reparsed: changed.count, reason: reason), diagnostics: diagnostics.sorted(), scanner: scanner)
    }

    private func opened(_ index: SearchIndex, _ freshness: Freshness, diagnostics: [Diagnostic], scanner: ContentScanner) -> Opened {
        Opened(index: index, freshness: freshness, diagnostics: diagnostics, leftOut: index.leftOut.map { scanner.root.display($0) })
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

    /// The content's stamp, the folder and the format: another of any of them needs another index.
    static func treeHash(_ stamp: TreeStamp, root: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(root)
        hasher.combine(Int64(SearchIndex.formatVersion))
        hasher.combine(Int64(bitPattern: stamp.value))
        return hasher.value
    }
}
