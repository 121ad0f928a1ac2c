#!/usr/bin/env bash
# diagnose throughput, issue 17 goal 4: scripts/bench-diagnose.sh [SIZE_MB=100] [EVERY...=2000 200 20]
# For each density (one real sample line every EVERY lines, gen-log.py), in one hyperfine run:
#   errwiki diagnose (Hyperscan prefilter, each candidate confirmed by its Regex), the same with
#   --engine swift (the literal prefilter), and `wc -l` as the floor (reading the log once).
# (ripgrep cannot stand in: its default engine has no lookarounds, and with -P PCRE2 refuses the
# 1,100 patterns as one expression, "regular expression is too large".)
# Checks first that both engines print the same JSON. Whole-process wall time, median of 5 runs, warm
# page cache, database of compiled patterns already cached. Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
shift || true
densities=("${@:-2000 200 20}")
read -r -a densities <<< "${densities[*]}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make -s release >/dev/null
export XDG_CACHE_HOME=$work/cache
bin=$PWD/.build/release/errwiki
"$bin" diagnose --verbose --json /dev/null 2>&1 >/dev/null | grep engine || true
for every in "${densities[@]}"; do
  log=$work/every-$every.log
  python3 scripts/gen-log.py "$size" "$log" Content "$every"
  "$bin" diagnose --json "$log" > "$work/hyperscan.json" || true
  "$bin" diagnose --engine swift --json "$log" > "$work/swift.json" || true
  if cmp -s "$work/hyperscan.json" "$work/swift.json"; then same=yes; else same=NO; fi
  lines=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['lines_matched'])" "$work/hyperscan.json")
  echo "== one sample every $every lines: $lines matching lines; both engines print the same JSON: $same"
  commands=(-n "errwiki diagnose (hyperscan)" "$bin diagnose --json $log" -n "errwiki diagnose --engine swift" "$bin diagnose --engine swift --json $log"
            -n "wc -l (the floor)" "wc -l $log")
  bytes=$(stat -c %s "$log")
  hyperfine -N -i --warmup 1 --runs 5 --export-json "$work/times.json" "${commands[@]}" >/dev/null 2>&1
  python3 - "$work/times.json" "$bytes" <<'PY'
import json, sys
size = int(sys.argv[2])
results = json.load(open(sys.argv[1]))["results"]
for result in results:
    median = result["median"]
    print(f"  {median * 1000:8.0f} ms  {size / 1e6 / median:6.0f} MB/s  {result['command']}  ({results[1]['median'] / median:.1f}x the Swift engine)")
PY
done
