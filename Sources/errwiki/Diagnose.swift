import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import Foundation

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Find the known errors in a log: every article whose patterns match its lines.",
        discussion: """
        Reads the files (standard input when none, or -; .gz files are decompressed) line by line and
        reports each matched article once, most severe first, with the first step to take. Nothing is run.
        Exit status: 0 something matched, 1 nothing matched, 2 a file could not be read,
        3 a match at or above --fail-on, 64 usage error.

        Examples:
          dmesg | errwiki diagnose
          journalctl -b | errwiki diagnose --min-severity high
          errwiki diagnose --json /var/log/syslog /var/log/syslog.2.gz
          errwiki diagnose --fail-on critical build.log     # in CI: exit 3 on a critical match
        """
    )

    @Argument(help: "Log files; - or nothing for standard input.")
    var files: [String] = []

    @OptionGroup var content: ContentOption

    @Flag(help: "Print the matches as JSON.")
    var json = false

    @Option(help: "Only report articles of this severity or worse.")
    var minSeverity: Severity = .info

    @Option(help: "Show N lines before and after each shown match.")
    var context = 0

    @Option(help: "Exit with status 3 when an article of this severity or worse matched.")
    var failOn: Severity?

    @Option(help: "How candidate lines are found: hyperscan (where the library and the CPU allow it, else swift) or swift. The matches are the same.")
    var engine: Engine = .hyperscan

    @Flag(help: "Say on standard error which engine ran and how its patterns were prepared.")
    var verbose = false

    @OptionGroup var color: ColorOption

    enum Engine: String, ExpressibleByArgument, CaseIterable {
        case hyperscan, swift
    }

    func validate() throws {
        guard (0...50).contains(context) else { throw ValidationError("--context must be between 0 and 50") }
    }

    func run() throws {
        let session = DiagnoseSession(content: try content.resolve(), style: color.style(), useHyperscan: engine == .hyperscan)
        let answer = session.run(DiagnoseSession.Request(inputs: files, minimumSeverity: minSeverity, context: context, json: json),
                                 problems: StandardError.write)
        FileHandle.standardOutput.write(Data(answer.output.utf8))
        if verbose { StandardError.write("engine: \(answer.engine)\n") }
        StandardError.write(answer.summary)
        if answer.unreadableInput { throw ExitCode(2) }
        if let failOn, answer.diagnosis.matches.contains(where: { $0.article.severity <= failOn }) { throw ExitCode(3) }
        if answer.diagnosis.matches.isEmpty { throw ExitCode(1) }
    }
}
