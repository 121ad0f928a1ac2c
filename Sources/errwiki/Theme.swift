import ArgumentParser
import ErrWikiCommandLine
import ErrWikiKit

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "The theme built into errwiki.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in theme (templates, assets, article skeleton) into a new folder, to customise it.",
            discussion: """
            The folder must not exist or be empty: nothing is overwritten. Then build with \
            --templates DIR, or name it Templates/ in the folder you run errwiki from.
            Exit status: 0 written, 1 the folder is not empty or cannot be written.
            """
        )

        @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
        var folder: String

        func run() throws {
            do {
                try ThemeFiles.builtIn.export(to: folder)
            } catch {
                StandardError.write("errwiki theme export: \(Terminal.sanitized(error.description))\n")
                throw ExitCode(1)
            }
            print("wrote the built-in theme (\(ThemeFiles.builtIn.files.count) files) to \(Terminal.sanitized(folder))")
        }
    }
}
