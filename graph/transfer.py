"""Copying a graph from one store to another (``interparty push``): embedded → Neo4j.

Rows are read per node kind and relationship type and written with the same
idempotent statements ingest uses, so pushing twice changes nothing and
pushing into a Neo4j that already holds other sources merges with them.
"""

from __future__ import annotations

from typing import Any

from interparty.graph.schema import schema
from interparty.graph.store import Store, open_store
from interparty.graph.writes import chunks, node_statement, rel_statement


def _rows(store: Store, cypher: str) -> list[dict[str, Any]]:
    df = store.read(cypher)
    df = df.astype(object).where(df.notna(), None)
    rows = df.to_dict("records")
    for row in rows:  # lists come back as numpy arrays from some stores
        for k, v in row.items():
            if v is not None and hasattr(v, "tolist") and not isinstance(v, str):
                row[k] = v.tolist()
    return rows


def _send(dst: Store, stmt: str, rows: list[dict[str, Any]], chunk: int) -> int:
    """``stmt`` over ``rows`` in chunks, one transaction each; returns how many rows were sent."""
    for part in chunks(rows, chunk):
        dst.transaction(lambda run, part=part: run(stmt, {"rows": part}))
    return len(rows)


def copy_graph(src: Store, dst: Store, chunk: int = 5000) -> dict[str, int]:
    """Every node and relationship of ``src`` into ``dst``; returns how many of each were sent."""
    s = schema()
    sent: dict[str, int] = {}
    for kind, nk in s.nodes.items():
        ret = ", ".join(f"n.{p} AS {p}" for p in nk.prop_names)
        sent[kind] = _send(dst, node_statement(kind, dst.dialect), _rows(src, f"MATCH (n:{kind}) RETURN {ret}"), chunk)
    for rel_type, rt in s.relationships.items():
        ret = ", ".join(f"r.{p} AS {p}" for p in rt.prop_names)
        sent[rel_type] = sum(
            _send(dst, rel_statement(rel_type, a, b, dst.dialect),
                  _rows(src, f"MATCH (x:{a})-[r:{rel_type}]->(y:{b}) RETURN x.key AS from_key, y.key AS to_key, {ret}"),
                  chunk)
            for a in rt.sources for b in rt.targets)
    return sent


def push(src: Store, uri: str) -> dict[str, int]:
    dst = open_store(neo4j=uri)
    try:
        return copy_graph(src, dst)
    finally:
        dst.close()
