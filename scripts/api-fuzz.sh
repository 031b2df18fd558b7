#!/usr/bin/env bash
# Property-based test of the API against its OpenAPI document with schemathesis, every check on
# (`-c all`: server errors, status codes, content types, headers, response schemas, negative data
# refused, positive data accepted, undeclared methods answered 405 with Allow, auth not ignored,
# resources available after creation...), all phases (examples, coverage, fuzzing, and stateful
# runs that follow the document's links from POST /api/v1/simulations to the job and its result).
#
#   bash scripts/api-fuzz.sh [EXAMPLES]      # examples per operation, default 200
#   SEED=N bash scripts/api-fuzz.sh          # another seed (default 20261130, reproducible)
#
# Starts `monazite serve` on a free port over a fresh store with the bundled data (rate limits
# off, so the fuzzer measures the contract and not the limiter, which has tests of its own),
# with a write token sent as `Authorization: Bearer …`; exits non-zero on any failure.
# Exceptions for what a schema cannot say are in scripts/schemathesis.toml, each with its reason.
# One worker: hypothesis's lambda descriptions are not thread-safe on Python 3.11 (AST recursion
# errors with --workers 2). Installs schemathesis into .venv-fuzz (PyPI) when it is missing. Reports go to
# .build/api-fuzz/ (JUnit XML and the failures' reproductions).
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES="${1:-200}"
VENV=.venv-fuzz
if ! "$VENV/bin/schemathesis" --version >/dev/null 2>&1; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4.3,<5'
fi
REPORTS=".build/api-fuzz"
mkdir -p "$REPORTS"
. scripts/serve-on-free-port.sh
fresh_store_with_token fuzz write
SECRET="$TOKEN"
serve_on_free_port "$WORK" --store "$WORK/store.sqlite" --page-cache 0 --writes-per-minute 0 --writes-per-minute-per-address 0 \
  --simulation-workers 0 --log-level warning || exit 1

echo "schemathesis $("$VENV/bin/schemathesis" --version | awk '{print $NF}'), $EXAMPLES examples per operation, server $URL"
START=$(date +%s)
status=0
"$VENV/bin/schemathesis" --config-file scripts/schemathesis.toml run "$URL/openapi.json" \
  --checks all --max-examples "$EXAMPLES" --seed "${SEED:-20261130}" \
  --header "Authorization: Bearer $SECRET" \
  --workers 1 --request-timeout 60 --wait-for-schema 30 --suppress-health-check too_slow,filter_too_much \
  --report junit --report-dir "$REPORTS" --report-junit-path "$REPORTS/junit.xml" \
  --output-sanitize true || status=$?
echo "api-fuzz: exit $status in $(( $(date +%s) - START )) s"
if grep -q -E '"level":"error"|Fatal|panicked' "$WORK/server.err" 2>/dev/null; then
  echo "server errors logged:"; grep -E '"level":"error"|Fatal|panicked' "$WORK/server.err" | head -20; status=1
fi
exit $status
