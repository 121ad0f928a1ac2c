/// How a category id reads on a page: `errno` → "Errno", `postgresql` → "PostgreSQL".
enum CategoryName {
    private static let known: [String: String] = [
        "http": "HTTP", "dns": "DNS", "tls": "TLS", "ssh": "SSH", "mysql": "MySQL", "postgresql": "PostgreSQL",
        "nodejs": "Node.js", "git": "Git", "java": "Java", "python": "Python", "systemd": "systemd",
        "kubernetes": "Kubernetes", "docker": "Docker", "windows": "Windows", "errno": "Errno",
        "signal": "Signals", "kernel": "Kernel", "disk": "Disk", "network": "Network", "packages": "Packages",
    ]

    static func label(_ category: String) -> String {
        if let name = known[category] { return name }
        return category.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
