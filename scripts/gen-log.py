#!/usr/bin/env python3
"""A realistic log for benchmarking `errwiki diagnose`:
  scripts/gen-log.py SIZE_MB OUT [CONTENT_DIR] [EVERY]

Mostly benign noise (syslog, nginx access and error lines, application and database chatter, JSON
lines, Java stack frames) with one real sample line from the articles every EVERY lines (default
2,000; 20 plants them densely). Deterministic for a given size and density.
"""
import pathlib, random, sys
import yaml

size = int(sys.argv[1]) * 1024 * 1024
out = pathlib.Path(sys.argv[2])
content = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "Content")
every = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
samples = []
for path in sorted(content.rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        continue  # not an article (catalogs/README.md)
    front = yaml.safe_load(text[3:text.find("\n---", 3)]) or {}
    samples += [str(s) for s in front.get("samples") or []]
rng = random.Random(42)
hosts = ["web1", "web2", "db1", "worker3"]
units = ["nginx", "sshd", "cron", "systemd", "dockerd", "kubelet", "postgres", "app"]
paths = ["/", "/api/v1/items", "/health", "/static/app.js", "/login", "/cart", "/search?q=shoes"]
words = "request handled user session cache refreshed queue drained batch completed token rotated worker idle".split()

def noise(i):
    kind = i % 9
    t = f"Nov 26 {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}"
    if kind == 0: return f"{t} {rng.choice(hosts)} {rng.choice(units)}[{rng.randint(100, 99999)}]: {' '.join(rng.choices(words, k=6))}"
    if kind == 1: return f'10.0.{rng.randint(0, 255)}.{rng.randint(1, 254)} - - [26/Nov/2026:10:{i % 60:02d}:00 +0000] "GET {rng.choice(paths)} HTTP/1.1" 200 {rng.randint(100, 90000)} "-" "Mozilla/5.0"'
    if kind == 2: return f'{{"level":"info","ts":{1764150000 + i},"msg":"{" ".join(rng.choices(words, k=4))}","latency_ms":{rng.randint(1, 900)}}}'
    if kind == 3: return f"2026-11-26 10:{i % 60:02d}:00.{i % 1000:03d} UTC [{rng.randint(100, 9999)}] LOG:  duration: {rng.random() * 90:.3f} ms  statement: SELECT * FROM items WHERE id = {i}"
    if kind == 4: return f"\tat com.example.service.Handler.process(Handler.java:{rng.randint(10, 900)})"
    if kind == 5: return f"{t} {rng.choice(hosts)} kernel: [{i / 10:12.6f}] e1000e: eno1 NIC Link is Up 1000 Mbps Full Duplex"
    if kind == 6: return f"INFO:root:processed {rng.randint(1, 5000)} records in {rng.random() * 9:.2f}s"
    if kind == 7: return f"2026/11/26 10:{i % 60:02d}:00 [notice] {rng.randint(100, 999)}#0: signal process started"
    return f"{t} {rng.choice(hosts)} app[{rng.randint(100, 999)}]: GET {rng.choice(paths)} -> 200 in {rng.randint(1, 300)}ms"

written, i, planted = 0, 0, 0
with out.open("w", encoding="utf-8") as f:
    while written < size:
        line = rng.choice(samples) if samples and i % every == every - 1 else noise(i)
        planted += line in samples
        f.write(line + "\n")
        written += len(line.encode()) + 1
        i += 1
print(f"{out}: {written / 1e6:.1f} MB, {i} lines, {planted} sample lines planted among noise")
