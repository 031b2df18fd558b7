#!/usr/bin/env python3
"""Writes Monazite's bundled dataset from the cited reference tables in ../shared/data.

Facts and figures only: every row keeps its source, URL and release; rows computed by the
compiler of the reference tables stay `derived`, projections are `estimate`. Run from the
repository root: `python3 scripts/build-dataset.py [SHARED_DATA_DIR]`.
"""
import csv, re, sys, os

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "MonaziteDataset", "Resources")

ISO = {"World": "WLD", "United States": "USA", "India": "IND", "Germany": "DEU", "South Korea": "KOR",
       "Vietnam": "VNM", "Japan": "JPN", "European Union": "EUU", "China": "CHN", "Myanmar": "MMR",
       "Burma": "MMR", "Australia": "AUS", "Malaysia": "MYS", "Rest of world": "ROW", "Other": "ROW",
       "Brazil": "BRA", "Canada": "CAN", "Greenland": "GRL", "Madagascar": "MDG", "Nigeria": "NGA",
       "Russia": "RUS", "South Africa": "ZAF", "Tanzania": "TZA", "Thailand": "THA",
       "World total (rounded)": "WLD", "China (incl. Hong Kong)": "CHN", "Estonia": "EST", "Japan ": "JPN"}

def split_release(source):
    """'SMM analysis (news.metal.com), 2025-05-24' -> ('SMM analysis (news.metal.com)', '2025-05-24')."""
    m = re.match(r"^(.*),\s*(\d{4}-\d{2}-\d{2})$", source.strip())
    return (m.group(1).strip(), m.group(2)) if m else (source.strip(), "")

def pct(text):
    text = text.strip()
    if not text:
        return "", ""
    approx = text.startswith("~")
    return text.lstrip("~+"), ("reported change approximate (" + text + ")" if approx else "")

