#!/usr/bin/env python3
"""Builds the simulator's bundled baseline network (monazite-network/1 YAML) from the cited data.

Every figure taken from a file under /work/shared/data is given with its source id; everything
else is written with `assumption: true` and a note. Run from the repository root:

    python3 scripts/simulation_baseline_network.py > Sources/MonaziteScenario/Resources/networks/baseline-2024.yaml

Units: tonnes and days. Mining/separation: tonnes of magnet rare-earth oxide (Nd, Pr, Dy, Tb, the
IEA's "magnet rare earth elements"); metal: tonnes of magnet rare-earth metal; magnet stage and
end use: tonnes of NdFeB magnet.
"""

DAYS = 365.0

# --- data (kt per year, IEA Critical Minerals Dataset 2025 edition, 2024 values) ---
IEA_MINING = {"CHN": 45.787, "MMR": 12.072, "USA": 6.86, "AUS": 3.235, "ROW": 7.145}
IEA_REFINING = {"CHN": 73.757, "MYS": 3.625, "USA": 0.961, "ROW": 2.462}
IEA_DEMAND = {"ev": 8.359, "wind": 10.496, "other_uses": 72.067}
CHINA_MAGNET_EXPORTS_2024 = 58152.0   # t, Adamas Intelligence
US_IMPORTS_FROM_CHINA_2024 = 7446.0   # t, rawmaterials.net (customs data)
EU_H1_2025 = 8360.0                   # t, Rare Earth Exchanges (Reuters/Sina)
EU_H1_2025_YOY = -0.224
NOVEON_CAPACITY = 2000.0              # t/yr built capacity (us_allied_ree_projects.csv)

# --- assumptions ---
REE_CONTENT_OF_MAGNET = 0.31          # t magnet REE per t NdFeB magnet
MAGNET_SHARE_OF_OTHER_USES = 0.55     # share of IEA "other uses" that goes into magnets
OTHER_SPLIT = {"industrialMotors": 0.35, "consumerElectronics": 0.30, "defense": 0.05, "other": 0.30}
CHINA_SHARE_OF_SUPPLY = {"USA": 0.80, "EUU": 0.90, "ROW": 0.70}
MAGNET_SUPPLIERS = {  # buyer country -> supplier magnet node shares
    "CHN": {"CHN": 1.0, "JPN": 0.0, "ROW": 0.0},
    "USA": {"CHN": 0.80, "JPN": 0.10, "ROW": 0.05, "USA": 0.05},
    "EUU": {"CHN": 0.90, "JPN": 0.05, "ROW": 0.05, "USA": 0.0},
    "ROW": {"CHN": 0.70, "JPN": 0.25, "ROW": 0.05, "USA": 0.0},
}
METAL_SUPPLIERS = {
    "CHN": {"CHN": 1.0, "ROW": 0.0},
    "JPN": {"CHN": 0.6, "ROW": 0.4},
    "ROW": {"CHN": 0.7, "ROW": 0.3},
    "USA": {"CHN": 0.6, "ROW": 0.2, "USA": 0.2},
}
SEPARATION_SUPPLIERS = {
    "CHN": {"CHN": 0.97, "MYS": 0.03, "ROW": 0.0},
    "ROW": {"CHN": 0.5, "MYS": 0.4, "ROW": 0.1},
    "USA": {"USA": 1.0, "CHN": 0.0},
}
MINE_SUPPLIERS = {
    "CHN": {"CHN": 0.681, "MMR": 0.179, "USA": 0.088, "ROW": 0.052},
    "MYS": {"AUS": 0.9, "ROW": 0.1},
    "ROW": {"ROW": 1.0},
    "USA": {"USA": 1.0},
}
SEPARATION_YIELD = 0.95
METAL_YIELD = 0.857
MAGNET_YIELD = 1 / REE_CONTENT_OF_MAGNET
UTILISATION = {"mining": 0.90, "metal": 0.85, "magnet_CHN": 0.80, "magnet": 0.85}
INVENTORY_DAYS = {"separation": 30, "metal": 30, "magnet": 45}
SECTOR_INVENTORY_DAYS = {"evTraction": 45, "wind": 60, "defense": 180, "consumerElectronics": 30,
                         "industrialMotors": 60, "other": 60}
