#!/usr/bin/env bash
# Benchmarks `errwiki build` on a generated corpus: scripts/bench-build.sh [N=10000]
#  1. a full build beside Hugo and the raw cmark-gfm floor, in the same run
#     (../shared/bench/peer_bench.sh: medians of wall time and peak RSS, output on tmpfs);
#  2. a rebuild with nothing changed, and a rebuild after editing one article's body and one title.
# Needs ../shared/bench beside the repository; peer_bench.sh wants hugo, hyperfine, GNU time
# (apt-get install -y hugo hyperfine time).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
make -s release
bin=$PWD/.build/release/errwiki
templates=$PWD/Templates
SYSTEMS=${SYSTEMS:-"cmark-loop cmark-loop-write hugo errwiki"} \
ERRWIKI="$bin build --quiet --templates $templates --content DIR --out OUT" \
  bash ../shared/bench/peer_bench.sh "$n"

corpus=${ROOT:-/tmp/errwiki-bench}/$n/corpus
out=${OUT_ROOT:-/dev/shm/errwiki-bench/$n}/incremental
rm -rf "$out"
"$bin" build --quiet --templates "$templates" --content "$corpus" --out "$out" >/dev/null
sleep 0.2
echo "# rebuilds of $n articles (wall s, peak RSS KB)"
/usr/bin/time -f "no change: %e s, %M KB" "$bin" build --quiet --templates "$templates" --content "$corpus" --out "$out"
work=$(mktemp -d)
cp -a "$corpus" "$work/corpus"
file=$(find "$work/corpus" -name "*.md" | sort | sed -n 1p)
printf '\nOne more paragraph for the benchmark.\n' >> "$file"
"$bin" build --quiet --templates "$templates" --content "$work/corpus" --out "$out" >/dev/null # new content root: full
printf '\nAnd another.\n' >> "$file"
/usr/bin/time -f "one body edited: %e s, %M KB" "$bin" build --quiet --templates "$templates" --content "$work/corpus" --out "$out"
sed -i '0,/^title: /s/^title: \(.*\)$/title: \1 (renamed)/' "$file"
/usr/bin/time -f "one title edited: %e s, %M KB" "$bin" build --quiet --templates "$templates" --content "$work/corpus" --out "$out"
rm -rf "$work"
