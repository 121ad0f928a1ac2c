import ErrWikiTestSupport
import Foundation
import Testing

/// SIGKILL at many points of `build`, of a `lookup` that rebuilds its index, and of `new`: the reader's
/// site, the index in use and the author's article are always the old whole or the new whole.
@Suite(.serialized) struct CrashSafetyTests {
    let repository = BuiltSite.repository

    @Test func aBuildKilledAtEightPointsNeverChangesThePreviousSite() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(1_000, to: content)
        let out = root.appendingPathComponent("site")
        let started = Date()
        let first = try CommandRunner.run(["build", "--content", content.path, "--out", out.path, "--quiet"], in: repository)
        let fullBuild = Date().timeIntervalSince(started)
        #expect(first.status == 0, "\(first.stderr)")
        var current = GeneratedCorpus.snapshot(out.path)

        var interrupted = 0
        for point in 1...8 {
            // A new site name changes every page, so each build is a full one; kill it at point/9 of its time.
            let name = "Name \(point)"
            let process = try CommandRunner.start(["build", "--content", content.path, "--out", out.path, "--quiet", "--site-name", name])
            usleep(UInt32(fullBuild * Double(point) / 9 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = GeneratedCorpus.snapshot(out.path)
            if after == current {
                interrupted += 1
                continue
            }
            // The kill came after the swap: the whole new site, as an uninterrupted build makes it.
            let reference = root.appendingPathComponent("reference-\(point)")
            let fresh = try CommandRunner.run(["build", "--content", content.path, "--out", reference.path, "--quiet", "--site-name", name], in: repository)
            #expect(fresh.status == 0)
            #expect(Self.same(Self.pages(after), Self.pages(GeneratedCorpus.snapshot(reference.path))), "point \(point): a mixed site")
            try FileManager.default.removeItem(at: reference)
            current = after
        }
        #expect(interrupted >= 3, "too few kills landed inside a build (\(interrupted) of 8)")

        // The next build succeeds and leaves nothing of the killed ones behind (staging folders, lock).
        let next = try CommandRunner.run(["build", "--content", content.path, "--out", out.path, "--quiet", "--site-name", "Final"], in: repository)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["content", "site"])
        #expect(String(decoding: GeneratedCorpus.snapshot(out.path)["index.html"] ?? Data(), as: UTF8.self).contains("<title>Final</title>"))
    }

