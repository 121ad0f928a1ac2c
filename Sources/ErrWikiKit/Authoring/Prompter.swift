import Foundation

/// Questions for `new` on a terminal; re-asks until the answer is valid. The command gives it the
/// terminal: where questions are written (stderr) and where answers are read (stdin).
package struct Prompter {
    private let write: (String) -> Void
    private let readLine: () -> String?

    package init(write: @escaping (String) -> Void, readLine: @escaping () -> String?) {
        self.write = write
        self.readLine = readLine
    }

    /// The answer, or nil when input ended or five answers were not valid.
    package func ask(_ question: String, valid: (String) -> Bool = { !$0.isEmpty }) -> String? {
        for _ in 0..<5 {
            write("\(question): ")
            guard let line = readLine() else { return nil }
            let answer = line.trimmingCharacters(in: .whitespaces)
            if valid(answer) { return answer }
            write("  not valid: `\(answer)`\n")
        }
        return nil
    }
}
