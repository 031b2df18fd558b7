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

# What each derived row of the shared magnet table was computed from (its `note` gives the
# formula): published figures of the same series, as PERIOD:MEASURE. A YoY base computed from a
# published YoY can only reproduce it; the software says so wherever it sets ours beside it.
DERIVED_FROM = {
    ("2025-03", "World"): "2025-04:level; 2025-04:mom_pct",
    ("2025-02", "World"): "2025-H1:level; 2025-01:level; 2025-03:level; 2025-04:level; 2025-05:level; 2025-06:level",
    ("2025-01..04", "United States"): "2025:level; " + "; ".join("2025-%02d:level" % m for m in range(5, 13)),
    ("2024-04", "World"): "2025-04:level; 2025-04:yoy_pct",
    ("2024-05", "World"): "2025-05:level; 2025-05:yoy_pct",
    ("2024-06", "World"): "2025-06:level; 2025-06:yoy_pct",
    ("2024-08", "World"): "2025-08:level; 2025-08:yoy_pct",
    ("2024-09", "World"): "2025-09:level; 2025-09:yoy_pct",
    ("2024-H1", "World"): "2025-H1:level; 2025-H1:yoy_pct",
    ("2024-01..09", "World"): "2025-01..09:level; 2025-01..09:yoy_pct",
    ("2024-01..10", "World"): "2025-01..10:level; 2025-01..10:yoy_pct",
    ("2024-05", "United States"): "2025-05:level; 2025-05:yoy_pct",
    ("2024-06", "United States"): "2025-06:level; 2025-06:yoy_pct",
    ("2024-07", "United States"): "2025-07:level; 2025-07:yoy_pct",
    ("2024-08", "United States"): "2025-08:level; 2025-08:yoy_pct",
    ("2024-09", "United States"): "2025-09:level; 2025-09:yoy_pct",
    ("2024-H1", "United States"): "2025-H1:level; 2025-H1:yoy_pct",
}

# Published changes whose attribution in the shared table was corrected by the source audit
# (data/customs/source-audit.csv).
CHANGE_CREDITS = {
    ("2025-06", "United States"): "YoY as reported by the South China Morning Post",
    ("2025-09", "United States"): "YoY as reported by Nikkei",
}

# The repository's own customs collection (data/customs): series name -> commodity code.
SERIES_COMMODITY = {"magnets": "8505111000", "rare_earths_headline": "cn-rare-earths",
                    "dy": "cn-dysprosium", "tb": "cn-terbium"}
# Rows in publication order of preference when two publishers give the same release date.
PUBLISHER_RANK = ["General Administration of Customs", "Reuters", "Bloomberg", "Nikkei", "TASS", "South China Morning Post"]

OBS_COLS = ["period", "reporter", "partner", "flow", "commodity", "quantity", "unit", "value_usd", "status", "source",
            "url", "release", "reported_mom_pct", "reported_yoy_pct", "note", "derived_from"]

def cited(publisher, via):
    """The original publisher named, a mirror only as "via"."""
    publisher = re.sub(r"\s*\((as cited by [^)]*|[^)]*probable)\)", "", publisher).strip()
    via = re.sub(r"\s*\(.*\)$", "", via).strip()
    return "%s (via %s)" % (publisher, via) if via and via != publisher else publisher

def audit():
    """(period, destination) -> the audited original publisher, mirror and release of a shared row."""
    out = {}
    with open(os.path.join(REPO_DATA, "customs", "source-audit.csv"), newline="") as f:
        for r in csv.DictReader(f):
            out[(r["period"], r["destination"])] = r
    return out

def mirror_name(source):
    """'Reuters via Goldsea' -> 'Goldsea'; 'samarium.dev (Reuters/Bloomberg summary)' -> 'samarium.dev'."""
    source = re.sub(r",\s*\d{4}-\d{2}(-\d{2})?$", "", source.strip())
    m = re.match(r"^.*? via (.+)$", source) or re.match(r"^.*\(mirror (.+)\)$", source)
    if m:
        return m.group(1).strip()
    return re.sub(r"\s*\(.*\)$", "", source).strip()

