/// The state of the preview: which build the pages come from and the current content errors, with
/// the long-polling clients waiting for the next change.
actor BuildState {
    private(set) var version = 0
    private(set) var error: String?
    private var waiters: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0

    /// A build finished: bump the version (clients reload) and record its errors, if any.
    func finished(error: String?) {
        version += 1
        self.error = error
        let ready = waiters.values
        waiters.removeAll()
        for continuation in ready { continuation.resume(returning: version) }
    }

    /// Returns once the version differs from `known`, or after `timeout` seconds with the same.
    func wait(after known: Int, timeout: Double) async -> Int {
        if version != known { return version }
        let id = nextWaiter
        nextWaiter += 1
        return await withCheckedContinuation { continuation in
            waiters[id] = continuation
            Task {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                self.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume(returning: version)
    }
}
