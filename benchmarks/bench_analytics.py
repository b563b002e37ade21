"""Benchmark: research projections, measures and the analytics report on a synthetic graph.

The graph is generated directly as the NetworkX MultiDiGraph that
``interparty.graph.projections.full_graph`` returns (same node ids, kinds,
attributes and relationship types), not through a store: the benchmark
measures the analytics, not the database's read speed. Default size: 100,000
nodes and 300,000 relationships, two main countries (VN, LA) and three minor
ones, with skewed (preferential) attendance so some officials and bodies are
hubs, as in real coverage.

Run::

    .venv/bin/python benchmarks/bench_analytics.py            # 100k nodes / 300k relationships
    .venv/bin/python benchmarks/bench_analytics.py --scale 0.1

It prints one line per step and the total, and exits 1 when the total exceeds
``--budget`` seconds (default 60).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from interparty import analytics as ana
from interparty.report import analytics_report

COUNTRIES = ["VN", "LA", "KH", "CU", "CN"]
COUNTRY_WEIGHTS = [0.55, 0.35, 0.04, 0.03, 0.03]
# Node kinds and their share of the nodes.
SHARES = {"Official": 0.40, "Body": 0.08, "Event": 0.30, "Agreement": 0.05, "Course": 0.03, "Plan": 0.02,
          "Place": 0.12}


def synthetic_graph(nodes: int = 100_000, relationships: int = 300_000, seed: int = 7) -> nx.MultiDiGraph:
    """A full graph of about ``nodes`` nodes and exactly ``relationships`` relationships.

    Fixed relationships per node are laid first (positions, hierarchy, places,
    organisers, parties, trainees, plans); attendance (``ATTENDED``) fills the
    rest, drawn with preferential weights so attendance is skewed.
    """
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    ids: dict[str, list[str]] = {}
    for kind, share in SHARES.items():
        n = max(1, int(nodes * share))
        ids[kind] = []
        for i in range(n):
            key = f"{kind.lower()}-{i}"
            country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
            attrs: dict[str, Any] = {"kind": kind, "key": key, "name": f"{kind} {i}", "country": country}
            if kind in ("Event", "Agreement", "Plan"):
                attrs["date"] = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if kind == "Course":
                attrs["start_date"] = f"{rng.randint(2015, 2025)}-0{rng.randint(1, 9)}-15"
                attrs["trainees"] = rng.randint(10, 60)
            if kind in ("Event", "Agreement", "Course", "Plan"):
                attrs.pop("country")
            nid = f"{kind}:{key}"
            g.add_node(nid, **attrs)
            ids[kind].append(nid)
    count = 0

    def rel(u: str, v: str, rel_type: str, **props: Any) -> None:
        nonlocal count
        if count >= relationships:
            return
        g.add_edge(u, v, key=f"{rel_type}:{count}", type=rel_type, key_=count, **props)
        count += 1

    off, bod, ev, agr, cou, pla, plc = (ids[k] for k in SHARES)
    by_country: dict[str, list[str]] = {}
    for b in bod:
        by_country.setdefault(g.nodes[b]["country"], []).append(b)
    # positions: 1-2 per official, in bodies of their country; a body's first members are its leaders
    members: dict[str, list[str]] = {b: [] for b in bod}
    for o in off:
        pool = by_country.get(g.nodes[o]["country"]) or bod
        for b in rng.sample(pool, min(len(pool), rng.choice((1, 1, 2)))):
            rel(o, b, "HOLDS_POSITION", title="Ủy viên", role="member")
            members[b].append(o)
    # hierarchy: most bodies are part of another body of their country
    for b in bod:
        parent = rng.choice(by_country[g.nodes[b]["country"]])
        if parent != b and rng.random() < 0.85:
            rel(b, parent, "PART_OF")
    for b in bod:
        rel(b, rng.choice(plc), "LOCATED_IN")
    # events: a host body (often one of a few active ones) and a guest body, usually of another country
    hubs = bod[: max(1, len(bod) // 20)]
    sides: dict[str, tuple[str, str]] = {}
    for e in ev:
        host = rng.choice(hubs) if rng.random() < 0.5 else rng.choice(bod)
        other = [c for c in COUNTRIES if c != g.nodes[host]["country"]] if rng.random() < 0.7 else None
        pool = [b for c in other for b in by_country.get(c, [])[:200]] if other else bod
        guest = rng.choice(pool)
        sides[e] = (host, guest)
        rel(host, e, "ORGANIZED")
        rel(guest, e, "TOOK_PART_IN", role="guest")
        if rng.random() < 0.5:
            rel(e, rng.choice(plc), "HELD_IN")
    for a in agr:
        for b in rng.sample(bod, 2):
            rel(b, a, "PARTY_TO")
        if rng.random() < 0.5:
            rel(a, rng.choice(ev), "SIGNED_AT")
    for c in cou:
        rel(rng.choice(hubs), c, "ORGANIZED")
        rel(c, rng.choice(bod), "TRAINS", count=rng.randint(5, 40))
        rel(c, rng.choice(plc), "HELD_IN")
    for p in pla:
        rel(rng.choice(bod), p, "ISSUED")
        rel(p, rng.choice(cou), "PROVIDES_FOR")
    # attendance fills the rest: members of the host or guest body, leaders more often; a few outsiders
    attended: set[tuple[str, str]] = set()
    while count < relationships:
        e = rng.choice(ev)
        body = sides[e][rng.random() < 0.5]
        crew = members[body]
        o = crew[min(int(rng.expovariate(0.5)), len(crew) - 1)] if crew and rng.random() < 0.9 else rng.choice(off)
        if (o, e) not in attended:
            attended.add((o, e))
            rel(o, e, "ATTENDED", role="participant")
    # the stored relationship key, as full_graph gives it
    for _, _, d in g.edges(data=True):
        d["key"] = str(d.pop("key_"))
    return g


def timed(label: str, fn: Callable[[], Any], rows: list[tuple[str, float, float, str]], note: Any = "") -> Any:
    """Run ``fn``; record wall-clock and CPU seconds (CPU time shows the work when other jobs share the machine)."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rows.append((label, wall, cpu, note(result) if callable(note) else note))
    print(f"{label:<46} {wall:7.2f} {cpu:7.2f}  {rows[-1][3]}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of 100k nodes / 300k relationships")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds allowed for the timed steps")
    ap.add_argument("--k", type=int, default=ana.SAMPLE_SIZE, help="betweenness sample size")
    ap.add_argument("--out", help="folder for the report (default: a temporary one)")
    ap.add_argument("--no-report", action="store_true", help="time the steps only")
    args = ap.parse_args(argv)

    n, m = int(100_000 * args.scale), int(300_000 * args.scale)
    t0 = time.perf_counter()
    g = synthetic_graph(n, m)
    print(f"synthetic graph: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} relationships "
          f"(generated in {time.perf_counter() - t0:.1f} s, not timed)\n", flush=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} CPUs, load average {load:.2f} at start\n")
    print(f"{'step':<46} {'wall s':>7} {'CPU s':>7}")
    rows: list[tuple[str, float, float, str]] = []

    def size(G: nx.Graph) -> str:
        return f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges"

    officials = timed("projection: officials (shared events)", lambda: ana.official_graph(g), rows, size)
    bodies = timed("projection: bodies (events+agreements+courses)", lambda: ana.body_graph(g), rows, size)
    timed("projection: official-event bipartite", lambda: ana.official_event_graph(g), rows, size)
    timed("projection: body hierarchy", lambda: ana.body_hierarchy(g), rows, size)
    timed("projection: training", lambda: ana.training_graph(g), rows, size)
    timed("degree + weighted degree (officials)", lambda: ana.degree(officials), rows)
    timed(f"betweenness, sampled k={args.k} (officials)", lambda: ana.betweenness(officials, args.k), rows,
          lambda df: f"{df.attrs['method']} over {df.attrs['k']} of {df.attrs['n']:,} sources")
    timed(f"betweenness, sampled k={args.k} (bodies)", lambda: ana.betweenness(bodies, args.k), rows,
          lambda df: f"{df.attrs['method']} over {df.attrs['k']} of {df.attrs['n']:,} sources")
    timed("cross-party brokers VN-LA (officials)", lambda: ana.cross_party_brokers(officials), rows,
          lambda df: f"{df.attrs['connected_cross_pairs']:,} connected cross pairs")
    timed("cross-party brokers VN-LA (bodies)", lambda: ana.cross_party_brokers(bodies), rows)
    timed("communities, Leiden seed 0 (officials)", lambda: ana.communities(officials), rows,
          lambda df: f"{df['community'].nunique():,} communities, modularity {df.attrs['modularity']:.3f}")
    timed("communities, Leiden seed 0 (bodies)", lambda: ana.communities(bodies), rows,
          lambda df: f"{df['community'].nunique():,} communities")
    timed("cooperation per year (countries)", lambda: ana.cooperation_by_year(g), rows, lambda df: f"{len(df)} rows")
    timed("cooperation per year (body pairs)", lambda: ana.cooperation_by_year(g, by="body"), rows,
          lambda df: f"{len(df):,} rows")
    timed("training flows", lambda: ana.training_flows(g), rows, lambda df: f"{len(df):,} flows")
    steps, steps_cpu = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'sum of the steps above':<46} {steps:7.2f} {steps_cpu:7.2f}\n")
    if args.no_report:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp)
        end = timed("END TO END: analytics report", lambda: analytics_report(g, out, k=args.k), rows,
                    "projections + measures + tables + 4 PNG charts, from the full graph")
    total, cpu = rows[-1][1], rows[-1][2]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nend-to-end report {total:.2f} s wall ({cpu:.2f} s CPU; load average {load:.2f}) against a budget "
          f"of {args.budget:.0f} s: {'OK' if total <= args.budget else 'OVER'} ({end.name})")
    return 0 if total <= args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
