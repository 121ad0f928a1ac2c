/// Where things are in a search index file (`SearchIndex`'s layout), for tests that damage one part
/// of a real index and leave the rest intact.
public enum IndexFileLayout {
    /// The header's table list starts here: `(u64 start, u32 count)` per table.
    static let tableList = 8 + 4 + 8 + 8 + 8 + 8 + 8 + 8

    /// The bytes of the posting lists (the third table's blob), behind a valid header and offsets.
    public static func postingsBlob(_ bytes: [UInt8]) -> Range<Int> {
        func integer(at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let table = tableList + 2 * 12
        let start = integer(at: table, size: 8), count = integer(at: table + 8, size: 4)
        let blobStart = start + 4 * (count + 1)
        return blobStart..<(blobStart + integer(at: start + 4 * count, size: 4))
    }
}
