extension StableHasher {
    /// Combines every stored property of `value`, found with `Mirror` and walked in declaration
    /// order, nested values included: the digest of a whole value, so a property added to its type
    /// is in the digest without anyone listing it. Dictionaries and sets are combined in an order of
    /// their own (their iteration order changes from run to run); values without stored properties
    /// (numbers, enum cases) by their description.
    package mutating func combine(reflecting value: Any) {
        // The common leaves first: a `Mirror` for each would cost more than the hashing.
        switch value {
        case let text as String: combine(text)
        case let number as Int: combine(Int64(number))
        case let flag as Bool: combine(flag ? 1 : 0)
        case let texts as [String]: combine(texts)
        default: combine(children: Mirror(reflecting: value), of: value)
        }
    }

    private mutating func combine(children mirror: Mirror, of value: Any) {
        switch mirror.displayStyle {
        case .dictionary?, .set?:
            var entries = mirror.children.map { entry in
                var hasher = StableHasher()
                hasher.combine(reflecting: entry.value)
                return hasher.value
            }
            entries.sort()
            combine(Int64(entries.count))
            for entry in entries { combine(Int64(bitPattern: entry)) }
        case .collection?, .optional?:
            combine(Int64(mirror.children.count))
            for child in mirror.children { combine(reflecting: child.value) }
        default:
            guard !mirror.children.isEmpty else { return combine(String(describing: value)) }
            for child in mirror.children {
                combine(child.label ?? "")
                combine(reflecting: child.value)
            }
        }
    }
}
