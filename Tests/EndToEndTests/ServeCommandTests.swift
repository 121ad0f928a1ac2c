import ErrWikiTestSupport
import Foundation
import Testing

/// `errwiki serve` driven with real HTTP requests on a free port.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `errwiki serve` on a copy of the fixture wiki, stopped (SIGINT) when done.
    final class RunningServer {
        let process = Process()
        let content: URL
        let port: Int
        private let output = Pipe()
        private let errors = Pipe()
        private var log = Data()
        private var errorDrain: Drain?

        /// - Parameters: `executable`, `directory` and `theme` default to the built binary run from the
        ///   repository with `--templates Templates`.
        /// - Parameter moreContent: further content roots, after `content`.
        init(port requested: Int = 0, content: URL? = nil, moreContent: [URL] = [], executable: URL = CommandRunner.binary,
             directory: URL = BuiltSite.repository, theme: [String] = ["--templates", "Templates"]) throws {
            let repository = BuiltSite.repository
            if let content {
                self.content = content
            } else {
                self.content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
                try FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: self.content)
            }
            process.executableURL = executable
            process.arguments = ["serve", "--port", String(requested), "--content", self.content.path]
                + moreContent.flatMap { ["--content", $0.path] } + theme
            process.currentDirectoryURL = directory
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            errorDrain = Drain(errors)
            var found: Int?
            let deadline = Date().addingTimeInterval(30)
            while found == nil && Date() < deadline && process.isRunning {
                let chunk = output.fileHandleForReading.availableData
                log += chunk
                let text = String(decoding: log, as: UTF8.self)
                if let range = text.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    found = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
                }
            }
            port = found ?? -1
        }

        /// Standard output, then (once stopped) standard error.
        var outputSoFar: String { standardOutput + standardError }
        var standardOutput: String { String(decoding: log, as: UTF8.self) }
        /// Empty until `stop()`.
        private(set) var standardError = ""

        func stop() -> Int32 {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            process.waitUntilExit()
            if let drain = errorDrain {
                errorDrain = nil
                log += output.fileHandleForReading.readDataToEndOfFile()
                standardError = drain.wait()
            }
            return process.terminationStatus
        }

        /// Reads a pipe to its end on its own thread (stderr, kept apart from stdout: diagnostics belong there).
        private final class Drain: @unchecked Sendable {
            private var data = Data()
            private let done = DispatchSemaphore(value: 0)

            init(_ pipe: Pipe) {
                Thread {
                    self.data = pipe.fileHandleForReading.readDataToEndOfFile()
                    self.done.signal()
                }.start()
            }

            /// Waits for the end of the stream; call once, after the process has exited.
            func wait() -> String {
                done.wait()
                return String(decoding: data, as: UTF8.self)
            }
        }

        /// Repeats `request` until `condition` holds (a rebuild takes a moment), up to 15 s.
        func eventually(_ path: String, _ condition: (HTTPReply) -> Bool) throws -> HTTPReply {
            var reply = try RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", port: port)
            let deadline = Date().addingTimeInterval(15)
            while !condition(reply) && Date() < deadline {
                usleep(100_000)
                reply = try RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", port: port)
            }
            return reply
        }
    }

    @Test func servesPagesWithTypesAndA404() throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        #expect(server.port > 0, "\(server.outputSoFar)")
        let home = try RawHTTP.get("/", port: server.port)
        #expect(home.status == 200 && home.header("content-type") == "text/html; charset=utf-8")
        #expect(home.body.contains("Fixture") || home.body.contains("<h1"))
        #expect(home.body.contains("/_errwiki/wait"), "the live-reload script is injected")
        let css = try RawHTTP.get("/assets/style.css", port: server.port)
        #expect(css.status == 200 && css.header("content-type") == "text/css; charset=utf-8")
        let script = try RawHTTP.get("/search/index.js", port: server.port)
        #expect(script.header("content-type") == "text/javascript; charset=utf-8")
        let missing = try RawHTTP.get("/no-such-page.html", port: server.port)
        #expect(missing.status == 404 && missing.body.contains("Page not found"))
        let category = try RawHTTP.get("/category/errno.html", port: server.port)
        #expect(category.status == 200)
        let post = try RawHTTP.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(post.status == 405)
        #expect(server.stop() == 0)
        #expect(server.outputSoFar.contains("stopped"))
    }

    @Test func headAndConditionalRequests() throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        let full = try RawHTTP.get("/enospc.html", port: server.port)
        let head = try RawHTTP.send("HEAD /enospc.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.header("content-length") == String(full.body.utf8.count))
        let etag = try #require(full.header("etag"))
        let again = try RawHTTP.send("GET /enospc.html HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(again.status == 304 && again.body.isEmpty)
        let css = try RawHTTP.get("/assets/style.css", port: server.port)
        let since = try #require(css.header("last-modified"))
        let notModified = try RawHTTP.send("GET /assets/style.css HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: \(since)\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(notModified.status == 304)
    }

    /// Enough `..` to reach `/` from the preview folder, so a server without path checks would leak.
    static let up = String(repeating: "../", count: 12)
    static let upEncoded = String(repeating: "%2e%2e/", count: 12)

    @Test(arguments: ["/\(up)etc/passwd", "/\(upEncoded)etc/passwd", "/" + String(repeating: "..%2f", count: 12) + "etc%2fpasswd",
                      "/assets/\(up)etc/passwd", "/" + String(repeating: "%2E%2E%5C", count: 12) + "etc%5Cpasswd", "//etc/passwd",
                      "/.errwiki-site", "/%00index.html", "/assets/\(upEncoded)etc/passwd"])
    func traversalIsRefused(_ path: String) throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        let reply = try RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(reply.status == 404 || reply.status == 400, "\(path): \(reply.status)")
        #expect(!reply.body.contains("root:"), "\(path) leaked a file")
        #expect(!reply.body.contains("errwiki-site 1"), "\(path) served the build manifest")
    }

    @Test func anEditShowsUpAndAnErrorShowsAnOverlayOverTheLastGoodPage() throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        let file = server.content.appendingPathComponent("errno/enospc.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        let before = try RawHTTP.get("/enospc.html", port: server.port)
        let version = try #require(before.body.firstMatch(of: /var version = (\d+);/).map { Int($0.1)! })

        // A long-poll for the next build, answered once the edit is built.
        nonisolated(unsafe) var waited: HTTPReply?
        let port = server.port
        let pollDone = DispatchSemaphore(value: 0)
        let poll = Thread {
            waited = try? RawHTTP.get("/_errwiki/wait?version=\(version)", port: port)
            pollDone.signal()
        }
        poll.start()

        try original.replacingOccurrences(of: "Log files that grew", with: "Journals that grew").write(to: file, atomically: true, encoding: .utf8)
        let edited = try server.eventually("/enospc.html") { $0.body.contains("Journals that grew") }
        #expect(edited.body.contains("Journals that grew"))
        pollDone.wait()
        #expect(waited?.body.contains("\"version\":\(version)") == false, "\(String(describing: waited?.body))")

        // Break the article: the page keeps its last good content, with the diagnostics over it.
        try original.replacingOccurrences(of: "severity: high", with: "severity: urgent").write(to: file, atomically: true, encoding: .utf8)
        let broken = try server.eventually("/enospc.html") { $0.body.contains("errwiki-error-overlay") }
        #expect(broken.status == 200)
        #expect(broken.body.contains("errwiki-error-overlay"))
        #expect(broken.body.contains("[invalid-severity]"))
        #expect(broken.body.contains("Journals that grew"), "the last good page is still served")

        // Fixed: the overlay goes away.
        try original.write(to: file, atomically: true, encoding: .utf8)
        let fixed = try server.eventually("/enospc.html") { !$0.body.contains("errwiki-error-overlay") }
        #expect(!fixed.body.contains("errwiki-error-overlay") && fixed.body.contains("Log files that grew"))
        _ = server.stop()
        #expect(server.outputSoFar.contains("invalid-severity"), "the terminal shows the diagnostic")
    }

    @Test func contentErrorsGoToStandardErrorNotStandardOutput() throws {
        // Broken before the server starts (an edit racing the watcher's first look could go unseen).
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.copyItem(at: BuiltSite.repository.appendingPathComponent("Tests/ErrWikiSiteTests/Fixtures/wiki"), to: content)
        let file = content.appendingPathComponent("errno/enospc.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "severity: high", with: "severity: urgent").write(to: file, atomically: true, encoding: .utf8)
        let server = try RunningServer(content: content)
        defer { _ = server.stop() }
        #expect(try RawHTTP.get("/", port: server.port).body.contains("errwiki-error-overlay"))
        #expect(server.stop() == 0)
        #expect(server.standardError.contains("enospc.md:"), "\(server.standardError)")
        #expect(server.standardError.contains("[invalid-severity]"), "\(server.standardError)")
        #expect(!server.standardOutput.contains("invalid-severity"), "\(server.standardOutput)")
        #expect(server.standardOutput.contains("serving "), "progress stays on stdout")
    }

    @Test func undoingABrokenChangeClearsTheOverlay() throws {
        let server = try RunningServer()
        defer { _ = server.stop() }
        // A new, broken article, then deleted: the content is back to the last good build exactly.
        let broken = server.content.appendingPathComponent("errno/broken.md")
        try "---\ntitle: [unclosed\n---\n".write(to: broken, atomically: true, encoding: .utf8)
        let shown = try server.eventually("/enospc.html") { $0.body.contains("errwiki-error-overlay") }
        #expect(shown.body.contains("errno/broken.md"))
        try FileManager.default.removeItem(at: broken)
        let cleared = try server.eventually("/enospc.html") { !$0.body.contains("errwiki-error-overlay") }
        #expect(!cleared.body.contains("errwiki-error-overlay"))
    }

    @Test func aFailedFirstBuildStillShowsTheErrorAndReloads() throws {
        let content = try FixturePaths.temporaryFolder().appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("errno"), withIntermediateDirectories: true)
        try "---\ntitle: Only\ncategory: errno\nseverity: urgent\nsummary: x\ncauses: [x]\nsteps: [x]\n---\n"
            .write(to: content.appendingPathComponent("errno/only.md"), atomically: true, encoding: .utf8)
        let server = try RunningServer(content: content)
        defer { _ = server.stop() }
        let page = try RawHTTP.get("/", port: server.port)
        #expect(page.status == 404)
        #expect(page.body.contains("errwiki-error-overlay") && page.body.contains("[invalid-severity]"))
        #expect(page.body.contains("/_errwiki/wait"))
        try "---\ntitle: Only\ncategory: errno\nseverity: low\nsummary: x\ncauses: [x]\nsteps: [x]\n---\n"
            .write(to: content.appendingPathComponent("errno/only.md"), atomically: true, encoding: .utf8)
        // The new pages are swapped in a moment before the build state drops the error: wait for both.
        let fixed = try server.eventually("/only.html") { $0.status == 200 && !$0.body.contains("errwiki-error-overlay") }
        #expect(fixed.status == 200 && !fixed.body.contains("errwiki-error-overlay"))
    }

    @Test func aPortInUseIsAClearErrorAndExit1() throws {
        let first = try RunningServer()
        defer { _ = first.stop() }
        let second = try RunningServer(port: first.port, content: first.content)
        let status = second.stop()
        #expect(status == 1)
        #expect(second.outputSoFar.contains("already in use"), "\(second.outputSoFar)")
    }
}

struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: String
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A minimal HTTP/1.1 client over a TCP socket: sends the request bytes exactly as written (no URL
/// normalisation, so traversal attempts reach the server as typed) and reads until the server closes.
enum RawHTTP {
    static func get(_ path: String, port: Int) throws -> HTTPReply {
        try send("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", port: port)
    }

    struct Failure: Error { var message: String }

    static func send(_ request: String, port: Int) throws -> HTTPReply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(message: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 40, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(message: "connect to \(port) failed") }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[0..<count]
            if let reply = parse(data), request.hasPrefix("HEAD") || reply.complete { return reply.reply }
        }
        guard let reply = parse(data) else { throw Failure(message: "no HTTP reply: \(String(decoding: data, as: UTF8.self))") }
        return reply.reply
    }

    /// The reply once its headers are in; `complete` when the body has its Content-Length.
    private static func parse(_ data: [UInt8]) -> (reply: HTTPReply, complete: Bool)? {
        let text = String(decoding: data, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[end.upperBound...])
        let length = headers["content-length"].flatMap(Int.init)
        return (HTTPReply(status: status, headers: headers, body: body), length.map { body.utf8.count >= $0 } ?? false)
    }
}
