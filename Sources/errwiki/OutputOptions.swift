import ArgumentParser
import ErrWikiKit
import Foundation

/// `--color` and `--no-pager`, shared by commands that print for people.
struct OutputOptions: ParsableArguments {
    @OptionGroup var color: ColorOption

    @Flag(help: "Do not send long output through $PAGER.")
    var noPager = false

    func terminal() -> TerminalOutput {
        let isTTY = isatty(STDOUT_FILENO) == 1
        let environment = ProcessInfo.processInfo.environment
        return TerminalOutput(style: color.style(isTTY: isTTY, environment: environment), usePager: isTTY && !noPager,
                              size: TerminalOutput.size(environment: environment, isTTY: isTTY))
    }
}
