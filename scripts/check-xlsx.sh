#!/usr/bin/env bash
# Opens every dashboard table's XLSX with openpyxl (an independent reader, in a venv) and compares
# it with the same table's CSV: the same cells, numbers read back as numbers of the same value.
# The Swift tests (XLSXTests) do the same without Python; this checks a second reader agrees.
# Usage: bash scripts/check-xlsx.sh   (MONAZITE_BIN=PATH to use a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${MONAZITE_BIN:-}" ]; then bin=$MONAZITE_BIN; else
  swift build --product monazite >/dev/null
  bin="$(swift build --show-bin-path)/monazite"
fi
venv=${XLSX_VENV:-/tmp/monazite-xlsx-venv}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import openpyxl" 2>/dev/null || "$venv/bin/pip" install -q openpyxl
work=$(mktemp -d)
"$bin" init --store "$work/store.sqlite" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --store "$work/store.sqlite" --port "$port" --page-cache 0 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
"$venv/bin/python" - "$port" "$work" <<'EOF'
import csv, io, sys, urllib.request
import openpyxl
port, work = sys.argv[1], sys.argv[2]
pages = {"/": ["headline", "destinations", "recent"], "/trade/8505.11/CHN": ["series", "partners", "concentration"],
         "/dependence": ["reliance", "concentration"], "/policy": ["timeline"], "/sources": ["sources", "series"],
         "/trade": ["series-list"], "/prices": ["spreads", "stress", "contract"]}
def get(path, table, fmt):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}?format={fmt}&table={table}") as r:
        return r.headers.get("Content-Type"), r.read()
tables = cells = numbers = 0
problems = []
for path, names in pages.items():
    for t in names:
        _, c = get(path, t, "csv")
        ctype, x = get(path, t, "xlsx")
        if ctype != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
            problems.append(f"{path} {t}: content type {ctype}")
        records = list(csv.reader(io.StringIO(c.decode("utf-8"), newline="")))
        ws = openpyxl.load_workbook(io.BytesIO(x)).active
        rows = list(ws.iter_rows(values_only=True))
        if len(rows) != len(records):
            problems.append(f"{path} {t}: {len(rows)} rows, CSV {len(records)}")
        for r, (row, rec) in enumerate(zip(rows, records)):
            row = list(row) + [None] * (len(rec) - len(row))
            for v, f in zip(row, rec):
                cells += 1
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    numbers += 1
                    if float(f) != float(v): problems.append(f"{path} {t} row {r + 1}: {v!r} vs {f!r}")
                elif ("" if v is None else str(v)) != f:
                    problems.append(f"{path} {t} row {r + 1}: {v!r} vs {f!r}")
        tables += 1
print(f"openpyxl {openpyxl.__version__}: {tables} tables, {cells} cells ({numbers} numeric) compared with the CSV; {len(problems)} differences")
for p in problems[:20]: print("  " + p)
sys.exit(1 if problems else 0)
EOF
