import ErrWikiKit
import Testing

/// The prefilter may only drop lines a pattern cannot match: its literals must be in every match.
@Suite struct RequiredLiteralsTests {
    static func literals(_ pattern: String) -> [String] {
        RequiredLiterals(pattern: pattern).alternatives.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        (#"Out of memory: Kill(?:ed)? process \d+ \("#, ["Out of memory: Kill"]),
        (#"segfault at [0-9a-f]+ ip"#, ["segfault at "]),
        ("killed by the OOM killer|Failed with result 'oom-kill'", ["killed by the OOM killer", "Failed with result 'oom-kill'"]),
        (#"\bENOSPC\b"#, ["ENOSPC"]),
        (#"No such file or directory"#, ["No such file or directory"]),
        (#"colou?r mismatch"#, ["r mismatch"]),
        (#"https?://example\.com"#, ["://example.com"]),
        (#"a+bcd"#, ["bcd"]),
        (#"x{2}yzw"#, ["yzw"]),
        (#"(?i)too many open files"#, ["too many open files"]),
        (#"^\S+\s+\d+\s+0\s+100%\s+/"#, ["100%"]),
        (#"^\S+\s+\d+"#, []),
        (#"abc|\d+"#, []),
        (#"[A-Z]+Exception"#, ["Exception"]),
        (#"E(?:ACCES|PERM)"#, ["ACCES", "PERM"]),
        (#"(?:CERT_HAS_EXPIRED|certificate has expired)"#, ["CERT_HAS_EXPIRED", "certificate has expired"]),
        (#"\b(?:ImagePullBackOff|ErrImagePull)\b"#, ["ImagePullBackOff", "ErrImagePull"]),
        (#"(?:ab|cd)?xyz123"#, ["xyz123"]),
        (#"(?:ab|c)"#, []),
    ])
    func extractsTheLongestRequiredRun(pattern: String, expected: [String]) {
        #expect(Self.literals(pattern) == expected)
    }

    @Test func caseInsensitivePatternsSaySo() {
        #expect(RequiredLiterals(pattern: "(?i)oom-kill").ignoresCase)
        #expect(!RequiredLiterals(pattern: "oom-kill").ignoresCase)
    }

    @Test func theScannerFindsEveryLiteralWithoutCase() {
        let scanner = LiteralScanner(literals: [Array("out of memory".utf8), Array("memory".utf8), Array("ENOSPC".utf8)])
        var found: [Int] = []
        Array("kernel: Out Of Memory and enospc".utf8).withUnsafeBufferPointer { bytes in
            scanner.scan(bytes) { literal, _ in found.append(literal) }
        }
        #expect(Set(found) == [0, 1, 2])
    }
}
