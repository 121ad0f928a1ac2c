/// Why a build stopped. Each message names the file (and line, where there is one); nothing of the
/// previous site has been touched when one is thrown.
package enum BuildError: Error, CustomStringConvertible, Equatable {
    /// The content does not pass `check`; the diagnostics were already reported.
    case content(errors: Int)
    case theme(String)
    /// A template that does not compile or names a partial the theme lacks.
    case template(file: String, line: Int, column: Int, message: String)
    case output(String)

    package var description: String {
        switch self {
        case .content(let errors): return "build stopped: the content has \(errors) error\(errors == 1 ? "" : "s") (see above); the previous site is unchanged"
        case .theme(let message): return message
        // The compiler format, as content errors are printed, so editors and CI can jump to it.
        case .template(let file, let line, let column, let message): return "\(file):\(line):\(column): error: \(message)"
        case .output(let message): return message
        }
    }
}
