import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new article with every required field filled in and TODO placeholders for the rest.",
        discussion: """
        Writes <content>/<category>/<id>.md from Templates/article.md (or a built-in skeleton). The id \
        comes from the title unless --id is given ("Über Fehler: 502!" gives uber-fehler-502). An id that \
        already exists in any content root is refused and nothing is written. On a terminal, missing \
        fields are asked for. `errwiki check` warns about the TODOs left; `--strict` fails on them.
        With several content roots the article goes into the first. --override replaces an article of a \
        later root: it copies that article to the same path in the first root, with `overrides: true`, \
        for you to edit (errwiki new --override --id linux-oom-killer --content team --content Content).
        Exit status: 0 created, 1 refused (id exists, invalid value, nothing to override), 64 usage error.
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

    @Flag(help: "Replace the article with this id (--id, or made from the title) of a later content root: copy it into the first root with `overrides: true`.")
    var override = false

    func validate() throws {
        if override && fromLog != nil { throw ValidationError("--override copies an existing article; it cannot be combined with --from-log") }
        if override && id == nil && title == nil { throw ValidationError("--override needs the id of the article to replace: --id ID") }
    }

    func run() throws {
        let root = try content.resolve()
        if override { return try replace(id ?? ArticleID.suggestion(from: title ?? ""), in: root) }
        var form = NewArticleForm(title: title, category: category, severity: severity, id: id, codes: codes, tags: tags)
        // On a terminal (and with the line given as an argument, so standard input is free) the guesses are offered.
        let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 && fromLog != "-"
        let prompter = terminal ? Prompter(write: StandardError.write, readLine: { readLine() }) : nil
        let draft = try fromLog.map { try LogDraftInput.draft($0, content: root, into: &form, prompter: prompter) }
        if isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 {
            form.askForMissing(Prompter(write: StandardError.write, readLine: { readLine() }), content: root)
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
            path = try article.write(into: root, skeleton: NewArticle.skeleton(theme: theme.resolve(), explicit: theme.templates), today: .today())
        } catch {
            // The refusal can name an existing article's path, which comes from the content.
            StandardError.write("errwiki new: \(Terminal.sanitized("\(error)"))\n")
            throw ExitCode(1)
        }
        print("created \(path)")
        if let draft { StandardError.write(LogDraftInput.overlapWarning(draft)) }
        guard edit else { return print("fill in the TODOs, then run `errwiki check --strict` to see what is left") }
        try openEditor(path, content: root)
    }

    /// `--override`: the copy of the article it replaces, in the first root.
    private func replace(_ id: String, in root: ContentRoots) throws {
        let written: (path: String, copied: String)
        do {
            written = try NewArticle.override(id, in: root)
        } catch {
            StandardError.write("errwiki new: \(Terminal.sanitized("\(error)"))\n")
            throw ExitCode(1)
        }
        print("created \(Terminal.sanitized(written.path)), a copy of \(Terminal.sanitized(written.copied)) that overrides it")
        guard edit else { return print("edit it, then run `errwiki check` (and `errwiki show --where \(id)` to see what answers)") }
        try openEditor(written.path, content: root)
    }

    /// `--edit`: the editor on the new file, then the problems left in it.
    private func openEditor(_ path: String, content: ContentRoots) throws {
        do {
            try EditorLauncher().open(path)
        } catch let failure as EditorLauncher.NoEditor {
            throw ValidationError(failure.description)
        }
        StandardError.write(NewArticle.review(path, content: content))
    }
}
