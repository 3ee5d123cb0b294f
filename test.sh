#!/usr/bin/env bash
# Runs every test. Installs what the tests need when it is missing, so it passes on a fresh machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

# Debian packages the tests need, installed by name when missing: Chromium for the web UI tests (Playwright drives
# it); speech and MP3 encoding for audio digests (espeak-ng; ffmpeg, which brings ffprobe; lame); PostgreSQL's server
# binaries for the PostgreSQL store tests (each test run starts its own throwaway cluster; nothing runs as a service).
apt_packages=(chromium espeak-ng ffmpeg lame postgresql)
missing=()
for pkg in "${apt_packages[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
fi

results="$root/.build/test-results"
rm -rf "$results"
mkdir -p "$results"
set +e
dotnet test Strata.slnx -c Release --logger "trx" --results-directory "$results" -v quiet --nologo 2>&1 | tee "$results/console.log" \
  | grep -E '^(Passed!|Failed!|  Failed |error|.*error [A-Z]+[0-9]+)' 
status=${PIPESTATUS[0]}
set -e

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  s=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  echo "test.sh: FAILED (dotnet test exit $status; full log: .build/test-results/console.log)"
  exit 1
fi
