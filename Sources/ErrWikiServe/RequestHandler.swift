import FlyingFox
import Foundation

/// Answers GET and HEAD with files of the built site: content types, `ETag`/`Last-Modified` and 304
/// for conditional requests, the site's `404.html` for anything else, 400 for malformed paths. HTML
/// pages get the live-reload script (and the error overlay while the content has errors).
struct RequestHandler: HTTPHandler {
    let files: SiteFiles
    let state: BuildState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var headers = HTTPHeaders()
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers, body: Data())
        }
        let rawPath = request.target.path(percentEncoded: true)
        if rawPath == LiveReload.waitPath {
            let known = request.query.first { $0.name == "version" }.flatMap { Int($0.value) } ?? -1
            let version = await state.wait(after: known, timeout: 25)
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                                body: Data("{\"version\":\(version)}".utf8))
        }
        switch files.lookup(rawPath) {
        case .badRequest:
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("bad request\n".utf8))
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location], body: Data())
        case .notFound:
            return await page(at: files.root + "/404.html", contentType: "text/html; charset=utf-8", status: .notFound, request: request)
        case .file(let path, let contentType):
            return await page(at: path, contentType: contentType, status: .ok, request: request)
        }
    }

    private func page(at path: String, contentType: String, status: HTTPStatusCode, request: HTTPRequest) async -> HTTPResponse {
        var info = stat()
        guard stat(path, &info) == 0, let data = FileManager.default.contents(atPath: path) else {
            // No page at all (the first build failed): a placeholder that still shows the overlay and reloads.
            let placeholder = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>errwiki</title></head><body><h1>No site yet</h1></body></html>\n"
            let body = LiveReload.inject(into: placeholder, version: await state.version, error: await state.error)
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: request.method == .HEAD ? Data() : Data(body.utf8))
        }
        let isHTML = contentType.hasPrefix("text/html")
        let version = await state.version
        let error = await state.error
        let modified = Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec))
        // HTML carries the build version and the error state, so a reload after a build never gets a stale 304.
        let etag = "\"\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\(isHTML ? "-v\(version)" : "")\""
        var headers: HTTPHeaders = [.contentType: contentType, .eTag: etag, .lastModified: Self.httpDate(modified), .cacheControl: "no-cache"]
        if status == .ok {
            if let match = request.headers[.ifNoneMatch] {
                if match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
                    return HTTPResponse(statusCode: .notModified, headers: headers)
                }
            } else if !isHTML, let since = request.headers[.ifModifiedSince].flatMap(Self.parseHTTPDate), since >= modified.addingTimeInterval(-0.999) {
                return HTTPResponse(statusCode: .notModified, headers: headers)
            }
        }
        var body = data
        if isHTML {
            body = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version, error: error).utf8)
        }
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
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
