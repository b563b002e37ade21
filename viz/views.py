"""Readable, offline HTML views of the knowledge graph.

Each function takes the NetworkX multigraph of
``interparty.graph.projections.full_graph(store, with_evidence=True)`` and
returns a :class:`View`: one self-contained HTML file (see ``render.py``) with
positions already computed (see ``layout.py``), colour by country (or by event
kind on the timeline), shape by node kind, a legend, a search box, filters by
kind, country and year, and tooltips and a details panel that show the source
sentences with a link to each source.

pyvis builds the node, edge and option records (``Network.add_node`` /
``add_edge`` / ``set_options``); the page template is ours, because pyvis's
loads scripts from a CDN and renders titles as HTML.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
from interparty.graph.normalize import fold, strip_marks
from interparty.viz import layout, render
from pyvis.network import Network

__all__ = ["MAX_NODES", "VIEWS", "View", "bilateral", "course", "ego", "hierarchy", "timeline"]

#: Above this many nodes a view shows only the most relevant part and says so: past a few
#: thousand nodes a browser tab is slow to draw and nobody can read the picture anyway.
MAX_NODES = 2500
#: Edges drawn at most (the most relevant ones, by the same ranking).
MAX_EDGES = 8000

NODE_KINDS = ("Official", "Body", "Event", "Agreement", "Course", "Plan", "Place")
SHAPES = {"Official": "dot", "Body": "square", "Event": "diamond", "Agreement": "star",
          "Course": "triangle", "Plan": "triangleDown", "Place": "hexagon"}
#: Colour of a node that has no country, by kind (muted, so countries stand out).
KIND_COLORS = {"Official": "#8c8c8c", "Body": "#7a869a", "Event": "#e0a526", "Agreement": "#3a9e84",
               "Course": "#9b6bbf", "Plan": "#6d7f94", "Place": "#a3a3a3"}
COUNTRY_COLORS = {"VN": "#d7301f", "LA": "#2166ac", "KH": "#1a9850", "CU": "#f46d43", "CN": "#c51b7d",
                  "TH": "#8073ac", "RU": "#35978f", "KP": "#b35806"}
OTHER_COUNTRY_COLORS = ("#66a61e", "#e6ab02", "#a6761d", "#1b9e77", "#7570b3", "#e7298a")
#: Event kinds on the timeline: kept clear of the two main country colours (red, blue).
EVENT_KIND_COLORS = {"visit": "#17becf", "talks": "#ff7f0e", "reception": "#bcbd22", "signing": "#2ca02c",
                     "opening": "#e377c2", "closing": "#8c564b", "lecture": "#f7b6d2", "field_trip": "#98df8a",
                     "conference": "#ffbb78", "other": "#7f7f7f"}
COUNTRY_NAMES = {"VN": "Vietnam", "LA": "Laos", "KH": "Cambodia", "CU": "Cuba", "CN": "China", "TH": "Thailand",
                 "RU": "Russia", "KP": "North Korea"}
_COUNTRY_ALIASES = {fold(v): k for k, v in COUNTRY_NAMES.items()} | {
    "việt nam": "VN", "viet nam": "VN", "lào": "LA", "lao": "LA", "lao pdr": "LA", "campuchia": "KH",
    "cambodge": "KH", "trung quốc": "CN", "trung quoc": "CN"}
EDGE_LABELS = {"HOLDS_POSITION": "holds", "PART_OF": "part of", "ATTENDED": "attended", "TOOK_PART_IN": "took part",
               "ORGANIZED": "organised", "PARTY_TO": "party to", "SIGNED_AT": "signed at", "ISSUED": "issued",
               "PROVIDES_FOR": "provides for", "TRAINS": "trains", "HELD_IN": "held in", "LOCATED_IN": "in"}
_SHOWN_PROPS = ("aliases", "subkind", "date", "end_date", "date_text", "start_date", "duration", "period", "count",
                "participants", "trainees", "managers", "number", "title", "role", "resolution",
                "first_seen", "last_seen", "confidence")
_TIP_EVIDENCE = 3
_PANEL_EVIDENCE = 25
_YEAR = re.compile(r"^(\d{4})")


@dataclass
class View:
    """One rendered view: the HTML page and what it shows."""

    kind: str
    title: str
    html: str
    nodes: int
    edges: int
    truncated: bool

    def save(self, path: str | Path) -> Path:
        """Write the page as UTF-8 (creating folders) and return its path."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(self.html, encoding="utf-8")
        return p


