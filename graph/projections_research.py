"""Research projections: the stored graph reshaped into the graphs researchers measure.

Each projection is a plain function that takes the full graph (what
:func:`interparty.graph.projections.full_graph` returns), an open
:class:`interparty.Graph`, or a store, and returns a NetworkX graph. Every node
keeps the attributes a researcher filters and labels by: ``kind`` (``"Official"``,
``"Body"``, ...), ``key``, ``name``, ``country`` and ``category`` (the stored
kind: "party committee", "opening", ...), plus ``year`` for dated nodes. List
valued properties (aliases, sources, evidence) are left out so that the graphs
export to GraphML/GEXF as they are.

Projections are computed from the full graph rather than by one Cypher query
each so that every projection of a run sees the same snapshot, and so that they
can be benchmarked and tested on graphs built in memory.

The projections:

``official_graph``
    Officials, linked when they attended the same event; ``weight`` is the
    number of shared events.
``body_graph``
    Bodies, linked when they took part in the same event, were parties to the
    same agreement, or one organised a course that trained the other's cadres;
    ``weight`` is the sum, ``events``/``agreements``/``courses`` the parts and
    ``by_year`` the same counts per year.
``official_event_graph``
    The bipartite graph of officials (``bipartite=0``) and the events they
    attended (``bipartite=1``).
``body_hierarchy``
    Bodies and ``PART_OF`` as a directed graph from the parent to its part, so
    ``nx.descendants(h, root)`` is everything under ``root``.
``training_graph``
    Directed from the organising body to the body whose cadres were trained;
    ``courses`` and ``trainees`` on each edge.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("Official:a", kind="Official", key="a", name="A", country="VN")
>>> g.add_node("Official:b", kind="Official", key="b", name="B", country="LA")
>>> g.add_node("Event:e", kind="Event", key="e", name="Talks", date="2024-03-11")
>>> _ = g.add_edge("Official:a", "Event:e", type="ATTENDED")
>>> _ = g.add_edge("Official:b", "Event:e", type="ATTENDED")
>>> officials = official_graph(g)
>>> officials.edges["Official:a", "Official:b"]["weight"]
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations
from typing import Any

import networkx as nx
import pandas as pd
from interparty.graph.projections import full_graph

__all__ = [
    "PROJECTIONS",
    "as_full_graph",
    "body_graph",
    "body_hierarchy",
    "official_event_graph",
    "official_graph",
    "participation",
    "project",
    "training_graph",
    "year_of",
]

_DATE_PROP = {"Event": "date", "Agreement": "date", "Course": "start_date", "Plan": "date"}
_ACTIVITY_KINDS = ("Event", "Agreement", "Course")
_PLURAL = {"Event": "events", "Agreement": "agreements", "Course": "courses"}


def as_full_graph(source: Any) -> nx.MultiDiGraph:
    """The full graph from a full graph (returned as is), an ``interparty.Graph`` or a store."""
    if isinstance(source, nx.MultiDiGraph):
        return source
    store = getattr(source, "store", source)
    if not hasattr(store, "read"):
        raise TypeError(f"expected a graph, an interparty.Graph or a store, not {type(source).__name__}")
    return full_graph(store)


def year_of(date: Any) -> int | None:
    """The year of an ISO date (``"2024-07-15"`` -> 2024); None for ``"--07-15"`` or no date.

    >>> year_of("2024-07-15"), year_of("--07-15"), year_of(None)
    (2024, None, None)
    """
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def _node_attrs(data: dict[str, Any]) -> dict[str, Any]:
    """The scalar attributes of a full-graph node, plus its year when it is dated."""
    out = {k: v for k, v in data.items() if v is not None and not isinstance(v, list | tuple | dict | set)}
    out.setdefault("name", data.get("key"))
    out.setdefault("country", None)
    prop = _DATE_PROP.get(data.get("kind", ""))
    if prop:
        out["year"] = year_of(data.get(prop))
    return {k: v for k, v in out.items() if v is not None}


def _nodes_of(g: nx.MultiDiGraph, kinds: Iterable[str]) -> list[str]:
    wanted = set(kinds)
    return [n for n, k in g.nodes(data="kind") if k in wanted]


def _in_by_type(g: nx.MultiDiGraph, node: str, types: set[str], kind: str | None = None) -> list[str]:
    """Start nodes of the edges of ``types`` into ``node`` (each once)."""
    out = {u for u, _, t in g.in_edges(node, data="type") if t in types}
    if kind:
        out = {u for u in out if g.nodes[u].get("kind") == kind}
    return sorted(out)


def _out_by_type(g: nx.MultiDiGraph, node: str, types: set[str], kind: str | None = None) -> list[str]:
    out = {v for _, v, t in g.out_edges(node, data="type") if t in types}
    if kind:
        out = {v for v in out if g.nodes[v].get("kind") == kind}
    return sorted(out)


def participation(source: Any, *, via_officials: bool = False) -> pd.DataFrame:
    """Who took part in which event, agreement or course: one row per activity and participant.

    The common ground of the body projection and the cooperation measures, so
    that they count the same things. Participants are officials (``ATTENDED``)
    and bodies (``ORGANIZED``, ``TOOK_PART_IN``, ``PARTY_TO``, and ``TRAINS``
    for the body whose cadres a course trains). With ``via_officials`` a body
    also takes part in an event when an official holding a position in it
    attended (as the ``events_between_bodies`` query counts).

    Columns: ``activity``, ``activity_kind``, ``year``, ``participant``,
    ``participant_kind``, ``country``, ``how``.
    """
    g = as_full_graph(source)
    rows: list[tuple[str, str, int | None, str, str, str | None, str]] = []
    positions: dict[str, list[str]] = {}
    if via_officials:
        for u, v, t in g.edges(data="type"):
            if t == "HOLDS_POSITION":
                positions.setdefault(u, []).append(v)
    for act in _nodes_of(g, _ACTIVITY_KINDS):
        data = g.nodes[act]
        kind = data["kind"]
        year = year_of(data.get(_DATE_PROP[kind]))
        seen: set[str] = set()

        def add(p: str, how: str, act: str = act, kind: str = kind, year: int | None = year,
                seen: set[str] = seen) -> None:
            if p in seen:
                return
            seen.add(p)
            pd_ = g.nodes[p]
            rows.append((act, kind, year, p, pd_.get("kind", ""), pd_.get("country"), how))

        for u, _, t in g.in_edges(act, data="type"):
            if t == "ATTENDED":
                add(u, "attended")
            elif t == "ORGANIZED":
                add(u, "organized")
            elif t == "TOOK_PART_IN":
                add(u, "took_part")
            elif t == "PARTY_TO":
                add(u, "party_to")
        if kind == "Course":
            for _, v, t in g.out_edges(act, data="type"):
                if t == "TRAINS":
                    add(v, "trained")
        if via_officials and kind == "Event":
            for u, _, t in list(g.in_edges(act, data="type")):
                if t == "ATTENDED":
                    for b in positions.get(u, ()):
                        add(b, "via_official")
    df = pd.DataFrame(rows, columns=["activity", "activity_kind", "year", "participant", "participant_kind",
                                     "country", "how"])
    df["year"] = df["year"].astype("Int64")
    return df


def _pairs(part: pd.DataFrame) -> pd.DataFrame:
    """Every unordered pair of participants of the same activity (u < v), with the activity's kind and year."""
    cols = ["activity", "activity_kind", "year", "participant"]
    left = part[cols]
    right = part[["activity", "participant"]].rename(columns={"participant": "other"})
    pairs = left.merge(right, on="activity")
    pairs = pairs[pairs["participant"] < pairs["other"]]
    return pairs.rename(columns={"participant": "u", "other": "v"}).reset_index(drop=True)


