import Foundation
import ErrWikiKit

/// Commands that run as a program of their own, installed beside `errwiki` (`errwiki mcp` runs
/// `errwiki-mcp`), so that what they link is never loaded by the others.
package enum Helper {
    /// The subcommands that are helpers, by name.
    package static let commands = ["mcp": "errwiki-mcp"]

    /// When `arguments` (without the program name) run a helper (`mcp …`, or `help mcp`), replaces
    /// this process with it; otherwise returns. Fails with exit 1 when the helper is not installed.
    package static func execIfDelegated(_ arguments: [String]) {
        var rest = arguments
        if rest.first == "help", rest.count >= 2, commands[rest[1]] != nil { rest = [rest[1], "--help"] }
        guard let name = rest.first, let program = commands[name] else { return }
        let folder = ContentLocator.runningExecutable().map { ($0 as NSString).deletingLastPathComponent } ?? "."
        let path = folder + "/" + program
        guard access(path, X_OK) == 0 else {
            StandardError.write("errwiki \(name): \(program) is not installed beside errwiki (looked for \(path)); `make install` installs both\n")
            exit(1)
        }
        let argv = ([path] + rest.dropFirst()).map { strdup($0) } + [nil]
        execv(path, argv)
        StandardError.write("errwiki \(name): cannot run \(path): \(String(cString: strerror(errno)))\n")
        exit(1)
    }
}
