#!/usr/bin/env bash
# libFuzzer runs of errwiki's parsers (issue 8). Not part of CI; see Fuzz/README.md.
#
#   scripts/fuzz.sh SECONDS [target...]     targets: fuzz-article fuzz-markdown fuzz-lookup fuzz-diagnose
#   scripts/fuzz.sh 30                      a smoke run of every target
#   FUZZ_PARALLEL=2 scripts/fuzz.sh 600     two targets at a time (the machine has 2 cores)
#
# Builds the targets (ERRWIKI_FUZZ=1 adds them to Package.swift) in .build-fuzz, makes seed inputs
# from Content/, the test fixtures and a list of queries, then runs each target for SECONDS.
# The corpus grows in .build-fuzz/corpus/<target> (kept between runs), crashes go to
# .build-fuzz/crashes/<target>/, full logs to .build-fuzz/logs/<target>.log.
# Exit status: 0 when no target crashed, 1 when one did, 64 on a usage error.
set -uo pipefail

cd "$(dirname "$0")/.."
ALL_TARGETS=(fuzz-article fuzz-markdown fuzz-lookup fuzz-diagnose)
if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [target...]   (targets: ${ALL_TARGETS[*]})" >&2
  exit 64
fi
DURATION=$1; shift
TARGETS=("$@")
[[ ${#TARGETS[@]} -eq 0 ]] && TARGETS=("${ALL_TARGETS[@]}")
for target in "${TARGETS[@]}"; do
  [[ " ${ALL_TARGETS[*]} " == *" $target "* ]] || { echo "unknown target: $target" >&2; exit 64; }
done
SCRATCH=.build-fuzz
PARALLEL=${FUZZ_PARALLEL:-1}
NICE=${FUZZ_NICE:-10}
ROOT=$PWD

# --- build -------------------------------------------------------------------------------------
for target in "${TARGETS[@]}"; do
  echo "building $target"
  if ! ERRWIKI_FUZZ=1 nice -n "$NICE" swift build -c release --scratch-path "$SCRATCH" --product "$target" \
      -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address > "$SCRATCH.build.log" 2>&1 \
      && ! ERRWIKI_FUZZ=1 nice -n "$NICE" swift build -c release --scratch-path "$SCRATCH" --product "$target" \
      -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address > "$SCRATCH.build.log" 2>&1; then
    cat "$SCRATCH.build.log" >&2
    echo "build of $target failed" >&2
    exit 1
  fi
done
BIN=$(ERRWIKI_FUZZ=1 swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
rm -f "$SCRATCH.build.log"

# --- seeds (made anew each run, never committed) ---------------------------------------------------
SEEDS=$SCRATCH/seeds
rm -rf "$SEEDS"
mkdir -p "$SEEDS" "$SCRATCH/logs"
python3 - "$SEEDS" <<'PY'
import glob, hashlib, os, sys
import yaml  # PyYAML, only to read the seed articles' patterns, samples, ids and codes

seeds = sys.argv[1]
def put(target, data):
    folder = os.path.join(seeds, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

articles = sorted(glob.glob("Content/**/*.md", recursive=True))
fixtures = sorted(glob.glob("Tests/**/Fixtures/**/*.md", recursive=True))
queries = set()
for number, path in enumerate(articles + fixtures):
    data = open(path, "rb").read()
    put("fuzz-article", data)
    put("fuzz-markdown", bytes([0x30 + number % 4]) + data)   # first byte: the entry point
    if not path.startswith("Content/"):
        continue
    stem = os.path.basename(path)[:-3]
    queries.add(stem)
    queries.add(stem.replace("-", " "))
    try:
        text = data.decode()
        front = yaml.safe_load(text.split("\n---", 1)[0].lstrip("-\n"))
    except Exception:
        continue
    if not isinstance(front, dict):
        continue
    for key in ("codes", "tags"):
        for item in front.get(key) or []:
            queries.add(str(item))
    if front.get("title"):
        queries.add(str(front["title"]))
    samples = [str(s) for s in front.get("samples") or []]
    for sample in samples[:1]:
        queries.add(sample)
    for pattern in front.get("patterns") or []:
        put("fuzz-diagnose", "1" + str(pattern) + "\n" + "\n".join(samples))   # odd first byte: a pattern
    if samples:
        put("fuzz-diagnose", "0" + "\n".join(samples))
queries |= {"ENOSPC", "enospc", "137", "exit code 137", "0x80070005", "0X80070005", "ECONNREFUSED",
            "EACCES", "errno 13", "HTTP 502", "502", "404 not found", "no space left on device",
            "permission denied", "permision denid", "conection refused", "out of memory", "OOMKilled",
            "CrashLoopBackOff", "crashloop", "segfault", "segmentation fault core dumped", "disk full",
            "too many open files", "java.lang.OutOfMemoryError: Java heap space", "how do i fix the error",
            "dns resolution failed", "git merge conflict", "deadlock found when trying to get lock",
            "kernel: Out of memory: Killed process 1234 (java)", "e", "a b c d e f g", "0x", "-", "--help"}
for query in sorted(queries):
    put("fuzz-lookup", query)
for path in sorted(glob.glob("Tests/EndToEndTests/Fixtures/logs/*.log")):
    data = open(path, "rb").read()
    for start in range(0, min(len(data), 16384), 3000):    # pieces of a few KB: libFuzzer's default max_len is 4 KB
        put("fuzz-diagnose", b"0" + data[start:start + 3000])
    put("fuzz-diagnose", b"2" + data[:2000])                # bit 1: also one line over 64 KB
PY

# --- run -----------------------------------------------------------------------------------------
run_one() {
  local target=$1
  local corpus=$SCRATCH/corpus/$target crashes=$SCRATCH/crashes/$target log=$SCRATCH/logs/$target.log
  mkdir -p "$corpus" "$crashes"
  local options=(-max_total_time="$DURATION" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
                 -artifact_prefix="$crashes/")
  case $target in fuzz-article|fuzz-markdown) options+=(-max_len=65536) ;; esac
  [[ -f Fuzz/dictionaries/$target.dict ]] && options+=(-dict="Fuzz/dictionaries/$target.dict")
  ERRWIKI_FUZZ_CONTENT=$ROOT/Content nice -n "$NICE" "$BIN/$target" "${options[@]}" "$corpus" "$SEEDS/$target" > "$log" 2>&1
  echo $? > "$log.status"
}

pids=()
for target in "${TARGETS[@]}"; do
  echo "running $target for ${DURATION}s (log: $SCRATCH/logs/$target.log)"
  run_one "$target" &
  pids+=($!)
  while [[ $(jobs -rp | wc -l) -ge $PARALLEL ]]; do wait -n; done
done
wait

# --- report --------------------------------------------------------------------------------------
crashed=0
printf '\n%-14s %6s %12s %8s %8s %8s  %s\n' target status executions cov ft corpus result
for target in "${TARGETS[@]}"; do
  log=$SCRATCH/logs/$target.log
  status=$(cat "$log.status" 2>/dev/null || echo "?")
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corpus=$(find "$SCRATCH/corpus/$target" -type f | wc -l)
  if [[ $status == 0 ]] && ! grep -qE '^==[0-9]+==ERROR|deadly signal|ALARM: working on the last Unit|Test unit written to' "$log"; then
    result="no crash"
  else
    crashed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)/\1/p' "$log" | tail -1)
    reason=$(grep -m1 -E '^==[0-9]+==ERROR|deadly signal|ALARM|invariant failed|Fatal error' "$log" | cut -c1-120)
    result="CRASH: ${reason:-exit $status} ${artifact:+-> $artifact}"
  fi
  printf '%-14s %6s %12s %8s %8s %8s  %s\n' "$target" "$status" "${executions:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$result"
done
exit $crashed
