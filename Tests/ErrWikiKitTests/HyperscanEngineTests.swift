import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// `diagnose`'s two engines match exactly the same lines: Hyperscan (prefilter, then each
/// candidate's `Regex`) and the pure-Swift literal prefilter, line by line and a block at a time,
/// on every shipped sample and on fuzzed variants of them. Runs the real libhs that `make deps`
/// installs; a machine without it fails here rather than testing one engine against itself.
@Suite struct HyperscanEngineTests {
    static let articles = ContentCheck.run(root: ShippedContentTests.root, displayRoot: "Content").wiki.published()
    static let summaries = articles.map(ArticleSummary.init)

    /// Every line the test feeds: the samples, each one shifted, cased, cut, spliced and salted with
    /// control characters by a seeded generator, samples joined, and benign noise.
    static let lines: [String] = {
        var random = SplitMix(seed: 20261203)
        let samples = articles.flatMap(\.samples)
        let noise = ["Nov 26 10:00:01 host systemd[1]: Started Daily apt download activities.",
                     "10.0.0.1 - - [26/Nov/2026:10:00:06 +0000] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/7.88.1\"",
                     "", " ", "\t", "\r", "é", "x\u{0B}y\u{0C}z", String(repeating: "a", count: 300)]
        let salt = ["\t", "\u{0B}", "\u{0C}", "\r", " ", "\u{1F}", "_", "'", "\"", ":", "é", "’", "\u{0301}", "K", "ſ"]
        var lines = noise + samples
        for sample in samples {
            var characters = Array(sample)
            guard !characters.isEmpty else { continue }
            // A long prefix moves the match past the first vector of the line (where Vectorscan 5.4.9 lost matches).
            lines.append(String(repeating: "x", count: random.next(64)) + ": " + sample)
            lines.append(sample.uppercased())
            lines.append(sample.lowercased())
            lines.append(String(characters.prefix(random.next(characters.count))))
            lines.append(String(characters.dropFirst(random.next(characters.count))))
            for _ in 0..<2 {
                characters.insert(Character(salt[random.next(salt.count)]), at: random.next(characters.count + 1))
            }
            lines.append(String(characters))
            characters.remove(at: random.next(characters.count))
            lines.append(String(characters))
            lines.append(sample + " " + samples[random.next(samples.count)])
            lines.append(sample.replacingOccurrences(of: " ", with: "  "))
            lines.append(sample.replacingOccurrences(of: "0", with: "9").replacingOccurrences(of: "1", with: "12"))
        }
        return lines
    }()

    typealias Found = [(signature: Int, text: String, range: Range<String.Index>)]

    static func describe(_ found: Found) -> [String] {
        found.map { "\($0.signature) \($0.text[$0.range])" }
    }

    func hyperscanSignatures(cachePath: String? = nil) throws -> LogSignatures {
        let signatures = LogSignatures(articles: Self.summaries, engine: .hyperscan(cachePath: cachePath))
        #expect(signatures.engineDescription.hasPrefix("Hyperscan "), "\(signatures.engineDescription)")
        return signatures
    }

    @Test func theShippedContentHasSamples() {
        #expect(Self.summaries.count > 300)
        #expect(Self.lines.count > 10_000)
    }

    @Test func bothEnginesMatchTheSameLinesOneLineAtATime() throws {
        let swift = LogSignatures(articles: Self.summaries, engine: .swift)
        let hyperscan = try hyperscanSignatures()
        var swiftScratch = swift.makeScratch(), hyperscanScratch = hyperscan.makeScratch()
        var matched = 0
        for line in Self.lines {
            var bytes = Array(line.utf8)
            let expected = bytes.withUnsafeMutableBufferPointer { swift.matches(UnsafeBufferPointer($0), scratch: &swiftScratch) }
            let actual = bytes.withUnsafeMutableBufferPointer { hyperscan.matches(UnsafeBufferPointer($0), scratch: &hyperscanScratch) }
            #expect(Self.describe(actual) == Self.describe(expected), "\(line.debugDescription)")
            if !expected.isEmpty { matched += 1 }
        }
        #expect(matched > Self.lines.count / 3)  // the fuzzed set is not all misses
    }

    /// The lines as one log, read by `LogLineReader` in blocks (split across two threads when large),
    /// with "\r\n" endings on some: the same matches as the Swift engine, line for line.
    @Test func bothEnginesMatchTheSameLinesABlockAtATime() throws {
        let swift = LogSignatures(articles: Self.summaries, engine: .swift)
        let hyperscan = try hyperscanSignatures()
        let text = Self.lines.enumerated().map { $0.offset % 7 == 3 ? $0.element + "\r" : $0.element }.joined(separator: "\n") + "\n"
        func run(_ signatures: LogSignatures) -> [String] {
            var scratch = signatures.makeScratch()
            var results: [String] = []
            var reader = LogLineReader(text: text)
            try? reader.forEachLine({ line, number in
                results.append("\(number): " + Self.describe(signatures.matches(line, scratch: &scratch)).joined(separator: " | "))
            }, block: { signatures.scanBlock($0, scratch: &scratch) })
            return results
        }
        let expected = run(swift), actual = run(hyperscan)
        #expect(expected.count == actual.count)
        for (want, got) in zip(expected, actual) where want != got {
            Issue.record("block scan: \(got)\nSwift engine: \(want)")
        }
        #expect(text.utf8.count > LogSignatures.splitBlock)  // the two-thread split ran
    }