def _add_nodes(out: nx.Graph, g: nx.MultiDiGraph, nodes: Iterable[str]) -> None:
    out.add_nodes_from((n, _node_attrs(g.nodes[n])) for n in nodes)


def official_graph(source: Any, *, include_courses: bool = False, year: int | str | None = None) -> nx.Graph:
    """Officials linked by the events they attended together.

    Every official is a node, including those who shared no event (degree 0
    is an answer too). Edge ``weight`` is the number of shared events;
    ``events`` lists their ids and ``first_year``/``last_year`` bound them.
    ``include_courses`` also links officials who attended the same course;
    ``year`` keeps only the events of that year.
    """
    g = as_full_graph(source)
    out = nx.Graph(projection="officials")
    _add_nodes(out, g, _nodes_of(g, ["Official"]))
    kinds = ("Event", "Course") if include_courses else ("Event",)
    want = int(year) if year not in (None, "") else None
    for act in _nodes_of(g, kinds):
        y = year_of(g.nodes[act].get(_DATE_PROP[g.nodes[act]["kind"]]))
        if want is not None and y != want:
            continue
        attendees = _in_by_type(g, act, {"ATTENDED"}, "Official")
        for u, v in combinations(attendees, 2):
            if out.has_edge(u, v):
                d = out.edges[u, v]
                d["weight"] += 1
                d["events"].append(act)
            else:
                out.add_edge(u, v, weight=1, events=[act], first_year=None, last_year=None)
                d = out.edges[u, v]
            if y is not None:
                d["first_year"] = y if d["first_year"] is None else min(d["first_year"], y)
                d["last_year"] = y if d["last_year"] is None else max(d["last_year"], y)
    for _, _, d in out.edges(data=True):
        for k in ("first_year", "last_year"):
            if d[k] is None:
                del d[k]
    return out


