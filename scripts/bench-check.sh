#!/usr/bin/env bash
# Times `errwiki check` on a generated corpus: scripts/bench-check.sh [N=10000]
# Needs ../shared/bench/gen_corpus.py beside the repository, and hyperfine when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
corpus=${TMPDIR:-/tmp}/errwiki-corpus-$n
[ -d "$corpus" ] || python3 ../shared/bench/gen_corpus.py --n "$n" --out "$corpus" >/dev/null
make -s release
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 -i ".build/release/errwiki check --content $corpus 2>/dev/null"
else
  for run in 1 2 3; do /usr/bin/time -f "run $run: %e s wall, %M KB max RSS" .build/release/errwiki check --content "$corpus" 2>&1 >/dev/null | tail -1; done
fi
