/// `diagnose` over one content folder: streams each log past every indexed article's patterns and
/// lays the diagnosis out, as JSON or for a terminal of the given style. It prints nothing: each
/// problem goes to `problems` when it happens (a file that cannot be read is reported while the
/// next one streams), the rest is returned for the command to write.
package struct DiagnoseSession: Sendable {
    package var content: ContentRoots
    package var style: TerminalStyle
    /// Whether Hyperscan may prefilter (`--engine`); the matches are the same either way.
    package var useHyperscan: Bool

    package init(content: ContentRoots, style: TerminalStyle = .plain, useHyperscan: Bool = true) {
        self.content = content
        self.style = style
        self.useHyperscan = useHyperscan
    }

    /// What `diagnose` was asked.
    package struct Request: Sendable {
        /// Log files; `-` is standard input, and no inputs at all means standard input.
        package var inputs: [String]
        package var minimumSeverity: Severity
        /// Lines shown before and after each shown match.
        package var context: Int
        package var json: Bool

        package init(inputs: [String], minimumSeverity: Severity, context: Int, json: Bool) {
            self.inputs = inputs
            self.minimumSeverity = minimumSeverity
            self.context = context
            self.json = json
        }
    }

    package struct Answer: Sendable {
        package var diagnosis: Diagnosis
        /// For stdout: the JSON document, or the matches and the suggested next steps.
        package var output: String
        /// For stderr after the output: how many articles matched in how many lines ("" with JSON).
        package var summary: String
        /// Which engine picked the candidate lines (`--verbose`).
        package var engine: String
        /// Whether some input could not be read (the others were still diagnosed).
        package var unreadableInput: Bool
    }

    package func run(_ request: Request, problems: (String) -> Void) -> Answer {
        let (lookups, built) = start(minimumSeverity: request.minimumSeverity, context: request.context, problems: problems)
        var builder = built
        let inputs = request.inputs.isEmpty ? ["-"] : request.inputs
        var failed = false
        for input in inputs {
            builder.begin(file: inputs.count > 1 ? input : nil)
            do {
                try LogInput.read(input, block: { builder.begin(block: $0) }) { line, number in builder.add(line, number: number) }
            } catch {
                problems("errwiki diagnose: \(Terminal.sanitized(input)): \(error)\n")
                failed = true
            }
        }
        let diagnosis = builder.result()
        if request.json {
            return Answer(diagnosis: diagnosis, output: DiagnosisJSON.encode(diagnosis), summary: "", engine: builder.engine, unreadableInput: failed)
        }
        let firstSteps = Self.firstSteps(of: diagnosis, from: lookups, problems: problems)
        let articles = diagnosis.matches.count
        return Answer(diagnosis: diagnosis, output: DiagnosisRenderer(style: style, contentOptions: content.roots.count > 1 ? content.commandLineOptions : "").render(diagnosis, firstSteps: firstSteps),
                      summary: "\(articles) \(articles == 1 ? "article" : "articles") matched in \(diagnosis.linesRead) lines read\n",
                      engine: builder.engine, unreadableInput: failed)
    }

    /// The diagnosis of a log given as text (`mcp`'s `diagnose_log`), with each matched article's
    /// first step; lines split as a file's are (`LogLineReader`).
    package func run(text: String, problems: (String) -> Void) -> (diagnosis: Diagnosis, firstSteps: [String: Step]) {
        var (lookups, builder) = start(minimumSeverity: .info, context: 0, problems: problems)
        builder.begin(file: nil)
        var reader = LogLineReader(text: text)
        try? reader.forEachLine({ line, number in builder.add(line, number: number) }, block: { builder.begin(block: $0) })  // nothing to read: cannot fail
        let diagnosis = builder.result()
        return (diagnosis, Self.firstSteps(of: diagnosis, from: lookups, problems: problems))
    }

    /// The index's articles and a builder over their patterns; the index's warning goes to `problems`.
    private func start(minimumSeverity: Severity, context: Int, problems: (String) -> Void) -> (LookupSession, DiagnosisBuilder) {
        let lookups = LookupSession(content: content)
        let (summaries, warning) = lookups.everyArticle()
        if !warning.isEmpty { problems(warning) }
        let engine: LogSignatures.Engine = useHyperscan ? .hyperscan(cachePath: IndexStore(roots: content).cachePath("prefilter", suffix: ".hsdb")) : .swift
        return (lookups, DiagnosisBuilder(signatures: LogSignatures(articles: summaries, engine: engine), minimumSeverity: minimumSeverity, context: context))
    }

    /// Each matched article's first step; an article that no longer loads says why (the renderer still names it).
    private static func firstSteps(of diagnosis: Diagnosis, from lookups: LookupSession, problems: (String) -> Void) -> [String: Step] {
        var steps: [String: Step] = [:]
        for match in diagnosis.matches {
            switch lookups.article(match.article) {
            case .success(let article): steps[match.article.id] = article.steps.first
            case .failure(let unreadable): problems(unreadable.message)
            }
        }
        return steps
    }
}
