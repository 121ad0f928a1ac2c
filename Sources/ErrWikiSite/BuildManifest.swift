import Foundation

/// What a build wrote, kept in the site as `.errwiki-site` (which also marks the folder as errwiki's):
/// the digest of every page and the state of the inputs. The next build carries unchanged pages over
/// and, when no input changed at all, does nothing.
///
///     errwiki-site 1
///     content <digest> <built at, ns>
///     inputs <theme and options digest>
///     <page digest> <path>
///     …
struct BuildManifest: Equatable {
    static let formatLine = "errwiki-site 1"

    var contentDigest: String
    var builtAt: Int64
    var inputsDigest: String
    var pages: [String: String]

    var text: String {
        var out = Self.formatLine + "\ncontent \(contentDigest) \(builtAt)\ninputs \(inputsDigest)\n"
        for path in pages.keys.sorted() { out += "\(pages[path]!) \(path)\n" }
        return out
    }

    /// Nil for a missing or unreadable manifest: the build then renders every page.
    static func read(folder: String) -> BuildManifest? {
        guard let text = try? String(contentsOfFile: folder + "/" + OutputFolder.markerName, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.popFirst() == Substring(formatLine),
              let content = lines.popFirst()?.split(separator: " "), content.count == 3, content[0] == "content",
              let builtAt = Int64(content[2]),
              let inputs = lines.popFirst()?.split(separator: " "), inputs.count == 2, inputs[0] == "inputs"
        else { return nil }
        var pages: [String: String] = [:]
        for line in lines {
            guard let space = line.firstIndex(of: " ") else { return nil }
            pages[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        return BuildManifest(contentDigest: String(content[1]), builtAt: builtAt, inputsDigest: String(inputs[1]), pages: pages)
    }
}
