import ErrWikiKit
import Foundation

/// Maps a request path onto a file of the built site, and nothing else: percent-decoding happens
/// once, then any `..`, `.`, hidden, empty-after-decoding or backslash segment is refused, and the
/// resolved file must still lie inside the site folder (symbolic links included: `ContentRoot`'s rule).
struct SiteFiles: Sendable {
    let root: String

    enum Lookup: Equatable {
        case file(path: String, contentType: String)
        case notFound
        case badRequest
        /// A folder asked for without its trailing slash: relative links need the slash.
        case redirect(String)
    }

    func lookup(_ rawPath: String) -> Lookup {
        let pathOnly = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let decoded = pathOnly.removingPercentEncoding, decoded.hasPrefix("/"),
              !decoded.contains("\0"), !decoded.contains("\\") else { return .badRequest }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments[segments.count - 1] = "index.html" }
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." { return .badRequest }
            if segment.hasPrefix(".") { return .notFound } // the build marker, editor files
        }
        guard let real = ContentRoot(root).resolve(segments.joined(separator: "/")) else { return .notFound }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if info.st_mode & S_IFMT == S_IFDIR {
            // `/tag` → `/tag/`, when that folder has an index.
            if case .file = lookup(pathOnly + "/") { return .redirect(pathOnly + "/") }
            return .notFound
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notFound }
        return .file(path: real, contentType: Self.contentType(of: real))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return "application/octet-stream"
        }
    }
}
