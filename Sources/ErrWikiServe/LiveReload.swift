import ErrWikiMarkdown

/// What `serve` adds to every HTML page it sends: a script that waits for the next finished build
/// (long polling `/_errwiki/wait`) and then reloads, and, while the content has errors, an overlay
/// with the diagnostics. The overlay text is escaped; the pages under it are the last good build.
enum LiveReload {
    static let waitPath = "/_errwiki/wait"

    static func inject(into html: String, version: Int, error: String?) -> String {
        var addition = ""
        if let error {
            addition += """
            <div id="errwiki-error-overlay" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
            background:#2b0b0e;color:#ffe3e3;font:13px/1.45 ui-monospace,monospace;padding:1rem 1.25rem;border-top:4px solid #e5484d">
            <strong style="font:600 15px system-ui,sans-serif">errwiki: the content has errors; this is the last good build</strong>
            <pre style="white-space:pre-wrap;margin:.75rem 0 0">\(HTMLEscaping.escape(error))</pre></div>

            """
        }
        addition += """
        <script>
        (function () {
          var version = \(version);
          function wait() {
            fetch("\(waitPath)?version=" + version, { cache: "no-store" }).then(function (response) { return response.json(); })
              .then(function (state) { if (state.version !== version) location.reload(); else wait(); })
              .catch(function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        </script>

        """
        if let range = html.range(of: "</body>", options: .backwards) {
            var out = html
            out.insert(contentsOf: addition, at: range.lowerBound)
            return out
        }
        return html + addition
    }
}
