"""The stored graph as NetworkX graphs, for analytics and views.

Node ids are ``"Kind:key"``; every node carries ``kind`` (its node kind:
``"Official"``, ``"Body"``, ...), ``key``, ``name``, ``country`` and its stored
properties; every edge its ``type`` and properties. A node's stored ``kind``
property (a Body's "party committee", an Event's "opening") would clash with the
node kind, so it is kept as ``category``.

The research projections (officials linked by shared events, bodies by shared
activities, the official-event bipartite graph, the body hierarchy, training
flows) are in :mod:`interparty.graph.projections_research`; they start from
:func:`full_graph`.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from interparty.graph.schema import schema
from interparty.graph.store import Store

_SKIP = {"evidence"}


def node_id(kind: str, key: str) -> str:
    """The NetworkX id of a stored node: ``"Official:nguyễn thị tuyến"``."""
    return f"{kind}:{key}"


def _records(store: Store, cypher: str) -> list[dict[str, Any]]:
    df = store.read(cypher)
    df = df.astype(object).where(df.notna(), None)
    return df.to_dict("records")


def full_graph(store: Store, *, with_evidence: bool = False) -> nx.MultiDiGraph:
    """Every node and relationship (Evidence and Source nodes left out; sentences on request)."""
    s = schema()
    g = nx.MultiDiGraph()
    for kind, nk in s.nodes.items():
        if not nk.provenance:
            continue
        props = [p for p in nk.prop_names if p not in _SKIP]
        ret = ", ".join(f"n.{p} AS {p}" for p in props)
        for row in _records(store, f"MATCH (n:{kind}) RETURN {ret}"):
            if "kind" in row:
                row["category"] = row.pop("kind")
            g.add_node(node_id(kind, row["key"]), kind=kind, **row)
    for rel_type, rt in s.relationships.items():
        props = [p for p in rt.prop_names if p not in _SKIP]
        ret = ", ".join(f"r.{p} AS {p}" for p in props)
        for a in rt.sources:
            for b in rt.targets:
                q = f"MATCH (x:{a})-[r:{rel_type}]->(y:{b}) RETURN x.key AS _from, y.key AS _to, {ret}"
                for row in _records(store, q):
                    u, v = node_id(a, row.pop("_from")), node_id(b, row.pop("_to"))
                    # the stored ``key`` stays an edge attribute; the MultiDiGraph key is "TYPE:key"
                    g.add_edges_from([(u, v, f"{rel_type}:{row['key']}", {"type": rel_type, **row})])
    if with_evidence:
        sentences: dict[str, list[dict[str, Any]]] = {}
        q = ("MATCH (e:Evidence) OPTIONAL MATCH (s:Source {key: e.source}) "
             "RETURN e.fact AS fact, e.source AS source, s.url AS url, s.title AS title, e.sentence AS sentence, "
             "e.confidence AS confidence, e.method AS method")
        for row in _records(store, q):
            sentences.setdefault(row.pop("fact"), []).append(row)
        for _n, data in g.nodes(data=True):
            data["evidence"] = sentences.get(f"{data['kind']}:{data['key']}", [])
        for u, v, data in g.edges(data=True):
            fact = f"{data['type']}:{g.nodes[u]['key']}>{g.nodes[v]['key']}:{data['key']}"
            data["evidence"] = sentences.get(fact, [])
    return g
