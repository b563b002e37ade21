"""Measures over the research projections, as pandas DataFrames with plain column names.

Every function takes a NetworkX graph (a projection from
:mod:`interparty.graph.projections_research`) or, for the measures that need the
whole graph, the full graph / an open ``interparty.Graph``, and returns a
DataFrame sorted with the most notable rows first. Node-level tables always
start with ``node`` (the NetworkX id, ``"Kind:key"``), ``key``, ``name``,
``kind`` and ``country``, so tables from different measures join on ``node``.

Results repeat: community detection uses a fixed seed, and betweenness on
large graphs samples a fixed number of source nodes with a fixed seed, stating
the sample size in the ``betweenness_sample`` column. The graphs are NetworkX;
the two heavy measures (betweenness, communities) run in igraph's C core.

>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_nodes_from([("Official:a", {"kind": "Official", "key": "a", "name": "A", "country": "VN"}),
...                   ("Official:b", {"kind": "Official", "key": "b", "name": "B", "country": "VN"}),
...                   ("Official:c", {"kind": "Official", "key": "c", "name": "C", "country": "LA"})])
>>> G.add_edge("Official:a", "Official:b", weight=2); G.add_edge("Official:b", "Official:c", weight=1)
>>> degree(G)[["name", "degree", "weighted_degree"]].values.tolist()
[['B', 2, 3], ['A', 1, 2], ['C', 1, 1]]
>>> cross_party_brokers(G, "VN", "LA")[["name", "cross_pairs_lost"]].values.tolist()[0]
['B', 2]
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd
from interparty.graph.normalize import fold
from interparty.graph.projections_research import (
    _gc_paused,
    as_full_graph,
    body_pairs,
    participation,
    training_graph,
    year_of,
)

__all__ = [
    "EXACT_BETWEENNESS_LIMIT",
    "SAMPLE_SIZE",
    "betweenness",
    "centrality",
    "communities",
    "community_summary",
    "cooperation_by_year",
    "cooperation_totals",
    "cross_party_brokers",
    "degree",
    "nodes_frame",
    "top",
    "training_flows",
]

#: Graphs with at most this many nodes get exact betweenness (Brandes, O(n·m)).
EXACT_BETWEENNESS_LIMIT = 5000
#: Source nodes sampled for betweenness on larger graphs (fixed seed, stated in the result).
SAMPLE_SIZE = 64

_ID_COLUMNS = ["node", "key", "name", "kind", "country"]


def nodes_frame(G: nx.Graph) -> pd.DataFrame:
    """One row per node with the identifying columns (``node``, ``key``, ``name``, ``kind``, ``country``)."""
    rows = [(n, d.get("key", n), d.get("name", d.get("key", n)), d.get("kind"), d.get("country"))
            for n, d in G.nodes(data=True)]
    return pd.DataFrame(rows, columns=_ID_COLUMNS)


def _simple(G: nx.Graph) -> nx.Graph:
    """An undirected simple graph view of ``G`` (multi-edges merged, weights summed)."""
    if not G.is_multigraph() and not G.is_directed():
        return G
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if u == v:
            continue
        w = d.get("weight", 1)
        if H.has_edge(u, v):
            H.edges[u, v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def _to_igraph(H: nx.Graph, weight: str | None = None) -> tuple[Any, list[Any]]:
    """``H`` as an igraph graph (undirected) and the NetworkX node of each igraph vertex.

    igraph's C core does the heavy measures (betweenness, community detection):
    the same algorithms as NetworkX's, tens of times faster, which is what makes
    a 100,000-node graph answer in seconds.
    """
    import igraph as ig

    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in H.edges() if u != v]
    h = ig.Graph(n=len(nodes), edges=edges, directed=False)
    if weight is not None:
        h.es["weight"] = [float(d.get(weight, 1)) for u, v, d in H.edges(data=True) if u != v]
    return h, nodes


class _Seeded:
    """igraph draws from Python's ``random``: seed it for the call, then give the caller's state back."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def __enter__(self) -> None:
        self.state = random.getstate()
        random.seed(self.seed)

    def __exit__(self, *exc: object) -> None:
        random.setstate(self.state)