    @Test func aLookupKilledWhileItRebuildsTheIndexNeverLeavesABadIndexInUse() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(800, to: content, bodyParagraphs: 20)
        let cache = root.appendingPathComponent("cache")
        let environment = ["XDG_CACHE_HOME": cache.path]
        let started = Date()
        let first = try CommandRunner.run(["lookup", "--content", content.path, "--list", "GEN7"], in: repository, environment: environment)
        let fullRebuild = Date().timeIntervalSince(started)
        #expect(first.status == 0 && Self.firstID(first.stdout) == "generated-7", "\(first.stdout)\(first.stderr)")
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path + "/errwiki").first { $0.hasSuffix(".bin") })
        let indexPath = cache.path + "/errwiki/" + index

        /// True when the index is the old bytes; otherwise it must be a whole, current index that
        /// the next lookup uses as it is (neither rewritten nor replaced).
        func isOldOrWhole(_ old: Data?, _ label: String, query: Int) throws -> Bool {
            let now = FileManager.default.contents(atPath: indexPath)
            if Self.same(now, old) { return true }
            let inode = Self.inode(indexPath)
            let check = try CommandRunner.run(["lookup", "--content", content.path, "--list", "GEN\(query)"], in: repository, environment: environment)
            #expect(check.status == 0 && Self.firstID(check.stdout) == "generated-\(query)")
            let untouched = Self.inode(indexPath) == inode && Self.same(FileManager.default.contents(atPath: indexPath), now)
            #expect(untouched, "\(label): the index left by the killed lookup was not whole")
            return false
        }

        var interrupted = 0
        for point in 1...6 {
            // New modification times on every file: the next lookup re-reads them all.
            try Self.touchAll(content, offset: point)
            let old = FileManager.default.contents(atPath: indexPath)
            let process = try CommandRunner.start(["lookup", "--content", content.path, "--list", "GEN\(point)"], environment: environment)
            usleep(UInt32(fullRebuild * Double(point) / 7 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if try isOldOrWhole(old, "point \(point)", query: point) { interrupted += 1 }
            // Whatever happened, the next lookup answers correctly.
            let answer = try CommandRunner.run(["lookup", "--content", content.path, "--list", "GEN\(point + 100)"], in: repository, environment: environment)
            #expect(answer.status == 0 && Self.firstID(answer.stdout) == "generated-\(point + 100)", "\(answer.stdout)\(answer.stderr)")
        }
        #expect(interrupted >= 2, "too few kills landed inside a rebuild (\(interrupted) of 6)")
        // Killed the moment its temporary index file shows up, while the index is being written.
        for round in 0..<3 {
            try Self.touchAll(content, offset: 50 + round)
            let old = FileManager.default.contents(atPath: indexPath)
            let stale = Set(try FileManager.default.contentsOfDirectory(atPath: cache.path + "/errwiki"))
            let process = try CommandRunner.start(["lookup", "--content", content.path, "--list", "GEN9"], environment: environment)
            let deadline = Date().addingTimeInterval(20)
            while (try? FileManager.default.contentsOfDirectory(atPath: cache.path + "/errwiki"))?.contains(where: { $0.hasSuffix(".tmp") && !stale.contains($0) }) != true
                    && process.isRunning && Date() < deadline {
                usleep(100)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = try isOldOrWhole(old, "round \(round)", query: 9)
        }
        // A rebuild clears the temporary files that killed lookups left behind.
        try Self.touchAll(content, offset: 99)
        _ = try CommandRunner.run(["lookup", "--content", content.path, "--list", "GEN1"], in: repository, environment: environment)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path + "/errwiki") == [index])
    }

    @Test func aKilledNewNeverLeavesAHalfWrittenArticle() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(50, to: content, bodyParagraphs: 1)
        // A large skeleton, so the write takes long enough for kills to land inside it.
        let theme = root.appendingPathComponent("theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let skeleton = try String(contentsOf: repository.appendingPathComponent("Templates/article.md"), encoding: .utf8)
            + String(repeating: "Background that an author pasted in, line after line.\n", count: 300_000)
        try skeleton.write(to: theme.appendingPathComponent("article.md"), atomically: true, encoding: .utf8)
        let arguments = ["new", "Killed while writing", "--category", "group1", "--severity", "low",
                         "--content", content.path, "--templates", theme.path]
        let article = content.appendingPathComponent("group1/killed-while-writing.md")

        let started = Date()
        let whole = try CommandRunner.run(arguments, in: repository)
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = try Data(contentsOf: article)
        #expect(expected.count > 15_000_000)

        // A write that fails half-way (past the file-size limit, as on a full disk): a message, no article.
        try? FileManager.default.removeItem(at: article)
        let limited = try Self.runWithFileSizeLimit(kilobytes: 4_096, arguments)
        #expect(limited != 0)
        #expect(!FileManager.default.fileExists(atPath: article.path), "a half-written article was left in place")

        // Killed the moment a file shows up in the category folder: that is while the bytes are
        // being written, so the article must be absent (or, at worst, already whole).
        let folder = article.deletingLastPathComponent().path
        for round in 0..<4 {
            try? FileManager.default.removeItem(at: article)
            let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
            let process = try CommandRunner.start(arguments)
            let deadline = Date().addingTimeInterval(20)
            while Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).subtracting(before).isEmpty
                    && process.isRunning && Date() < deadline {
                usleep(100)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if let written = FileManager.default.contents(atPath: article.path) {
                #expect(Self.same(written, expected), "round \(round): a half-written article (\(written.count) of \(expected.count) bytes)")
            }
        }

        // Killed at points spread over the whole run: absent or whole, never part.
        var absent = 0
        for point in 0..<12 {
            try? FileManager.default.removeItem(at: article)
            let process = try CommandRunner.start(arguments)
            usleep(UInt32(duration * Double(point) / 10 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if let written = FileManager.default.contents(atPath: article.path) {
                #expect(Self.same(written, expected), "point \(point): a half-written article (\(written.count) of \(expected.count) bytes)")
            } else {
                absent += 1
            }
        }
        #expect(absent >= 3, "too few kills landed before the article was in place (\(absent) of 12)")

        // The next `new` works and removes what the killed ones left in the folder.
        try? FileManager.default.removeItem(at: article)
        let next = try CommandRunner.run(arguments, in: repository)
        #expect(next.status == 0, "\(next.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: article.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func lookupsInManyProcessesWhileContentChangesAlwaysAnswerFromAWholeIndex() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(200, to: content, bodyParagraphs: 2)
        let environment = ["XDG_CACHE_HOME": root.appendingPathComponent("cache").path]
        let edited = content.appendingPathComponent("group3/generated-3.md")
        let original = try String(contentsOf: edited, encoding: .utf8)
        let titles = ["Generated error 3", "Renamed error 3"]

        nonisolated(unsafe) var failures: [String] = []
        let lock = NSLock()
        let finished = DispatchGroup()
        finished.enter()
        let writer = Thread {
            defer { finished.leave() }
            for round in 0..<40 {
                let text = original.replacingOccurrences(of: titles[0], with: titles[round % 2])
                try? text.write(to: edited, atomically: true, encoding: .utf8)
                usleep(15_000)
            }
        }
        let readers = (0..<4).map { reader in
            Thread {
                defer { finished.leave() }
                for round in 0..<12 {
                    // Alternate a code that the edited article has with one from an unchanged article.
                    let code = round % 2 == 0 ? "GEN3" : "GEN\(50 + reader)"
                    let result = try? CommandRunner.run(["lookup", "--content", content.path, "--json", code], in: repository, environment: environment)
                    let expected = code == "GEN3" ? titles : ["Generated error \(50 + reader)"]
                    let ok = result.map { reply in
                        reply.status == 0 && expected.contains { reply.stdout.contains("\"title\" : \"\($0)\"") }
                    } ?? false
                    if !ok {
                        lock.lock(); failures.append("\(code): \(result?.stdout ?? "") \(result?.stderr ?? "")"); lock.unlock()
                    }
                }
            }
        }
        writer.start()
        readers.forEach { _ in finished.enter() }
        readers.forEach { $0.start() }
        finished.wait()
        #expect(failures.isEmpty, "\(failures.prefix(3))")
    }

    @Test func twoBuildsIntoOneFolderAtOnceOneWinsAndTheOtherSaysWhy() throws {
        let root = try FixturePaths.temporaryFolder()
        let content = root.appendingPathComponent("content")
        try GeneratedCorpus.write(600, to: content, bodyParagraphs: 10)
        let out = root.appendingPathComponent("site")
        var conflicts = 0
        for attempt in 0..<3 {
            let names = ["First \(attempt)", "Second \(attempt)"]
            let results = try names.map { name -> (Process, Pipe) in
                let errors = Pipe()
                let process = try CommandRunner.start(["build", "--content", content.path, "--out", out.path, "--quiet", "--site-name", name],
                                                      standardError: errors)
                return (process, errors)
            }.map { process, errors in
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                return (status: process.terminationStatus, stderr: text)
            }
            let statuses = results.map(\.status).sorted()
            #expect(statuses == [0, 0] || statuses == [0, 1], "attempt \(attempt): \(results)")
            guard let winner = results.firstIndex(where: { $0.status == 0 }) else { continue }
            var expectedName = names[winner]
            if let loser = results.firstIndex(where: { $0.status == 1 }) {
                conflicts += 1
                #expect(results[loser].stderr.contains("another errwiki build is writing this folder"), "\(results[loser].stderr)")
            } else {
                // No overlap after all (one finished first): the site is the later build's.
                expectedName = String(decoding: GeneratedCorpus.snapshot(out.path)["index.html"] ?? Data(), as: UTF8.self).contains("<title>\(names[1])</title>") ? names[1] : names[0]
            }
            // Whole, unmixed: exactly what one uninterrupted build with the winner's name writes.
            let reference = root.appendingPathComponent("reference")
            let fresh = try CommandRunner.run(["build", "--content", content.path, "--out", reference.path, "--quiet", "--site-name", expectedName], in: repository)
            #expect(fresh.status == 0)
            #expect(Self.same(Self.pages(GeneratedCorpus.snapshot(out.path)), Self.pages(GeneratedCorpus.snapshot(reference.path))), "attempt \(attempt): a mixed site")
            try FileManager.default.removeItem(at: reference)
        }
        #expect(conflicts >= 1, "the two builds never overlapped")
    }

    // MARK: helpers

    /// Runs errwiki with a file-size limit (`ulimit -f`): a write past it kills the process with SIGXFSZ.
    static func runWithFileSizeLimit(kilobytes: Int, _ arguments: [String], environment: [String: String] = [:]) throws -> Int32 {
        let process = try CommandRunner.start(["-c", "ulimit -f \(kilobytes * 2) && exec \"$0\" \"$@\"", CommandRunner.binary.path] + arguments,
                                environment: environment, executable: URL(fileURLWithPath: "/bin/sh"))
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The site's files without the build manifest (which records when and from what it was built).
    static func pages(_ snapshot: [String: Data]) -> [String: Data] {
        snapshot.filter { $0.key != ".errwiki-site" }
    }

    static func touchAll(_ folder: URL, offset: Int) throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000 + Double(offset) * 60)
        for case let relative as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] where relative.hasSuffix(".md") {
            try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: folder.path + "/" + relative)
        }
    }

    /// Equality as a plain Bool: a failed `#expect(a == b)` on large collections makes Swift Testing
    /// compute a diff of them, which takes minutes for megabytes.
    static func same<T: Equatable>(_ a: T, _ b: T) -> Bool { a == b }

    /// The id on the first line of `lookup --list` (severity, id, title).
    static func firstID(_ output: String) -> String? {
        output.split(separator: "\n").first?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
    }

    static func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }
}