def body_graph(source: Any, *, via_officials: bool = True, year: int | str | None = None,
               include: Iterable[str] = ("events", "agreements", "courses")) -> nx.Graph:
    """Bodies linked by shared events, agreements and courses, weighted, with counts per year.

    Two bodies are linked by an event when both organised or took part in it
    (with ``via_officials``, also when officials holding positions in them
    attended), by an agreement when both are parties to it, and by a course
    when one organised it and the other's cadres were trained (or both
    organised it). Edge attributes: ``events``, ``agreements``, ``courses``
    (counts), ``weight`` (their sum) and ``by_year`` (``{year: {"events": n,
    ...}}``; undated activities under ``None``). ``year`` keeps only that year;
    ``include`` chooses which activities link bodies.
    """
    g = as_full_graph(source)
    include = set(include)
    unknown = include - set(_PLURAL.values())
    if unknown:
        raise ValueError(f"include takes events, agreements, courses; not {', '.join(sorted(unknown))}")
    out = nx.Graph(projection="bodies")
    _add_nodes(out, g, _nodes_of(g, ["Body"]))
    part = participation(g, via_officials=via_officials)
    part = part[part["participant_kind"] == "Body"]
    part = part[part["activity_kind"].map(_PLURAL).isin(include)]
    if year not in (None, ""):
        part = part[part["year"] == int(year)]
    # A course links its organisers to its trainees' bodies (and organisers among themselves),
    # never two trained bodies to each other: they did not cooperate with each other.
    pairs = _pairs(part)
    if not pairs.empty:
        trained = part.loc[part["how"] == "trained", ["activity", "participant"]]
        trained_set = set(zip(trained["activity"], trained["participant"], strict=True))
        both_trained = [(a, u) in trained_set and (a, v) in trained_set
                        for a, u, v in zip(pairs["activity"], pairs["u"], pairs["v"], strict=True)]
        pairs = pairs[~pd.Series(both_trained, index=pairs.index, dtype=bool)]
    if pairs.empty:
        return out
    pairs = pairs.assign(what=pairs["activity_kind"].map(_PLURAL), year=pairs["year"].astype(object))
    pairs["year"] = pairs["year"].where(pairs["year"].notna(), None)
    counts = pairs.groupby(["u", "v", "year", "what"], dropna=False).size()
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for (u, v, y, what), n in counts.items():
        d = edges.setdefault((u, v), {"events": 0, "agreements": 0, "courses": 0, "by_year": {}})
        d[what] += int(n)
        y = None if y is None or pd.isna(y) else int(y)
        d["by_year"].setdefault(y, {"events": 0, "agreements": 0, "courses": 0})[what] += int(n)
    out.add_edges_from((u, v, {**d, "weight": d["events"] + d["agreements"] + d["courses"]})
                       for (u, v), d in edges.items())
    return out


