import Synchronization

/// Set by a read of the index that finds bytes it cannot decode: a posting list, a record, a key's
/// article list. Opening checks only the header and the table offsets (checking every posting would
/// cost each lookup on a large wiki), so damage inside a table shows up when a query reads it; the
/// query's answer is then thrown away and the index rebuilt (`IndexStore.answer`).
final class IndexDamage: Sendable {
    private let found = Atomic<Bool>(false)

    func record() { found.store(true, ordering: .relaxed) }

    var isFound: Bool { found.load(ordering: .relaxed) }
}
