import ArgumentParser
import ErrWikiKit
import Foundation

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        guard (0...50).contains(context) else { throw ValidationError("--context must be between 0 and 50") }
    }

    func run() throws {
        let folder = try content.resolve()
        let (summaries, opened) = IndexStore(contentRoot: folder).answer { Ranker(index: $0).all().map(\.article) }
        Lookups.warnAboutLeftOut(opened)
        let signatures = LogSignatures(articles: summaries)
        var builder = DiagnosisBuilder(signatures: signatures, minimumSeverity: minSeverity, context: context)
        let inputs = files.isEmpty ? ["-"] : files
        var failed = false
        for input in inputs {
            builder.begin(file: inputs.count > 1 ? input : nil)
            do {
                try LogInput.read(input) { line, number in builder.add(line, number: number) }
            } catch {
                StandardError.write("errwiki diagnose: \(Terminal.sanitized(input)): \(error)\n")
                failed = true
            }
        }
        let diagnosis = builder.result()
        if json {
            FileHandle.standardOutput.write(Data(DiagnosisJSON.encode(diagnosis).utf8))
        } else {
            var options = OutputOptions()
            options.color = color
            options.noPager = true
            let output = options.terminal()
            var firstSteps: [String: Step] = [:]
            for match in diagnosis.matches {
                // An article that no longer loads says why on stderr; the renderer still names it.
                if let step = Lookups.readArticle(match.article, contentRoot: folder)?.steps.first {
                    firstSteps[match.article.id] = step
                }
            }
            output.write(DiagnosisRenderer(style: output.style).render(diagnosis, firstSteps: firstSteps))
            let articles = diagnosis.matches.count
            StandardError.write("\(articles) \(articles == 1 ? "article" : "articles") matched in \(diagnosis.linesRead) lines read\n")
        }
        if failed { throw ExitCode(2) }
        if let failOn, diagnosis.matches.contains(where: { $0.article.severity <= failOn }) { throw ExitCode(3) }
        if diagnosis.matches.isEmpty { throw ExitCode(1) }
    }
}

/// Opens one input of `diagnose`: a file, standard input, or a .gz file through `gzip -dc`.
enum LogInput {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ input: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        if input == "-" {
            var reader = LogLineReader(descriptor: STDIN_FILENO)
            try readAll(&reader, body)
            return
        }
        let descriptor = open(input, O_RDONLY)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw Failure(description: "is a directory")
        }
        if input.hasSuffix(".gz") {
            close(descriptor)
            try readCompressed(input, body)
            return
        }
        defer { close(descriptor) }
        var reader = LogLineReader(descriptor: descriptor)
        try readAll(&reader, body)
    }

    private static func readAll(_ reader: inout LogLineReader, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        do {
            try reader.forEachLine(body)
        } catch .failed(let code) {
            throw Failure(description: String(cString: strerror(code)))
        }
    }

    private static func readCompressed(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", path]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        var reader = LogLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
        try readAll(&reader, body)
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Failure(description: "cannot decompress: " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
