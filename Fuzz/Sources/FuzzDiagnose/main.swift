// fuzz-diagnose: the literal prefilter and pattern matching of `errwiki diagnose`.
// First byte even: the rest is a log; every line is matched against the shipped wiki's patterns
// through LogSignatures (Aho–Corasick literal scan, then the regexes of the candidates); with bit 1
// set, the log is also repeated into one line over 64 KB, which is matched in windows.
// First byte odd: the first line of the rest is a pattern (RequiredLiterals + LogPattern) and the
// other lines, plus a fixed sample, are matched against it both directly and through the prefilter;
// the two must agree (a prefilter that drops a matching line makes diagnose miss it silently).
import ErrWikiKit
import Foundation
import FuzzSupport

/// Every pattern of the shipped wiki, as `diagnose` builds them.
let signatures: LogSignatures = {
    let root = Fuzzer.contentRoot()
    let cache = NSTemporaryDirectory() + "errwiki-fuzz-diagnose-\(getpid())"
    let opened = IndexStore(contentRoot: root, cacheFolder: cache).open()
    try? FileManager.default.removeItem(atPath: cache)
    let summaries = Ranker(index: opened.index).all().map(\.article)
    let signatures = LogSignatures(articles: summaries)
    guard !signatures.signatures.isEmpty else { Fuzzer.fail("no patterns in \(root)") }
    FileHandle.standardError.write(Data("fuzz-diagnose: \(signatures.signatures.count) patterns from \(root)\n".utf8))
    return signatures
}()

let sampleLine = Array("2024-05-01T10:00:00Z kernel: [12345.678] Out of memory: Killed process 4242 (java) total-vm:1234kB; write /var/lib/docker: no space left on device (ENOSPC) errno=28 exit code 137 0x80070005".utf8)

/// Patterns and subject lines are kept short: a backtracking regex is exponential in the worst case,
/// and that is the regex engine, not errwiki.
let maximumPattern = 256
let maximumSubject = 512

func matchLog(_ log: ArraySlice<UInt8>, longLine: Bool) {
    // One per input, as diagnose keeps one per run (it caches the compiled patterns). Kept across
    // inputs, the cached regexes are reported as leaks: LeakSanitizer cannot follow Swift's tagged
    // enum payload pointers from a global.
    var scratch = signatures.makeScratch()
    for line in log.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let found = Array(line).withUnsafeBufferPointer { signatures.matches($0, scratch: &scratch) }
        for match in found where match.signature >= signatures.signatures.count {
            Fuzzer.fail("signature \(match.signature) out of range")
        }
    }
    if longLine && !log.isEmpty {
        var long: [UInt8] = []
        long.reserveCapacity(LogSignatures.longLine + log.count + 1)
        while long.count <= LogSignatures.longLine { long += log.lazy.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 } }
        _ = long.withUnsafeBufferPointer { signatures.matches($0, scratch: &scratch) }
    }
}

func matchPattern(_ rest: ArraySlice<UInt8>) {
    let newline = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
    let source = String(decoding: rest[..<newline].prefix(maximumPattern), as: UTF8.self)
    let subjects = (newline < rest.endIndex ? rest[(newline + 1)...] : [][...])
        .split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { Array($0.prefix(maximumSubject)) } + [sampleLine]
    let literals = RequiredLiterals(pattern: source)
    for literal in literals.alternatives where literal.count < RequiredLiterals.minimumLength {
        Fuzzer.fail("literal \(literal) shorter than the minimum")
    }
    let compiled = try? LogPattern(source)
    let article = Article(id: "fuzz", title: "Fuzz", category: "fuzz", severity: .info, summary: "",
                          causes: [], steps: [], patterns: [source])
    let single = LogSignatures(articles: [ArticleSummary(article)])
    var singleScratch = single.makeScratch()
    for subject in subjects {
        let text = String(decoding: subject, as: UTF8.self)
        let direct = compiled?.firstMatch(in: text) != nil
        let filtered = subject.withUnsafeBufferPointer { !single.matches($0, scratch: &singleScratch).isEmpty }
        if direct != filtered {
            Fuzzer.fail("pattern \(source.debugDescription) \(direct ? "matches" : "does not match") \(text.debugDescription), "
                        + "but through the prefilter it \(filtered ? "does" : "does not") (literals \(literals.alternatives.map { String(decoding: $0, as: UTF8.self) }))")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Fuzzer.bytes(data, size)
    guard let mode = bytes.first else { return 0 }
    if mode & 1 == 0 {
        matchLog(bytes.dropFirst(), longLine: mode & 2 != 0)
    } else {
        matchPattern(bytes.dropFirst())
    }
    return 0
}

Fuzzer.run(testOneInput)