SECTORS = ["evTraction", "wind", "defense", "consumerElectronics", "industrialMotors", "other"]
COUNTRY_NAMES = {"CHN": "China", "USA": "United States", "EUU": "European Union", "ROW": "rest of world",
                 "JPN": "Japan", "MMR": "Myanmar", "AUS": "Australia", "MYS": "Malaysia"}


def lead_time(stage, supplier, buyer):
    if supplier == buyer:
        return 7
    if stage == "mining":
        return 14 if supplier == "MMR" else 45
    if stage in ("separation", "metal"):
        return 40
    if supplier == "CHN":
        return {"USA": 40, "EUU": 45}.get(buyer, 21)
    return 30


def main():
    # Final demand for magnets (t/yr), world and by importing country.
    ree_into_magnets = {"evTraction": IEA_DEMAND["ev"] * 1000, "wind": IEA_DEMAND["wind"] * 1000}
    other = IEA_DEMAND["other_uses"] * 1000 * MAGNET_SHARE_OF_OTHER_USES
    for sector, share in OTHER_SPLIT.items():
        ree_into_magnets[sector] = other * share
    world_magnets = {s: v / REE_CONTENT_OF_MAGNET for s, v in ree_into_magnets.items()}
    world_total = sum(world_magnets.values())
    eu_from_china = 2 * EU_H1_2025 / (1 + EU_H1_2025_YOY)
    from_china = {"USA": US_IMPORTS_FROM_CHINA_2024, "EUU": eu_from_china,
                  "ROW": CHINA_MAGNET_EXPORTS_2024 - US_IMPORTS_FROM_CHINA_2024 - eu_from_china}
    country_total = {c: from_china[c] / CHINA_SHARE_OF_SUPPLY[c] for c in from_china}
    country_total["CHN"] = world_total - sum(country_total.values())
    sector_share = {s: world_magnets[s] / world_total for s in SECTORS}

    # Flows upward (t/yr).
    magnet_out = {}
    for buyer, sup in MAGNET_SUPPLIERS.items():
        for s, share in sup.items():
            magnet_out[s] = magnet_out.get(s, 0) + share * country_total[buyer]
    metal_out = {}
    for buyer, sup in METAL_SUPPLIERS.items():
        for s, share in sup.items():
            metal_out[s] = metal_out.get(s, 0) + share * magnet_out.get(buyer, 0) / MAGNET_YIELD
    sep_out = {}
    for buyer, sup in SEPARATION_SUPPLIERS.items():
        for s, share in sup.items():
            sep_out[s] = sep_out.get(s, 0) + share * metal_out.get(buyer, 0) / METAL_YIELD
    mine_out = {}
    for buyer, sup in MINE_SUPPLIERS.items():
        for s, share in sup.items():
            mine_out[s] = mine_out.get(s, 0) + share * sep_out.get(buyer, 0) / SEPARATION_YIELD
    for c, v in mine_out.items():
        assert v <= IEA_MINING[c] * 1000 / UTILISATION["mining"], (c, v)
    for c, v in sep_out.items():
        assert v <= IEA_REFINING[c] * 1000, (c, v)

    out = []
    w = out.append
    w("# Monazite simulator: baseline rare-earth magnet network, 2024 (format monazite-network/1).")
    w("# Generated by scripts/simulation_baseline_network.py from the cited data; edit by hand or regenerate.")
    w("# Units: tonnes and days. Mining and separation carry tonnes of magnet rare-earth oxide (Nd, Pr, Dy, Tb),")
    w("# metal carries tonnes of magnet rare-earth metal, magnets and end use carry tonnes of NdFeB magnet.")
    w("# Every number is either {value, source} (derived from a source listed below) or {value, assumption: true}.")
    w("format: monazite-network/1")
    w("name: baseline-2024")
    w("description: >-")
    w("  Mines, separation, metal and magnet makers by country, and six end-use sectors in China, the US, the EU")
    w("  and the rest of the world, sized to 2024. Stage volumes from the IEA Critical Minerals Dataset (2025")
    w("  edition, CC BY 4.0: IEA (2025), Critical Minerals Data Explorer); China's magnet exports from customs")
    w("  figures as reported. Shares between suppliers, inventories, lead times, yields and substitution limits")
    w("  are assumptions and marked so.")
    w("sources:")
    srcs = [
        ("iea-cmde", "IEA (2025), Critical Minerals Data Explorer / Critical Minerals Dataset, 2024 values, magnet rare earth elements (CC BY 4.0)", "https://www.iea.org/data-and-statistics/data-tools/critical-minerals-data-explorer", "CC BY 4.0"),
        ("adamas-2024", "Adamas Intelligence, Record rare earth magnet exports from China in 2024 (58,152 t)", "https://www.adamasintel.com/record-rare-earth-magnet-exports-from-china-in-2024/", None),
        ("us-imports-2024", "US imports of magnets from China in 2024, 7,446 t (customs data via rawmaterials.net)", "https://rawmaterials.net/mp-materials-begins-commercial-operations-at-texas-magnet-facility/", None),
        ("rex-eu-h1-2025", "China magnet exports to the EU, H1 2025: 8,360 t, -22.4% YoY (Rare Earth Exchanges citing Reuters/Sina)", "https://rareearthexchanges.com/?p=8723", None),
        ("doe-magnet-share", "US DOE estimate as cited by Fastmarkets: China ~90% of permanent magnets (2023), remainder mainly Japan", "https://fastmarkets.com/insights/rare-earth-magnet-production-outside-asia-gearing-up-2024-preview", None),
        ("noveon", "Noveon Magnetics San Marcos plant, 2,000 t/yr built capacity", "https://noveon.co/noveon-jumpstart", None),
    ]
    for sid, title, url, lic in srcs:
        w(f"  - id: {sid}")
        w(f"    title: \"{title}\"")
        w(f"    url: {url}")
        if lic:
            w(f"    licence: {lic}")
    w("defaults:")
    w("  refillDays: {value: 30, assumption: true, note: \"an inventory gap is ordered over 30 days\"}")
    w("  substitutionLimitShare: {value: 0.3, assumption: true, note: \"at most 30% of orders can move to other suppliers\"}")
    w("  substitutionDelayDays: {value: 21, assumption: true, note: \"three weeks of shortfall before buyers look elsewhere\"}")
    w("  substitutionRampDays: {value: 60, assumption: true, note: \"qualifying a new supplier takes about two months\"}")
    w("nodes:")

    def q(value, source=None, note=None, digits=3):
        parts = [f"value: {round(value, digits)}"]
        parts.append(f"source: {source}" if source else "assumption: true")
        if note:
            parts.append(f"note: \"{note}\"")
        return "{" + ", ".join(parts) + "}"

    for c in ["CHN", "MMR", "USA", "AUS", "ROW"]:
        cap = IEA_MINING[c] * 1000 / UTILISATION["mining"] / DAYS
        w(f"  - id: {c}.mining")
        w(f"    country: {c}")
        w("    stage: mining")
        w(f"    capacityTonnesPerDay: {q(cap, 'iea-cmde', f'IEA 2024 mine output {IEA_MINING[c]} kt / 365 / 0.90 utilisation (utilisation is an assumption)')}")
    for c in ["CHN", "MYS", "USA", "ROW"]:
        cap = IEA_REFINING[c] * 1000 / DAYS
        w(f"  - id: {c}.separation")
        w(f"    country: {'MYS' if c == 'MYS' else c}")
        w("    stage: separation")
        w(f"    capacityTonnesPerDay: {q(cap, 'iea-cmde', f'IEA 2024 refining output {IEA_REFINING[c]} kt / 365, taken as capacity available to magnets')}")
        w(f"    yieldTonnesPerTonne: {q(SEPARATION_YIELD, note='separated oxide per tonne of oxide in concentrate')}")
        w(f"    inventoryDays: {q(INVENTORY_DAYS['separation'], note='days of concentrate in stock')}")
    for c in ["CHN", "ROW", "USA"]:
        cap = metal_out[c] / UTILISATION["metal"] / DAYS
        w(f"  - id: {c}.metal")
        w(f"    country: {c}")
        w("    stage: metal")
        w(f"    capacityTonnesPerDay: {q(cap, note='baseline flow / 0.85 utilisation; no metal-stage capacity data in the cited files')}")
        w(f"    yieldTonnesPerTonne: {q(METAL_YIELD, note='stoichiometric Nd2O3 to Nd mass ratio, losses ignored')}")
        w(f"    inventoryDays: {q(INVENTORY_DAYS['metal'], note='days of oxide in stock')}")
    for c in ["CHN", "JPN", "ROW", "USA"]:
        w(f"  - id: {c}.magnet")
        w(f"    country: {c}")
        w("    stage: magnet")
        if c == "USA":
            w(f"    capacityTonnesPerDay: {q(NOVEON_CAPACITY / DAYS, 'noveon', 'Noveon 2,000 t/yr; MP Independence (1,000 t/yr nameplate) was in trial production in 2025 and is left out')}")
        else:
            u = UTILISATION["magnet_CHN"] if c == "CHN" else UTILISATION["magnet"]
            share = magnet_out[c] / world_total
            src = "doe-magnet-share" if c in ("CHN", "JPN") else None
            note = f"baseline output {round(magnet_out[c])} t/yr ({share*100:.1f}% of world, vs ~90% China per DOE) / {u} utilisation (assumption)"
            w(f"    capacityTonnesPerDay: {q(magnet_out[c] / u / DAYS, src, note)}")
        w(f"    yieldTonnesPerTonne: {q(MAGNET_YIELD, note='t NdFeB per t rare-earth metal: 31% rare-earth content')}")
        w(f"    inventoryDays: {q(INVENTORY_DAYS['magnet'], note='days of metal/alloy in stock')}")
    for c in ["CHN", "USA", "EUU", "ROW"]:
        for s in SECTORS:
            d = country_total[c] * sector_share[s] / DAYS
            if c == "CHN":
                src, note = "iea-cmde", f"world magnet demand {round(world_total)} t/yr (IEA magnet REE demand, EV {IEA_DEMAND['ev']} kt, wind {IEA_DEMAND['wind']} kt, {MAGNET_SHARE_OF_OTHER_USES:.0%} of other uses {IEA_DEMAND['other_uses']} kt assumed to be magnets, / 31% REE content) minus the other regions; sector mix {sector_share[s]*100:.1f}% (mix of other uses assumed)"
            elif c == "USA":
                src, note = "us-imports-2024", f"US demand = 7,446 t imported from China in 2024 / 0.80 China share (assumption) = {round(country_total[c])} t/yr; sector mix {sector_share[s]*100:.1f}% assumed as world"
            elif c == "EUU":
                src, note = "rex-eu-h1-2025", f"EU imports from China 2024 = 2 x 8,360/(1-0.224) = {round(eu_from_china)} t (H2 = H1 assumed) / 0.90 China share (assumption) = {round(country_total[c])} t/yr; sector mix assumed as world"
            else:
                src, note = "adamas-2024", f"China exports 58,152 t minus US and EU = {round(from_china['ROW'])} t / 0.70 China share (assumption) = {round(country_total[c])} t/yr; sector mix assumed as world"
            w(f"  - id: {c}.{s}")
            w(f"    country: {c}")
            w(f"    sector: {s}")
            w(f"    demandTonnesPerDay: {q(d, src, note)}")
            w(f"    inventoryDays: {q(SECTOR_INVENTORY_DAYS[s], note='days of magnets held by the sector and its suppliers')}")
            w(f"    substitutionLimitShare: {q(0.25, note='end users can move at most a quarter of orders')}")
            w(f"    substitutionDelayDays: {q(14, note='two weeks')}")
            w(f"    substitutionRampDays: {q(90, note='qualifying another magnet maker takes about three months')}")
    w("edges:")

    def edge(stage, s_country, s_node, b_country, b_node, share, note):
        w(f"  - from: {s_node}")
        w(f"    to: {b_node}")
        w(f"    share: {q(share, note=note)}")
        w(f"    leadTimeDays: {q(lead_time(stage, s_country, b_country), note='transport and customs')}")

    for b, sup in MINE_SUPPLIERS.items():
        for s, share in sup.items():
            edge("mining", s, f"{s}.mining", b, f"{b}.separation", share, "allocation of IEA mine volumes to refiners")
    for b, sup in SEPARATION_SUPPLIERS.items():
        for s, share in sup.items():
            edge("separation", s, f"{s}.separation", b, f"{b}.metal", share, "share of oxide bought from this refiner")
    for b, sup in METAL_SUPPLIERS.items():
        for s, share in sup.items():
            edge("metal", s, f"{s}.metal", b, f"{b}.magnet", share, "share of metal/alloy bought from this maker")
    for b, sup in MAGNET_SUPPLIERS.items():
        for s, share in sup.items():
            for sector in SECTORS:
                note = "China share of the region's magnet supply (assumption)" if s == "CHN" else "rest of the region's supply (assumption)"
                edge("magnet", s, f"{s}.magnet", b, f"{b}.{sector}", share, note)
    print("\n".join(out))


if __name__ == "__main__":
    main()
