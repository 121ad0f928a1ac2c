#!/usr/bin/env bash
# Start-up and whole-process lookup against their references, in one run (issue 17, goal 1):
#   scripts/bench-startup.sh [CONTENT_DIR=Content] [RUNS=60]
# References: a static-stdlib Swift program that imports Foundation and prints one line (built here,
# the same way as errwiki's release build), and `find` over the content tree. Needs hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-Content}
runs=${2:-60}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
make -s release >/dev/null
bin=$PWD/.build/release/errwiki
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/hello/Sources/hello"
cat > "$work/hello/Package.swift" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "hello", targets: [.executableTarget(name: "hello")])
SWIFT
printf 'import Foundation\nprint("hello \\(ProcessInfo.processInfo.processIdentifier > 0)")\n' > "$work/hello/Sources/hello/main.swift"
(cd "$work/hello" && swift build -c release --static-swift-stdlib >/dev/null 2>&1)
hello=$work/hello/.build/release/hello
export XDG_CACHE_HOME=$work/cache
"$bin" lookup --content "$content" oom >/dev/null || true
sleep 0.2; "$bin" lookup --content "$content" oom >/dev/null || true
hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/runs.json" \
  "$hello" "$bin --version" "$bin lookup --list --limit 5 --content $content oom" \
  "$bin lookup --list --limit 5 --content $content ENOSPC" "find $content -name '*.md'" >/dev/null
python3 - "$work/runs.json" "$(ldd "$bin" | wc -l)" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["results"]
median = lambda r: statistics.median(r["times"]) * 1000
p95 = lambda r: sorted(r["times"])[int(0.95 * (len(r["times"]) - 1))] * 1000
hello = median(runs[0])
print(f"shared libraries loaded by errwiki: {sys.argv[2]}")
print(f"{'what':58} {'p50 ms':>7} {'p95 ms':>7} {'x hello':>8}")
for r in runs:
    name = r["command"].split("/")[-1] if r["command"].startswith("/") else r["command"]
    print(f"{name[-58:]:58} {median(r):7.1f} {p95(r):7.1f} {median(r) / hello:8.2f}")
PY
