import Dispatch
import Foundation

/// A small HTTP/1.1 server on a listening socket: one thread accepts, one thread per connection reads
/// one request, asks `handler`, writes the reply and closes. Enough for a preview on loopback, and it
/// needs no networking library (FoundationNetworking and its libcurl would be loaded by every
/// `errwiki` start, `lookup` included).
final class HTTPListener: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) async -> HTTPReply

    enum Failure: Error {
        case portInUse
        case cannotListen(String)
    }

    /// The port bound (the one the system chose when 0 was asked for).
    let port: UInt16
    private let socket: Int32
    private let handler: Handler
    /// Connections being served; more than `maximumConnections` get 503 (long-polls hold one each).
    private let open = DispatchSemaphore(value: HTTPListener.maximumConnections)
    static let maximumConnections = 64

    /// Binds and listens on `host` (an IPv4 or IPv6 address) and `port`.
    init(host: String, port: UInt16, handler: @escaping Handler) throws(Failure) {
        let ipv6 = host.contains(":")
        let descriptor = Glibc.socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .cannotListen(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { close(descriptor); throw .cannotListen("\(host) is not an IP address") }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { close(descriptor); throw .cannotListen("\(host) is not an IP address") }
            bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard bound == 0, listen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            if code == EADDRINUSE { throw .portInUse }
            throw .cannotListen(String(cString: strerror(code)))
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        self.port = withUnsafePointer(to: &storage) { pointer in
            ipv6 ? pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
                 : pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        self.socket = descriptor
        self.handler = handler
    }

    /// Accepts connections on a thread of its own, for as long as the process runs.
    func start() {
        Thread { [self] in
            while true {
                let connection = accept(socket, nil, nil)
                guard connection >= 0 else {
                    if errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE { usleep(10_000); continue }
                    return
                }
                guard open.wait(timeout: .now()) == .success else {
                    Self.write(HTTPReply(status: 503, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("busy\n".utf8)), to: connection)
                    close(connection)
                    continue
                }
                _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
                Thread { [self] in
                    serve(connection)
                    close(connection)
                    open.signal()
                }.start()
            }
        }.start()
    }

    private func serve(_ connection: Int32) {
        // A client that sends nothing, or sends slowly, is dropped instead of holding a thread.
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Each read is searched for the blank line from where the last search stopped.
        var searched = 0
        var end: Int?
        while end == nil {
            guard received.count <= HTTPRequest.maximumHeadSize else {
                return Self.write(HTTPReply(status: 431, body: Array("request too large\n".utf8)), to: connection)
            }
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            received += buffer[..<count]
            end = Self.headEnd(in: received, from: searched)
            searched = max(0, received.count - 3)
        }
        guard let end, let request = HTTPRequest(head: Array(received[..<end])) else {
            return Self.write(HTTPReply(status: 400, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("bad request\n".utf8)), to: connection)
        }
        Self.write(answer(request), to: connection)
    }

    /// The handler's reply, waited for on this connection's own thread (not the cooperative pool).
    private func answer(_ request: HTTPRequest) -> HTTPReply {
        let done = DispatchSemaphore(value: 0)
        let reply = ReplyBox()
        let handler = self.handler
        Task {
            reply.value = await handler(request)
            done.signal()
        }
        done.wait()
        return reply.value ?? HTTPReply(status: 503)
    }

    /// Where the blank line after the headers starts, once it has arrived (looking from `start`).
    private static func headEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= start + 4 else { return nil }
        for index in start...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    private static func write(_ reply: HTTPReply, to connection: Int32) {
        let bytes = reply.bytes
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }
}

/// The reply carried from the handler's task to the connection's thread.
private final class ReplyBox: @unchecked Sendable {
    var value: HTTPReply?
}
