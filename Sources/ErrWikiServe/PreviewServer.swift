import ErrWikiKit
import ErrWikiSite
import Foundation

/// `errwiki serve`: builds the site into a private folder, serves it on loopback, and rebuilds when
/// the content or the theme changes (only the pages whose inputs changed are rendered again). Pages
/// are replaced only by a finished build, then the open tabs reload. A content error keeps the last
/// good pages and shows the diagnostics over them until it is fixed.
package final class PreviewServer: Sendable {
    package struct Configuration: Sendable {
        package var content: ContentRoots
        /// nil: the theme built into the binary (nothing to watch).
        package var templatesFolder: String?
        package var host: String
        package var port: UInt16
        package var options: SiteOptions
        /// How often the watcher looks for changes.
        package var pollInterval: Double

        package init(content: ContentRoots, templatesFolder: String?, host: String = "127.0.0.1", port: UInt16 = 8000,
                    options: SiteOptions = SiteOptions(), pollInterval: Double = 0.25) {
            self.content = content
            self.templatesFolder = templatesFolder
            self.host = host
            self.port = port
            self.options = options
            self.pollInterval = pollInterval
        }
    }

    package enum Failure: Error, CustomStringConvertible {
        case portInUse(host: String, port: UInt16)
        case cannotListen(String)
        case firstBuild(String)

        package var description: String {
            switch self {
            case .portInUse(let host, let port): return "\(host):\(port) is already in use; stop the other server or pass --port N"
            case .cannotListen(let reason): return "cannot listen: \(reason)"
            case .firstBuild(let reason): return reason
            }
        }
    }

    let configuration: Configuration
    let siteFolder: String
    let state = BuildState()
    /// Progress (stdout in the CLI).
    let log: @Sendable (String) -> Void
    /// Content and theme errors (stderr in the CLI: diagnostics never go to stdout).
    let problems: @Sendable (String) -> Void

    package init(_ configuration: Configuration, log: @escaping @Sendable (String) -> Void,
                problems: @escaping @Sendable (String) -> Void) throws {
        self.configuration = configuration
        self.log = log
        self.problems = problems
        // A private folder (mkdtemp: a fresh name, mode 0700), so no other user can plant pages in it.
        var template = Array((NSTemporaryDirectory() + "errwiki-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure.cannotListen("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        siteFolder = String(cString: made) + "/site"
    }

    /// Removes the preview's private build folder.
    package func cleanUp() {
        try? FileManager.default.removeItem(atPath: (siteFolder as NSString).deletingLastPathComponent)
    }

    /// Builds, listens and watches until cancelled. `ready` receives the URL once the server listens.
    package func run(ready: @escaping @Sendable (String) -> Void) async throws {
        defer { cleanUp() }
        // Stamped before the first build: an edit made while it runs, or between "serving" and the
        // watcher's first look, is a change like any other (stamping later silently swallowed it).
        let initial = stamp()
        await rebuild(reason: "first build")
        if !FileManager.default.fileExists(atPath: siteFolder + "/index.html") {
            // No good build yet: every request gets a placeholder page with the error overlay.
            try? FileManager.default.createDirectory(atPath: siteFolder, withIntermediateDirectories: true)
        }

        let listener: HTTPListener
        do throws(HTTPListener.Failure) {
            let handler = RequestHandler(files: SiteFiles(root: siteFolder), state: state)
            listener = try HTTPListener(host: configuration.host, port: configuration.port) { await handler.handleRequest($0) }
        } catch {
            switch error {
            case .portInUse: throw Failure.portInUse(host: configuration.host, port: configuration.port)
            case .cannotListen(let reason): throw Failure.cannotListen(reason)
            }
        }
        listener.start()
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        ready("http://\(host):\(listener.port)/")
        try await watch(from: initial)
    }

    /// Polls the content and theme stamps; rebuilds when either differs from `last`.
    private func watch(from initial: [TreeStamp]) async throws {
        var last = initial
        while !Task.isCancelled {
            try await Task.sleep(nanoseconds: UInt64(configuration.pollInterval * 1_000_000_000))
            let now = stamp()
            if now != last {
                last = now
                // Editors save in several steps; let them finish before reading.
                try await Task.sleep(nanoseconds: 50_000_000)
                last = stamp()
                await rebuild(reason: "change")
            }
        }
    }

    private func stamp() -> [TreeStamp] {
        [TreeStamp.of(configuration.content)] + (configuration.templatesFolder.map { [TreeStamp.of(folder: $0)] } ?? [])
    }

    private func rebuild(reason: String) async {
        let request = BuildRequest(content: configuration.content, templatesFolder: configuration.templatesFolder,
                                   outputFolder: siteFolder, options: configuration.options)
        let errors = ErrorsBox()
        do {
            // The build uses every core for seconds: off the cooperative pool, so HTTP stays responsive.
            let summary = try await Self.offThePool {
                try SiteBuilder.build(request, report: { report in
                    let found = report.diagnostics.filter { $0.severity == .error }
                    if !found.isEmpty { errors.text = DiagnosticFormatter.report(found, fileCount: report.fileCount, roots: report.roots) }
                })
            }
            // Back to the last good state (a broken edit undone): nothing to render, but the error is gone.
            let showingError = await state.error != nil
            if summary.upToDate && reason != "first build" && !showingError { return }
            log("rebuilt: \(summary.rendered) of \(summary.pages) files written in \(String(format: "%.2f", summary.seconds)) s")
            await state.finished(error: nil)
        } catch {
            let text = errors.text ?? "\(error)"
            problems(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            problems("serving the last good build until this is fixed")
            await state.finished(error: text)
        }
    }

    /// Runs blocking work on a Dispatch thread and resumes the task when it is done.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

/// The diagnostics of a failed build, carried out of the report callback.
private final class ErrorsBox: @unchecked Sendable {
    var text: String?
}