# --------------------------------------------------------------------------- node facts


def node_kind(n: str, a: dict[str, Any]) -> str:
    """The node kind: the ``kind`` attribute, or the id's prefix when ``kind`` holds a sub-kind."""
    k = a.get("kind")
    if k in NODE_KINDS:
        return str(k)
    prefix = n.split(":", 1)[0]
    return prefix if prefix in NODE_KINDS else str(k or prefix)


def sub_kind(n: str, a: dict[str, Any]) -> str | None:
    """Body kind, event kind, agreement kind…: the schema's ``kind`` property under whatever name it arrives."""
    k = a.get("kind")
    if k and k not in NODE_KINDS:
        return str(k)
    for name in ("subkind", "sub_kind", f"{node_kind(n, a).lower()}_kind", "category"):
        if a.get(name):
            return str(a[name])
    return None


def _name(n: str, a: dict[str, Any]) -> str:
    for k in ("name", "number", "title", "key"):
        if a.get(k):
            return str(a[k])
    return n.split(":", 1)[-1]


def _country(a: dict[str, Any]) -> str | None:
    c = a.get("country")
    return str(c).upper() if c else None


def _years(n: str, a: dict[str, Any]) -> tuple[int, int] | None:
    """The years a node is about: its own date for dated things, else the span of its sources."""
    own = [a.get(k) for k in ("date", "start_date", "end_date")]
    own_years = [int(m.group(1)) for d in own if d and (m := _YEAR.match(str(d)))]
    if own_years:
        return min(own_years), max(own_years)
    seen = [int(m.group(1)) for d in (a.get("first_seen"), a.get("last_seen")) if d and (m := _YEAR.match(str(d)))]
    return (min(seen), max(seen)) if seen else None


def _date(a: dict[str, Any]) -> str:
    return str(a.get("date") or a.get("start_date") or "")


def _evidence(items: Any, limit: int) -> list[dict[str, Any]]:
    out = []
    for e in (items or [])[:limit]:
        if not isinstance(e, dict):
            continue
        out.append({"sentence": str(e.get("sentence") or ""), "title": str(e.get("title") or e.get("source") or ""),
                    "url": str(e.get("url") or ""), "confidence": e.get("confidence"),
                    "method": str(e.get("method") or "")})
    return out


def _props(n: str, a: dict[str, Any]) -> list[list[str]]:
    rows = []
    sk = sub_kind(n, a)
    for k in _SHOWN_PROPS:
        v = sk if k == "subkind" else a.get(k)
        if v is None or v == "" or v == [] or (k == "title" and v == a.get("name")):
            continue
        if isinstance(v, list | tuple):
            v = ", ".join(str(x) for x in v)
        elif isinstance(v, float):
            v = f"{v:.2f}"
        rows.append([k.replace("_", " "), str(v)])
    return rows


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _country_color(c: str | None, kind: str) -> str:
    if not c:
        return KIND_COLORS.get(kind, "#999999")
    if c in COUNTRY_COLORS:
        return COUNTRY_COLORS[c]
    return OTHER_COUNTRY_COLORS[sum(map(ord, c)) % len(OTHER_COUNTRY_COLORS)]


def _legend_order(item: tuple[str, tuple[str, str]]) -> tuple[int, str]:
    """Countries first, then kinds without a country, then event kinds."""
    k = item[0]
    return (2 if k.startswith("event: ") else 1 if k in NODE_KINDS else 0), k


def _country_code(text: str) -> str:
    t = fold(text)
    if t in _COUNTRY_ALIASES:
        return _COUNTRY_ALIASES[t]
    if len(text) == 2 and text.isalpha():
        return text.upper()
    raise ValueError(f"unknown country {text!r}: give an ISO code such as VN, LA, KH, CU, CN")


# --------------------------------------------------------------------------- resolving names