def magnets():
    rows = []
    with open(os.path.join(DATA, "curated", "china_magnet_exports_hs850511_monthly.csv"), newline="") as f:
        for r in csv.DictReader(f):
            dest = r["destination"]
            reporter, partner, flow = "CHN", ISO[dest], "export"
            note = r["note"].strip()
            if r["period"] == "2024" and dest == "United States":
                # The source gives US customs imports from China, not China's exports: a mirror figure.
                reporter, partner, flow = "USA", "CHN", "import"
            source, release = split_release(r["source"])
            if r["status"] == "derived":
                source = "Derived by the reference-data compiler from cited figures (Monazite shared data)"
            mom, mom_note = pct(r["mom_pct"])
            yoy, _ = pct(r["yoy_pct"])
            notes = "; ".join(x for x in [note, mom_note] if x)
            rows.append({"period": r["period"], "reporter": reporter, "partner": partner, "flow": flow,
                         "commodity": "8505111000", "quantity": r["value_t"], "unit": "t", "status": r["status"],
                         "source": source, "url": r["url"], "release": release,
                         "reported_mom_pct": mom, "reported_yoy_pct": yoy, "note": notes})
    cols = ["period", "reporter", "partner", "flow", "commodity", "quantity", "unit", "status", "source", "url",
            "release", "reported_mom_pct", "reported_yoy_pct", "note"]
    with open(os.path.join(OUT, "china-magnet-exports-hs850511.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)

IND_COLS = ["measure", "country", "importer", "stage", "scope", "period", "value", "text", "unit", "status",
            "dataset", "edition", "source", "url", "note"]
IEA_URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer"
IEA_SOURCE = "IEA (2025), Critical Minerals Data Explorer / Critical Minerals Dataset, CC BY 4.0"
USGS_URL = "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-rare-earths.pdf"
USGS_SOURCE = "USGS Mineral Commodity Summaries 2025: Rare earths"

def indicators():
    out = []
    # IEA mining and refining of the magnet rare earths (Nd, Pr, Dy, Tb), kt -> t; shares computed by us.
    with open(os.path.join(DATA, "raw", "iea-critical-minerals-data-explorer", "ree_magnet_supply_by_country_derived.csv"), newline="") as f:
        for r in csv.DictReader(f):
            year = int(r["year"])
            projected = year > 2024
            stage = "mining" if r["stage"] == "mining" else "separation"
            common = {"country": ISO[r["country"]], "importer": "", "stage": stage,
                      "scope": "magnet REE (Nd, Pr, Dy, Tb)", "period": str(year), "text": "",
                      "dataset": "IEA Critical Minerals Dataset", "edition": "2025",
                      "source": IEA_SOURCE, "url": IEA_URL}
            out.append(dict(common, measure="production", value=str(round(float(r["value_kt"]) * 1000, 3)), unit="t",
                            status="estimate" if projected else "reported",
                            note=("IEA base-case projection (" + r["scenario"] + ")") if projected else "IEA base year"))
            out.append(dict(common, measure="stage_share",
                            value=str(round(float(r["value_kt"]) / float(r["world_total_kt"]), 6)), unit="fraction",
                            status="estimate" if projected else "derived",
                            note="computed by Monazite: %s kt / world %s kt" % (r["value_kt"], r["world_total_kt"])))
    # USGS world mine production and reserves.
    with open(os.path.join(DATA, "raw", "usgs-mcs", "mcs2025_rare_earths_world_mine_production_reserves.csv"), newline="") as f:
        for r in csv.DictReader(f):
            common = {"country": ISO[r["country"]], "importer": "", "stage": "mining", "scope": "REO",
                      "dataset": "USGS Mineral Commodity Summaries", "edition": r["edition"],
                      "source": USGS_SOURCE, "url": USGS_URL, "unit": "t REO"}
            foot = r["footnote"].strip()
            for year, col, status in [("2023", "mine_production_2023_t_REO", "reported"),
                                      ("2024", "mine_production_2024e_t_REO", "estimate")]:
                out.append(dict(common, measure="production", period=year, value=r[col], text="", status=status,
                                note="; ".join(x for x in ["USGS estimate (2024e)" if status == "estimate" else "", "footnote " + foot if foot else ""] if x)))
            v = r["reserves_t_REO"].strip()
            num = v.replace(">", "") if v not in ("NA",) else ""
            out.append(dict(common, measure="reserves", period="2024", value=num if not v.startswith(">") and v != "NA" else "",
                            text=v if (v.startswith(">") or v == "NA") else "", status="reported",
                            note="footnote " + foot if foot else ""))
    # USGS US import sources of compounds and metals, 2020-23.
    with open(os.path.join(DATA, "raw", "usgs-mcs", "us_import_sources_rare_earth_compounds_metals.csv"), newline="") as f:
        for r in csv.DictReader(f):
            out.append({"measure": "import_source_share", "country": ISO[r["country"]], "importer": "USA", "stage": "",
                        "scope": r["category"], "period": r["period"].replace("-", "..20"),
                        "value": str(float(r["share_pct"]) / 100), "text": "", "unit": "fraction", "status": "reported",
                        "dataset": "USGS Mineral Commodity Summaries", "edition": r["edition"],
                        "source": USGS_SOURCE, "url": USGS_URL, "note": r["note"].strip()})
    # Magnet-making shares (no IEA data for that stage): the cited estimates of China's share.
    with open(os.path.join(DATA, "curated", "supply_chain_stage_shares.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if r["stage"] != "magnets":
                continue
            out.append({"measure": "stage_share", "country": ISO[r["country"]], "importer": "", "stage": "magnet",
                        "scope": r["scope"], "period": r["year"], "value": str(float(r["share_pct"]) / 100), "text": "",
                        "unit": "fraction", "status": "estimate", "dataset": r["basis"], "edition": r["year"],
                        "source": r["source"], "url": r["url"],
                        "note": "; ".join(x for x in ["published estimate", r["note"].strip()] if x)})
    with open(os.path.join(OUT, "indicators.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=IND_COLS, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    return len(out)

def salient():
    src = os.path.join(DATA, "raw", "usgs-mcs", "mcs2025_rare_earths_us_salient.csv")
    with open(src, newline="") as f, open(os.path.join(OUT, "usgs-mcs2025-rare-earths-us-salient.csv"), "w", newline="") as g:
        g.write(f.read())

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("magnet observations:", magnets())
    print("indicators:", indicators())
    salient()
    print("written to", os.path.normpath(OUT))