def official_event_graph(source: Any, *, include_courses: bool = False) -> nx.Graph:
    """The bipartite graph of officials (``bipartite=0``) and the events they attended (``bipartite=1``).

    Edge ``role`` is the attendance role when the source gives one. Use
    ``networkx.algorithms.bipartite`` on it, e.g. ``bipartite.weighted_projected_graph``.
    """
    g = as_full_graph(source)
    out = nx.Graph(projection="official_event")
    kinds = ["Event", "Course"] if include_courses else ["Event"]
    out.add_nodes_from((n, {**_node_attrs(g.nodes[n]), "bipartite": 0}) for n in _nodes_of(g, ["Official"]))
    out.add_nodes_from((n, {**_node_attrs(g.nodes[n]), "bipartite": 1}) for n in _nodes_of(g, kinds))
    for u, v, d in g.edges(data=True):
        if d.get("type") == "ATTENDED" and v in out:
            attrs = {"role": d["role"]} if d.get("role") else {}
            out.add_edge(u, v, **attrs)
    return out


def body_hierarchy(source: Any) -> nx.DiGraph:
    """Bodies under bodies: a directed graph from each parent to its parts (reversed ``PART_OF``).

    Roots (``in_degree == 0``) are the top bodies; ``nx.descendants(h, root)``
    is everything under a body, and ``depth`` on each node its distance from
    the nearest root.
    """
    g = as_full_graph(source)
    out = nx.DiGraph(projection="hierarchy")
    _add_nodes(out, g, _nodes_of(g, ["Body"]))
    for u, v, t in g.edges(data="type"):
        if t == "PART_OF" and u in out and v in out:
            out.add_edge(v, u, relation="has part")
    roots = [n for n, d in out.in_degree() if d == 0]
    depth = nx.multi_source_dijkstra_path_length(out, roots, weight=None) if roots else {}
    for n in out:
        out.nodes[n]["depth"] = depth.get(n)
    return out


def training_graph(source: Any) -> nx.DiGraph:
    """Who trains whose cadres: organising body -> trained body, with ``courses`` and ``trainees``.

    ``trainees`` counts the ``TRAINS`` relationship's ``count`` when reported,
    else the course's ``trainees`` (the same rule as the ``training_flows``
    query); ``course_list`` names the courses.
    """
    g = as_full_graph(source)
    out = nx.DiGraph(projection="training")
    for course in _nodes_of(g, ["Course"]):
        organisers = _in_by_type(g, course, {"ORGANIZED"}, "Body")
        trained = [(v, d.get("count")) for _, v, d in g.out_edges(course, data=True) if d.get("type") == "TRAINS"]
        for org in organisers:
            for body, count in trained:
                for n in (org, body):
                    if n not in out:
                        out.add_node(n, **_node_attrs(g.nodes[n]))
                n_trainees = count if count is not None else g.nodes[course].get("trainees")
                if out.has_edge(org, body):
                    d = out.edges[org, body]
                else:
                    out.add_edge(org, body, courses=0, trainees=0, course_list=[])
                    d = out.edges[org, body]
                d["courses"] += 1
                d["trainees"] += int(n_trainees or 0)
                d["course_list"].append(course)
    for _, _, d in out.edges(data=True):
        d["weight"] = d["courses"]
    return out


def _full(source: Any, **kw: Any) -> nx.MultiDiGraph:
    if kw:
        raise TypeError(f"the full projection takes no options, not {', '.join(kw)}")
    return as_full_graph(source)


PROJECTIONS: dict[str, Callable[..., nx.Graph]] = {
    "full": _full,
    "officials": official_graph,
    "bodies": body_graph,
    "official_event": official_event_graph,
    "hierarchy": body_hierarchy,
    "training": training_graph,
}


def project(source: Any, name: str = "full", **options: Any) -> nx.Graph:
    """The projection called ``name`` (one of :data:`PROJECTIONS`) of ``source``."""
    try:
        fn = PROJECTIONS[name]
    except KeyError:
        raise ValueError(f"no projection {name!r}; choose from {', '.join(PROJECTIONS)}") from None
    return fn(source, **options)