def resolve(g: nx.MultiDiGraph, name: str, kinds: Iterable[str] = ("Official", "Body")) -> str:
    """The node id for a node id, key, name or alias (folded, diacritics optional).

    Raises ValueError listing close matches, because a researcher typing a name
    from an article needs to see how the graph spells it.
    """
    if name in g:
        return name
    kinds = tuple(kinds)
    want = fold(name)
    want_bare = fold(strip_marks(name))
    exact: list[str] = []
    loose: list[str] = []
    spellings: dict[str, str] = {}
    for n, a in g.nodes(data=True):
        if node_kind(n, a) not in kinds:
            continue
        names = [str(a.get("name") or ""), str(a.get("key") or "")] + [str(x) for x in (a.get("aliases") or [])]
        folded = {fold(x) for x in names if x}
        for f in folded:
            spellings.setdefault(f, n)
        if want in folded:
            exact.append(n)
        elif want_bare in {fold(strip_marks(x)) for x in names if x} or any(want in f for f in folded):
            loose.append(n)
    for found in (exact, loose):
        if len(found) == 1:
            return found[0]
        if found:
            # Several nodes share the spelling: the best connected is the one people mean.
            ranked = sorted(found, key=lambda n: (-g.degree(n), n))
            if found is exact or g.degree(ranked[0]) > g.degree(ranked[1]):
                return ranked[0]
            names = ", ".join(f"{_name(n, g.nodes[n])!r} ({n})" for n in ranked[:8])
            raise ValueError(f"{name!r} matches several {'/'.join(kinds)} nodes: {names}; give one of the node ids")
    close = difflib.get_close_matches(want, list(spellings), n=8, cutoff=0.5)
    hint = ", ".join(f"{_name(spellings[c], g.nodes[spellings[c]])!r} ({spellings[c]})" for c in close)
    raise ValueError(f"no {'/'.join(kinds)} named {name!r} in the graph"
                     + (f"; close matches: {hint}" if hint else f" ({len(spellings)} names to choose from)"))


# --------------------------------------------------------------------------- building a page


def _rank(g: nx.MultiDiGraph, n: str) -> tuple[int, int]:
    a = g.nodes[n]
    return g.degree(n), len(a.get("evidence") or [])


def _limit(g: nx.MultiDiGraph, nodes: list[str], limit: int, key: Callable[[str], Any] | None = None) -> list[str]:
    """The ``limit`` most relevant nodes (by ``key``, default: most connected, best attested)."""
    if len(nodes) <= limit:
        return nodes
    key = key or (lambda n: tuple(-x for x in _rank(g, n)))
    return sorted(nodes, key=lambda n: (key(n), n))[:limit]


