import ArgumentParser
import ErrWikiKit
import Foundation

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--color`: the one colour decision, shared by every command that prints for people.
struct ColorOption: ParsableArguments {
    @Option(help: "Colour: auto (when stdout is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorChoice = .auto

    /// Colours for `always`; for `auto` only on a terminal, with NO_COLOR unset and TERM not `dumb`.
    func style(isTTY: Bool = isatty(STDOUT_FILENO) == 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        switch color {
        case .always: return TerminalStyle(colors: true)
        case .never: return TerminalStyle(colors: false)
        case .auto: return TerminalStyle(colors: isTTY && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
        }
    }
}
