#!/usr/bin/env bash
# The whole test suite under a sanitizer, in its own build folder (.build-<sanitizer>):
#   scripts/sanitize.sh address    # AddressSanitizer (+ LeakSanitizer off: Foundation's caches read as leaks)
#   scripts/sanitize.sh thread     # ThreadSanitizer
# Extra arguments go to `swift test` (e.g. --filter CrashSafetyTests). The errwiki binary that the
# end-to-end tests run is built with the same sanitizer. Not part of CI: a clean sanitized build
# takes several minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizer="${1:?usage: scripts/sanitize.sh address|thread [swift test arguments]}"
shift
scratch=".build-$sanitizer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
swift build --build-tests --scratch-path "$scratch" --sanitize="$sanitizer"
CI="${CI:-1}" swift test --skip-build --scratch-path "$scratch" --sanitize="$sanitizer" "$@"