def _build(g: nx.MultiDiGraph, view_kind: str, title: str, nodes: list[str], pos: layout.Pos, *,
           total: int, limit: int, color_by: str = "country", extra: list[dict[str, Any]] | None = None,
           note: str = "", edge_filter: Callable[[str, str, dict[str, Any]], bool] | None = None,
           focus: tuple[float, float] | None = None) -> View:
    """Turn chosen nodes and their positions into a View (pyvis records, our page)."""
    net = Network(directed=True, height="100%", width="100%")
    keep = set(nodes)
    legend_kinds: dict[str, str] = {}
    legend_colors: dict[str, tuple[str, str]] = {}
    years: set[int] = set()
    for n in nodes:
        a = g.nodes[n]
        kind = node_kind(n, a)
        country = _country(a)
        sk = sub_kind(n, a)
        if color_by == "event_kind" and kind == "Event":
            ek = (sk or "other").lower()
            color = EVENT_KIND_COLORS.get(ek, EVENT_KIND_COLORS["other"])
            legend_colors[f"event: {ek.replace('_', ' ')}"] = (color, SHAPES["Event"])
        else:
            color = _country_color(country, kind)
            if country:
                legend_colors[COUNTRY_NAMES.get(country, country)] = (color, "square")
            else:
                legend_colors[kind] = (color, SHAPES.get(kind, "dot"))
        legend_kinds[kind] = SHAPES.get(kind, "dot")
        yr = _years(n, a)
        if yr:
            years.update(range(yr[0], yr[1] + 1))
        name = _name(n, a)
        x, y = pos.get(n, (0.0, 0.0))
        net.add_node(n, label=_short(name, 48), shape=SHAPES.get(kind, "dot"), color=color, x=round(x, 1),
                     y=round(y, 1), size=16 if kind in ("Official", "Body") else 14,
                     ip={"name": name, "kind": kind, "country": country, "years": list(yr) if yr else None,
                         "props": _props(n, a), "evidence": _evidence(a.get("evidence"), _PANEL_EVIDENCE),
                         "n_evidence": len(a.get("evidence") or []), "id": n})
    edges = []
    for u, v, k, a in g.edges(keys=True, data=True):
        if u in keep and v in keep and (edge_filter is None or edge_filter(u, v, a)):
            edges.append((u, v, k, a))
    edge_total = len(edges)
    if len(edges) > MAX_EDGES:
        edges.sort(key=lambda e: -(len(e[3].get("evidence") or []) + g.degree(e[0]) + g.degree(e[1])))
        edges = edges[:MAX_EDGES]
    parallel: Counter[tuple[str, str]] = Counter()
    for u, v, k, a in edges:
        pair = (min(u, v), max(u, v))
        i = parallel[pair]
        parallel[pair] += 1
        etype = str(a.get("type") or str(k).split(":", 1)[0])
        label = str(a.get("title") or a.get("role") or EDGE_LABELS.get(etype, etype.lower().replace("_", " ")))
        smooth: dict[str, Any] | None = ({"enabled": True, "type": "curvedCW" if i % 2 else "curvedCCW",
                                          "roundness": 0.2 * ((i + 1) // 2)} if i else None)
        more = {"smooth": smooth} if smooth else {}
        net.add_edge(u, v, id=f"e{len(net.edges)}", label=_short(label, 40), **more,
                     ip={"name": f"{_name(u, g.nodes[u])} → {_name(v, g.nodes[v])}", "kind": etype,
                         "props": _props(u, a), "evidence": _evidence(a.get("evidence"), _PANEL_EVIDENCE),
                         "n_evidence": len(a.get("evidence") or [])})
    big = len(nodes) > 300
    options = {
        "autoResize": True,
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
                        "multiselect": True},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 150}, "borderWidth": 1,
                  "scaling": {"label": {"enabled": False, "drawThreshold": 8}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "color": {"color": "#9aa5b1",
                  "highlight": "#333333", "hover": "#333333", "inherit": False}, "width": 1,
                  "font": {"size": 11, "align": "middle", "color": "#555555", "strokeWidth": 3},
                  "scaling": {"label": {"enabled": False, "drawThreshold": 7}},
                  "smooth": False, "selectionWidth": 2},
    }
    net.set_options(json.dumps(options))
    vis_nodes, vis_edges, _, _, _, vis_options = net.get_network_data()
    if isinstance(vis_options, str):
        vis_options = json.loads(vis_options)
    # The details travel beside the vis records, not in them: vis-network deep-copies every
    # unknown node option, which for evidence lists costs seconds on a 2,000-node view.
    node_info = {n["id"]: n.pop("ip") for n in vis_nodes}
    edge_info = {e["id"]: e.pop("ip") for e in vis_edges}
    shown_nodes, shown_edges = len(vis_nodes), len(vis_edges)
    truncated = total > shown_nodes or edge_total > shown_edges
    notice = note
    if total > shown_nodes:
        notice = (f"This view has {total:,} nodes, more than a browser can show readably (limit {limit:,}): "
                  f"showing the {shown_nodes:,} most relevant. " + note).strip()
    elif edge_total > shown_edges:
        notice = f"Showing {shown_edges:,} of {edge_total:,} edges, the best attested. " + note
    if not vis_nodes:
        notice = (note or "Nothing to show") + " — the graph has no matching nodes yet."
    payload = {
        "view": view_kind, "title": title, "notice": notice.strip(),
        "nodes": vis_nodes, "edges": vis_edges, "node_info": node_info, "edge_info": edge_info,
        "extra": extra or [],
        "options": vis_options,
        "legend": {"shapes": [[k, legend_kinds[k]] for k in NODE_KINDS if k in legend_kinds],
                   "colors": [[k, c, sh] for k, (c, sh) in sorted(legend_colors.items(), key=_legend_order)],
                   "color_by": color_by},
        "focus": list(focus) if focus else (list(pos.get(nodes[0], (0.0, 0.0))) if nodes else [0.0, 0.0]),
        "filters": {"kinds": [k for k in NODE_KINDS if k in legend_kinds],
                    "countries": sorted({c for n in nodes if (c := _country(g.nodes[n]))}),
                    "years": sorted(years)},
    }
    return View(kind=view_kind, title=title, html=render.page(title, payload), nodes=shown_nodes,
                edges=shown_edges, truncated=truncated)


# --------------------------------------------------------------------------- the views


def ego(g: nx.MultiDiGraph, center: str, hops: int = 1, *, limit: int = MAX_NODES) -> View:
    """Everything within ``hops`` links of an official or body, on rings by distance."""
    c = resolve(g, center)
    if hops < 0:
        raise ValueError("hops must be 0 or more")
    dist = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), c, cutoff=hops)
    order = sorted(dist, key=lambda n: (dist[n], -g.degree(n), n))
    chosen = order[:limit]
    pos = layout.rings(g, c, dist, chosen)
    name = _name(c, g.nodes[c])
    return _build(g, "ego", f"{name}: {hops}-hop network", chosen, pos, total=len(order), limit=limit)


