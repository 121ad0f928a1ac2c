import Foundation

/// `new --edit`: opens a file in `$VISUAL`, else `$EDITOR`, and waits for the editor to quit.
package struct EditorLauncher: Sendable {
    package var environment: [String: String]

    package init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    package struct NoEditor: Error, CustomStringConvertible {
        package var description: String { "--edit needs $VISUAL or $EDITOR" }
    }

    /// The editor setting, or nil when neither variable is set to something.
    package var editor: String? {
        [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty }
    }

    package func open(_ path: String) throws {
        guard let editor else { throw NoEditor() }
        // The editor setting may carry arguments (`code --wait`): let the shell split it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "errwiki-editor", path]
        try process.run()
        process.waitUntilExit()
    }
}
