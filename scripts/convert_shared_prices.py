# Converts the rows of ../shared/data/curated/ree_prices_2024_2025.csv that the bundled
# data/prices/ree_prices_2025_2026.csv does not already hold into the price CSV format
# (docs/prices.md): Fastmarkets 2024 FOB China / CIF Rotterdam and the Argus European weekly of
# 2025-09-25. Only names are mapped; no figure is changed. Left out: rows already in the 2025-2026
# file (SMM 2025-04-10, Argus/Nikkei/Benchmark Dy and Tb, SMM overseas, the DoD floor), the Adamas
# annual averages (not a market basis), yttrium (not a known product) and the Nikkei/Argus
# "China" NdPr row (basis unclear).
# Run: python3 scripts/convert_shared_prices.py  (from the repository root)
import csv, sys
SRC = "../shared/data/curated/ree_prices_2024_2025.csv"
OUT = "data/prices/ree_prices_2024_2025_shared.csv"
PRODUCTS = {"NdPr oxide (75:25)": "NdPr oxide", "Dysprosium oxide": "Dy oxide", "Terbium oxide": "Tb oxide",
            "Neodymium oxide": "Nd oxide", "Praseodymium oxide": "Pr oxide", "NdPr oxide": "NdPr oxide", "Neodymium metal": "Nd metal"}
BASES = {"FOB China (Fastmarkets)": ("FOB China", "Fastmarkets"), "CIF Rotterdam (Fastmarkets)": ("CIF Rotterdam", "Fastmarkets"),
         "Europe delivered (Argus weekly)": ("Europe", "Argus")}
COLUMNS = ["date", "product", "purity", "market_basis", "low", "high", "currency", "unit", "vat_included", "publisher",
           "source_title", "url", "via", "via_url", "release", "note"]
rows = []
for r in csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else SRC, encoding="utf-8")):
    if r["market_basis"] not in BASES or r["product"] not in PRODUCTS or r["unit"] != "USD/kg":
        continue
    basis, publisher = BASES[r["market_basis"]]
    note = "; ".join(x for x in [r["note"].strip(), "as written in " + r["market_basis"] + ", product " + r["product"],
                                 "converted from ../shared/data/curated/ree_prices_2024_2025.csv"] if x)
    rows.append({"date": r["date"], "product": PRODUCTS[r["product"]], "purity": r["purity"], "market_basis": basis,
                 "low": r["low"], "high": r["high"], "currency": "USD", "unit": "USD/kg", "vat_included": "unknown",
                 "publisher": publisher, "source_title": r["source"], "url": r["url"], "via": "", "via_url": "", "release": "",
                 "note": note})
with open(OUT, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(f"{len(rows)} rows -> {OUT}")