def hierarchy(g: nx.MultiDiGraph, root: str | None = None, *, limit: int = MAX_NODES) -> View:
    """Bodies as a tree along PART_OF (child under parent); one body's subtree when ``root`` is given."""
    bodies = [n for n, a in g.nodes(data=True) if node_kind(n, a) == "Body"]
    parent: dict[str, str] = {}
    for u, v, a in g.edges(data=True):
        if a.get("type") == "PART_OF" and u != v and u not in parent:
            parent[u] = v
    # Break cycles so that every body hangs from a root.
    for n in bodies:
        seen = {n}
        p = parent.get(n)
        while p is not None:
            if p in seen:
                del parent[n]
                break
            seen.add(p)
            p = parent.get(p)
    title = "Body hierarchy"
    if root is not None:
        r = resolve(g, root, kinds=("Body",))
        kids: dict[str, list[str]] = {}
        for c, p in parent.items():
            kids.setdefault(p, []).append(c)
        bodies, stack = [], [r]
        while stack:
            n = stack.pop()
            bodies.append(n)
            stack.extend(kids.get(n, []))
        parent = {c: p for c, p in parent.items() if c in set(bodies) and c != r}
        title = f"Body hierarchy under {_name(r, g.nodes[r])}"

    def sort_key(n: str) -> tuple[str, str]:
        return _country(g.nodes[n]) or "~", fold(_name(n, g.nodes[n]))

    total = len(bodies)
    chosen = _limit(g, bodies, limit)
    pos = layout.tree(chosen, {c: p for c, p in parent.items() if c in set(chosen)}, sort_key)
    return _build(g, "hierarchy", title, chosen, pos, total=total, limit=limit,
                  edge_filter=lambda u, v, a: a.get("type") == "PART_OF")


_BETWEEN = ("Event", "Agreement", "Course")