    /// Lines outside any block (the last one without "\n", one split across two reads of a pipe)
    /// are tested for ASCII themselves, not taken as ASCII because the block before them was.
    @Test func linesOutsideABlockAreJudgedThemselves() throws {
        let swift = LogSignatures(articles: Self.summaries, engine: .swift)
        let hyperscan = try hyperscanSignatures()
        let last = "/etc/ssh/ssh_config line 4: Unsupported option \"Fünf\""
        func run(_ signatures: LogSignatures, _ read: (inout LogSignatures.Scratch, inout [String]) -> Void) -> [String] {
            var scratch = signatures.makeScratch()
            var results: [String] = []
            read(&scratch, &results)
            return results
        }
        let text = "hello\n" + last
        func fromText(_ signatures: LogSignatures) -> [String] {
            run(signatures) { scratch, results in
                var reader = LogLineReader(text: text)
                try? reader.forEachLine({ line, number in
                    results.append("\(number): " + Self.describe(signatures.matches(line, scratch: &scratch)).joined(separator: " | "))
                }, block: { signatures.scanBlock($0, scratch: &scratch) })
            }
        }
        #expect(fromText(swift).last?.contains("Unsupported option") == true)
        #expect(fromText(hyperscan) == fromText(swift))
        // A pipe fed in pieces, the last cut inside "ü".
        func fromPipe(_ signatures: LogSignatures) throws -> [String] {
            let pipe = Pipe()
            let bytes = Array(("hello\nworld\n" + last + "\nok\n").utf8)
            let cut = bytes.firstIndex(of: 0xC3)! + 1
            let writer = pipe.fileHandleForWriting
            let thread = Thread {
                writer.write(Data(bytes[..<cut]))
                Thread.sleep(forTimeInterval: 0.2)
                writer.write(Data(bytes[cut...]))
                try? writer.close()
            }
            thread.start()
            return run(signatures) { scratch, results in
                var reader = LogLineReader(descriptor: pipe.fileHandleForReading.fileDescriptor)
                try? reader.forEachLine({ line, number in
                    results.append("\(number): " + Self.describe(signatures.matches(line, scratch: &scratch)).joined(separator: " | "))
                }, block: { signatures.scanBlock($0, scratch: &scratch) })
            }
        }
        let expected = try fromPipe(swift)
        #expect(expected.count == 4 && expected[2].contains("Unsupported option"), "\(expected)")
        #expect(try fromPipe(hyperscan) == expected)
    }

    @Test func theDatabaseIsCachedAndADamagedCacheIsCompiledAgain() throws {
        let folder = try FixturePaths.temporaryFolder()
        let path = folder.appendingPathComponent("prefilter.hsdb").path
        let library = try HyperscanLibrary.shared.get()
        let sources = Self.summaries.flatMap(\.patterns)
        func origin() throws -> String { try HyperscanPrefilter.make(sources: sources, library: library, cachePath: path).get().origin }
        #expect(try origin().hasPrefix("compiled"))
        #expect(try origin() == "from the cache")
        // A flipped payload byte, a cut file, another header: each is compiled again and the file replaced.
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 100] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try origin().hasPrefix("compiled"))
        #expect(try origin() == "from the cache")
        try Data(bytes.prefix(40)).write(to: URL(fileURLWithPath: path))
        #expect(try origin().hasPrefix("compiled"))
        try Data("errwiki-prefilter 1\nkey 0\nrefused \ndigest 0\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try origin().hasPrefix("compiled"))
        #expect(try origin() == "from the cache")
        // Other patterns: another key, so compiled again.
        let fewer = try HyperscanPrefilter.make(sources: Array(sources.dropLast()), library: library, cachePath: path).get()
        #expect(fewer.origin.hasPrefix("compiled"))
    }

    @Test(arguments: [
        (#"Out of memory: Killed process \d+"#, #"Out of memory\x3a Killed process \d+"#),
        (#"\bENOSPC\b"#, "ENOSPC"),
        (#"(?i)connection refused$"#, #"connection refused\r?$"#),
        (#"(?i)[^a-z]x"#, #"[\x00-\xff]x"#),
        (#"[^a-z]x"#, #"[^\x61-\x7a]x"#),
        (#"foo(?!bar)baz"#, "foobaz"),
        (#"(?<name>a)+"#, "(a)+"),
        (#"[‘']x[’']"#, #"[\x27]x[\x27]"#),
        (#"é?x"#, #"(?:\xc3\xa9)?x"#),
        (#"a\.b\[c\]"#, #"a\x2eb\x5bc\x5d"#),
        (#"x{2,}y{3}z{1,4}?"#, "x{2,}y{3}z{1,4}"),
    ])
    func patternsAreRewrittenWideningOnly(source: String, expected: String) throws {
        let rewritten = try #require(PrefilterPattern(source))
        #expect(rewritten.expression == expected)
        #expect(rewritten.caseless == source.hasPrefix("(?i)"))
    }

    /// Syntax whose meaning may differ between Swift's Regex and Hyperscan is not rewritten: such a
    /// pattern keeps the literal prefilter.
    @Test(arguments: [#"a{,3}"#, #"a++"#, #"(?i)é"#, #"\p{L}+"#, #"[[:alpha:]]"#, #"[a-z&&[^x]]"#, #"(a)\1"#,
                      #"\x{41}"#, #"\xe9"#, #"[]a]"#, #"a(?i)b"#, #"\Qa.b\E"#, #"\h"#, #"(?=a)*"#, #"a|("#,
                      // Characters Swift equates with ASCII ones, or builds from several scalars (found by review).
                      "\u{212A}elvin", "[x\u{212A}]", "a\u{037E}", "^[a-c]e\u{301}?", "x[^e\u{301}]", "x[^’']",
                      #"(?=[[a])])x"#, #"(?!(?#))x)y"#])
    func uncertainSyntaxIsNotRewritten(source: String) {
        #expect(PrefilterPattern(source) == nil)
    }
}

/// A small seeded generator, so the fuzzed lines are the same in every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return bound <= 0 ? 0 : Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
