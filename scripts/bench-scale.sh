#!/usr/bin/env bash
# Does a full build stay linear in time and memory? Builds generated corpora of each size with the
# release binary (fresh output folder each time) and prints wall seconds, peak RSS and the ratios
# to the first size.
#   scripts/bench-scale.sh 10000 100000
# Corpora come from ../shared/bench/gen_corpus.py and are kept in $BENCH_DIR (default /tmp) as
# corpus-<N>; output goes to $BENCH_DIR/site-<N>.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(10000 100000); fi
dir="${BENCH_DIR:-/tmp}"
generator="../shared/bench/gen_corpus.py"
make -s release >/dev/null
first_time="" first_rss=""
printf '%8s %10s %10s %12s %12s\n' articles wall_s rss_mb time_ratio rss_ratio
for n in "${sizes[@]}"; do
  corpus="$dir/corpus-$n"
  [ -d "$corpus" ] || python3 "$generator" --n "$n" --out "$corpus" >/dev/null
  rm -rf "$dir/site-$n"
  stats=$( { /usr/bin/time -f '%e %M' .build/release/errwiki build --quiet --content "$corpus" --templates Templates --out "$dir/site-$n" >/dev/null; } 2>&1 | tail -1)
  wall=${stats% *}; rss_kb=${stats#* }
  rss_mb=$((rss_kb / 1024))
  if [ -z "$first_time" ]; then first_time=$wall; first_rss=$rss_mb; first_n=$n; fi
  printf '%8s %10s %10s %12s %12s\n' "$n" "$wall" "$rss_mb" \
    "$(python3 -c "print(f'{$wall/$first_time:.2f}x')")" "$(python3 -c "print(f'{$rss_mb/$first_rss:.2f}x')")"
done
echo "(articles grew ${sizes[-1]}/${first_n} = $(( ${sizes[-1]} / first_n ))x)"
