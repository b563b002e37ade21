"""Loading speed: the batched loader into Neo4j vs a naive one-statement-per-row loop, and the embedded store.

A synthetic graph of 100,000 officials, 12,000 bodies and 300,000 HOLDS_POSITION relationships
(each with its Evidence) is built as Extractions, 500 officials per synthetic source, and written
through the same code path as `interparty ingest` (prepare -> UNWIND ... MERGE batches, one
transaction per batch of sources). The naive loop writes a sample of the same rows one MERGE per
auto-commit transaction. Both rates are measured in this run, on this machine.

Run: .venv/bin/python benchmarks/bench_neo4j.py [--officials N] [--bodies N] [--rels N]
(needs NEO4J_URI or a server from scripts/neo4j-local; the database is emptied first).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from interparty.graph.embedded import EmbeddedStore
from interparty.graph.model import Extraction, Mention, NodeFact, RelFact, SourceDoc
from interparty.graph.neo4j_store import Neo4jStore
from interparty.graph.writes import node_statement, prepare, rel_statement

from interparty.pipeline import IngestReport
from interparty.pipeline import load as pipeline_load

ROLES = ["member", "secretary", "deputy secretary", "chair", "vice chair", "head", "deputy head"]


def synthetic(officials: int, bodies: int, rels: int, per_source: int = 500, seed: int = 7) -> list[Extraction]:
    rng = random.Random(seed)
    per_official = rels // officials
    out = []
    for s0 in range(0, officials, per_source):
        key = f"synthetic-{s0 // per_source:05d}"
        doc = SourceDoc(key=key, text="x" * 10, date=f"20{10 + s0 % 15:02d}-0{1 + s0 % 9}-15")
        nodes: list[NodeFact] = []
        rel_facts: list[RelFact] = []
        for i in range(s0, min(s0 + per_source, officials)):
            m = Mention(source=key, sentence=f"Official {i} holds posts.", start=i % 10, end=i % 10 + 1,
                        method="synthetic", confidence=0.9)
            nodes.append(NodeFact.model_construct(kind="Official", key=f"o{i}", props={"key": f"o{i}",
                         "name": f"Official {i}", "country": "VN" if i % 2 else "LA"}, mentions=[m]))
            for j in rng.sample(range(bodies), per_official):
                role = ROLES[(i + j) % len(ROLES)]
                nodes.append(NodeFact.model_construct(kind="Body", key=f"b{j}", props={"key": f"b{j}",
                             "name": f"Body {j}"}, mentions=[m]))
                rel_facts.append(RelFact.model_construct(type="HOLDS_POSITION", start=("Official", f"o{i}"),
                                 end=("Body", f"b{j}"), key=role, props={"key": role, "role": role,
                                 "title": role.title()}, mentions=[m]))
        out.append(Extraction.model_construct(source=doc, nodes=nodes, rels=rel_facts))
    return out


def load(store, extractions: list[Extraction], sources_per_tx: int = 20) -> float:
    """Through the ingest pipeline's loader (hash check, batched transactions), as `interparty ingest --batch`."""
    report = IngestReport()
    t = time.perf_counter()
    pipeline_load(store, extractions, report, batch=sources_per_tx)
    elapsed = time.perf_counter() - t
    assert len(report.added) == len(extractions) and not report.problems, report.problems[:3]
    return elapsed


def naive(store: Neo4jStore, extractions: list[Extraction], sample_rels: int) -> tuple[int, float]:
    """One MERGE per row, each its own auto-commit transaction, for the first sample_rels relationships."""
    batch = prepare(extractions[:1 + sample_rels // 1500])
    node_stmt = {k: node_statement(k, store.dialect) for k in batch.nodes}
    t = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for kind, table in batch.nodes.items():
            for row in table.values():
                session.run(node_stmt[kind], {"rows": [row]}).consume()
        done = 0
        for (rel_type, a, b), table_r in batch.rels.items():
            stmt = rel_statement(rel_type, a, b, store.dialect)
            for row in table_r.values():
                session.run(stmt, {"rows": [row]}).consume()
                done += 1
                if done >= sample_rels:
                    return done, time.perf_counter() - t
    return done, time.perf_counter() - t


def wipe(store: Neo4jStore) -> None:
    """Empty the database in chunks (an auto-commit transaction, as CALL ... IN TRANSACTIONS needs)."""
    with store._driver.session(database=store.database) as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--officials", type=int, default=100_000)
    ap.add_argument("--bodies", type=int, default=12_000)
    ap.add_argument("--rels", type=int, default=300_000)
    ap.add_argument("--naive-sample", type=int, default=3_000)
    ap.add_argument("--embedded-sources", type=int, default=10,
                    help="synthetic sources (1,500 relationships each) loaded into the embedded store")
    args = ap.parse_args()
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    os.environ.setdefault("NEO4J_PASSWORD", "interparty-dev")

    t = time.perf_counter()
    data = synthetic(args.officials, args.bodies, args.rels)
    n_rels = sum(len(e.rels) for e in data)
    print(f"built {len(data)} synthetic sources, {n_rels} relationships in {time.perf_counter() - t:.1f} s",
          flush=True)

    neo = Neo4jStore(uri)
    wipe(neo)
    neo_s = load(neo, data)
    print(f"neo4j batched: {n_rels} relationships in {neo_s:.1f} s", flush=True)
    counts = neo.read("MATCH ()-[r:HOLDS_POSITION]->() RETURN count(r) AS c").iloc[0, 0]
    wipe(neo)
    naive_n, naive_s = naive(neo, data, args.naive_sample)
    print(f"neo4j naive: {naive_n} relationships in {naive_s:.1f} s", flush=True)
    wipe(neo)
    neo.close()

    with tempfile.TemporaryDirectory() as d:
        emb = EmbeddedStore(Path(d) / "bench.lbdb")
        sample = data[:args.embedded_sources]
        emb_n = sum(len(e.rels) for e in sample)
        emb_s = load(emb, sample)
        emb.close()

    rate, naive_rate, emb_rate = n_rels / neo_s, naive_n / naive_s, emb_n / emb_s
    print(f"{'store / loader':<34} {'relationships':>13} {'seconds':>8} {'rel/s':>9}")
    print(f"{'neo4j, batched UNWIND MERGE':<34} {n_rels:>13} {neo_s:>8.1f} {rate:>9.0f}")
    print(f"{'neo4j, naive one MERGE per row':<34} {naive_n:>13} {naive_s:>8.1f} {naive_rate:>9.0f}")
    print(f"{'embedded (Ladybug), batched':<34} {emb_n:>13} {emb_s:>8.1f} {emb_rate:>9.0f}")
    print(f"stored in neo4j: {counts} HOLDS_POSITION; batched / naive = {rate / naive_rate:.0f}x "
          f"(every relationship with its Evidence node and its two endpoints MERGEd)")


if __name__ == "__main__":
    main()
