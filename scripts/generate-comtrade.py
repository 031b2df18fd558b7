#!/usr/bin/env python3
"""Generates a SYNTHETIC UN Comtrade-format CSV for benchmarks (not real trade data).

Columns follow the Comtrade "Get data" CSV export. Every row is a monthly total
(partner2 W00, customs C00, mode of transport 0) for a reporter, partner, flow and HS
subheading, so that the file has no duplicate keys. Values are random and labelled
synthetic in the file name and the `cmdDesc` column.

Usage: python3 scripts/generate-comtrade.py ROWS OUT.csv [SEED]
"""
import random, sys

COLUMNS = ["typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
           "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
           "partner2ISO", "partner2Desc", "classificationCode", "cmdCode", "cmdDesc", "customsCode", "motCode",
           "qtyUnitCode", "qtyUnitAbbr", "qty", "netWgt", "grossWgt", "cifvalue", "fobvalue", "primaryValue", "isReported"]
REPORTERS = ["CHN", "USA", "JPN", "DEU", "KOR", "MYS", "VNM", "AUS", "IND", "FRA", "GBR", "ITA", "NLD", "THA", "BRA"]
PARTNERS = ["WLD", "USA", "JPN", "DEU", "KOR", "VNM", "IND", "MYS", "THA", "MEX", "CAN", "ITA", "FRA", "GBR", "NLD",
            "ESP", "POL", "CZE", "AUT", "BEL", "SWE", "TUR", "BRA", "ZAF", "AUS", "IDN", "PHL", "SGP", "ARE", "SAU",
            "ISR", "CHE", "HUN", "ROU", "SVK", "PRT", "DNK", "FIN", "NOR", "IRL", "NZL", "CHL", "ARG", "COL", "PER",
            "EGY", "MAR", "NGA", "KEN", "PAK", "BGD", "LKA", "KAZ", "UKR", "RUS", "HKG", "TWN", "MAC", "EST", "LTU"]
COMMODITIES = ["280530", "284610", "284690", "850511", "850519", "253090", "360690", "720299"]
FLOWS = [("X", "Export"), ("M", "Import")]

def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)
    months = [(y, m) for y in range(2000, 2026) for m in range(1, 13)]
    written = 0
    with open(out, "w") as f:
        f.write(",".join(COLUMNS) + "\n")
        # Walk the key space in a fixed order so every (reporter, partner, flow, commodity, month) appears once.
        for (y, m) in months:
            for r in REPORTERS:
                for p in PARTNERS:
                    if p == r:
                        continue
                    for c in COMMODITIES:
                        for fc, fd in FLOWS:
                            if written >= rows:
                                return written
                            kg = rng.randint(1, 5_000_000)
                            usd = round(kg * rng.uniform(5, 90), 2)
                            f.write(f"C,M,{y}{m:02d}01,{y},{m},{y}{m:02d},156,{r},Reporter {r},{fc},{fd},0,{'W00' if p == 'WLD' else p},Partner {p},"
                                    f"0,W00,World,H6,{c},SYNTHETIC benchmark row,C00,0,8,kg,{kg},{kg},{kg},{usd},{usd},{usd},True\n")
                            written += 1
    return written

if __name__ == "__main__":
    n = main()
    print(f"wrote {n} synthetic rows", file=sys.stderr)
