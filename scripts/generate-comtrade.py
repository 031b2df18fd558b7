#!/usr/bin/env python3
"""Generates a SYNTHETIC UN Comtrade-format CSV for benchmarks (not real trade data).

The layout is the full 47-column Comtrade bulk/API CSV (the columns and order of
comtradeplus.un.org's "Get data" export), with the text columns as the export writes them:
descriptions in double quotes when they contain a comma. Every row is a monthly total
(partner2 W00, customs C00, mode of transport 0) for a reporter, partner, flow and HS
subheading, so that the file has no duplicate keys. Values are random and labelled synthetic
in the file name and the `cmdDesc` column.

Usage: python3 scripts/generate-comtrade.py ROWS OUT.csv [SEED]
"""
import random, sys

COLUMNS = ["typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
           "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
           "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
           "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
           "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
           "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue",
           "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate"]
assert len(COLUMNS) == 47
# ISO alpha-3, M49 code, name as Comtrade writes it.
COUNTRIES = {
    "CHN": (156, "China"), "USA": (842, "USA"), "JPN": (392, "Japan"), "DEU": (276, "Germany"),
    "KOR": (410, "Rep. of Korea"), "MYS": (458, "Malaysia"), "VNM": (704, "Viet Nam"), "AUS": (36, "Australia"),
    "IND": (699, "India"), "FRA": (251, "France"), "GBR": (826, "United Kingdom"), "ITA": (381, "Italy"),
    "NLD": (528, "Netherlands"), "THA": (764, "Thailand"), "BRA": (76, "Brazil"), "MEX": (484, "Mexico"),
    "CAN": (124, "Canada"), "ESP": (724, "Spain"), "POL": (616, "Poland"), "CZE": (203, "Czechia"),
    "AUT": (40, "Austria"), "BEL": (56, "Belgium"), "SWE": (752, "Sweden"), "TUR": (792, "Türkiye"),
    "ZAF": (710, "South Africa"), "IDN": (360, "Indonesia"), "PHL": (608, "Philippines"), "SGP": (702, "Singapore"),
    "ARE": (784, "United Arab Emirates"), "SAU": (682, "Saudi Arabia"), "ISR": (376, "Israel"),
    "CHE": (757, "Switzerland"), "HUN": (348, "Hungary"), "ROU": (642, "Romania"), "SVK": (703, "Slovakia"),
    "PRT": (620, "Portugal"), "DNK": (208, "Denmark"), "FIN": (246, "Finland"), "NOR": (579, "Norway"),
    "IRL": (372, "Ireland"), "NZL": (554, "New Zealand"), "CHL": (152, "Chile"), "ARG": (32, "Argentina"),
    "COL": (170, "Colombia"), "PER": (604, "Peru"), "EGY": (818, "Egypt"), "MAR": (504, "Morocco"),
    "NGA": (566, "Nigeria"), "KEN": (404, "Kenya"), "PAK": (586, "Pakistan"), "BGD": (50, "Bangladesh"),
    "LKA": (144, "Sri Lanka"), "KAZ": (398, "Kazakhstan"), "UKR": (804, "Ukraine"), "RUS": (643, "Russian Federation"),
    "HKG": (344, "China, Hong Kong SAR"), "TWN": (490, "Other Asia, nes"), "MAC": (446, "China, Macao SAR"),
    "EST": (233, "Estonia"), "LTU": (440, "Lithuania"), "WLD": (0, "World"),
}
REPORTERS = ["CHN", "USA", "JPN", "DEU", "KOR", "MYS", "VNM", "AUS", "IND", "FRA", "GBR", "ITA", "NLD", "THA", "BRA"]
PARTNERS = ["WLD", "USA", "JPN", "DEU", "KOR", "VNM", "IND", "MYS", "THA", "MEX", "CAN", "ITA", "FRA", "GBR", "NLD",
            "ESP", "POL", "CZE", "AUT", "BEL", "SWE", "TUR", "BRA", "ZAF", "AUS", "IDN", "PHL", "SGP", "ARE", "SAU",
            "ISR", "CHE", "HUN", "ROU", "SVK", "PRT", "DNK", "FIN", "NOR", "IRL", "NZL", "CHL", "ARG", "COL", "PER",
            "EGY", "MAR", "NGA", "KEN", "PAK", "BGD", "LKA", "KAZ", "UKR", "RUS", "HKG", "TWN", "MAC", "EST", "LTU"]
COMMODITIES = {
    "280530": "Rare-earth metals, scandium and yttrium, whether or not intermixed or interalloyed",
    "284610": "Cerium compounds",
    "284690": "Compounds, inorganic or organic, of rare-earth metals, of yttrium or of scandium (excl. cerium)",
    "850511": "Permanent magnets and articles intended to become permanent magnets after magnetisation; of metal",
    "850519": "Permanent magnets and articles intended to become permanent magnets after magnetisation; other than of metal",
    "253090": "Mineral substances n.e.s.",
    "360690": "Ferro-cerium and other pyrophoric alloys in all forms; articles of combustible materials",
    "720299": "Ferro-alloys; n.e.c. in heading no. 7202",
}
FLOWS = [("X", "Export"), ("M", "Import")]

def csv_text(s):
    return f'"{s}"' if ("," in s or '"' in s) else s

def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    months = [(y, m) for y in range(2000, 2026) for m in range(1, 13)]
    descs = {c: csv_text(f"SYNTHETIC benchmark row: {d}") for c, d in COMMODITIES.items()}
    names = {k: csv_text(v[1]) for k, v in COUNTRIES.items()}
    written = 0
    with open(out, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        # Walk the key space in a fixed order so every (reporter, partner, flow, commodity, month) appears once.
        for (y, m) in months:
            for r in REPORTERS:
                for p in PARTNERS:
                    if p == r:
                        continue
                    piso = "W00" if p == "WLD" else p
                    for c in COMMODITIES:
                        for fc, fd in FLOWS:
                            if written >= rows:
                                return written
                            kg = rng.randint(1, 5_000_000)
                            gross = kg + rng.randint(0, 2_000)
                            usd = round(kg * rng.uniform(5, 90), 2)
                            cif, fob = (usd, "") if fc == "M" else ("", usd)
                            f.write(
                                f"C,M,{y}{m:02d}01,{y},{m},{y}{m:02d},{COUNTRIES[r][0]},{r},{names[r]},{fc},{fd},"
                                f"{COUNTRIES[p][0]},{piso},{names[p]},0,W00,World,H6,HS,True,"
                                f"{c},{descs[c]},6,True,C00,TOTAL CPC,0,0,TOTAL MOT,"
                                f"8,kg,{kg},False,-1,N/A,0,False,"
                                f"{kg},False,{gross},False,{cif},{fob},{usd},0,True,False\n")
                            written += 1
    return written

if __name__ == "__main__":
    n = main()
    print(f"wrote {n} synthetic rows", file=sys.stderr)
