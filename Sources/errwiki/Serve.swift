import ArgumentParser
import Dispatch
import ErrWikiCommandLine
import ErrWikiKit
import ErrWikiServe
import ErrWikiSite
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the wiki: build it, serve it on loopback, rebuild and reload the browser on every change.",
        discussion: """
        Watches the content and the theme. Only pages whose inputs changed are rendered again, and open \
        tabs reload once the new build is complete. A content error keeps the last good pages and shows \
        the diagnostics over them (and in the terminal) until it is fixed.
        Exit status: 0 after Ctrl-C, 1 when the port is in use or cannot be bound, 64 usage error.
        """
    )

    @Option(help: "The port (0 picks a free one).")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on; loopback unless you mean otherwise.")
    var host = "127.0.0.1"

    @OptionGroup var content: ContentOption
    @OptionGroup var theme: ThemeOption

    @Option(name: .customLong("site-name"), help: "The name in the header and in every title.")
    var siteName = "errwiki"

    @Flag(help: "Include articles marked draft: true.")
    var drafts = false

    func run() throws {
        let configuration = PreviewServer.Configuration(
            content: try content.resolve(), templatesFolder: theme.resolve(), host: host, port: port,
            options: SiteOptions(siteName: siteName, includeDrafts: drafts))
        let server = try PreviewServer(configuration, log: { line in
            print(line)
            fflush(nil)
        }, problems: { text in
            StandardError.write(text + "\n")
        })
        // Ctrl-C: remove the preview's build folder and leave quietly.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .main) }
        for source in sources {
            source.setEventHandler {
                server.cleanUp()
                print("stopped")
                Foundation.exit(0)
            }
            source.resume()
        }
        AsyncRun.forever {
            do {
                try await server.run { url in
                    print("serving \(configuration.content) at \(url)  (Ctrl-C to stop)")
                    fflush(nil)
                }
                return 0
            } catch {
                server.cleanUp()
                StandardError.write("errwiki serve: \(error)\n")
                return 1
            }
        }
    }
}
