#!/usr/bin/env bash
# The long HTTP fuzz run of the reference server (issue 12): 100,000 generated requests (mutated,
# re-signed List Handles and Force Close calls and raw malformed HTTP) against an embedded server,
# checking every answer (no 5xx but 505, XML errors whose Code is x-ms-error-code, canonical counts)
# and every batch (open handles = before - reported closed; a neighbouring share untouched).
# `mvn -B verify` runs the same test short, with a fixed seed.
#
#   bench/fuzz.sh [REQUESTS] [SEED]      defaults: 100000, a new seed each run (printed; replays with it)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUESTS=${1:-100000}
SEED=${2:-$(od -An -N6 -tu8 /dev/urandom | tr -d ' ')}

cd "$ROOT"
echo "fuzzing with $REQUESTS requests, seed $SEED"
status=0
mvn -B -q -o test -Dtest=HttpFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhandlestck.fuzz.requests="$REQUESTS" -Dhandlestck.fuzz.seed="$SEED" || status=$?
# The test prints its outcome (statuses seen, handles closed) into Surefire's output file.
grep -h '^seed ' target/surefire-reports/io.handlestck.fuzz.HttpFuzzTest-output.txt 2>/dev/null || true
if ((status != 0)); then
  echo "FAILED: replay with bench/fuzz.sh $REQUESTS $SEED (details in target/surefire-reports/)" >&2
fi
exit $status
