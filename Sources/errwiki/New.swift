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

    @Option(name: .customLong("from-log"), help: ArgumentHelp(
        "Start from a log line (- reads the first line of standard input): it becomes a sample and a pattern; title, codes, category and related are guessed.",
        valueName: "LINE"))
    var fromLog: String?

    func run() throws {
        let root = try content.resolve()
        var form = NewArticleForm(title: title, category: category, severity: severity, id: id, codes: codes, tags: tags)
        // On a terminal (and with the line given as an argument, so standard input is free) the guesses are offered.
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 && fromLog != "-"
        let prompter = terminal ? Prompter(write: StandardError.write, readLine: { readLine() }) : nil
        let draft = try fromLog.map { try LogDraftInput.draft($0, contentRoot: root, into: &form, prompter: prompter) }
        if isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
            form.askForMissing(Prompter(write: StandardError.write, readLine: { readLine() }), root: root)
        }
        guard var article = form.article else {
            throw ValidationError("missing \(form.missing.joined(separator: ", ")) (not a terminal, so nothing is asked)")
        }
        if let draft {
            article.related = draft.related.filter { $0 != article.resolvedID }
            article.patterns = [draft.pattern]
            article.samples = [draft.sample]
        }
        let path: String
        do {
            path = try article.write(root: root, skeleton: NewArticle.skeleton(theme: theme.resolve(), explicit: theme.templates), today: .today())
        } catch {
            // The refusal can name an existing article's path, which comes from the content.
            StandardError.write("errwiki new: \(Terminal.sanitized("\(error)"))\n")
            throw ExitCode(1)
        }
        print("created \(path)")
        if let draft { StandardError.write(LogDraftInput.overlapWarning(draft)) }
        guard edit else { return print("fill in the TODOs, then run `errwiki check --strict` to see what is left") }
        do {
            try EditorLauncher().open(path)
        } catch let failure as EditorLauncher.NoEditor {
            throw ValidationError(failure.description)
        }
        StandardError.write(NewArticle.review(path, root: root))
    }
}
