#!/usr/bin/env python3
"""COMPARISON IMPLEMENTATION - the Monazite disruption simulator re-implemented in vectorised NumPy.

This is the baseline the Swift engine (Sources/MonaziteSimulation) is timed against in
BENCHMARKS.md. It reads the same YAML network and scenario files and implements the same daily
step (docs/simulation.md): arrivals, releases, orders downstream-first with substitution toward
spare capacity and licence approval, production upstream-first with proportional rationing,
end-use consumption, substitution ramp. The vector dimension is the Monte Carlo draw: every array
is (nodes or edges) x draws, and each day loops over the network's layers (longest path from a
mine), so all nodes of a layer are processed in one set of array operations.

Random inputs are drawn with NumPy's PCG64 (not the Swift SplitMix64 streams), so Monte Carlo
results agree in distribution, not draw by draw. With no `uncertain:` inputs both implementations
are deterministic and must agree to rounding; `--compare-json FILE` checks that against
`monazite simulate ... --format json` output.

Usage: python3 scripts/simulation_numpy.py SCENARIO [--runs N] [--seed S] [--days H] [--by-day D]
       [--json] [--compare-json SWIFT.json]
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "MonaziteScenario", "Resources")
STAGES = ["mining", "separation", "metal", "magnet"]
SECTORS = ["evTraction", "wind", "defense", "consumerElectronics", "industrialMotors", "other"]


def value(v):
    return float(v["value"]) if isinstance(v, dict) else float(v)


def read_yaml(ref, folder, base=None):
    path = ref
    if base and not os.path.isabs(ref) and ref.endswith((".yaml", ".yml")):
        path = os.path.join(base, ref)
    if not os.path.exists(path):
        path = os.path.join(RESOURCES, folder, ref if ref.endswith(".yaml") else ref + ".yaml")
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f), os.path.dirname(os.path.abspath(path))


class Model:
    """The network and scenario compiled into flat arrays (same layout rules as CompiledNetwork)."""

    def __init__(self, scenario_ref, days=None):
        sc, base = read_yaml(scenario_ref, "scenarios")
        net, _ = read_yaml(sc["network"], "networks", base)
        self.name = sc["name"]
        self.horizon = int(days or sc["horizonDays"])
        self.runs_default = int(sc.get("runs", 1000))
        self.seed_default = int(sc.get("seed", 1))
        self.by_day = int(sc.get("stockOutByDay", 90))
        defaults = {k: value(v) for k, v in (net.get("defaults") or {}).items()}
        nodes = net["nodes"]
        self.ids = [n["id"] for n in nodes]
        index = {i: k for k, i in enumerate(self.ids)}
        N = len(nodes)

        def field(n, key, fallback):
            return value(n[key]) if key in n else defaults.get(key, fallback)

        self.country = [n["country"] for n in nodes]
        self.stage = [n.get("stage") for n in nodes]
        self.sector = [n.get("sector") for n in nodes]
        self.is_end = np.array([n.get("sector") is not None for n in nodes])
        self.is_mine = np.array([n.get("stage") == "mining" for n in nodes])
        self.cap = np.array([field(n, "capacityTonnesPerDay", 0) for n in nodes])
        self.yld = np.array([field(n, "yieldTonnesPerTonne", 1) for n in nodes])
        self.demand = np.array([field(n, "demandTonnesPerDay", 0) for n in nodes])
        self.inv_days = np.array([field(n, "inventoryDays", 0) for n in nodes])
        self.refill = np.array([field(n, "refillDays", 30) for n in nodes])
        self.sub_limit = np.array([field(n, "substitutionLimitShare", 0) for n in nodes])
        self.sub_delay = np.array([round(field(n, "substitutionDelayDays", 0)) for n in nodes])
        self.sub_ramp = np.array([field(n, "substitutionRampDays", 1) for n in nodes])

        raw = [(index[e["from"]], index[e["to"]], value(e["share"]), int(value(e["leadTimeDays"])),
                set(e.get("elements", ["light", "heavy"]) if isinstance(e.get("elements", []), list) else [e["elements"]]) or {"light", "heavy"})
               for e in net["edges"]]
        by_buyer = [[] for _ in range(N)]
        for k, r in enumerate(raw):
            by_buyer[r[1]].append(k)
        order = [k for j in range(N) for k in by_buyer[j]]  # edges grouped by buyer, file order within
        self.e_sup = np.array([raw[k][0] for k in order], dtype=np.int64)
        self.e_buy = np.array([raw[k][1] for k in order], dtype=np.int64)
        self.e_share = np.array([raw[k][2] for k in order])
        self.e_lead = np.array([raw[k][3] for k in order], dtype=np.int64)
        self.e_groups = [raw[k][4] or {"light", "heavy"} for k in order]
        E = len(order)
        self.N, self.E = N, E

        # Layers (longest path from a source) and baseline flows.
        preds = [[] for _ in range(N)]
        for e in range(E):
            preds[self.e_buy[e]].append(self.e_sup[e])
        layer = [None] * N

        def depth(i, seen=()):
            if layer[i] is None:
                if i in seen:
                    raise SystemExit(f"cycle through {self.ids[i]}")
                layer[i] = max([depth(p, seen + (i,)) + 1 for p in preds[i]], default=0)
            return layer[i]

        for i in range(N):
            depth(i)
        self.layer = np.array(layer)
        self.layers = sorted(set(layer))
        base_in = np.zeros(N)
        base_out = np.zeros(N)
        flow = np.zeros(E)
        for L in reversed(self.layers):
            for j in [i for i in range(N) if layer[i] == L]:
                if self.is_end[j]:
                    base_in[j] = self.demand[j]
                else:
                    base_out[j] = flow[self.e_sup == j].sum()
                    base_in[j] = 0 if self.is_mine[j] else base_out[j] / self.yld[j]
                sel = self.e_buy == j
                flow[sel] = self.e_share[sel] * base_in[j]
        self.base_in, self.flow = base_in, flow
        self.base_pipe = np.zeros(N)
        np.add.at(self.base_pipe, self.e_buy, flow * self.e_lead)

        # Shocks.
        shocks = sc.get("shocks") or []
        self.shocks = []
        for k, s in enumerate(shocks):
            start = int(s["startDay"])
            end = int(s["endDay"]) if "endDay" in s else start + int(s["durationDays"]) if "durationDays" in s else self.horizon
            kind = s["kind"]
            rec = {"id": s.get("id", f"shock{k+1}"), "kind": kind, "start": start, "end": end,
                   "approved": 1.0, "delay": 0, "magnitude": 0.0}
            if kind == "licensing":
                rec["approved"] = float(s["approvedShare"])
                rec["delay"] = int(s.get("approvalDelayDays", 0))
                rec["targets"] = self.match_edges(s["exporter"], s.get("elementGroup"), s.get("stage"), s.get("destinations"))
            else:
                pats = s["nodes"] if isinstance(s["nodes"], list) else [s["nodes"]]
                rec["targets"] = np.array([i for i, nid in enumerate(self.ids) if any(self.match(nid, p) for p in pats)], dtype=np.int64)
                rec["magnitude"] = float(s[{"outage": "lostShare", "demandChange": "factor", "stockRelease": "tonnesPerDay"}[kind]])
            self.shocks.append(rec)
        self.uncertain = sc.get("uncertain") or []
        max_delay = max([r["delay"] for r in self.shocks] + [0])
        for u in self.uncertain:
            if u["parameter"].endswith(".approvalDelayDays"):
                hi = float(u.get("max", u.get("value", 0)))
                max_delay = max(max_delay, int(round(hi)))
        self.ring = int(self.e_lead.max(initial=0)) + max_delay + 1

        # Output groups: total, sectors, countries (sorted), nodes - same order as the Swift engine.
        ends = [i for i in range(N) if self.is_end[i]]
        names = ["total"] + [f"sector:{s}" for s in SECTORS if any(self.sector[i] == s for i in ends)]
        names += [f"country:{c}" for c in sorted({self.country[i] for i in ends})]
        names += [f"node:{self.ids[i]}" for i in ends]
        pos = {n: k for k, n in enumerate(names)}
        member = np.zeros((len(names), len(ends)))
        for q, i in enumerate(ends):
            for n in ("total", f"sector:{self.sector[i]}", f"country:{self.country[i]}", f"node:{self.ids[i]}"):
                member[pos[n], q] = 1
        self.group_names, self.ends, self.member = names, np.array(ends, dtype=np.int64), member
        self.group_demand = member @ self.demand[ends]
        self.threshold = 1e-9 * self.group_demand + 1e-12

        # Per-layer index sets.
        self.plan = []
        for L in self.layers:
            nodes_L = np.array([i for i in range(N) if layer[i] == L], dtype=np.int64)
            buyers = nodes_L[~self.is_mine[nodes_L]]
            eb = np.array([e for e in range(E) if layer[self.e_buy[e]] == L], dtype=np.int64)  # grouped by buyer
            eb_starts, eb_buyers = self.segments(self.e_buy[eb])
            sup_perm = np.argsort(self.e_sup[eb], kind="stable")
            sup_starts, sup_ids = self.segments(self.e_sup[eb][sup_perm])
            es = np.array([e for e in range(E) if layer[self.e_sup[e]] == L], dtype=np.int64)
            buy_perm = np.argsort(self.e_buy[es], kind="stable")
            buy_starts, buy_ids = self.segments(self.e_buy[es][buy_perm])
            self.plan.append(dict(nodes=nodes_L, buyers=buyers, eb=eb, eb_starts=eb_starts, eb_buyers=eb_buyers,
                                  sup_perm=sup_perm, sup_starts=sup_starts, sup_ids=sup_ids, es=es, buy_perm=buy_perm,
                                  buy_starts=buy_starts, buy_ids=buy_ids,
                                  prod=nodes_L[~self.is_end[nodes_L]], end=nodes_L[self.is_end[nodes_L]]))
        self.all_starts, self.all_buyers = self.segments(self.e_buy)

    @staticmethod
    def segments(keys):
        if len(keys) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        return starts, keys[starts]

    @staticmethod
    def match(nid, pattern):
        if "*" not in pattern:
            return nid == pattern
        a, b = nid.split("."), pattern.split(".")
        return len(a) == len(b) and all(y == "*" or x == y for x, y in zip(a, b))

    def match_edges(self, exporter, group, stage, destinations):
        out = []
        dest = None if destinations in (None, "all", ["all"]) else (destinations if isinstance(destinations, list) else [destinations])
        for e in range(self.E):
            s, b = self.e_sup[e], self.e_buy[e]
            if self.country[s] != exporter or self.country[b] == exporter:
                continue
            if stage not in (None, "any") and self.stage[s] != {"refining": "separation", "magnets": "magnet"}.get(stage, stage):
                continue
            if group not in (None, "any") and group not in self.e_groups[e]:
                continue
            if dest is not None and self.country[b] not in dest:
                continue
            out.append(e)
        return np.array(out, dtype=np.int64)

    def sample(self, D, rng):
        """Per-draw inputs, arrays of length D (baseline values when there is no uncertainty)."""
        S = len(self.shocks)
        p = dict(inv_days=np.repeat(self.inv_days[:, None], D, 1), sub_limit=np.repeat(self.sub_limit[:, None], D, 1),
                 sub_ramp=np.repeat(self.sub_ramp[:, None], D, 1),
                 start=np.array([[s["start"]] * D for s in self.shocks]).reshape(S, D),
                 end=np.array([[s["end"]] * D for s in self.shocks], dtype=np.int64).reshape(S, D),
                 approved=np.array([[s["approved"]] * D for s in self.shocks]).reshape(S, D),
                 delay=np.array([[s["delay"]] * D for s in self.shocks], dtype=np.int64).reshape(S, D),
                 magnitude=np.array([[s["magnitude"]] * D for s in self.shocks]).reshape(S, D))
        ids = {s["id"]: k for k, s in enumerate(self.shocks)}
        for u in self.uncertain:
            kind = u["distribution"]
            if kind == "fixed":
                v = np.full(D, float(u["value"]))
            elif kind == "uniform":
                v = rng.uniform(float(u["min"]), float(u["max"]), D)
            elif kind == "triangular":
                v = rng.triangular(float(u["min"]), float(u["mode"]), float(u["max"]), D)
            else:
                lo, hi, mu, sd = float(u["min"]), float(u["max"]), float(u["mean"]), float(u["sd"])
                v = np.clip(rng.normal(mu, sd, D), lo, hi)  # clipping, not rejection: a simplification
            name = u["parameter"]
            parts = name.split(".")
            if name == "inventoryDaysFactor":
                p["inv_days"] = p["inv_days"] * np.maximum(v, 0)[None, :]
            elif name == "substitutionLimitShare":
                p["sub_limit"] = np.repeat(np.clip(v, 0, 1)[None, :], self.N, 0)
            elif name == "substitutionRampDays":
                p["sub_ramp"] = np.repeat(np.maximum(v, 1)[None, :], self.N, 0)
            elif parts[0] == "node":
                p["inv_days"][self.ids.index(".".join(parts[1:-1]))] = np.maximum(v, 0)
            else:
                s = ids[".".join(parts[1:-1])]
                what = parts[-1]
                if what == "durationDays":
                    p["end"][s] = p["start"][s] + np.maximum(0, np.round(v)).astype(np.int64)
                elif what == "approvedShare":
                    p["approved"][s] = np.clip(v, 0, 1)
                elif what == "approvalDelayDays":
                    p["delay"][s] = np.maximum(0, np.round(v)).astype(np.int64)
                else:
                    p["magnitude"][s] = np.maximum(v, 0)
        return p

    def run_chunk(self, p, D):
        N, E, H, R = self.N, self.E, self.horizon, self.ring
        inv = p["inv_days"] * self.base_in[:, None]
        target = inv + self.base_pipe[:, None]
        in_transit = np.zeros((N, D))
        pipe = np.zeros((R, E, D))
        for e in range(E):
            if self.e_lead[e] > 0 and self.flow[e] > 0:
                for t in range(self.e_lead[e]):
                    pipe[t % R, e] += self.flow[e]
                in_transit[self.e_buy[e]] += self.flow[e] * self.e_lead[e]
        spare = np.zeros((N, D))
        sub = np.zeros((N, D))
        short_days = np.zeros((N, D), dtype=np.int64)
        requested = np.zeros((N, D))
        approved_order = np.zeros((E, D))
        shipped = np.zeros((E, D))
        G = len(self.group_names)
        cum = np.zeros((G, D))
        first = np.full((G, D), -1, dtype=np.int64)
        rec = np.full((G, D), -1, dtype=np.int64)
        shortfall = np.zeros((N, D))
        e_idx = np.arange(E)[:, None]
        d_idx = np.arange(D)[None, :]
        lead = self.e_lead[:, None]
        nonmine = ~self.is_mine
        for t in range(H):
            cap_f = np.ones((N, D))
            dem_f = np.ones((N, D))
            rel = np.zeros((N, D))
            appr = np.ones((E, D))
            delay = np.zeros((E, D), dtype=np.int64)
            for k, s in enumerate(self.shocks):
                active = (p["start"][k] <= t) & (t < p["end"][k])
                if not active.any() or len(s["targets"]) == 0:
                    continue
                tg = s["targets"]
                if s["kind"] == "licensing":
                    appr[tg] *= np.where(active, p["approved"][k], 1.0)
                    delay[tg] = np.maximum(delay[tg], np.where(active, p["delay"][k], 0))
                elif s["kind"] == "outage":
                    np.multiply.at(cap_f, tg, np.where(active, 1 - p["magnitude"][k], 1.0))
                elif s["kind"] == "demandChange":
                    np.multiply.at(dem_f, tg, np.where(active, p["magnitude"][k], 1.0))
                else:
                    np.add.at(rel, tg, np.where(active, p["magnitude"][k], 0.0))
            # Arrivals and releases.
            slot = t % R
            arriving = pipe[slot]
            got = np.add.reduceat(arriving, self.all_starts, axis=0)
            inv[self.all_buyers] += got
            in_transit[self.all_buyers] = np.maximum(0, in_transit[self.all_buyers] - got)
            pipe[slot] = 0
            inv += rel
            # Orders, downstream first.
            orders_in = np.zeros((N, D))
            for plan in reversed(self.plan):
                J = plan["buyers"]
                if len(J) == 0:
                    continue
                use = np.where(self.is_end[J][:, None], self.demand[J][:, None] * dem_f[J],
                               np.minimum(orders_in[J], self.cap[J][:, None] * cap_f[J]) / self.yld[J][:, None])
                total = np.maximum(0, use + (target[J] - inv[J] - in_transit[J]) / self.refill[J][:, None])
                total_of = np.zeros((N, D))
                total_of[J] = total
                requested[J] = total  # the weights sum to 1, so the buyer asks for `total` in all
                eb = plan["eb"]
                b = self.e_buy[eb]
                s_e = self.e_sup[eb]
                subs = sub[b]
                spare_w = spare[s_e] * appr[eb]
                W = np.add.reduceat(spare_w, plan["eb_starts"], axis=0)
                W_of = np.zeros((N, D))
                W_of[plan["eb_buyers"]] = W
                We = W_of[b]
                share = self.e_share[eb][:, None]
                w = share * (1 - subs) + np.where(subs > 0, np.where(We > 0, subs * spare_w / np.where(We > 0, We, 1), subs * share), 0)
                a = total_of[b] * w * appr[eb]
                approved_order[eb] = a
                orders_in[plan["sup_ids"]] += np.add.reduceat(a[plan["sup_perm"]], plan["sup_starts"], axis=0)
            # Production and consumption, upstream first.
            for plan in self.plan:
                Pn = plan["prod"]
                if len(Pn):
                    avail = self.cap[Pn][:, None] * cap_f[Pn]
                    mine = self.is_mine[Pn][:, None]
                    limit = np.where(mine, np.inf, inv[Pn] * self.yld[Pn][:, None])
                    prod = np.minimum(np.minimum(avail, limit), orders_in[Pn])
                    spare[Pn] = np.where(mine, avail - prod, np.minimum(avail, limit) - prod)
                    limited = (~mine) & (prod >= limit)
                    used = np.where(limited, inv[Pn], prod / self.yld[Pn][:, None])
                    prod = np.where(limited, limit, prod)
                    inv[Pn] = np.where(mine, inv[Pn], np.where(limited, 0, np.maximum(0, inv[Pn] - used)))
                    prod_of = np.zeros((N, D))
                    prod_of[Pn] = prod
                    es = plan["es"]
                    if len(es):
                        s_e = self.e_sup[es]
                        oin = orders_in[s_e]
                        amount = np.where(oin > 0, prod_of[s_e] * (approved_order[es] / np.where(oin > 0, oin, 1)), 0)
                        shipped[es] = amount
                        lag = lead[es] + delay[es]
                        now = lag == 0
                        if now.any():
                            np.add.at(inv, self.e_buy[es], np.where(now, amount, 0))
                        later = np.where(now, 0, amount)
                        pipe[(t + lag) % R, es[:, None], d_idx] += later
                        in_transit[plan["buy_ids"]] += np.add.reduceat(later[plan["buy_perm"]], plan["buy_starts"], axis=0)
                En = plan["end"]
                if len(En):
                    d = self.demand[En][:, None] * dem_f[En]
                    take = np.minimum(d, inv[En])
                    inv[En] -= take
                    shortfall[En] = d - take
            # Substitution state.
            J = self.all_buyers
            want = requested[J]
            have = np.add.reduceat(shipped, self.all_starts, axis=0)
            step = p["sub_limit"][J] / p["sub_ramp"][J]
            short = (want > 0) & (have < want * (1 - 1e-9))
            sd = np.where(short, short_days[J] + 1, 0)
            short_days[J] = sd
            up = short & (sd > self.sub_delay[J][:, None])
            sub[J] = np.where(up, np.minimum(p["sub_limit"][J], sub[J] + step),
                              np.where(short, sub[J], np.maximum(0, sub[J] - step)))
            # Outputs.
            gs = self.member @ shortfall[self.ends]
            cum += gs
            hit = gs > self.threshold[:, None]
            first = np.where(hit & (first < 0), t, first)
            rec = np.where(hit, t + 1, rec)
        return cum, first, rec

    def run(self, runs, seed, budget=60_000_000):
        chunk = max(1, min(runs, budget // max(1, self.ring * self.E)))
        rng = np.random.default_rng(seed)
        outs = []
        for lo in range(0, runs, chunk):
            D = min(chunk, runs - lo)
            outs.append(self.run_chunk(self.sample(D, rng), D))
        return tuple(np.concatenate([o[k] for o in outs], axis=1) for k in range(3))


def summarise(model, cum, first, rec, by_day):
    runs = cum.shape[1]
    H = model.horizon
    out = []
    for g, name in enumerate(model.group_names):
        if name.startswith("node:"):
            continue
        dem = model.group_demand[g]
        t = np.sort(cum[g])
        f = np.sort(np.where(first[g] < 0, np.inf, first[g]))
        ever = first[g] >= 0
        r = np.sort(np.where(rec[g][ever] >= H, np.inf, rec[g][ever]).astype(float))
        def pct(x, q):
            if len(x) == 0:
                return None
            h = (len(x) - 1) * q
            lo = int(math.floor(h))
            if lo >= len(x) - 1:
                v = x[-1]
            else:
                v = x[lo] + (h - lo) * (x[lo + 1] - x[lo]) if np.isfinite(x[lo + 1]) else (x[lo] if h == lo else np.inf)
            return None if not np.isfinite(v) else float(v)
        out.append({"group": name, "demand_t_per_day": float(dem),
                    "shortfall_t_p5": pct(t, 0.05), "shortfall_t_p50": pct(t, 0.5), "shortfall_t_p95": pct(t, 0.95),
                    "first_stockout_day_p50": pct(f, 0.5),
                    "p_stockout_by_day": float(((first[g] >= 0) & (first[g] <= by_day)).mean()),
                    "p_stockout": float(ever.mean()), "recovery_day_p50": pct(r, 0.5)})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--days", type=int)
    ap.add_argument("--by-day", type=int)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--compare-json", help="Swift `monazite simulate --format json` output to check against")
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = Model(a.scenario, a.days)
    t1 = time.perf_counter()
    runs = a.runs or model.runs_default
    cum, first, rec = model.run(runs, a.seed if a.seed is not None else model.seed_default)
    t2 = time.perf_counter()
    groups = summarise(model, cum, first, rec, a.by_day if a.by_day is not None else model.by_day)
    result = {"implementation": "numpy (comparison)", "scenario": model.name, "runs": runs, "horizon_days": model.horizon,
              "nodes": model.N, "edges": model.E, "load_seconds": t1 - t0, "simulate_seconds": t2 - t1, "groups": groups}
    if a.compare_json:
        with open(a.compare_json) as f:
            swift = {g["group"]: g for g in json.load(f)["groups"]}
        worst = 0.0
        problems = []
        for g in groups:
            s = swift.get(g["group"])
            if s is None:
                continue
            for key in ("shortfall_t_p50", "first_stockout_day_p50", "recovery_day_p50"):
                a_, b_ = g[key], s[key]
                if (a_ is None) != (b_ is None):
                    problems.append(f"{g['group']} {key}: numpy {a_} swift {b_}")
                elif a_ is not None:
                    rel = abs(a_ - b_) / max(1.0, abs(b_))
                    worst = max(worst, rel)
                    if rel > 1e-6:
                        problems.append(f"{g['group']} {key}: numpy {a_} swift {b_}")
        result["agreement"] = {"groups_compared": len(groups), "worst_relative_difference": worst, "problems": problems}
    if a.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        print(f"{model.name}: {runs} draws x {model.horizon} days, {model.N} nodes, {model.E} edges: "
              f"{t2 - t1:.2f} s (numpy comparison implementation)")
        for g in groups:
            print(f"  {g['group']:<28} shortfall t P50 {g['shortfall_t_p50'] or 0:>10.1f}  first stock-out P50 {g['first_stockout_day_p50']}")
        if "agreement" in result:
            print("agreement:", json.dumps(result["agreement"]))
    if a.compare_json and result["agreement"]["problems"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
