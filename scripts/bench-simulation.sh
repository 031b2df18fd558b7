#!/usr/bin/env bash
# Times the Swift simulator (release build) against the NumPy comparison implementation
# (scripts/simulation_numpy.py) on the same inputs, in one run. Writes raw results to
# bench-out/simulation-bench.txt; BENCHMARKS.md quotes them.
#
#   scripts/bench-simulation.sh            # full run (NumPy at 10,000 draws takes minutes)
#   QUICK=1 scripts/bench-simulation.sh    # smaller sizes, to check the script
#   HEADLINE=1 scripts/bench-simulation.sh # agreement and the 10,000 x 365 headline only (no scaling runs)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench-out
mkdir -p "$OUT"
LOG="$OUT/simulation-bench.txt"

PY=python3
if ! $PY -c "import numpy, yaml" 2>/dev/null; then
  $PY -m venv .venv-bench
  .venv-bench/bin/pip install --quiet numpy pyyaml
  PY=.venv-bench/bin/python
fi

# MONAZITE_BIN=path reuses a release binary already built (for example by bench-server.sh).
if [[ -n "${MONAZITE_BIN:-}" ]]; then
  BIN=$MONAZITE_BIN
else
  swift build -c release --scratch-path .build-sim-release --product monazite >/dev/null
  BIN=.build-sim-release/release/monazite
fi
$PY scripts/simulation_synthetic_network.py "$OUT" --nodes 500 --seed 1
for n in 100 250 1000; do $PY scripts/simulation_synthetic_network.py "$OUT" --nodes $n --seed 1; done

RUNS=${RUNS:-10000}
DAYS=${DAYS:-365}
NUMPY_RUNS_500=${NUMPY_RUNS_500:-1500}
if [[ -n "${QUICK:-}" ]]; then RUNS=500; NUMPY_RUNS_500=200; fi

# Wall-clock seconds of a command, from bash's SECONDS-free high-resolution clock.
timeit() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }

{
  echo "# simulator benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
  echo "# swift: $(swift --version 2>&1 | head -1)"
  echo "# numpy: $($PY -c 'import numpy; print(numpy.__version__)'), python $($PY -c 'import sys; print(sys.version.split()[0])')"
  echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

  echo "## agreement on deterministic scenarios (no uncertain inputs)"
  for s in april-2025-heavy-licensing us-magnet-embargo-6-months october-2025-measures-in-force mountain-pass-outage; do
    $PY - "$s" <<'PY'
import sys, yaml
name = sys.argv[1]
d = yaml.safe_load(open(f"Sources/MonaziteScenario/Resources/scenarios/{name}.yaml"))
d.pop("uncertain", None)
d["name"] = name + "-deterministic"
open(f"bench-out/{name}-deterministic.yaml", "w").write(yaml.safe_dump(d, sort_keys=False))
PY
  done
  for s in april-2025-heavy-licensing us-magnet-embargo-6-months october-2025-measures-in-force mountain-pass-outage synthetic-500; do
    f="$OUT/$s-deterministic.yaml"
    $BIN simulate "$f" --runs 1 --format json > "$OUT/$s-swift.json"
    echo "$s: $($PY scripts/simulation_numpy.py "$f" --runs 1 --json --compare-json "$OUT/$s-swift.json" | $PY -c 'import json,sys; a=json.load(sys.stdin)["agreement"]; print("groups", a["groups_compared"], "worst relative difference", a["worst_relative_difference"], "problems", len(a["problems"]))')"
  done

  echo "## headline: $RUNS draws x $DAYS days"
  echo "case,implementation,runs,days,nodes,seconds"
  echo "bundled,swift-2-workers,$RUNS,$DAYS,40,$(timeit $BIN simulate april-2025-heavy-licensing --runs $RUNS --days $DAYS --format json)"
  echo "bundled,swift-1-worker,$RUNS,$DAYS,40,$(timeit $BIN simulate april-2025-heavy-licensing --runs $RUNS --days $DAYS --workers 1 --format json)"
  echo "bundled,numpy,$RUNS,$DAYS,40,$(timeit $PY scripts/simulation_numpy.py april-2025-heavy-licensing --runs $RUNS --days $DAYS)"
  echo "synthetic-500,swift-2-workers,$RUNS,$DAYS,500,$(timeit $BIN simulate $OUT/synthetic-500-scenario.yaml --runs $RUNS --days $DAYS --format json)"
  echo "synthetic-500,swift-1-worker,$RUNS,$DAYS,500,$(timeit $BIN simulate $OUT/synthetic-500-scenario.yaml --runs $RUNS --days $DAYS --workers 1 --format json)"
  echo "synthetic-500,numpy,$NUMPY_RUNS_500,$DAYS,500,$(timeit $PY scripts/simulation_numpy.py $OUT/synthetic-500-scenario.yaml --runs $NUMPY_RUNS_500 --days $DAYS)"

  if [[ -n "${HEADLINE:-}" ]]; then echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"; exit 0; fi
  echo "## scaling (swift 2 workers; numpy)"
  echo "axis,value,swift_seconds,numpy_seconds"
  for r in 1000 4000 16000; do
    [[ -n "${QUICK:-}" ]] && r=$((r / 20))
    echo "runs,$r,$(timeit $BIN simulate april-2025-heavy-licensing --runs $r --days 365 --format json),$(timeit $PY scripts/simulation_numpy.py april-2025-heavy-licensing --runs $r --days 365)"
  done
  for d in 90 365 1460; do
    r=2000; [[ -n "${QUICK:-}" ]] && r=100
    echo "days,$d,$(timeit $BIN simulate april-2025-heavy-licensing --runs $r --days $d --format json),$(timeit $PY scripts/simulation_numpy.py april-2025-heavy-licensing --runs $r --days $d)"
  done
  for n in 100 250 500 1000; do
    r=1000; [[ -n "${QUICK:-}" ]] && r=50
    echo "nodes,$n,$(timeit $BIN simulate $OUT/synthetic-$n-scenario.yaml --runs $r --days 365 --format json),$(timeit $PY scripts/simulation_numpy.py $OUT/synthetic-$n-scenario.yaml --runs $r --days 365)"
  done
  echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$LOG"
