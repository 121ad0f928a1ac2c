/// Every article's `patterns`, compiled once, with a literal prefilter: a line is tested only
/// against the patterns whose required literals it contains (plus the few patterns that have none).
package struct LogSignatures: Sendable {
    package struct Signature: Sendable {
        /// Index into `articles`.
        package var article: Int
        package var source: String
        package var literals: RequiredLiterals
    }

    package let articles: [ArticleSummary]
    package let signatures: [Signature]
    private let scanner: LiteralScanner
    /// Literal id → the signatures it admits.
    private let literalSignatures: [[Int]]
    /// Signatures with no literal: tried on every line.
    package let unfiltered: [Int]

    /// Prepares the patterns of `articles`. Each is compiled the first time a line contains its
    /// literal (most logs touch few of them); one that does not compile never matches (`check`
    /// reports it as `bad-pattern`).
    package init(articles: [ArticleSummary]) {
        self.articles = articles
        var signatures: [Signature] = []
        for (index, article) in articles.enumerated() {
            for source in article.patterns {
                signatures.append(Signature(article: index, source: source, literals: RequiredLiterals(pattern: source)))
            }
        }
        var literals: [[UInt8]] = []
        var literalSignatures: [[Int]] = []
        var unfiltered: [Int] = []
        var literalIDs: [[UInt8]: Int] = [:]
        for (index, signature) in signatures.enumerated() {
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
        self.signatures = signatures
        self.literalSignatures = literalSignatures
        self.unfiltered = unfiltered
        scanner = LiteralScanner(literals: literals)
    }

    /// Per-scan scratch space, so matching a line allocates nothing in the common case.
    package struct Scratch {
        fileprivate var seen: [UInt32]
        fileprivate var generation: UInt32 = 0
        fileprivate var candidates: [Int] = []
        /// Compiled patterns by signature, filled on first use.
        fileprivate var compiled: [Int: LogPattern?] = [:]
        /// Where each candidate's literals ended, on long lines only.
        fileprivate var hits: [Int: [Int]] = [:]

        package init(signatureCount: Int) {
            seen = [UInt32](repeating: 0, count: signatureCount)
        }
    }

    package func makeScratch() -> Scratch { Scratch(signatureCount: signatures.count) }

    /// Lines longer than this are matched in windows: each pattern around the places its literals
    /// occur (`window` bytes either side), patterns without literals on the first `window` bytes.
    /// A regex engine can take quadratic time on a megabyte line; a log signature is local.
    package static let longLine = 64 * 1024
    package static let window = 8 * 1024

    /// The signatures that match `line`, with the matched text and range, in signature order.
    package func matches(_ line: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [(signature: Int, text: String, range: Range<String.Index>)] {
        scratch.generation &+= 1
        if scratch.generation == 0 {
            scratch.seen = [UInt32](repeating: 0, count: signatures.count)
            scratch.generation = 1
        }
        scratch.candidates.removeAll(keepingCapacity: true)
        scratch.hits.removeAll(keepingCapacity: true)
        let generation = scratch.generation
        let long = line.count > Self.longLine
        scanner.scan(line) { literal, end in
            for signature in literalSignatures[literal] {
                if scratch.seen[signature] != generation {
                    scratch.seen[signature] = generation
                    scratch.candidates.append(signature)
                }
                if long && scratch.hits[signature, default: []].count < 4 { scratch.hits[signature, default: []].append(end) }
            }
        }
        guard !scratch.candidates.isEmpty || !unfiltered.isEmpty else { return [] }
        var found: [(signature: Int, text: String, range: Range<String.Index>)] = []
        if !long {
            // Decoded leniently: invalid UTF-8 becomes U+FFFD, so any bytes can be matched.
            let text = String(decoding: line, as: UTF8.self)
            for signature in (scratch.candidates + unfiltered).sorted() {
                if let range = pattern(signature, &scratch)?.firstMatch(in: text) { found.append((signature, text, range)) }
            }
            return found
        }
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

    /// The compiled pattern of a signature (nil if it does not compile), compiled once per scratch.
    package func pattern(_ signature: Int, _ scratch: inout Scratch) -> LogPattern? {
        if let known = scratch.compiled[signature] { return known }
        let compiled = try? LogPattern(signatures[signature].source)
        scratch.compiled[signature] = compiled
        return compiled
    }
}
