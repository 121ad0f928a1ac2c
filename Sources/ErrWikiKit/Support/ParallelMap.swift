import Dispatch
import Synchronization

/// `map` over every core, results in input order.
package enum ParallelMap {
    package static func map<Element: Sendable, Result: Sendable>(_ items: [Element], _ transform: @Sendable (Element) -> Result) -> [Result] {
        // Nothing to share out: no worker threads started.
        if items.count <= 1 { return items.map(transform) }
        let results = Mutex([Result?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let result = transform(items[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }
}
