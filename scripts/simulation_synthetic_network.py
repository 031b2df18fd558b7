#!/usr/bin/env python3
"""Writes a SYNTHETIC simulator network and scenario for benchmarks (not data; every value is made up).

    python3 scripts/simulation_synthetic_network.py OUTDIR [--nodes 500] [--seed 1]

Produces OUTDIR/synthetic-N.yaml (network), OUTDIR/synthetic-N-scenario.yaml (Monte Carlo scenario)
and OUTDIR/synthetic-N-deterministic.yaml (same shocks, no uncertain inputs). Layout: countries with a
node at each of the four production stages, and end-use nodes (country x sector) to make up N nodes;
each buyer has three suppliers in the stage above plus one alternative with a zero share. Capacities are
set from the baseline flows (utilisation 70-90%) so the baseline is feasible.
"""
import argparse
import os
import random

ISO = ("CHN USA JPN DEU KOR VNM IND AUS MYS MMR FRA GBR ITA ESP NLD BEL POL CZE SWE FIN NOR DNK AUT CHE CAN MEX "
       "BRA ARG CHL PER ZAF NGA EGY TUR SAU ARE ISR THA IDN PHL SGP NZL RUS KAZ UKR ROU HUN PRT GRC IRL EST LVA LTU "
       "SVK SVN HRV BGR SRB MAR TUN KEN TZA GHA ETH COL ECU URY PRY BOL PAK BGD LKA NPL MNG UZB "
       "DZA AGO CMR CIV SEN UGA ZMB ZWE MOZ NAM BWA MDG JOR LBN OMN QAT KWT BHR IRQ IRN AFG KGZ TJK TKM AZE "
       "ARM GEO BLR MDA ISL LUX MLT CYP MKD ALB BIH MNE CRI PAN GTM HND SLV NIC DOM JAM TTO CUB VEN GUY").split()
STAGES = ["mining", "separation", "metal", "magnet"]
SECTORS = ["evTraction", "wind", "defense", "consumerElectronics", "industrialMotors", "other"]
YIELD = {"separation": 0.95, "metal": 0.857, "magnet": 3.226}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--nodes", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.nodes
    producers_per_stage = max(2, min(len(ISO), round(n * 0.12)))
    end_count = n - 4 * producers_per_stage
    assert end_count >= 1, "too few nodes"
    assert end_count <= 6 * len(ISO), "too many nodes for the country list"
    nodes = []  # (id, country, role, stage_or_sector)
    layers = []
    for stage in STAGES:
        layer = []
        for c in ISO[:producers_per_stage]:
            nodes.append((f"{c}.{stage}", c, "stage", stage))
            layer.append(f"{c}.{stage}")
        layers.append(layer)
    ends = []
    k = 0
    while len(ends) < end_count:
        c, s = ISO[(k // 6) % len(ISO)], SECTORS[k % 6]
        nid = f"{c}.{s}"
        nodes.append((nid, c, "sector", s))
        ends.append(nid)
        k += 1
    edges = []  # (from, to, share, lead)

    def suppliers(buyer, pool):
        chosen = rng.sample(pool, 4)
        w = [0.05 + rng.random() for _ in range(3)]
        t = sum(w)
        shares = [round(x / t, 6) for x in w]
        shares[-1] = round(1 - sum(shares[:-1]), 6)
        for s, sh in zip(chosen[:3], shares):
            edges.append((s, buyer, sh, rng.randint(3, 40)))
        edges.append((chosen[3], buyer, 0.0, rng.randint(3, 40)))

    for li in range(1, 4):
        for b in layers[li]:
            suppliers(b, layers[li - 1])
    for b in ends:
        suppliers(b, layers[3])
    demand = {e: round(rng.uniform(0.5, 20), 4) for e in ends}
    # Baseline flows upward to size capacities.
    base_in = dict(demand)
    out = {}
    for li in range(3, -1, -1):
        buyers = ends if li == 3 else layers[li + 1]
        for (s, b, sh, _) in edges:
            if b in buyers:
                out[s] = out.get(s, 0) + sh * base_in[b]
        for nid in layers[li]:
            base_in[nid] = out.get(nid, 0) / YIELD[STAGES[li]] if li > 0 else 0
    lines = ["# SYNTHETIC benchmark network: made-up values, not data.", "format: monazite-network/1",
             f"name: synthetic-{n}", "description: synthetic network for benchmarks (scripts/simulation_synthetic_network.py)",
             "nodes:"]
    for nid, c, role, what in nodes:
        lines.append(f"  - id: {nid}")
        lines.append(f"    country: {c}")
        lines.append(f"    {role}: {what}")
        if role == "stage":
            cap = max(1.0, out.get(nid, 0) / rng.uniform(0.7, 0.9))
            lines.append(f"    capacityTonnesPerDay: {cap:.4f}")
            if what != "mining":
                lines.append(f"    yieldTonnesPerTonne: {YIELD[what]}")
                lines.append(f"    inventoryDays: {rng.randint(10, 60)}")
        else:
            lines.append(f"    demandTonnesPerDay: {demand[nid]}")
            lines.append(f"    inventoryDays: {rng.randint(15, 120)}")
        lines.append(f"    substitutionLimitShare: {rng.uniform(0.1, 0.4):.3f}")
        lines.append(f"    substitutionDelayDays: {rng.randint(5, 30)}")
        lines.append(f"    substitutionRampDays: {rng.randint(20, 90)}")
    lines.append("edges:")
    for s, b, sh, lead in edges:
        lines.append(f"  - {{from: {s}, to: {b}, share: {sh}, leadTimeDays: {lead}}}")
    os.makedirs(a.outdir, exist_ok=True)
    net_path = os.path.join(a.outdir, f"synthetic-{n}.yaml")
    with open(net_path, "w") as f:
        f.write("\n".join(lines) + "\n")
    outages = rng.sample(layers[3], 3)
    shocks = f"""shocks:
  - id: licensing
    kind: licensing
    startDay: 10
    durationDays: 120
    exporter: CHN
    destinations: all
    approvedShare: 0.3
    approvalDelayDays: 30
  - id: outage
    kind: outage
    startDay: 30
    durationDays: 60
    nodes: [{", ".join(outages)}]
    lostShare: 0.5
  - id: demand
    kind: demandChange
    startDay: 0
    nodes: ['*.evTraction']
    factor: 1.1
"""
    uncertain = """uncertain:
  - {parameter: shock.licensing.approvedShare, distribution: uniform, min: 0.1, max: 0.6}
  - {parameter: shock.licensing.approvalDelayDays, distribution: triangular, min: 10, mode: 30, max: 50}
  - {parameter: shock.licensing.durationDays, distribution: uniform, min: 60, max: 180}
  - {parameter: inventoryDaysFactor, distribution: triangular, min: 0.6, mode: 1.0, max: 1.4}
  - {parameter: substitutionLimitShare, distribution: uniform, min: 0.1, max: 0.4}
"""
    for suffix, extra in (("scenario", uncertain), ("deterministic", "")):
        with open(os.path.join(a.outdir, f"synthetic-{n}-{suffix}.yaml"), "w") as f:
            f.write(f"# SYNTHETIC benchmark scenario.\nformat: monazite-scenario/1\nname: synthetic-{n}-{suffix}\n"
                    f"network: synthetic-{n}.yaml\nhorizonDays: 365\nruns: 1000\nseed: 7\n" + shocks + extra)


if __name__ == "__main__":
    main()
