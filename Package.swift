// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "errwiki",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "errwiki", targets: ["errwiki"]),
        .executable(name: "errwiki-mcp", targets: ["errwiki-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
        // Named because the MCP transport protocol exposes its Logger type.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.0"),
    ],
    targets: [
        // Debian's libcmark-gfm; the module map links both libraries.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Vectorscan's headers (Debian libvectorscan-dev) for `diagnose`'s prefilter; the library itself is
        // loaded at run time (HyperscanLibrary.swift), so only `diagnose` loads it.
        .systemLibrary(name: "CHyperscan", providers: [.apt(["libvectorscan-dev"])]),
        // The only code that ever sees a cmark pointer.
        .target(name: "ErrWikiMarkdown", dependencies: ["CCmarkGFM"]),
        // Everything else: load, validate, search and lookup, terminal rendering, diagnose, new.
        .target(
            name: "ErrWikiKit",
            dependencies: ["ErrWikiMarkdown", "CHyperscan", .product(name: "Yams", package: "Yams")]
        ),
        // `errwiki build`: the static site (pages, search index, atomic output folder).
        .target(
            name: "ErrWikiSite",
            dependencies: ["ErrWikiKit", "ErrWikiMarkdown"]
        ),
        // `errwiki serve`: the live preview, with its own small HTTP server on a socket (no networking
        // library: FoundationNetworking would load libcurl's 30 libraries on every start).
        .target(
            name: "ErrWikiServe",
            dependencies: ["ErrWikiSite", "ErrWikiKit", "ErrWikiMarkdown"]
        ),
        // `errwiki mcp`: the wiki as a Model Context Protocol server. Its own target, so only the CLI depends on the SDK.
        .target(
            name: "ErrWikiMCP",
            dependencies: ["ErrWikiKit", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log")]
        ),
        // What every command line shares: the content option, stderr, the version, the helper runner.
        .target(
            name: "ErrWikiCommandLine",
            dependencies: ["ErrWikiKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The thin CLI. It never links the MCP SDK (and the FoundationNetworking it brings): `errwiki
        // mcp` runs errwiki-mcp, installed beside it.
        .executableTarget(
            name: "errwiki",
            dependencies: ["ErrWikiKit", "ErrWikiSite", "ErrWikiServe", "ErrWikiCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "errwiki-mcp",
            dependencies: ["ErrWikiMCP", "ErrWikiKit", "ErrWikiCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Golden-file comparison shared by the test targets. Fixtures are read from the source tree.
        .target(name: "ErrWikiTestSupport", path: "Tests/ErrWikiTestSupport"),
        .testTarget(name: "ErrWikiMarkdownTests", dependencies: ["ErrWikiMarkdown", "ErrWikiTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ErrWikiKitTests", dependencies: ["ErrWikiKit", "ErrWikiTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ErrWikiSiteTests", dependencies: ["ErrWikiSite", "ErrWikiKit", "ErrWikiTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "EndToEndTests", dependencies: ["errwiki", "errwiki-mcp", "ErrWikiTestSupport"], exclude: ["Fixtures"]),
    ]
)

// libFuzzer targets (issue 8), only when ERRWIKI_FUZZ=1, so the normal build never sees them.
// Built and run by scripts/fuzz.sh; see Fuzz/README.md.
if Context.environment["ERRWIKI_FUZZ"] == "1" {
    let fuzzers = [("fuzz-article", "FuzzArticle"), ("fuzz-markdown", "FuzzMarkdown"),
                   ("fuzz-lookup", "FuzzLookup"), ("fuzz-diagnose", "FuzzDiagnose")]
    package.targets += [
        // Declares libFuzzer's LLVMFuzzerRunDriver.
        .target(name: "CFuzzDriver", path: "Fuzz/Sources/CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"], path: "Fuzz/Sources/FuzzSupport"),
    ]
    for (product, target) in fuzzers {
        package.targets.append(.executableTarget(
            name: target, dependencies: ["FuzzSupport", "ErrWikiKit", "ErrWikiMarkdown"], path: "Fuzz/Sources/\(target)"))
        package.products.append(.executable(name: product, targets: [target]))
    }
}
