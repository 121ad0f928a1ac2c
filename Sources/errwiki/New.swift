import ArgumentParser
import ErrWikiKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new article with every required field filled in and TODO placeholders for the rest.",
        discussion: """
        Writes <content>/<category>/<id>.md from Templates/article.md (or a built-in skeleton). The id \
        comes from the title unless --id is given ("Über Fehler: 502!" gives uber-fehler-502). An id that \
        already exists anywhere in the wiki is refused and nothing is written. On a terminal, missing \
        fields are asked for. `errwiki check` warns about the TODOs left; `--strict` fails on them.
        Exit status: 0 created, 1 refused (id exists, invalid value), 64 usage error.
        """
    )

    @Argument(help: "The article's title, e.g. \"Docker: no space left on device\".")
    var title: String?

    @Option(help: "The category (a folder of the content), e.g. docker.")
    var category: String?

    @Option(help: "One of critical, high, medium, low, info.")
    var severity: String?

    @Option(help: "The article id (default: made from the title).")
    var id: String?

    @Option(help: "Error codes, comma-separated: ENOSPC,28.")
    var codes: String?

    @Option(help: "Tags, comma-separated: linux,disk.")
    var tags: String?

    @OptionGroup var theme: ThemeOption

    @OptionGroup var content: ContentOption

    @Flag(help: "Open the new file in $VISUAL or $EDITOR, then check it.")
    var edit = false

    func run() throws {
        let root = try content.resolve()
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
        var title = self.title, category = self.category, severity = self.severity
        if interactive {
            let prompter = Prompter()
            if title == nil { title = prompter.ask("Title") }
            if category == nil {
                let existing = Self.categories(in: root)
                category = prompter.ask("Category" + (existing.isEmpty ? "" : " (\(existing.joined(separator: ", ")))"),
                                        valid: { ArticleID.isValid($0) })
            }
            if severity == nil {
                severity = prompter.ask("Severity (\(Severity.listing))", valid: { Severity(rawValue: $0) != nil })
            }
        }
        let missing = [("a title", title), ("--category", category), ("--severity", severity)].filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            throw ValidationError("missing \(missing.joined(separator: ", ")) (not a terminal, so nothing is asked)")
        }
        let request = NewArticle(title: title!, category: category!, severity: severity!, id: id,
                                 codes: Self.list(codes), tags: Self.list(tags))
        let path: String
        do {
            path = try request.write(root: root, skeleton: skeleton(), today: .today())
        } catch {
            // The refusal can name an existing article's path, which comes from the content.
            StandardError.write("errwiki new: \(Terminal.sanitized("\(error)"))\n")
            throw ExitCode(1)
        }
        print("created \(path)")
        if edit {
            try openEditor(path)
            let report = ContentCheck.run(root: root)
            let written = FilePath.real(path)
            let own = report.diagnostics.filter { FilePath.real($0.location.file) == written }
            StandardError.write(DiagnosticFormatter.report(own, fileCount: 1, root: report.root))
        } else {
            print("fill in the TODOs, then run `errwiki check --strict` to see what is left")
        }
    }

    /// The theme's `article.md` when it has one, else the built-in skeleton.
    private func skeleton() throws -> String {
        if let folder = try? theme.resolve(), let text = try? String(contentsOfFile: folder + "/article.md", encoding: .utf8) { return text }
        if let explicit = theme.templates { throw ValidationError("\(explicit)/article.md cannot be read") }
        return NewArticle.builtInSkeleton
    }

    private func openEditor(_ path: String) throws {
        let environment = ProcessInfo.processInfo.environment
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ValidationError("--edit needs $VISUAL or $EDITOR")
        }
        // The editor setting may carry arguments (`code --wait`): let the shell split it.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", editor + " \"$1\"", "errwiki-editor", path]
        try process.run()
        process.waitUntilExit()
    }

    static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func categories(in root: String) -> [String] {
        let content = ContentRoot(root)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            // Not a linked folder that leads out of the content: `new` refuses to write there.
            return ArticleID.isValid(name) && content.resolve(name) != nil
                && FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }
}

/// Questions on the terminal (stderr), answers from stdin; re-asks until the answer is valid.
struct Prompter {
    func ask(_ question: String, valid: (String) -> Bool = { !$0.isEmpty }) -> String? {
        for _ in 0..<5 {
            StandardError.write("\(question): ")
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if valid(answer) { return answer }
            StandardError.write("  not valid: `\(answer)`\n")
        }
        return nil
    }
}
