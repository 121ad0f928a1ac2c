@testable import ErrWikiKit
import ErrWikiTestSupport
import Foundation
import Testing

/// What a query must find. `first`: the top result. `inTop3`: a genuinely ambiguous query, where the
/// named article must be among the first three.
struct RankingCase: CustomTestStringConvertible, Sendable {
    var query: String
    var id: String
    var onlyFirst: Bool

    init(_ query: String, first id: String) {
        self.query = query
        self.id = id
        onlyFirst = true
    }

    init(_ query: String, inTop3 id: String) {
        self.query = query
        self.id = id
        onlyFirst = false
    }

    var testDescription: String { "\(query) → \(id)" }
}

/// The ranking suite: a fixture wiki of 64 real articles (copied from Content/ so the suite does not
/// move when the shipped content changes) and what people type: codes, prefixes, typos, phrases,
/// synonyms and pasted log lines.
@Suite struct RankingTests {
    static let index: SearchIndex = {
        let cache = (try? FixturePaths.temporaryFolder())?.path ?? NSTemporaryDirectory()
        let root = FixturePaths.fixtures().appendingPathComponent("ranking-wiki").path
        return IndexStore(contentRoot: root, cacheFolder: cache).open().index
    }()

    static let cases: [RankingCase] = [
        RankingCase("oom", first: "linux-oom-killer"),
        RankingCase("OOM", first: "linux-oom-killer"),
        RankingCase("ENOSPC", first: "enospc"),
        RankingCase("enospc", first: "enospc"),
        RankingCase("ENOENT", first: "enoent"),
        RankingCase("EACCES", first: "eacces"),
        RankingCase("EMFILE", first: "emfile"),
        RankingCase("137", first: "exit-code-137-sigkill"),
        RankingCase("127", first: "exit-code-127"),
        RankingCase("139", first: "exit-code-139-sigsegv"),
        RankingCase("143", first: "exit-code-143-sigterm"),
        RankingCase("HTTP 502", first: "http-502-bad-gateway"),
        RankingCase("502", first: "http-502-bad-gateway"),
        RankingCase("http 404", first: "http-404-not-found"),
        RankingCase("429", first: "http-429-too-many-requests"),
        RankingCase("0x80070005", first: "windows-0x80070005-access-denied"),
        RankingCase("0x80004005", first: "windows-0x80004005-unspecified"),
        RankingCase("CrashLoopBackOff", first: "k8s-crashloopbackoff"),
        RankingCase("ImagePullBackOff", first: "k8s-imagepullbackoff"),
        RankingCase("OOMKilled", first: "k8s-oomkilled"),
        RankingCase("k8s-oomkilled", first: "k8s-oomkilled"),
        RankingCase("linux-oom-killer", first: "linux-oom-killer"),
        RankingCase("ECONNREF", first: "econnrefused"),
        RankingCase("ECONNRES", first: "econnreset"),
        RankingCase("crashloop", first: "k8s-crashloopbackoff"),
        RankingCase("imagepull", first: "k8s-imagepullbackoff"),
        RankingCase("EADDRIN", first: "eaddrinuse"),
        RankingCase("ERESOLVE", first: "npm-eresolve"),
        RankingCase("disk full", inTop3: "enospc"),
        RankingCase("no space left on device", first: "enospc"),
        RankingCase("port already in use", inTop3: "eaddrinuse"),
        RankingCase("address already in use", first: "eaddrinuse"),
        RankingCase("process killed out of memory", inTop3: "linux-oom-killer"),
        RankingCase("too many open files", inTop3: "emfile"),
        RankingCase("connection refused", first: "econnrefused"),
        RankingCase("connection reset by peer", first: "econnreset"),
        RankingCase("permission denied", inTop3: "eacces"),
        RankingCase("operation not permitted", first: "eperm"),
        RankingCase("read-only file system", inTop3: "erofs"),
        RankingCase("command not found", first: "exit-code-127"),
        RankingCase("segmentation fault", inTop3: "exit-code-139-sigsegv"),
        RankingCase("no route to host", first: "ehostunreach"),
        RankingCase("certificate has expired", first: "tls-certificate-expired"),
        RankingCase("unable to get local issuer certificate", first: "tls-unable-to-get-local-issuer"),
        RankingCase("wrong version number", first: "tls-wrong-version-number"),
        RankingCase("merge conflict", first: "git-merge-conflict"),
        RankingCase("detached head", first: "git-detached-head"),
        RankingCase("push rejected non-fast-forward", first: "git-non-fast-forward-rejected"),
        RankingCase("cannot connect to the docker daemon", first: "docker-daemon-not-running"),
        RankingCase("too many clients already", first: "postgres-too-many-connections"),
        RankingCase("password authentication failed", first: "postgres-password-authentication-failed"),
        RankingCase("mysql server has gone away", first: "mysql-server-gone-away"),
        RankingCase("no module named", first: "python-modulenotfounderror"),
        RankingCase("externally managed environment", first: "python-externally-managed-environment"),
        RankingCase("javascript heap out of memory", first: "node-heap-out-of-memory"),
        RankingCase("cannot find module", first: "node-cannot-find-module"),
        RankingCase("java heap space", first: "java-outofmemoryerror-heap"),
        RankingCase("could not get lock", first: "apt-could-not-get-lock"),
        RankingCase("host key verification failed", first: "ssh-host-key-verification-failed"),
        RankingCase("temporary failure in name resolution", first: "dns-temporary-failure-in-name-resolution"),
        RankingCase("bad gateway", first: "http-502-bad-gateway"),
        RankingCase("gateway timeout", first: "http-504-gateway-timeout"),
        RankingCase("service unavailable", first: "http-503-service-unavailable"),
        RankingCase("start request repeated too quickly", first: "systemd-start-limit-hit"),
        RankingCase("inodes full", first: "disk-inodes-exhausted"),
        RankingCase("conection refused", first: "econnrefused"),
        RankingCase("permision denied", inTop3: "eacces"),
        RankingCase("segmantation fault", inTop3: "exit-code-139-sigsegv"),
        RankingCase("certifcate expired", first: "tls-certificate-expired"),
        RankingCase("crashlopbackoff", first: "k8s-crashloopbackoff"),
        RankingCase("heap out of memroy", inTop3: "node-heap-out-of-memory"),
        RankingCase("kubernetes pod keeps restarting", first: "k8s-crashloopbackoff"),
        RankingCase("container killed 137", inTop3: "docker-container-exited-137"),
        RankingCase("port is already allocated", first: "docker-port-already-allocated"),
        RankingCase("ssh publickey denied", first: "ssh-permission-denied-publickey"),
        RankingCase("git push rejected", first: "git-non-fast-forward-rejected"),
        RankingCase("python pip install error externally managed", first: "python-externally-managed-environment"),
        RankingCase("apt lock", first: "apt-could-not-get-lock"),
        RankingCase("rate limited too many requests", first: "http-429-too-many-requests"),
        RankingCase("Out of memory: Killed process 4242 (java) total-vm:8123456kB, anon-rss:7000000kB", first: "linux-oom-killer"),
        RankingCase("bash: foo: command not found", first: "exit-code-127"),
        RankingCase("cat: /etc/app.conf: No such file or directory", first: "enoent"),
        RankingCase("ModuleNotFoundError: No module named 'requests'", first: "python-modulenotfounderror"),
        RankingCase("FATAL:  sorry, too many clients already", first: "postgres-too-many-connections"),
        RankingCase("Error: listen EADDRINUSE: address already in use :::3000", first: "node-eaddrinuse"),
        RankingCase("Back-off restarting failed container app in pod web-5d4f", first: "k8s-crashloopbackoff"),
        RankingCase("git@github.com: Permission denied (publickey).", first: "ssh-permission-denied-publickey"),
        RankingCase("java.lang.OutOfMemoryError: Java heap space", first: "java-outofmemoryerror-heap"),
        RankingCase("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 1234 (apt)", first: "apt-could-not-get-lock"),
        RankingCase("curl: (60) SSL certificate problem: certificate has expired", first: "tls-certificate-expired"),
    ]

