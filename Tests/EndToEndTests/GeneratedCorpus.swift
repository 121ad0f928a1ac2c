import Foundation

/// A content folder of generated, valid articles, large enough that a build or an index rebuild
/// takes long enough to be interrupted part-way.
enum GeneratedCorpus {
    static func write(_ count: Int, to content: URL, bodyParagraphs: Int = 40) throws {
        let body = String(repeating: "Some **body** text with `code` and a [link](https://example.org).\n\n", count: bodyParagraphs)
        for index in 0..<count {
            let category = "group\(index % 10)"
            let folder = content.appendingPathComponent(category)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let article = """
            ---
            title: Generated error \(index)
            category: \(category)
            severity: medium
            summary: Error number \(index) for the interrupted-build test.
            codes: [GEN\(index)]
            tags: [t\(index % 50)]
            causes: [Something]
            steps: [Fix it]
            faq:
              - q: Why?
                a: Because.
            ---
            \(body)
            """
            try article.write(to: folder.appendingPathComponent("generated-\(index).md"), atomically: false, encoding: .utf8)
        }
    }

    /// Every regular file under `folder`, by relative path.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let relative as String in FileManager.default.enumerator(atPath: folder)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return files
    }
}