def bilateral(g: nx.MultiDiGraph, a: str = "VN", b: str = "LA", *, limit: int = MAX_NODES) -> View:
    """One country's bodies and officials on the left, the partner's on the right,
    the events, agreements and courses that link them in the middle."""
    ca, cb = _country_code(a), _country_code(b)
    und = g.to_undirected(as_view=True)

    def side(n: str) -> str | None:
        at = g.nodes[n]
        if node_kind(n, at) not in ("Official", "Body"):
            return None
        c = _country(at)
        return "a" if c == ca else "b" if c == cb else None

    middle = []
    for n, at in g.nodes(data=True):
        if node_kind(n, at) not in _BETWEEN:
            continue
        # Reached from both sides directly, or through an agreement signed at the event.
        near = set(und.neighbors(n))
        near |= {m for x in list(near) if node_kind(x, g.nodes[x]) in _BETWEEN for m in und.neighbors(x)}
        sides = {side(m) for m in near}
        if {"a", "b"} <= sides:
            middle.append(n)
    mid_set = set(middle)
    sides_nodes: dict[str, list[str]] = {"a": [], "b": []}
    if middle:
        for n in sorted({m for x in middle for m in und.neighbors(x)}):
            if (s := side(n)) is not None:
                sides_nodes[s].append(n)
        # The bodies where those officials hold office, on their own side.
        for s in ("a", "b"):
            extra = {v for u in sides_nodes[s] for _, v, at in g.out_edges(u, data=True)
                     if at.get("type") == "HOLDS_POSITION" and side(v) == s}
            sides_nodes[s] = sorted(set(sides_nodes[s]) | extra)
        note = ""
    else:
        for n in g.nodes:
            if (s := side(n)) is not None:
                sides_nodes[s].append(n)
        note = "No event, agreement or course links the two sides yet: showing each side's officials and bodies."
    every = middle + sides_nodes["a"] + sides_nodes["b"]
    chosen = set(_limit(g, every, limit))
    middle = sorted((n for n in middle if n in chosen), key=lambda n: (_date(g.nodes[n]) or "9999", n))

    def col(s: str, kind: str) -> list[str]:
        return [n for n in sides_nodes[s] if n in chosen and node_kind(n, g.nodes[n]) == kind]

    ya = {n: i for i, n in enumerate(middle)}

    def bary(nodes: list[str], ref: dict[str, int]) -> list[str]:
        """Order a column by the mean row of its neighbours in the next column: fewer crossings."""
        def key(n: str) -> tuple[float, str]:
            rows = [ref[m] for m in und.neighbors(n) if m in ref]
            return (sum(rows) / len(rows) if rows else 1e9, fold(_name(n, g.nodes[n])))
        return sorted(nodes, key=key)

    bodies_a, bodies_b = bary(col("a", "Body"), ya), bary(col("b", "Body"), ya)
    offs_a = bary(col("a", "Official"), {n: i for i, n in enumerate(bodies_a)} | ya)
    offs_b = bary(col("b", "Official"), {n: i for i, n in enumerate(bodies_b)} | ya)
    pos = layout.columns([(-720.0, offs_a), (-380.0, bodies_a), (0.0, middle), (380.0, bodies_b),
                          (720.0, offs_b)], direction=(-1, -1, 0, 1, 1))
    na, nb = COUNTRY_NAMES.get(ca, ca), COUNTRY_NAMES.get(cb, cb)
    extra = [{"text": na, "x": -550.0, "y": _top(pos) - 110}, {"text": nb, "x": 550.0, "y": _top(pos) - 110}]
    if middle:
        extra.append({"text": "Between them", "x": 0.0, "y": _top(pos) - 110})
    shown = offs_a + bodies_a + middle + bodies_b + offs_b

    def keep_edge(u: str, v: str, at: dict[str, Any]) -> bool:
        # Within a side only positions; everything else must touch the middle.
        return u in mid_set or v in mid_set or at.get("type") in ("HOLDS_POSITION", "PART_OF")

    return _build(g, "bilateral", f"{na} – {nb}", shown, pos, total=len(every), limit=limit, extra=extra,
                  note=note, edge_filter=keep_edge, focus=(0.0, _top(pos) + 300.0))


def _top(pos: layout.Pos) -> float:
    return min((y for _, y in pos.values()), default=0.0)