    @Test func theFixtureWikiIsLargeEnough() {
        #expect(Self.index.articleCount >= 30)
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func findsTheRightArticle(_ testCase: RankingCase) {
        let hits = Ranker(index: Self.index).search(testCase.query, limit: 3).hits.map(\.article.id)
        if testCase.onlyFirst {
            #expect(hits.first == testCase.id, "got \(hits)")
        } else {
            #expect(hits.contains(testCase.id), "got \(hits)")
        }
    }

    @Test(arguments: [
        ("conection refused", "connection refused"),
        ("permision denied", "permission denied"),
        ("certifcate expired", "certificate expired"),
    ])
    func saysWhenItCorrectedAWord(query: String, corrected: String) {
        #expect(Ranker(index: Self.index).search(query).corrected == corrected)
    }

    @Test(arguments: ["oom", "ENOSPC", "connection refused", "137"])
    func correctsNothingThatWasSpelledRight(query: String) {
        #expect(Ranker(index: Self.index).search(query).corrected == nil)
    }

    @Test(arguments: ["13", "0x80070004", "e2bog", "oomm"])
    func neverCorrectsNumbersHexCodesOrShortWords(query: String) {
        let outcome = Ranker(index: Self.index).search(query)
        #expect(outcome.corrected == nil)
        #expect(!outcome.hits.contains { $0.usedCorrection })
    }

    @Test func exactCodesRankAboveEverything() {
        let hits = Ranker(index: Self.index).search("137").hits
        #expect(hits.first?.kind == .exactCode)
        #expect(hits.first?.article.id == "exit-code-137-sigkill")
    }

    @Test func aPastedLogLineIsMatchedByThePatterns() {
        let hit = Ranker(index: Self.index).search("Out of memory: Killed process 4242 (java) total-vm:8123456kB").hits.first
        #expect(hit?.article.id == "linux-oom-killer")
        #expect(hit?.kind == .logPattern)
    }

    @Test func tiesAreBrokenBySeverityThenID() {
        let hits = Ranker(index: Self.index).all()
        #expect(hits.map(\.article.id) == hits.map(\.article.id).sorted())
        let a = SearchHit(article: hits[0].article, kind: .allWords, score: 1, usedCorrection: false)
        var b = SearchHit(article: hits[1].article, kind: .allWords, score: 1, usedCorrection: false)
        b.article.severity = .critical
        var aLow = a
        aLow.article.severity = .low
        #expect(Ranker.order(b, aLow))
        #expect(!Ranker.order(aLow, b))
    }

    @Test func theSameQueryAlwaysGivesTheSameOrder() {
        let first = Ranker(index: Self.index).search("permission denied", limit: 20).hits.map(\.article.id)
        for _ in 0..<5 {
            #expect(Ranker(index: Self.index).search("permission denied", limit: 20).hits.map(\.article.id) == first)
        }
    }

    static let broadQueries = ["permission denied", "memory", "connection", "disk full", "http", "killed", "error", "the", "oom",
                               "failed", "out of memory", "conection", "Out of memory: Killed process 1 (x)"]

    /// Every candidate is scored in full before the limit (RankingSpec): asking for fewer hits gives
    /// the first ones of the longer list, never a different order.
    @Test(arguments: broadQueries)
    func theFirstHitsDoNotDependOnTheLimit(query: String) {
        let ranker = Ranker(index: Self.index)
        let all = ranker.search(query, limit: 1_000).hits
        for limit in [1, 2, 5, 10] {
            #expect(ranker.search(query, limit: limit).hits == Array(all.prefix(limit)), "limit \(limit)")
        }
    }

    /// An article far down the BM25 order whose title is the query (so its title bonus wins) is first
    /// however few hits are asked for: ranking only the best BM25 candidates would drop it.
    @Test func aTitleBonusFarDownTheBM25OrderStillWins() throws {
        let base = try FixturePaths.temporaryFolder()
        let folder = base.appendingPathComponent("content/disk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ id: String, title: String, body: String) throws {
            let text = "---\ntitle: \(title)\ncategory: disk\nseverity: low\nsummary: A report.\ncauses: [x]\nsteps: [y]\n---\n\(body)\n"
            try text.write(to: folder.appendingPathComponent("\(id).md"), atomically: false, encoding: .utf8)
        }
        for number in 0..<150 { try write("report-\(number)", title: "Report \(number)", body: "disk full disk full disk full") }
        let filler = (0..<3_000).map { "filler\($0 % 500)" }.joined(separator: " ")
        try write("the-answer", title: "Disk full", body: filler)
        let index = IndexStore(contentRoot: base.appendingPathComponent("content").path, cacheFolder: base.appendingPathComponent("cache").path).open().index
        let ranker = Ranker(index: index)
        #expect(ranker.search("disk full", limit: 200).hits.first?.article.id == "the-answer")
        #expect(ranker.search("disk full", limit: 1).hits.first?.article.id == "the-answer")
    }

    /// A filter only removes hits: the hits before the first one it rejects keep their places.
    @Test(arguments: broadQueries)
    func aFilterTheFirstHitsPassKeepsTheirOrder(query: String) {
        let ranker = Ranker(index: Self.index)
        let all = ranker.search(query, limit: 1_000).hits
        guard let first = all.first else { return }
        for filter in [Ranker.Filter(category: first.article.category), Ranker.Filter(severity: first.article.severity)] {
            let run = all.prefix { filter.admits($0.article) }
            let filtered = ranker.search(query, filter: filter, limit: 1_000).hits
            #expect(Array(filtered.prefix(run.count)) == Array(run))
            #expect(filtered == all.filter { filter.admits($0.article) })
        }
    }

    @Test(arguments: [("conenction", "connection"), ("permisison", "permission"), ("memroy", "memory")])
    func aTranspositionIsOneEdit(typed: String, meant: String) {
        #expect(EditDistance.between(typed, meant) == 1)
        #expect(Ranker(index: Self.index).search(typed).corrected == meant)
    }

    @Test func aTermIsCutAtACharacterBoundary() {
        let long = String(repeating: "é", count: 40)  // 80 bytes
        let term = Tokenizer.terms(in: long)
        #expect(term == [String(repeating: "é", count: 32)])
        #expect(Tokenizer.terms(in: String(repeating: "a", count: 63) + "é") == [String(repeating: "a", count: 63)])
    }

    @Test func filtersByCategoryAndSeverity() {
        let ranker = Ranker(index: Self.index)
        let docker = ranker.search("permission denied", filter: .init(category: "docker")).hits
        #expect(docker.allSatisfy { $0.article.category == "docker" })
        let critical = ranker.search("memory", filter: .init(severity: .critical)).hits
        #expect(!critical.isEmpty)
        #expect(critical.allSatisfy { $0.article.severity == .critical })
    }

    @Test func nothingFoundOffersSuggestions() {
        let outcome = Ranker(index: Self.index).search("oomx")
        #expect(outcome.hits.isEmpty)
        #expect(outcome.suggestions.contains("oom"), "\(outcome.suggestions)")
        #expect(Ranker(index: Self.index).search("zzzzqqq").hits.isEmpty)
        #expect(Ranker(index: Self.index).search("linux-oom-kiler").hits.first?.article.id == "linux-oom-killer")
    }

    /// An index built under another ranking spec is rebuilt: the header's fingerprint must follow the spec.
    @Test func theRankingFingerprintIsTheSpecs() {
        let computed = SearchIndex.computedRankingFingerprint
        #expect(SearchIndex.rankingFingerprint == computed,
                "the ranking spec changed: set SearchIndex.rankingFingerprint to 0x\(String(computed, radix: 16))")
    }
}
