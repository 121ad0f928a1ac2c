/// Cuts a sorted list into consecutive shards of about `target` bytes (an item larger than the
/// target is a shard of its own), so a query loads a few small files, never one per item.
enum SearchShards {
    static func cut(_ sizes: [Int], target: Int) -> [Range<Int>] {
        var shards: [Range<Int>] = [], start = 0, bytes = 0
        for (index, size) in sizes.enumerated() {
            if bytes > 0 && bytes + size > target {
                shards.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += size
        }
        if start < sizes.count { shards.append(start..<sizes.count) }
        return shards
    }
}
