import Foundation
import Synchronization

/// Every article's `patterns`, compiled once, behind a prefilter: a line is tested only against the
/// patterns that may match it. The prefilter is Hyperscan where it can be used (ASCII lines, scanned
/// a block of lines at a time), else the patterns' required literals (plus the few patterns that
/// have none); either admits every line its pattern matches, and the pattern's `Regex` decides.
package struct LogSignatures: Sendable {
    package struct Signature: Sendable {
        /// Index into `articles`.
        package var article: Int
        package var source: String
        package var literals: RequiredLiterals
    }

    package let articles: [ArticleSummary]
    package let signatures: [Signature]
    /// Every signature's literals: the candidates of a line Hyperscan does not see. Built on first
    /// use when Hyperscan runs (a log of ASCII lines never needs it, and its automaton is a large
    /// part of the start-up).
    private let literalsOnce: LazyLiteralFilter
    /// Each signature's `Regex`, compiled on first use, shared by the threads that confirm a block
    /// (a set per thread was slower: each thread then compiles most patterns).
    private let compiled: CompiledPatterns
    private var literals: LiteralFilter { literalsOnce.filter }
    /// Hyperscan, and the literals of the signatures it does not cover.
    private let hyperscan: HyperscanPrefilter?
    private let leftOver: LiteralFilter?
    /// Which engine finds the candidates, for `diagnose --verbose`.
    package let engineDescription: String

    /// Which engine picks the lines each pattern is tried on. The lines matched are the same with
    /// either: the article's own `Regex` decides every match.
    package enum Engine: Sendable {
        /// The literal prefilter alone, in Swift.
        case swift
        /// Hyperscan on lines of ASCII text, when the library loads on this CPU, with the database
        /// cached at the path; the literal prefilter otherwise.
        case hyperscan(cachePath: String?)
    }

    /// Signatures with no literal: tried on every line.
    package var unfiltered: [Int] { literals.unfiltered }

    /// Prepares the patterns of `articles`. Each is compiled the first time a line contains its
    /// literal (most logs touch few of them); one that does not compile never matches (`check`
    /// reports it as `bad-pattern`).
    package init(articles: [ArticleSummary], engine: Engine = .swift) {
        self.articles = articles
        var signatures: [Signature] = []
        for (index, article) in articles.enumerated() {
            for source in article.patterns {
                signatures.append(Signature(article: index, source: source, literals: RequiredLiterals(pattern: source)))
            }
        }
        self.signatures = signatures
        literalsOnce = LazyLiteralFilter(signatures)
        compiled = CompiledPatterns(signatures.map(\.source))
        guard case .hyperscan(let cachePath) = engine else {
            hyperscan = nil
            leftOver = nil
            engineDescription = "Swift (literal prefilter), chosen with --engine swift"
            return
        }
        switch HyperscanLibrary.shared.flatMap({ HyperscanPrefilter.make(sources: signatures.map(\.source), library: $0, cachePath: cachePath) }) {
        case .success(let hyperscan):
            self.hyperscan = hyperscan
            leftOver = LiteralFilter(signatures, only: hyperscan.leftOver)
            engineDescription = "Hyperscan \(hyperscan.library.version) on ASCII lines, database \(hyperscan.origin); "
                + "\(signatures.count - hyperscan.leftOver.count) of \(signatures.count) patterns prefiltered by it, the rest and other lines by literals"
        case .failure(let reason):
            hyperscan = nil
            leftOver = nil
            engineDescription = "Swift (literal prefilter): \(reason)"
        }
    }

    /// Per-scan scratch space, so matching a line allocates nothing in the common case.
    package struct Scratch {
        fileprivate var seen: [UInt32]
        fileprivate var generation: UInt32 = 0
        fileprivate var candidates: [Int] = []
        /// Where each candidate's literals ended, on long lines only.
        fileprivate var hits: [Int: [Int]] = [:]
        fileprivate var hyperscan: HyperscanLibrary.Scratch?
        /// The second thread's, for the other half of a large block.
        fileprivate var hyperscanHelper: HyperscanLibrary.Scratch?
        /// The block last scanned (`scanBlock`): its address range, and its lines that Hyperscan
        /// admitted, confirmed, in line order, read from `cursor` on.
        fileprivate var block: Range<UInt> = 0..<0
        fileprivate var blockIsASCII = false
        fileprivate var blockLines: [BlockLine] = []
        fileprivate var cursor = 0

        package init(signatureCount: Int) {
            seen = [UInt32](repeating: 0, count: signatureCount)
        }

        /// An empty candidate list, and a new generation of `seen`.
        fileprivate mutating func startCandidates() {
            generation &+= 1
            if generation == 0 {
                seen = [UInt32](repeating: 0, count: seen.count)
                generation = 1
            }
            candidates.removeAll(keepingCapacity: true)
        }
    }

    package func makeScratch() -> Scratch {
        var scratch = Scratch(signatureCount: signatures.count)
        scratch.hyperscan = hyperscan?.database.makeScratch()
        scratch.hyperscanHelper = hyperscan?.database.makeScratch()
        return scratch
    }

    /// Scans a block of whole lines (each ending in "\n") with Hyperscan, so that the lines of the
    /// block, handed to `matches` next as slices of it, need no scan of their own. A large block is
    /// cut at a line boundary and its halves scanned on two threads. Nothing to do without Hyperscan.
    package func scanBlock(_ block: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) {
        scratch.blockLines.removeAll(keepingCapacity: true)
        scratch.cursor = 0
        scratch.blockIsASCII = false
        guard let hyperscan, let first = scratch.hyperscan, let base = block.baseAddress, !block.isEmpty else {
            scratch.block = 0..<0
            return
        }
        let address = UInt(bitPattern: base)
        scratch.block = address..<(address + UInt(block.count))
        scratch.blockIsASCII = Self.isASCII(block)  // then no line of it needs the test
        let middle = block.count / 2
        if block.count >= Self.splitBlock, let second = scratch.hyperscanHelper,
           let cut = memchr(base + middle, 0x0A, block.count - middle).map({ UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 }),
           cut < block.count {
            let halves = ParallelMap.map([BlockPart(database: hyperscan.database, scratch: first, patterns: compiled, base: address, from: 0, to: cut),
                                          BlockPart(database: hyperscan.database, scratch: second, patterns: compiled, base: address, from: cut, to: block.count)]) { $0.confirmedLines() }
            if let firstHalf = halves[0], let secondHalf = halves[1] { scratch.blockLines = firstHalf + secondHalf } else { scratch.block = 0..<0 }
        } else if let lines = BlockPart(database: hyperscan.database, scratch: first, patterns: compiled, base: address, from: 0, to: block.count).confirmedLines() {
            scratch.blockLines = lines
        } else {
            scratch.block = 0..<0  // not scanned: each line goes its own way (`matches`)
        }
    }

    /// Blocks at least this large are scanned in two halves at once.
    package static let splitBlock = 256 * 1024

    /// A line of a block that Hyperscan admitted: the offset of its first byte in the block, and
    /// what its candidates' patterns matched.
    fileprivate struct BlockLine: Sendable {
        var line: Int
        var found: [(signature: Int, text: String, range: Range<String.Index>)]
    }

    /// Part of a block, whole lines, scanned and confirmed by one thread with its own Hyperscan scratch.
    private struct BlockPart: Sendable {
        var database: HyperscanLibrary.Database
        var scratch: HyperscanLibrary.Scratch
        var patterns: CompiledPatterns
        /// The block's address, and this part's offsets in it.
        var base: UInt
        var from: Int
        var to: Int

        /// (offset of the line's first byte in the block, signature) for every signature Hyperscan
        /// found on a line, once per line, in line order; nil when Hyperscan could not scan.
        func candidates() -> [(line: Int, signature: Int)]? {
            let block = UnsafeMutablePointer<UInt8>(bitPattern: base)!
            let part = UnsafeBufferPointer(start: block + from, count: to - from)
            var found: [(line: Int, signature: Int)] = []
            // The line around the last match: its first byte and its "\n", offsets in the part.
            var lineStart = 0, lineEnd = -1
            var onLine: [Int] = []
            var ordered = true
            let scanned = database.scan(part, scratch: scratch) { id, end in
                // Every match is at least one byte long (HyperscanPrefilter.flags): its last byte is on the line.
                let last = end - 1
                if last < lineStart || last > lineEnd {
                    if last < lineStart { ordered = false }
                    lineStart = last
                    while lineStart > 0, part[lineStart - 1] != 0x0A { lineStart -= 1 }
                    lineEnd = memchr(part.baseAddress! + last, 0x0A, part.count - last).map { UnsafeRawPointer($0) - UnsafeRawPointer(part.baseAddress!) } ?? part.count
                    onLine.removeAll(keepingCapacity: true)
                }
                let signature = Int(id)
                guard !onLine.contains(signature) else { return }
                onLine.append(signature)
                found.append((from + lineStart, signature))
            }
            guard scanned else { return nil }
            guard !ordered else { return found }
            // Hyperscan reports in order of end offset; should a match arrive late, sort and drop repeats.
            found.sort { ($0.line, $0.signature) < ($1.line, $1.signature) }
            var unique: [(line: Int, signature: Int)] = []
            for candidate in found where unique.last.map({ $0 != candidate }) ?? true { unique.append(candidate) }
            return unique
        }

        /// The candidate lines of ASCII text with what their candidates' patterns match there, each
        /// line as `LogLineReader` hands it over (without its "\n" or "\r\n"); nil when Hyperscan
        /// could not scan.
        func confirmedLines() -> [BlockLine]? {
            let block = UnsafePointer<UInt8>(bitPattern: base)!
            guard let candidates = candidates() else { return nil }
            var lines: [BlockLine] = []
            var index = 0
            while index < candidates.count {
                let start = candidates[index].line
                var signatures: [Int] = []
                while index < candidates.count, candidates[index].line == start {
                    signatures.append(candidates[index].signature)
                    index += 1
                }
                var length = memchr(block + start, 0x0A, to - start).map { UnsafeRawPointer($0) - UnsafeRawPointer(block + start) } ?? (to - start)
                if length > 0 && block[start + length - 1] == 0x0D { length -= 1 }
                let line = UnsafeBufferPointer(start: block + start, count: length)
                guard line.count <= LogSignatures.longLine, LogSignatures.isASCII(line) else { continue }  // `matches` takes those
                lines.append(BlockLine(line: start, found: LogSignatures.confirm(line, signatures.sorted(), patterns)))
            }
            return lines
        }
    }

    /// Lines longer than this are matched in windows: each pattern around the places its literals
    /// occur (`window` bytes either side), patterns without literals on the first `window` bytes.
    /// A regex engine can take quadratic time on a megabyte line; a log signature is local.
    package static let longLine = 64 * 1024
    package static let window = 8 * 1024

    /// The signatures that match `line`, with the matched text and range, in signature order.
    package func matches(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [(signature: Int, text: String, range: Range<String.Index>)] {
        scratch.startCandidates()
        let generation = scratch.generation
        let long = line.count > Self.longLine
        if long { scratch.hits.removeAll(keepingCapacity: true) }
        if !long, hyperscan != nil {
            let address = UInt(bitPattern: line.baseAddress)
            let inBlock = scratch.block.contains(address)
            // The block's test stands for its own lines only: a line outside it (split across two
            // reads, the last without "\n") is tested itself.
            let ascii = (inBlock && scratch.blockIsASCII) || Self.isASCII(line)
            if ascii && inBlock {
                // Scanned and confirmed by `scanBlock`: what it found on the line starting at this offset.
                let offset = Int(address - scratch.block.lowerBound)
                while scratch.cursor < scratch.blockLines.count, scratch.blockLines[scratch.cursor].line < offset { scratch.cursor += 1 }
                var found: [(signature: Int, text: String, range: Range<String.Index>)] = []
                if scratch.cursor < scratch.blockLines.count, scratch.blockLines[scratch.cursor].line == offset {
                    found = scratch.blockLines[scratch.cursor].found
                    scratch.cursor += 1
                }
                guard let leftOver, !leftOver.literalSignatures.isEmpty || !leftOver.unfiltered.isEmpty else { return found }
                let others = hyperscanCandidatesConfirmed(line, scratch: &scratch)
                return others.isEmpty ? found : (found + others).sorted { $0.signature < $1.signature }
            }
            if ascii, let hyperscan, let hyperscanScratch = scratch.hyperscan {
                let scanned = hyperscan.database.scan(line, scratch: hyperscanScratch) { id, _ in
                    if scratch.seen[Int(id)] != generation {
                        scratch.seen[Int(id)] = generation
                        scratch.candidates.append(Int(id))
                    }
                }
                if scanned { return hyperscanCandidatesConfirmed(line, scratch: &scratch) }
                scratch.startCandidates()  // not scanned: the literal prefilter decides
            }
        }
        literals.candidates(line, scratch: &scratch, long: long)
        if !long { return confirmed(line, scratch: &scratch, unfiltered: literals.unfiltered) }
        guard !scratch.candidates.isEmpty || !unfiltered.isEmpty else { return [] }
        var found: [(signature: Int, text: String, range: Range<String.Index>)] = []
        for signature in (scratch.candidates + unfiltered).sorted() {
            let windows = scratch.hits[signature].map { ends in
                ends.map { max(0, $0 - Self.window)..<min(line.count, $0 + Self.window) }
            } ?? [0..<min(line.count, Self.window)]
            for window in windows {
                let text = String(decoding: UnsafeBufferPointer(rebasing: line[window]), as: UTF8.self)
                if let range = pattern(signature, &scratch)?.firstMatch(in: text) {
                    found.append((signature, text, range))
                    break
                }
            }
        }
        return found
    }

    /// Hyperscan's candidates plus those of the signatures it does not cover, confirmed.
    @inline(__always)
    private func hyperscanCandidatesConfirmed(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [(signature: Int, text: String, range: Range<String.Index>)] {
        guard let leftOver else { return [] }
        if !leftOver.literalSignatures.isEmpty { leftOver.candidates(line, scratch: &scratch, long: false) }
        if scratch.candidates.isEmpty && leftOver.unfiltered.isEmpty { return [] }
        return confirmed(line, scratch: &scratch, unfiltered: leftOver.unfiltered)
    }

    /// The candidates (and `unfiltered`) whose pattern matches the whole line, in signature order.
    private func confirmed(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch, unfiltered: [Int]) -> [(signature: Int, text: String, range: Range<String.Index>)] {
        guard !scratch.candidates.isEmpty || !unfiltered.isEmpty else { return [] }
        return Self.confirm(line, (scratch.candidates + unfiltered).sorted(), compiled)
    }

    /// What each of `signatures` (in order) matches in `line`: the one confirmation rule of every
    /// path but long lines' windows.
    private static func confirm(_ line: UnsafeBufferPointer<UInt8>, _ signatures: [Int], _ patterns: CompiledPatterns) -> [(signature: Int, text: String, range: Range<String.Index>)] {
        // Decoded leniently: invalid UTF-8 becomes U+FFFD, so any bytes can be matched.
        let text = String(decoding: line, as: UTF8.self)
        return signatures.compactMap { signature in patterns.pattern(signature)?.firstMatch(in: text).map { (signature, text, $0) } }
    }

    /// Whether every byte is below 0x80, eight at a time.
    package static func isASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(line)
        var offset = 0
        while offset + 8 <= raw.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < raw.count {
            if raw[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// `LiteralFilter` over every signature, built the first time it is asked for.
    private final class LazyLiteralFilter: Sendable {
        private let signatures: [Signature]
        private let built = Mutex<LiteralFilter?>(nil)

        init(_ signatures: [Signature]) { self.signatures = signatures }

        var filter: LiteralFilter {
            built.withLock { built in
                if let built { return built }
                let filter = LiteralFilter(signatures, only: signatures.indices)
                built = filter
                return filter
            }
        }
    }

    /// The literal prefilter over some of the signatures: which of them a line may match.
    private final class LiteralFilter: Sendable {
        let scanner: LiteralScanner
        /// Literal id → the signatures it admits.
        let literalSignatures: [[Int]]
        /// Signatures with no literal: tried on every line.
        let unfiltered: [Int]

        init(_ signatures: [Signature], only chosen: some Sequence<Int>) {
            var literals: [[UInt8]] = []
            var literalSignatures: [[Int]] = []
            var unfiltered: [Int] = []
            var literalIDs: [[UInt8]: Int] = [:]
            for index in chosen {
                let signature = signatures[index]
                if signature.literals.alternatives.isEmpty { unfiltered.append(index); continue }
                for literal in signature.literals.alternatives {
                    let key = literal.map(LiteralScanner.fold)
                    if let id = literalIDs[key] {
                        literalSignatures[id].append(index)
                    } else {
                        literalIDs[key] = literals.count
                        literals.append(key)
                        literalSignatures.append([index])
                    }
                }
            }
            self.literalSignatures = literalSignatures
            self.unfiltered = unfiltered
            scanner = LiteralScanner(literals: literals)
        }

        /// Adds to `scratch.candidates` each signature one of whose literals `line` contains (once);
        /// on a long line, also where the literals ended (at most four per signature).
        func candidates(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch, long: Bool) {
            guard !literalSignatures.isEmpty else { return }
            let generation = scratch.generation
            scanner.scan(line) { literal, end in
                for signature in literalSignatures[literal] {
                    if scratch.seen[signature] != generation {
                        scratch.seen[signature] = generation
                        scratch.candidates.append(signature)
                    }
                    if long && scratch.hits[signature, default: []].count < 4 { scratch.hits[signature, default: []].append(end) }
                }
            }
        }
    }

    /// The compiled pattern of a signature (nil if it does not compile).
    package func pattern(_ signature: Int, _ scratch: inout Scratch) -> LogPattern? {
        compiled.pattern(signature)
    }

    /// Each signature's compiled pattern (nil if it does not compile), compiled once, on first use
    /// from any thread.
    private final class CompiledPatterns: Sendable {
        private let sources: [String]
        private let compiled: Mutex<[Int: LogPattern?]> = Mutex([:])

        init(_ sources: [String]) { self.sources = sources }

        func pattern(_ signature: Int) -> LogPattern? {
            if let known = compiled.withLock({ $0[signature] }) { return known }
            // Compiled outside the lock: two threads may both compile one pattern, and both results are equal.
            let pattern = try? LogPattern(sources[signature])
            compiled.withLock { $0[signature] = pattern }
            return pattern
        }
    }
}
