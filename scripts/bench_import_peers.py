#!/usr/bin/env python3
"""The comparisons for the import benchmark: DuckDB and pandas + SQLite on the same CSV.

Each loads the file into a table and runs the same monthly trade query Monazite runs
(one reporter, partner, flow and commodity; all months in order). Prints one line per tool:
`tool import_seconds query_seconds rows`.
"""
import os, sqlite3, sys, tempfile, time

path = sys.argv[1]
reporter, partner, flow, cmd = "CHN", "USA", "X", 850511

def duckdb_run():
    import duckdb
    db = os.path.join(tempfile.mkdtemp(), "bench.duckdb")
    con = duckdb.connect(db)
    t0 = time.perf_counter()
    con.execute(f"CREATE TABLE trade AS SELECT * FROM read_csv('{path}', header=true)")
    t1 = time.perf_counter()
    rows = con.execute("SELECT period, sum(netWgt)/1000.0 FROM trade WHERE reporterISO=? AND partnerISO=? AND flowCode=? "
                       "AND cmdCode=? GROUP BY period ORDER BY period", [reporter, partner, flow, cmd]).fetchall()
    t2 = time.perf_counter()
    n = con.execute("SELECT count(*) FROM trade").fetchone()[0]
    print(f"duckdb {t1 - t0:.3f} {t2 - t1:.4f} {n} months={len(rows)}")

def pandas_sqlite_run():
    import pandas as pd
    db = os.path.join(tempfile.mkdtemp(), "bench.sqlite")
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    df = pd.read_csv(path)
    df.to_sql("trade", con, index=False, chunksize=100_000)
    con.execute("CREATE INDEX trade_key ON trade (reporterISO, partnerISO, flowCode, cmdCode, period)")
    con.commit()
    t1 = time.perf_counter()
    rows = con.execute("SELECT period, sum(netWgt)/1000.0 FROM trade WHERE reporterISO=? AND partnerISO=? AND flowCode=? "
                       "AND cmdCode=? GROUP BY period ORDER BY period", (reporter, partner, flow, cmd)).fetchall()
    t2 = time.perf_counter()
    n = con.execute("SELECT count(*) FROM trade").fetchone()[0]
    print(f"pandas+sqlite {t1 - t0:.3f} {t2 - t1:.4f} {n} months={len(rows)}")

for name in sys.argv[2:] or ["duckdb", "pandas"]:
    duckdb_run() if name == "duckdb" else pandas_sqlite_run()
