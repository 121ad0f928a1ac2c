import ErrWikiCommandLine
import Foundation

/// `[#####     ] 4096/10000 files` on stderr, redrawn in place; only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()

    func update(_ done: Int, _ total: Int) {
        guard total >= 512 else { return } // small builds finish before a bar is worth drawing
        let width = 30
        let filled = total == 0 ? width : done * width / total
        lock.lock()
        StandardError.write("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total) files")
        lock.unlock()
    }

    func clear() {
        StandardError.write("\r\u{1b}[K")
    }
}
