import Dispatch
import ErrWikiKit
import Foundation
import Synchronization

/// What to build.
package struct BuildRequest: Sendable {
    package var content: ContentRoots
    /// nil: the theme built into the binary.
    package var templatesFolder: String?
    package var outputFolder: String
    package var options: SiteOptions

    package init(content: ContentRoots, templatesFolder: String?, outputFolder: String, options: SiteOptions = SiteOptions()) {
        self.content = content
        self.templatesFolder = templatesFolder
        self.outputFolder = outputFolder
        self.options = options
    }
}

/// What a build did.
package struct BuildSummary: Sendable {
    package var pages: Int
    /// Pages rendered in this build; the others were carried over unchanged from the last one.
    package var rendered: Int
    /// Nothing changed since the last build: nothing was read or written.
    package var upToDate: Bool
    package var seconds: Double
}

/// `errwiki build`: content and theme in, a whole static site out, or nothing changed at all.
///
/// Order of work: the theme and the output folder are checked first (cheap, and they fail most
/// often), then the content stamp is compared with the last build's, then the content is loaded and
/// checked exactly as `check` does (an error stops the build), then every page is either carried over
/// (same digest as last time: hard-linked from the previous site) or rendered, in parallel, into a
/// staging folder that replaces the old site in one step.
package enum SiteBuilder {
    package static func build(
        _ request: BuildRequest,
        report: (CheckReport) -> Void = { _ in },
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws(BuildError) -> BuildSummary {
        let start = DispatchTime.now()
        let startedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        // ERRWIKI_TRACE=1: the time of each phase on stderr, for benchmarking.
        let tracing = ProcessInfo.processInfo.environment["ERRWIKI_TRACE"] == "1"
        func trace(_ phase: String) {
            if tracing { FileHandle.standardError.write(Data(String(format: "%8.3f s  %@\n", elapsed(), phase).utf8)) }
        }

        let theme = try Theme.load(folder: request.templatesFolder)
        let output = OutputFolder(request.outputFolder)
        try output.validate(protecting: request.content.paths + (request.templatesFolder.map { [$0] } ?? []))
        let lock = try output.lock()
        defer { output.unlock(lock) }

        var inputs = StableHasher()
        inputs.combine([theme.digest, request.options.digest, Self.formatVersion])
        let stamp = TreeStamp.of(request.content)
        let previous = BuildManifest.read(folder: output.path)
        if let previous, previous.contentDigest == stamp.digest, previous.inputsDigest == inputs.hexDigest,
           !stamp.isRacy(builtAt: previous.builtAt) {
            return BuildSummary(pages: previous.pages.count, rendered: 0, upToDate: true, seconds: elapsed())
        }

        trace("theme, output, stamp")
        let checked = ContentCheck.run(request.content)
        trace("load and check")
        report(checked)
        guard checked.diagnostics.errorCount == 0 else { throw .content(errors: checked.diagnostics.errorCount) }

        let model = SiteModel(articles: checked.wiki.published(includingDrafts: request.options.includeDrafts), options: request.options,
                              catalogs: checked.wiki.catalogs, synonyms: checked.wiki.synonyms)
        if !model.catalogs.isEmpty && !theme.has("codes") {
            throw .theme("\(theme.folder)/codes.mustache: missing (the content has code catalogs, which need this page template)")
        }
        let pages = plan(model: model, theme: theme)
        trace("plan")

        let staging = try output.makeStaging()
        let rendered: Int
        do {
            rendered = try write(pages, into: staging, reusingFrom: previous.map { _ in output.path }, previous: previous, progress: progress)
            trace("write pages")
            let manifest = BuildManifest(contentDigest: stamp.digest, builtAt: startedAt, inputsDigest: inputs.hexDigest,
                                         pages: Dictionary(uniqueKeysWithValues: pages.map { ($0.path.value, $0.digest) }))
            try writeFile(Array(manifest.text.utf8), to: staging + "/" + OutputFolder.markerName)
            try output.commit(staging: staging)
        } catch {
            output.discard(staging: staging)
            throw error
        }
        return BuildSummary(pages: pages.count, rendered: rendered, upToDate: false, seconds: elapsed())
    }

    /// Bumped when the program's own output changes, so a new errwiki rebuilds every page.
    static let formatVersion = "site-1"

    /// Every file of the site with its digest.
    static func plan(model: SiteModel, theme: Theme) -> [Page] {
        let cards = ParallelMap.map(model.articles) { ArticleCard($0) }
        let digests = ParallelMap.map(Array(model.articles.indices)) {
            ArticlePage.digest(of: $0, in: model, cards: cards, themeDigest: theme.digest)
        }
        let cardHTML = CardRenderer(theme: theme, cards: cards)
        var pages: [Page] = model.articles.indices.map { index in
            Page(path: .article(model.articles[index].id), digest: digests[index]) {
                Array(theme.render("article", ArticlePage.context(of: index, in: model, cards: cards, cardHTML: cardHTML)).utf8)
            }
        }
        let others = ListingPages.all(model: model, cards: cards, cardHTML: cardHTML, theme: theme)
            + RootPages.all(model: model, cards: cards, cardHTML: cardHTML, theme: theme)
            + CatalogPages.all(model: model, theme: theme)
        pages += others
        pages.insert(contentsOf: SearchIndexScript.pages(model: model, cards: cards), at: 0)
        let catalogIndex = CatalogIndexScript.page(model: model)
        if let catalogIndex { pages.insert(catalogIndex, at: 0) }
        if let sitemap = Sitemap.page(model: model, cards: cards, extraPaths: others.map(\.path).filter { $0 != .notFound }) {
            pages.append(sitemap)
        }
        // The export changes with any article or catalog: its digest is theirs.
        var exportDigest = StableHasher()
        exportDigest.combine(digests + [catalogIndex?.digest ?? "", "export-\(WikiExport.version)"])
        pages.append(Page(path: .articlesJSON, digest: exportDigest.hexDigest, rendersInParallel: true) {
            Array(WikiExport.json(model, generator: "errwiki site").utf8)
        })
        let schema = Array(ArticleSchema.json.utf8)
        var schemaDigest = StableHasher()
        schema.withUnsafeBytes { schemaDigest.combine(bytes: $0) }
        pages.append(Page(path: .articleSchema, digest: schemaDigest.hexDigest) { schema })
        for asset in theme.assets {
            var hasher = StableHasher()
            hasher.combine(asset.name)
            asset.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            let bytes = asset.bytes
            pages.append(Page(path: .asset(asset.name), digest: hasher.hexDigest) { bytes })
        }
        return pages
    }

    /// Writes every page into `staging`, hard-linking those whose digest matches the previous build's.
    /// Returns how many were rendered.
    static func write(_ pages: [Page], into staging: String, reusingFrom previousFolder: String?, previous: BuildManifest?,
                      progress: (@Sendable (Int, Int) -> Void)?) throws(BuildError) -> Int {
        let folders = Set(pages.map { ($0.path.value as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }
        for folder in folders.sorted() where mkdir(staging + "/" + folder, 0o755) != 0 && errno != EEXIST {
            throw .output("\(staging)/\(folder): cannot create: \(String(cString: strerror(errno)))")
        }
        let failure = Mutex<BuildError?>(nil)
        let done = Atomic<Int>(0)
        let renderedCount = Atomic<Int>(0)
        let total = pages.count
        // Pages that use every core themselves first, one at a time, then the rest in parallel.
        let order = pages.indices.filter { pages[$0].rendersInParallel } + pages.indices.filter { !pages[$0].rendersInParallel }
        let first = order.prefix { pages[$0].rendersInParallel }.count
        @Sendable func handle(_ index: Int) {
            if failure.withLock({ $0 != nil }) { return }
            let page = pages[index]
            let target = staging + "/" + page.path.value
            var reused = false
            if let previousFolder, previous?.pages[page.path.value] == page.digest {
                reused = link(previousFolder + "/" + page.path.value, target) == 0
            }
            if !reused {
                do throws(BuildError) {
                    try writeFile(page.render(), to: target)
                    renderedCount.add(1, ordering: .relaxed)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            let finished = done.add(1, ordering: .relaxed).newValue
            if let progress, finished % 256 == 0 || finished == total { progress(finished, total) }
        }
        for index in order.prefix(first) { handle(index) }
        DispatchQueue.concurrentPerform(iterations: order.count - first) { handle(order[first + $0]) }
        if let error = failure.withLock({ $0 }) { throw error }
        return renderedCount.load(ordering: .relaxed)
    }

    /// Creates `path` (which must not exist: the staging folder is new) and writes `bytes`.
    static func writeFile(_ bytes: [UInt8], to path: String) throws(BuildError) {
        do throws(ExclusiveFile.Failure) {
            try ExclusiveFile.create(path, bytes: bytes)
        } catch {
            switch error {
            case .exists: throw .output("\(path): already exists in the new staging folder")
            case .failed(let reason): throw .output("\(path): cannot write: \(reason)")
            }
        }
    }
}