@_gc_paused
def degree(G: nx.Graph, *, weight: str = "weight") -> pd.DataFrame:
    """Degree (distinct neighbours) and weighted degree (sum of ``weight``; 1 per edge without one).

    In the official projection the weighted degree is how many event
    attendances an official shared with others; the degree how many people
    they met. Sorted by weighted degree, then degree, then name.
    """
    H = _simple(G)
    df = nodes_frame(H)
    deg = dict(H.degree())
    wdeg = dict(H.degree(weight=weight))
    df["degree"] = df["node"].map(deg).astype(int)
    df["weighted_degree"] = df["node"].map(wdeg).astype(float)
    if (df["weighted_degree"] == df["weighted_degree"].round()).all():
        df["weighted_degree"] = df["weighted_degree"].astype(int)
    return df.sort_values(["weighted_degree", "degree", "name"], ascending=[False, False, True],
                          kind="stable").reset_index(drop=True)


@_gc_paused
def betweenness(G: nx.Graph, k: int | None = None, *, seed: int = 0,
                exact_limit: int = EXACT_BETWEENNESS_LIMIT, normalized: bool = True) -> pd.DataFrame:
    """Betweenness centrality: how often a node lies on shortest paths between others.

    Exact (Brandes) when the graph has at most ``exact_limit`` nodes and no
    ``k`` is given; otherwise estimated from ``k`` sampled source nodes
    (default :data:`SAMPLE_SIZE`) with a fixed ``seed``, so runs repeat. Paths
    are counted in hops: edge weights here measure how strong a link is, not how
    long. The ``betweenness_sample`` column states how many source nodes were
    used (equal to the number of nodes when exact); ``df.attrs`` holds
    ``method``, ``k`` and ``n``.
    """
    H = _simple(G)
    n = H.number_of_nodes()
    if k is None and n > exact_limit:
        k = SAMPLE_SIZE
    if k is not None and k >= n:
        k = None
    h, nodes = _to_igraph(H)
    if k is None:
        raw = h.betweenness(directed=False) if n else []
    else:
        sources = sorted(random.Random(seed).sample(range(n), k))
        raw = [x * n / k for x in h.betweenness(directed=False, sources=sources)]
    # NetworkX's convention: normalised by the (n-1)(n-2)/2 pairs a node could lie between
    scale = 2.0 / ((n - 1) * (n - 2)) if normalized and n > 2 else 1.0
    values = {node: x * scale for node, x in zip(nodes, raw, strict=True)}
    df = nodes_frame(H)
    df["betweenness"] = df["node"].map(values).astype(float)
    df["betweenness_sample"] = k if k is not None else n
    df = df.sort_values(["betweenness", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    df.attrs.update(method="exact" if k is None else "sampled", k=k if k is not None else n, n=n, seed=seed)
    return df


def centrality(G: nx.Graph, k: int | None = None, *, seed: int = 0, weight: str = "weight",
               exact_limit: int = EXACT_BETWEENNESS_LIMIT) -> pd.DataFrame:
    """Degree, weighted degree and betweenness in one table, sorted by weighted degree then betweenness."""
    deg = degree(G, weight=weight)
    bc = betweenness(G, k, seed=seed, exact_limit=exact_limit)
    df = deg.merge(bc[["node", "betweenness", "betweenness_sample"]], on="node", how="left")
    df = df.sort_values(["weighted_degree", "betweenness", "name"], ascending=[False, False, True],
                        kind="stable").reset_index(drop=True)
    df.attrs.update(bc.attrs)
    return df


def _side(country: Any, a: str, b: str) -> int:
    return 1 if country == a else 2 if country == b else 0


@_gc_paused
def cross_party_brokers(G: nx.Graph, a: str = "VN", b: str = "LA", *, weight: str = "weight") -> pd.DataFrame:
    """Officials or bodies whose removal most reduces what links country ``a``'s side to ``b``'s.

    Two measures, both exact:

    ``cross_pairs_lost``
        How many (``a``-side, ``b``-side) pairs of nodes are connected through
        the graph now but no longer would be without this node (including the
        node's own pairs). Found for every node in one depth-first pass
        (articulation points and the sizes of the pieces they hold together),
        so it scales to large graphs.
    ``cross_links``
        The weight of the node's own edges to the other side: direct contact.

    ``share_lost`` is ``cross_pairs_lost`` over all connected cross pairs.
    Nodes of neither country (unknown country) can still be brokers. Sorted by
    ``cross_pairs_lost``, then ``cross_links``; ``df.attrs["connected_cross_pairs"]``
    is the total.
    """
    H = _simple(G)
    h, nodes = _to_igraph(H, weight)
    adj = h.get_adjlist()
    n = len(nodes)
    side = [_side(H.nodes[x].get("country"), a, b) for x in nodes]
    is_a = [1 if s == 1 else 0 for s in side]
    is_b = [1 if s == 2 else 0 for s in side]
    # iterative DFS with low-links over integer vertices; sa/sb: a- and b-side nodes in each DFS subtree
    disc = [-1] * n
    low = [0] * n
    sa = is_a[:]
    sb = is_b[:]
    sep_a = [0] * n
    sep_b = [0] * n
    sep_pairs = [0] * n
    lost = [0] * n
    total = 0
    t = 0
    for root in range(n):
        if disc[root] >= 0:
            continue
        comp = [root]
        disc[root] = low[root] = t
        t += 1
        stack: list[tuple[int, int, Any]] = [(root, -1, iter(adj[root]))]
        while stack:
            v, parent, it = stack[-1]
            for w in it:
                if disc[w] < 0:
                    disc[w] = low[w] = t
                    t += 1
                    comp.append(w)
                    stack.append((w, v, iter(adj[w])))
                    break
                if w != parent and disc[w] < low[v]:
                    low[v] = disc[w]
            else:
                stack.pop()
                if parent >= 0:
                    if low[v] < low[parent]:
                        low[parent] = low[v]
                    sa[parent] += sa[v]
                    sb[parent] += sb[v]
                    if low[v] >= disc[parent]:
                        sep_a[parent] += sa[v]
                        sep_b[parent] += sb[v]
                        sep_pairs[parent] += sa[v] * sb[v]
        ca, cb = sa[root], sb[root]
        total += ca * cb
        for v in comp:
            rest_a = ca - is_a[v] - sep_a[v]
            rest_b = cb - is_b[v] - sep_b[v]
            lost[v] = ca * cb - (sep_pairs[v] + rest_a * rest_b)
    # direct links to the other side, weighted
    cross = [0.0] * n
    weights = h.es["weight"] if h.ecount() else []
    for (x, y), w in zip(h.get_edgelist(), weights, strict=True):
        if side[x] and side[y] and side[x] != side[y]:
            cross[x] += w
            cross[y] += w
    df = nodes_frame(H).set_index("node").loc[nodes].reset_index()
    df["side"] = [{1: a, 2: b}.get(s_, "") for s_ in side]
    df["cross_links"] = cross
    if (df["cross_links"] == df["cross_links"].round()).all():
        df["cross_links"] = df["cross_links"].astype(int)
    df["cross_pairs_lost"] = lost
    df["share_lost"] = (df["cross_pairs_lost"] / total).round(4) if total else 0.0
    df = df.sort_values(["cross_pairs_lost", "cross_links", "name"], ascending=[False, False, True],
                        kind="stable").reset_index(drop=True)
    df.attrs.update(a=a, b=b, connected_cross_pairs=total)
    return df


@_gc_paused
def communities(G: nx.Graph, *, seed: int = 0, resolution: float = 1.0, weight: str = "weight",
                iterations: int = 2) -> pd.DataFrame:
    """Leiden communities maximising modularity, with a fixed ``seed`` so results repeat.

    Leiden (igraph's implementation, ``iterations`` passes; -1 runs until the
    partition stops changing, which can take minutes on large graphs) rather
    than Louvain because it never returns a community that falls apart
    into disconnected pieces, and it is fast on large graphs. ``community``
    numbers run from 0 for the largest; ties are broken by the first member's
    name so the numbering repeats too. ``df.attrs`` holds the ``modularity`` of
    the partition, the ``seed``, the ``resolution`` and the ``method``.
    """
    H = _simple(G)
    h, nodes = _to_igraph(H, weight)
    if h.vcount() == 0:
        df = nodes_frame(H).assign(community=pd.Series(dtype=int), community_size=pd.Series(dtype=int))
        df.attrs.update(method="leiden", seed=seed, resolution=resolution, modularity=0.0)
        return df
    weights = "weight" if h.ecount() else None
    with _Seeded(seed):
        membership = h.community_leiden(objective_function="modularity", weights=weights,
                                         resolution=resolution, n_iterations=iterations).membership
    groups: dict[int, list[Any]] = {}
    for node, c in zip(nodes, membership, strict=True):
        groups.setdefault(c, []).append(node)
    names = {n: str(d.get("name", n)) for n, d in H.nodes(data=True)}
    parts = sorted(groups.values(), key=lambda c: (-len(c), min(names[n] for n in c)))
    label = {n: i for i, c in enumerate(parts) for n in c}
    df = nodes_frame(H)
    df["community"] = df["node"].map(label).astype(int)
    df["community_size"] = df["community"].map(lambda i: len(parts[i])).astype(int)
    df = df.sort_values(["community", "name"], kind="stable").reset_index(drop=True)
    modularity = h.modularity(membership, weights=weights, resolution=resolution) if h.ecount() else 0.0
    df.attrs.update(method="leiden", seed=seed, resolution=resolution, iterations=iterations,
                    modularity=float(modularity))
    return df


def community_summary(df: pd.DataFrame, *, members: int = 6) -> pd.DataFrame:
    """One row per community: ``size``, ``countries`` (counts) and the first ``members`` names."""
    rows = []
    for c, grp in df.groupby("community", sort=True):
        countries = grp["country"].fillna("?").value_counts()
        rows.append({"community": int(c), "size": len(grp),
                     "countries": ", ".join(f"{k} {v}" for k, v in countries.items()),
                     "members": ", ".join(grp["name"].astype(str).head(members))
                     + (" …" if len(grp) > members else "")})
    return pd.DataFrame(rows, columns=["community", "size", "countries", "members"])


_COOP = ["events", "agreements", "courses"]
_PLURAL = {"Event": "events", "Agreement": "agreements", "Course": "courses"}


def _finish_coop(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    for c in _COOP:
        if c not in df:
            df[c] = 0
    df[_COOP] = df[_COOP].fillna(0).astype(int)
    df["total"] = df[_COOP].sum(axis=1).astype(int)
    df["year"] = df["year"].astype("Int64")
    return df[[*keys, *_COOP, "total"]].sort_values(["year", *keys[1:]], na_position="last",
                                                    kind="stable").reset_index(drop=True)


def _matches(value: Any, wanted: str) -> bool:
    return value is not None and (value == wanted or fold(str(value)) == fold(wanted))


@_gc_paused
def cooperation_by_year(source: Any, *, by: str = "country", a: str | None = None, b: str | None = None,
                        via_officials: bool = True, cross_only: bool = True) -> pd.DataFrame:
    """How much each pair of countries (or bodies) cooperated each year: events, agreements, courses.

    ``by="country"``: an activity counts for a pair of countries when officials
    or bodies of both took part in it (attended, organised, took part, were
    party to it, or, for a course, had their cadres trained). Columns: ``year``,
    ``side_a``, ``side_b`` (country codes), ``events``, ``agreements``,
    ``courses``, ``total``. The ``cooperation_by_year`` named query counts the
    same thing in Cypher for one pair.

    ``by="body"``: the same per pair of bodies, from the body projection (so
    ``via_officials`` counts events their officials attended). ``cross_only``
    keeps only pairs of bodies of different (or unknown) countries: two
    commissions of one party committee are not inter-party cooperation.
    Extra columns ``country_a``, ``country_b``, ``key_a``, ``key_b``.

    ``a`` and ``b`` keep only the pairs with those sides (country codes, body
    names or keys), oriented so that ``side_a`` is ``a``. Undated activities
    have an empty ``year`` and sort last.
    """
    g = as_full_graph(source)
    if by == "country":
        part = participation(g)
        part = part.dropna(subset=["country"]).drop_duplicates(["activity", "country"])
        left = part[["activity", "activity_kind", "year", "country"]]
        pairs = left.merge(part[["activity", "country"]], on="activity", suffixes=("_a", "_b"))
        pairs = pairs[pairs["country_a"] < pairs["country_b"]]
        if pairs.empty:
            return _finish_coop(pd.DataFrame(columns=["year", "side_a", "side_b"]), ["year", "side_a", "side_b"])
        pairs = pairs.assign(what=pairs["activity_kind"].map(_PLURAL))
        df = (pairs.groupby(["year", "country_a", "country_b", "what"], dropna=False)["activity"].nunique()
              .unstack("what").reset_index()
              .rename(columns={"country_a": "side_a", "country_b": "side_b"}))
        df.columns.name = None
        keys = ["year", "side_a", "side_b"]
    elif by == "body":
        pairs = body_pairs(g, via_officials=via_officials)
        keys = ["year", "side_a", "side_b", "country_a", "country_b", "key_a", "key_b"]
        if pairs.empty:
            df = pd.DataFrame(columns=[*keys, *_COOP])
        else:
            df = (pairs.groupby(["u", "v", "year", "what"], dropna=False).size().unstack("what", fill_value=0)
                  .reset_index())
            df.columns.name = None
            attrs = {n: (d.get("name", d.get("key")), d.get("country"), d.get("key"))
                     for n, d in g.nodes(data=True) if d.get("kind") == "Body"}
            name_u = df["u"].map(lambda n: str(attrs[n][0]))
            name_v = df["v"].map(lambda n: str(attrs[n][0]))
            swap = name_u > name_v
            a_node = df["u"].where(~swap, df["v"])
            b_node = df["v"].where(~swap, df["u"])
            df = df.assign(side_a=a_node.map(lambda n: attrs[n][0]), side_b=b_node.map(lambda n: attrs[n][0]),
                           country_a=a_node.map(lambda n: attrs[n][1]), country_b=b_node.map(lambda n: attrs[n][1]),
                           key_a=a_node.map(lambda n: attrs[n][2]), key_b=b_node.map(lambda n: attrs[n][2]))
            if cross_only:
                same = df["country_a"].notna() & (df["country_a"] == df["country_b"])
                df = df[~same]
    else:
        raise ValueError(f"by must be 'country' or 'body', not {by!r}")
    df = _finish_coop(df, keys)
    if a is not None or b is not None:
        def side_matches(row: Any, x: str | None, col: str) -> bool:
            if x is None:
                return True
            return _matches(row[col], x) or (by == "body" and _matches(row["key" + col[-2:]], x))

        keep, flip = [], []
        for _, row in df.iterrows():
            straight = side_matches(row, a, "side_a") and side_matches(row, b, "side_b")
            swapped = side_matches(row, a, "side_b") and side_matches(row, b, "side_a")
            keep.append(straight or swapped)
            flip.append(swapped and not straight)
        df = df.assign(_flip=flip)[keep]
        for left_col, right_col in (("side_a", "side_b"), ("country_a", "country_b"), ("key_a", "key_b")):
            if left_col in df:
                la, rb = df[left_col].copy(), df[right_col].copy()
                df.loc[df["_flip"], left_col] = rb[df["_flip"]]
                df.loc[df["_flip"], right_col] = la[df["_flip"]]
        df = df.drop(columns="_flip").reset_index(drop=True)
    return df


def cooperation_totals(coop: pd.DataFrame) -> pd.DataFrame:
    """Per year over all pairs in a :func:`cooperation_by_year` table (for a chart of the whole graph)."""
    if coop.empty:
        return pd.DataFrame(columns=["year", *_COOP, "total"])
    return coop.groupby("year", dropna=False)[[*_COOP, "total"]].sum().reset_index()


@_gc_paused
def training_flows(source: Any) -> pd.DataFrame:
    """Which bodies train whose cadres, in how many courses, and how many trainees.

    One row per (organiser, trained body): ``organiser``, ``organiser_country``,
    ``trainees_of``, ``trainees_country``, ``courses``, ``trainees`` (the
    ``TRAINS`` count when reported, else the course's trainees; the same rule
    as the ``training_flows`` query), ``first_year``, ``last_year`` and the
    keys. Sorted by trainees, then courses.
    """
    g = as_full_graph(source)
    T = training_graph(g)
    rows = []
    for u, v, d in T.edges(data=True):
        years = [year_of(g.nodes[c].get("start_date")) for c in d["course_list"]]
        years = [y for y in years if y is not None]
        rows.append({"organiser": T.nodes[u].get("name"), "organiser_country": T.nodes[u].get("country"),
                     "trainees_of": T.nodes[v].get("name"), "trainees_country": T.nodes[v].get("country"),
                     "courses": d["courses"], "trainees": d["trainees"],
                     "first_year": min(years) if years else None, "last_year": max(years) if years else None,
                     "organiser_key": T.nodes[u].get("key"), "trainees_key": T.nodes[v].get("key")})
    cols = ["organiser", "organiser_country", "trainees_of", "trainees_country", "courses", "trainees",
            "first_year", "last_year", "organiser_key", "trainees_key"]
    df = pd.DataFrame(rows, columns=cols)
    for c in ("first_year", "last_year"):
        df[c] = df[c].astype("Int64")
    return df.sort_values(["trainees", "courses", "organiser", "trainees_of"], ascending=[False, False, True, True],
                          kind="stable").reset_index(drop=True)


def top(df: pd.DataFrame, n: int = 10, *, kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """The first ``n`` rows, optionally only of the given node ``kinds``."""
    if kinds is not None:
        df = df[df["kind"].isin(list(kinds))]
    return df.head(n).reset_index(drop=True)
