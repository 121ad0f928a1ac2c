#!/usr/bin/env bash
# diagnose throughput against grep -E -f and ripgrep on the same patterns and log:
#   scripts/bench-diagnose.sh [SIZE_MB=120]
# Needs python3-yaml, ripgrep and hyperfine (apt-get install ripgrep hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/bench.log
python3 scripts/gen-log.py "$size" "$log" Content
make -s release >/dev/null
export XDG_CACHE_HOME=$work/cache
bin=$PWD/.build/release/errwiki
# The same patterns for the other tools. ripgrep reads this dialect as is; grep -E gets a translation
# (\d \s \S \w → POSIX classes, (?: → (, (?i) patterns in a second file run with -i).
python3 - "$work" <<'PY'
import pathlib, re, sys, yaml
work = pathlib.Path(sys.argv[1])
patterns = []
for path in sorted(pathlib.Path("Content").rglob("*.md")):
    text = path.read_text(encoding="utf-8")
    patterns += [str(p) for p in (yaml.safe_load(text[3:text.find("\n---", 3)]) or {}).get("patterns") or []]
(work / "patterns.rg").write_text("\n".join(patterns) + "\n")
def ere(p):
    p = p.replace("(?:", "(")
    for a, b in [(r"\d", "[0-9]"), (r"\s", "[[:space:]]"), (r"\S", "[^[:space:]]"), (r"\w", "[[:alnum:]_]")]:
        p = p.replace(a, b)
    return p
sensitive = [ere(p) for p in patterns if not p.startswith("(?i)")]
insensitive = [ere(p[4:]) for p in patterns if p.startswith("(?i)")]
(work / "patterns.ere").write_text("\n".join(sensitive) + "\n")
(work / "patterns-i.ere").write_text("\n".join(insensitive) + "\n")
print(f"{len(patterns)} patterns ({len(insensitive)} case-insensitive)")
PY
"$bin" diagnose --json "$log" > "$work/errwiki.json" || true
errwiki_lines=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['lines_matched'])" "$work/errwiki.json")
grep_lines=$(( $(grep -c -E -f "$work/patterns.ere" "$log" || true) + $(grep -c -i -E -f "$work/patterns-i.ere" "$log" || true) ))
rg_lines=$(rg -c -f "$work/patterns.rg" "$log")
echo "matching lines: errwiki $errwiki_lines, ripgrep $rg_lines (same dialect), grep -E $grep_lines (translated ERE; case-insensitive patterns counted separately)"
hyperfine -N -i --warmup 1 --runs 3 \
  "$bin diagnose --json $log" \
  "grep -c -E -f $work/patterns.ere $log" \
  "rg -c -f $work/patterns.rg $log" 2>&1 | grep -E "Benchmark|Time|±"
echo "log size: $(du -h "$log" | cut -f1)"