def magnets():
    rows = []
    audited = audit()
    with open(os.path.join(DATA, "curated", "china_magnet_exports_hs850511_monthly.csv"), newline="") as f:
        for r in csv.DictReader(f):
            dest = r["destination"]
            reporter, partner, flow = "CHN", ISO[dest], "export"
            note = r["note"].strip()
            if r["period"] == "2024" and dest == "United States":
                # The source gives US customs imports from China, not China's exports: a mirror figure.
                reporter, partner, flow = "USA", "CHN", "import"
            source, release = split_release(r["source"])
            a = audited.get((r["period"], dest))
            if a and a["original_publisher"] and not a["original_publisher"].startswith(source.split(" ")[0] + " "):
                publisher = re.sub(r"\s*\((probable|as cited by [^)]*)[^)]*\)", "", a["original_publisher"]).strip()
                source = cited(publisher, mirror_name(source))
                if a["original_release"] and re.match(r"^\d{4}-\d{2}-\d{2}$", a["original_release"]):
                    release = a["original_release"]
            derived_from = ""
            if r["status"] == "derived":
                source = "Derived by the reference-data compiler from cited figures (Monazite shared data)"
                derived_from = DERIVED_FROM[(r["period"], dest)]
            mom, mom_note = pct(r["mom_pct"])
            yoy, _ = pct(r["yoy_pct"])
            credit = CHANGE_CREDITS.get((r["period"], dest), "")
            notes = "; ".join(x for x in [note, mom_note, credit] if x)
            notes = re.sub(r"YoY per Clash Report", "", notes).strip("; ")
            rows.append({"period": r["period"], "reporter": reporter, "partner": partner, "flow": flow,
                         "commodity": "8505111000", "quantity": r["value_t"], "unit": "t", "value_usd": "",
                         "status": r["status"], "source": source, "url": r["url"], "release": release,
                         "reported_mom_pct": mom, "reported_yoy_pct": yoy, "note": notes, "derived_from": derived_from})
    rows += customs_rows()
    rows = dedupe(rows)
    with open(os.path.join(OUT, "china-customs-exports.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=OBS_COLS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)

def customs_rows():
    """The repository's collection of 2025-2026 releases (data/customs), in the observation layout."""
    out = []
    with open(os.path.join(REPO_DATA, "customs", "china-customs-2025-2026.csv"), newline="") as f:
        for r in csv.DictReader(f):
            commodity = SERIES_COMMODITY.get(r["series"])
            if not commodity:
                continue  # other groupings (Bloomberg's "products", broader magnet definitions) are not mixed in
            # A cumulative period's year-on-year change is its own YoY; a month's year-to-date change
            # belongs to a span the page gives no level for, so it stays in the note.
            cumulative = ".." in r["period"] or "-Q" in r["period"] or "-H" in r["period"]
            yoy = r["reported_yoy_pct"] or (r["reported_ytd_yoy_pct"] if cumulative else "")
            ytd_note = ("year-to-date change as published: %s%%" % r["reported_ytd_yoy_pct"]
                        if r["reported_ytd_yoy_pct"] and not cumulative else "")
            note = "; ".join(x for x in [r["source_title"].strip() and "\u201c%s\u201d" % r["source_title"].strip(),
                                         r["note"].strip(), ytd_note] if x)
            out.append({"period": r["period"], "reporter": r["reporter"], "partner": r["partner"], "flow": r["flow"],
                        "commodity": commodity, "quantity": r["quantity_t"], "unit": "t", "value_usd": r["value_usd"],
                        "status": "reported", "source": cited(r["publisher"].strip(), r["via"].strip()),
                        "url": r["url"].strip(), "release": r["release"].strip(), "reported_mom_pct": r["reported_mom_pct"],
                        "reported_yoy_pct": yoy, "note": note, "derived_from": ""})
    return out

def rank(row):
    for i, p in enumerate(PUBLISHER_RANK):
        if row["source"].startswith(p):
            return i
    return len(PUBLISHER_RANK)

def dedupe(rows):
    """One row per series, period and release: the store refuses two figures for one release. When
    two publishers share a release date, the preferred publisher's row is kept and the other is
    named in its note; the same figure from a later release stays as a release of its own."""
    kept = {}
    order = []
    for r in rows:
        key = (r["reporter"], r["partner"], r["flow"], r["commodity"], r["period"], r["release"])
        if key not in kept:
            kept[key] = r
            order.append(key)
            continue
        first = kept[key]
        winner, other = (r, first) if rank(r) < rank(first) else (first, r)
        same = abs(float(winner["quantity"] or 0) - float(other["quantity"] or 0)) < 1e-9
        extra = ("also published by %s" if same else "%s published %s t the same day") % (
            other["source"], *( [] if same else [other["quantity"]]))
        winner = dict(winner, note="; ".join(x for x in [winner["note"], extra] if x))
        if same:
            # The same figure: the published changes and value one page gives complete the other's.
            for field in ("reported_mom_pct", "reported_yoy_pct", "value_usd"):
                winner[field] = winner[field] or other[field]
        kept[key] = winner
    return [kept[k] for k in order]

IND_COLS = ["measure", "country", "importer", "stage", "scope", "period", "value", "text", "unit", "status",
            "dataset", "edition", "source", "url", "note"]
IEA_URL = "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer"
IEA_SOURCE = "IEA (2025), Critical Minerals Data Explorer / Critical Minerals Dataset, CC BY 4.0"
REPO_DATA = os.path.join(os.path.dirname(__file__), "..", "data")

def usgs_source(year):
    return "USGS Mineral Commodity Summaries %s: Rare earths" % year

def usgs_url(year):
    return "https://pubs.usgs.gov/periodicals/mcs%s/mcs%s-rare-earths.pdf" % (year, year)

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
    # USGS world mine production and reserves: shipped as the USGS tables themselves (format
    # usgs-world, one file per edition), not folded into this file.
    # USGS US import sources of compounds and metals, one period per edition (MCS 2025: 2020-23,
    # MCS 2026: 2021-24).
    for path in [os.path.join(DATA, "raw", "usgs-mcs", "us_import_sources_rare_earth_compounds_metals.csv"),
                 os.path.join(REPO_DATA, "usgs", "mcs2026_rare_earths_us_import_sources.csv")]:
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                year = r["edition"].split()[-1]
                out.append({"measure": "import_source_share", "country": ISO[r["country"]], "importer": "USA", "stage": "",
                            "scope": r["category"], "period": r["period"].replace("-", "..20"),
                            "value": str(float(r["share_pct"]) / 100), "text": "", "unit": "fraction", "status": "reported",
                            "dataset": "USGS Mineral Commodity Summaries", "edition": r["edition"],
                            "source": usgs_source(year), "url": usgs_url(year), "note": r["note"].strip()})
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

USGS_TABLES = [
    # (source file, bundled name): the tables as USGS prints them, one file per edition.
    (os.path.join(DATA, "raw", "usgs-mcs", "mcs2025_rare_earths_us_salient.csv"), "usgs-mcs2025-rare-earths-us-salient.csv"),
    (os.path.join(REPO_DATA, "usgs", "mcs2026_rare_earths_us_salient.csv"), "usgs-mcs2026-rare-earths-us-salient.csv"),
    (os.path.join(DATA, "raw", "usgs-mcs", "mcs2025_rare_earths_world_mine_production_reserves.csv"), "usgs-mcs2025-rare-earths-world.csv"),
    (os.path.join(REPO_DATA, "usgs", "mcs2026_rare_earths_world_mine_production_reserves.csv"), "usgs-mcs2026-rare-earths-world.csv"),
]

def usgs_tables():
    for src, name in USGS_TABLES:
        with open(src, newline="") as f, open(os.path.join(OUT, name), "w", newline="") as g:
            g.write(f.read())
    return len(USGS_TABLES)

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    print("magnet observations:", magnets())
    print("indicators:", indicators())
    print("USGS tables:", usgs_tables())
    print("written to", os.path.normpath(OUT))
