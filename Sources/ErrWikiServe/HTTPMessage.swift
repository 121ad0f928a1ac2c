/// The parts of an HTTP/1.1 request the preview needs, and the reply it sends. The preview serves
/// loopback only and closes every connection after one reply, so there is no keep-alive, chunking
/// or request body to handle.
struct HTTPRequest: Sendable {
    var method: String
    /// The path as sent, still percent-encoded (`SiteFiles` decodes and checks it).
    var path: String
    var query: [(name: String, value: String)]
    /// Header names lowercased; a repeated header keeps its first value.
    var headers: [String: String]

    /// The largest request head accepted; the preview's requests are a few hundred bytes.
    static let maximumHeadSize = 32 * 1024

    /// The request in `head` (the bytes before the blank line), or nil when it is not a request line
    /// and headers in origin form.
    init?(head: [UInt8]) {
        let text = String(decoding: head, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1."), requestLine[1].hasPrefix("/"),
              !requestLine[0].isEmpty, requestLine[0].allSatisfy({ $0.isUppercase && $0.isASCII }) else { return nil }
        method = String(requestLine[0])
        let target = requestLine[1]
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        query = parts.count > 1 ? parts[1].split(separator: "&").map { pair in
            let field = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(field[0]), field.count > 1 ? String(field[1]) : "")
        } : []
        headers = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            if headers[name] == nil { headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
    }
}

struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]
    /// HEAD: the headers of the GET reply (its Content-Length included), no body.
    var omitsBody = false

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The bytes on the wire: status line, headers, `Content-Length`, `Connection: close`, body.
    var bytes: [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return Array(head.utf8) + (omitsBody ? [] : body)
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
