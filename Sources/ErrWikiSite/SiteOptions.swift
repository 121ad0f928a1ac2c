import ErrWikiKit

/// What a build is asked for, besides the content and the theme.
package struct SiteOptions: Sendable {
    /// Shown in the header and in every `<title>`.
    package var siteName: String
    /// `https://errors.example.org/`: enables canonical links and `sitemap.xml`. Always ends with `/`.
    package var baseURL: String?
    /// Include articles marked `draft: true`.
    package var includeDrafts: Bool

    package init(siteName: String = "errwiki", baseURL: String? = nil, includeDrafts: Bool = false) {
        self.siteName = siteName
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }

    /// Checks and normalises a `--base-url`: http(s), no query or fragment, ending with `/`.
    package static func normalizedBaseURL(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
              !text.contains("?"), !text.contains("#"), !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }),
              text.count > "http://".count + (lowered.hasPrefix("https") ? 1 : 0)
        else { return nil }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Part of every page's fingerprint: a different option gives different pages. Every option,
    /// found by reflection, so a new one cannot be left out.
    var digest: String {
        var hasher = StableHasher()
        hasher.combine(reflecting: self)
        return hasher.hexDigest
    }
}
