/// The version every errwiki binary reports (`errwiki --version`, the MCP handshake, exports).
package enum ErrWikiVersion {
    package static let current = "0.1.0"
}
