/// The parts of every page's context that the shared partials (`head`, `header`, `footer`) read.
enum PageFrame {
    static func context(path: SitePath, title: String, description: String, options: SiteOptions,
                        isHome: Bool = false) -> [String: Any] {
        var context: [String: Any] = [
            "root": path.rootPrefix,
            "siteName": options.siteName,
            "pageTitle": isHome ? options.siteName : "\(title) — \(options.siteName)",
            "title": title,
            "description": description,
        ]
        if let base = options.baseURL {
            // The home page's canonical URL is the site root itself.
            context["canonical"] = base + (path == .home ? "" : path.value)
        }
        return context
    }
}
