/// Why a build stopped. Each message names the file (and line, where there is one); nothing of the
/// previous site has been touched when one is thrown.
public enum BuildError: Error, CustomStringConvertible, Equatable {
    /// The content does not pass `check`; the diagnostics were already reported.
    case content(errors: Int)
    case theme(String)
    case output(String)

    public var description: String {
        switch self {
        case .content(let errors): return "build stopped: the content has \(errors) error\(errors == 1 ? "" : "s") (see above); the previous site is unchanged"
        case .theme(let message): return message
        case .output(let message): return message
        }
    }
}
