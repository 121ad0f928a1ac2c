import Foundation

/// Size, modification and change times, and inode of a file: together they change whenever the
/// file does (an atomic save gives a new inode even within one timestamp tick).
struct FileStamp: Sendable, Hashable {
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64
    /// Inode change time, nanoseconds since 1970.
    var changed: Int64
    var inode: UInt64

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    static let unknown = FileStamp(size: -1, modified: 0, changed: 0, inode: 0)

    /// The latest of the two times: when the file was last touched in any way.
    var latest: Int64 { max(modified, changed) }

    /// How long after a file's stamp its content is still not trusted, ns. ext4, xfs and btrfs take
    /// file times from the kernel's coarse clock, which ticks every 1–10 ms (the kernel's HZ): a file
    /// written again within one tick keeps its stamp, so a reader that looked inside that tick saw
    /// content the stamp no longer describes (git calls such entries "racily clean"). 100 ms is ten
    /// of the slowest ticks; the price is re-reading files touched in the last tenth of a second.
    static let racyWindow: Int64 = 100_000_000

    /// Whether a run that started at `builtAt` (ns since 1970) may have read this file within the
    /// tick it was last written in, and must read it again.
    func isRacy(builtAt: Int64) -> Bool { Self.isRacy(changedAt: latest, builtAt: builtAt) }

    static func isRacy(changedAt time: Int64, builtAt: Int64) -> Bool { time >= builtAt - racyWindow }
}
