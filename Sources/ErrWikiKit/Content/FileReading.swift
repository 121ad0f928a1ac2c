import Foundation

enum FileReading {
    /// The whole file as bytes, or nil when it cannot be read.
    static func bytes(atPath path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }
}