def timeline(g: nx.MultiDiGraph, year: str | None = None, *, limit: int = MAX_NODES) -> View:
    """Events (and agreements and courses) in date order, coloured by kind;
    the bodies that organised or took part in them in a row underneath."""
    dated = [n for n, a in g.nodes(data=True) if node_kind(n, a) in _BETWEEN]
    if year is not None:
        y = str(year).strip()
        if not re.fullmatch(r"\d{4}", y):
            raise ValueError(f"year must be four digits, not {year!r}")
        dated = [n for n in dated if _date(g.nodes[n]).startswith(y)]
    dated.sort(key=lambda n: (_date(g.nodes[n]) or "9999", node_kind(n, g.nodes[n]), n))
    items = dated[: max(1, limit * 2 // 3)]
    pos: layout.Pos = {}
    extra: list[dict[str, Any]] = []
    last_year = None
    for i, n in enumerate(items):
        x = i * layout.LABEL_W * 1.1
        pos[n] = (x, 0.0 if i % 2 == 0 else 110.0)
        yr = _date(g.nodes[n])[:4] if _YEAR.match(_date(g.nodes[n])) else "undated"
        if yr != last_year:
            extra.append({"text": yr, "x": x, "y": -150.0, "rule": True})
            last_year = yr
    und = g.to_undirected(as_view=True)
    want: dict[str, list[float]] = {}
    for n in items:
        for m in und.neighbors(n):
            if node_kind(m, g.nodes[m]) == "Body" and m not in pos:
                want.setdefault(m, []).append(pos[n][0])
    bodies = sorted(want, key=lambda m: (-len(want[m]), m))[: max(0, limit - len(items))]
    pos |= layout.spread({m: sum(want[m]) / len(want[m]) for m in bodies}, 420.0)
    title = "Timeline" + (f" {year}" if year else "")
    return _build(g, "timeline", title, items + bodies, pos, total=len(dated) + len(want), limit=limit,
                  color_by="event_kind", extra=extra)


def course(g: nx.MultiDiGraph, course: str | None = None, *, limit: int = MAX_NODES) -> View:
    """Each course with its organiser (left), trainees' body (right), plan and issuer (above),
    lecturers and participants (below) and venue."""
    courses = [n for n, a in g.nodes(data=True) if node_kind(n, a) == "Course"]
    if course is not None:
        courses = [resolve(g, course, kinds=("Course",))]
    courses.sort(key=lambda n: (str(g.nodes[n].get("start_date") or "9999"), n))
    pos: layout.Pos = {}
    chosen: list[str] = []
    cell_w, cell_h, per_row = 2000.0, 1300.0, 2
    for i, c in enumerate(courses):
        if len(chosen) >= limit:
            break
        ox, oy = (i % per_row) * cell_w, (i // per_row) * cell_h
        organisers, trainees, plans, people, places, other = [], [], [], [], [], []
        for u, _, a in g.in_edges(c, data=True):
            t = a.get("type")
            (organisers if t == "ORGANIZED" else plans if t == "PROVIDES_FOR" else people if t == "ATTENDED"
             else other).append(u)
        for _, v, a in g.out_edges(c, data=True):
            t = a.get("type")
            (trainees if t == "TRAINS" else places if t == "HELD_IN" else other).append(v)
        issuers = [u for p in plans for u, _, a in g.in_edges(p, data=True) if a.get("type") == "ISSUED"]
        local: layout.Pos = {c: (0.0, 0.0)}
        local |= layout.columns([(-550.0, _uniq(organisers)), (550.0, _uniq(trainees))], direction=(-1, 1),
                                max_rows=8)
        local |= layout.row(_uniq(plans), -300.0)
        local |= layout.row(_uniq(issuers), -480.0)
        local |= layout.row(_uniq(people), 300.0, per_row=8)
        local |= layout.row(_uniq(places + other), -160.0, center_x=420.0, per_row=3)
        for n, (x, y) in local.items():
            if n not in pos:
                pos[n] = (ox + x, oy + y)
                chosen.append(n)
    total = len(chosen)
    chosen = chosen[:limit]
    title = f"Course: {_name(courses[0], g.nodes[courses[0]])}" if course is not None else "Courses"
    return _build(g, "course", title, chosen, pos, total=total, limit=limit,
                  note="" if courses else "No course in the graph.")


def _uniq(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


VIEWS: dict[str, Callable[..., View]] = {
    "ego": ego,
    "hierarchy": hierarchy,
    "bilateral": bilateral,
    "timeline": timeline,
    "course": course,
}


def build(g: object, kind: str, args: Sequence[str], hops: int = 1, limit: int = MAX_NODES) -> View:
    """Call the view function for ``kind`` with the CLI's positional arguments."""
    fn = VIEWS[kind]
    if kind == "ego":
        if len(args) != 1:
            raise ValueError("ego needs one NAME (an official or body, or a node id)")
        return fn(g, args[0], hops=hops, limit=limit)
    if kind == "bilateral":
        if len(args) not in (0, 2):
            raise ValueError("bilateral takes two countries (A B) or none for VN LA")
        return fn(g, *args, limit=limit)
    if len(args) > 1:
        raise ValueError(f"{kind} takes at most one argument")
    return fn(g, *args, limit=limit)
