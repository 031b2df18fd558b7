#!/usr/bin/env python3
# Writes data/projects/iea_magnet_ree_demand.csv from the shared IEA Critical Minerals Data Explorer
# copy (../shared/data/raw/iea-critical-minerals-data-explorer/iea.json, see its SOURCES.md):
# world demand for the magnet rare earths (Nd, Pr, Dy, Tb), total and clean-energy, in kt of
# elements, 2024 observed and the STEPS/APS/NZE projections. Values are the file's own
# (totalDemand / totalClean), rounded to 3 decimals; nothing is summed or converted here.
import csv, json, os, sys

SRC = os.environ.get("IEA_JSON", "/work/shared/data/raw/iea-critical-minerals-data-explorer/iea.json")
OUT = "data/projects/iea_magnet_ree_demand.csv"
CITE = "IEA (2025), Critical Minerals Data Explorer / Critical Minerals Dataset, CC BY 4.0"
URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer"
VIA = "barrytho/uk-critical-minerals-dashboard data/iea.json @ fc0f643571010b6af97605f2f70b0944412d68f0 (converter of CM_Data_Explorer.xlsx)"

d = json.load(open(SRC))["totalDemand"]["Rare Earth Elements"]
rows = []
for key, category in (("totalDemand", "total demand"), ("totalClean", "clean-energy demand")):
    block = d[key]
    rows.append((category, "observed", "2024", block["2024"], "observed"))
    for scen in ("STEPS", "APS", "NZE"):
        for year, v in block[scen].items():
            rows.append((category, scen, year, v, "projection"))
with open(OUT, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["category", "scenario", "year", "value_kt", "status", "source", "url", "release", "via"])
    for category, scen, year, v, status in rows:
        w.writerow([category, scen, year, f"{v:.3f}", status, CITE, URL, "2025-05", VIA])
print(f"wrote {len(rows)} rows to {OUT}", file=sys.stderr)
