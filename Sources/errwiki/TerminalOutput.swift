import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import Foundation

/// Where a command's output goes: stdout, or `$PAGER` (default `less -R`) when it is long and
/// stdout is a terminal.
struct TerminalOutput {
    var style: TerminalStyle
    var usePager: Bool
    var size: (columns: Int, rows: Int)

    var width: Int { min(size.columns, 100) }

    func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a `lookup` or `show` answer: its problems on stderr, then its output; exit 1 when
    /// nothing was found.
    func write(_ answer: LookupAnswer) throws {
        StandardError.write(answer.problems)
        if answer.paged { page(answer.output) } else if !answer.output.isEmpty { write(answer.output) }
        if !answer.found { throw ExitCode(1) }
    }

    /// Writes `text`, through the pager when it does not fit on the screen.
    func page(_ text: String) {
        let lineCount = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        guard usePager, lineCount >= size.rows else { return write(text) }
        let environment = ProcessInfo.processInfo.environment
        let pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", pager]
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
        process.environment = pagerEnvironment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            return write(text)
        }
        // A pager quit early closes the pipe; ignore the resulting SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try? pipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    static func size(environment: [String: String], isTTY: Bool) -> (columns: Int, rows: Int) {
        var window = winsize()
        if isTTY, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
            return (Int(window.ws_col), Int(window.ws_row))
        }
        let columns = environment["COLUMNS"].flatMap(Int.init) ?? 80
        let rows = environment["LINES"].flatMap(Int.init) ?? 24
        return (max(20, columns), max(5, rows))
    }
}
