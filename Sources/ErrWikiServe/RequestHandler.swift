import Foundation

/// Answers GET and HEAD with files of the built site: content types, `ETag`/`Last-Modified` and 304
/// for conditional requests, the site's `404.html` for anything else, 400 for malformed paths. HTML
/// pages get the live-reload script (and the error overlay while the content has errors).
struct RequestHandler: Sendable {
    let files: SiteFiles
    let state: BuildState

    func handleRequest(_ request: HTTPRequest) async -> HTTPReply {
        var reply = await reply(to: request)
        reply.omitsBody = request.method == "HEAD"
        return reply
    }

    private func reply(to request: HTTPRequest) async -> HTTPReply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPReply(status: 405, headers: [("Allow", "GET, HEAD")])
        }
        if request.path == LiveReload.waitPath {
            let known = request.query.first { $0.name == "version" }.flatMap { Int($0.value) } ?? -1
            let version = await state.wait(after: known, timeout: 25)
            return HTTPReply(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")],
                             body: Array("{\"version\":\(version)}".utf8))
        }
        switch files.lookup(request.path) {
        case .badRequest:
            return HTTPReply(status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("bad request\n".utf8))
        case .redirect(let location):
            return HTTPReply(status: 301, headers: [("Location", location)])
        case .notFound:
            return await page(at: files.root + "/404.html", contentType: "text/html; charset=utf-8", status: 404, request: request)
        case .file(let path, let contentType):
            return await page(at: path, contentType: contentType, status: 200, request: request)
        }
    }

    private func page(at path: String, contentType: String, status: Int, request: HTTPRequest) async -> HTTPReply {
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            // No page at all (the first build failed): a placeholder that still shows the overlay and reloads.
            let placeholder = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>errwiki</title></head><body><h1>No site yet</h1></body></html>\n"
            let body = LiveReload.inject(into: placeholder, version: await state.version, error: await state.error)
            return HTTPReply(status: 404, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                             body: Array(body.utf8))
        }
        let isHTML = contentType.hasPrefix("text/html")
        let version = await state.version
        let error = await state.error
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        // HTML carries the build version and the error state, so a reload after a build never gets a stale 304.
        let etag = "\"\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\(isHTML ? "-v\(version)" : "")\""
        let headers = [("Content-Type", contentType), ("ETag", etag), ("Last-Modified", Self.httpDate(modified)), ("Cache-Control", "no-cache")]
        if status == 200 {
            if let match = request.headers["if-none-match"] {
                if match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
                    return HTTPReply(status: 304, headers: headers)
                }
            } else if !isHTML, let since = request.headers["if-modified-since"].flatMap(Self.parseHTTPDate), since >= modified.addingTimeInterval(-0.999) {
                return HTTPReply(status: 304, headers: headers)
            }
        }
        if isHTML {
            return HTTPReply(status: status, headers: headers,
                             body: Array(LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version, error: error).utf8))
        }
        return HTTPReply(status: status, headers: headers, body: [UInt8](data))
    }

    static func httpDate(_ date: Date) -> String {
        formatter().string(from: date)
    }

    static func parseHTTPDate(_ text: String) -> Date? {
        formatter().date(from: text)
    }

    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
