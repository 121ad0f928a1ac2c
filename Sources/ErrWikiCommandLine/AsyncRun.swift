import Dispatch
import Foundation

/// Runs the async work of a long-lived command (`serve`, `mcp`) from a synchronous `run()`, so the
/// root command stays a plain `ParsableCommand`: an async root would start Swift concurrency's
/// threads before every `lookup`, which costs more than the lookup's own work. The main thread
/// then serves the main dispatch queue (signal handlers) until `body` ends the process.
package enum AsyncRun {
    package static func forever(_ body: @escaping @Sendable () async -> Int32) -> Never {
        Task {
            let status = await body()
            fflush(nil)
            exit(status)
        }
        dispatchMain()
    }
}
