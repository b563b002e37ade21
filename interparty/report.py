"""The main job's output: views, a readable summary of what the graph holds, and its analytics.

Every table in the report says what produced it: a named query (and its
parameters), so a researcher can re-run it in Neo4j Browser, or an
``interparty.analytics`` call over a named projection, with the named query
that lists the same links for cross-checking. Charts are matplotlib PNGs
written beside ``index.html`` (the Agg renderer: no display needed).

:func:`analytics_sections` works on a NetworkX full graph alone, so the
analytics can be produced (and benchmarked) without a store.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from interparty import analytics as ana
from interparty.api import Graph
from interparty.graph.projections import full_graph
from interparty.graph.projections_research import without_gc
from interparty.queries.library import get

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;
color:#1d2433;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d6dbe4;padding-bottom:.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #d6dbe4;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f4f8}code{background:#f2f4f8;padding:0 .25rem;border-radius:3px}
.counts span{display:inline-block;margin:0 1rem .3rem 0}.muted{color:#5b6579}
ul.views li{margin:.2rem 0}
figure{margin:.5rem 0 1rem}figure img{max-width:100%;border:1px solid #d6dbe4}
figcaption{font-size:.85rem;color:#5b6579}.num{text-align:right}
"""


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, list | tuple):
        return html.escape(", ".join(str(v) for v in value if v is not None))
    return html.escape(str(value))


def table(df: pd.DataFrame, limit: int = 200) -> str:
    """A DataFrame as an escaped HTML table."""
    if df.empty:
        return '<p class="muted">(no rows)</p>'
    df = df.astype(object).where(df.notna(), None)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                   for row in df.head(limit).itertuples(index=False))
    more = f'<p class="muted">… {len(df) - limit} more rows</p>' if len(df) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}"


def query_section(kg: Graph, title: str, name: str, **params: Any) -> str:
    q = get(name)
    df = kg.store.read(q.cypher, q.bind(params))
    args = "".join(f" -p {k}={json.dumps(v, ensure_ascii=False)}" for k, v in params.items())
    call = f"interparty query {name}{args}"
    return (f"<h2>{html.escape(title)}</h2><p class=\"muted\">{html.escape(q.description)} "
            f"Produced by <code>{html.escape(call)}</code>.</p>{table(df)}")


def _views(kg: Graph, out: Path, g: nx.MultiDiGraph) -> list[tuple[str, str, str]]:
    """Write the standard views; returns (file, title, note) for each one written."""
    try:
        from interparty.viz.views import bilateral, course, ego, hierarchy, timeline
    except ImportError as exc:  # the views are optional for the rest of the report
        return [("", "views", f"interparty.viz.views unavailable: {exc}")]

    plans: list[tuple[str, Callable[[], Any]]] = [
        ("bilateral.html", lambda: bilateral(g, "VN", "LA")),
        ("timeline.html", lambda: timeline(g)),
        ("hierarchy.html", lambda: hierarchy(g)),
        ("courses.html", lambda: course(g)),
    ]
    officials = kg.query("officials").sort_values(["sources", "positions"], ascending=False)
    for i, name in enumerate(officials["official"].head(12)):
        plans.append((f"ego-{i + 1:02d}.html", lambda name=name: ego(g, name, hops=2)))
    written = []
    for filename, make in plans:
        try:
            view = make()
        except ValueError as exc:  # e.g. no course in the graph yet
            written.append(("", filename, str(exc)))
            continue
        view.save(out / filename)
        note = f"{view.nodes} nodes, {view.edges} edges" + (", truncated" if view.truncated else "")
        written.append((filename, view.title, note))
    return written


def write_report(kg: Graph, out: Path, *, a: str = "VN", b: str = "LA", top: int = 15) -> Path:
    """Views, charts and ``index.html`` into ``out``; returns the index's path.

    ``a`` and ``b`` are the two countries whose cooperation and brokers the
    analytics sections measure; ``top`` how many rows the ranking tables show.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts = kg.counts()
    g = full_graph(kg.store, with_evidence=True)
    views = _views(kg, out, g)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>interparty report</title>"
             f"<style>{_CSS}</style></head><body><h1>interparty: what the graph holds</h1>",
             f'<p class="muted">Store: {html.escape(kg.location)}</p><div class="counts">',
             "".join(f"<span><b>{v}</b> {html.escape(k)}</span>" for k, v in counts.items() if v),
             "</div><h2>Views</h2><ul class=\"views\">"]
    for filename, title, note in views:
        if filename:
            parts.append(f'<li><a href="{html.escape(filename)}">{html.escape(title)}</a> '
                         f'<span class="muted">({html.escape(note)})</span></li>')
        else:
            parts.append(f'<li class="muted">{html.escape(title)}: not written ({html.escape(note)})</li>')
    parts.append("</ul>")
    parts += [
        query_section(kg, "Officials", "officials"),
        query_section(kg, "Events", "events"),
        query_section(kg, "Officials who meet the other side", "cross_party_officials"),
        query_section(kg, "Agreements", "agreements"),
        query_section(kg, "Courses", "courses"),
        query_section(kg, "Plans and decisions", "plans"),
        query_section(kg, "Most active bodies", "active_bodies"),
    ]
    parts += analytics_sections(g, out, a=a, b=b, top=top)
    parts.append("</body></html>")
    index = out / "index.html"
    index.write_text("".join(parts), encoding="utf-8")
    return index


# ---------------------------------------------------------------- analytics


def _produced_by(call: str, query: str | None = None, note: str = "") -> str:
    check = (f" Cross-check: <code>{html.escape(query)}</code>." if query else "")
    return (f'<p class="muted">Produced by <code>{html.escape(call)}</code>.{check}'
            f"{' ' + html.escape(note) if note else ''}</p>")


def _rounded(df: pd.DataFrame, digits: int = 4) -> pd.DataFrame:
    return df.round({c: digits for c in df.columns if df[c].dtype.kind == "f"})


def _figure(width: float = 8.0, height: float = 4.0) -> Any:
    from matplotlib.figure import Figure  # the object API: no pyplot state, renders with Agg

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig, fig.add_subplot()


def _save(fig: Any, out: Path, filename: str, alt: str, caption: str) -> str:
    fig.savefig(out / filename, format="png")
    return (f'<figure><img src="{html.escape(filename)}" alt="{html.escape(alt)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _short(text: Any, n: int = 40) -> str:
    s = str(text)
    return s if len(s) <= n else s[: n - 1] + "…"


def ranking_chart(df: pd.DataFrame, column: str, out: Path, filename: str, title: str, *, n: int = 15) -> str:
    """A horizontal bar chart of the first ``n`` rows of ``df`` by ``column``; returns the ``<figure>``."""
    d = df.sort_values(column, ascending=False, kind="stable").head(n).iloc[::-1]
    fig, ax = _figure(8, max(2.0, 0.32 * len(d) + 1))
    labels = [f"{_short(nm)} ({c})" if isinstance(c, str) else _short(nm) for nm, c in zip(d["name"], d["country"],
                                                                                            strict=True)]
    ax.barh(labels, d[column].astype(float), color="#3b6ea8")
    ax.set_xlabel(column.replace("_", " "))
    ax.set_title(title)
    return _save(fig, out, filename, title, f"{title}: {column.replace('_', ' ')}, first {len(d)}.")


def cooperation_chart(coop: pd.DataFrame, out: Path, filename: str, title: str) -> str:
    """Stacked bars per year: events, agreements, courses; returns the ``<figure>``."""
    d = ana.cooperation_totals(coop).dropna(subset=["year"])
    if not d.empty:  # every year in the range, so a year without cooperation shows as a gap
        span = range(int(d["year"].min()), int(d["year"].max()) + 1)
        d = d.set_index(d["year"].astype(int)).reindex(span, fill_value=0).rename_axis("y").reset_index()
        d["year"] = d["y"]
    fig, ax = _figure(8, 3.6)
    years = [str(int(y)) for y in d["year"]]
    bottom = [0.0] * len(d)
    for col, color in (("events", "#3b6ea8"), ("agreements", "#d9822b"), ("courses", "#4c9a5b")):
        vals = d[col].astype(float).tolist()
        ax.bar(years, vals, bottom=bottom, label=col, color=color)
        bottom = [x + y for x, y in zip(bottom, vals, strict=True)]
    ax.set_ylabel("activities")
    ax.set_title(title)
    ax.legend(loc="upper left")
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    undated = int(ana.cooperation_totals(coop)["year"].isna().sum()) if not coop.empty else 0
    note = f" {undated} undated row(s) left out of the chart." if undated else ""
    return _save(fig, out, filename, title, f"{title} (stacked).{note}")


def training_chart(flows: pd.DataFrame, out: Path, filename: str, *, n: int = 15) -> str:
    """Trainees per (organiser → trained body); returns the ``<figure>``."""
    d = flows.head(n).iloc[::-1]
    fig, ax = _figure(8, max(2.0, 0.4 * len(d) + 1))
    labels = [f"{_short(o, 28)} → {_short(t, 28)}" for o, t in zip(d["organiser"], d["trainees_of"], strict=True)]
    ax.barh(labels, d["trainees"].astype(float), color="#4c9a5b")
    ax.set_xlabel("trainees")
    ax.set_title("Training flows")
    return _save(fig, out, filename, "Training flows", f"Trainees per organiser and trained body, first {len(d)}.")


def analytics_sections(g: nx.MultiDiGraph, out: Path, *, a: str = "VN", b: str = "LA", top: int = 15,
                       seed: int = 0, k: int | None = None) -> list[str]:
    """The analytics part of the report (HTML strings; charts written into ``out``).

    Central officials and bodies, cross-party brokers, communities, cooperation
    per year and training flows, each with the call that produced it. Works on
    the full graph alone (no store), so it is what the benchmark times.
    """
    with without_gc():
        return _analytics_sections(g, Path(out), a=a, b=b, top=top, seed=seed, k=k)


def _analytics_sections(g: nx.MultiDiGraph, out: Path, *, a: str, b: str, top: int, seed: int,
                        k: int | None) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    parts = ['<h2>Analytics</h2><p class="muted">Measured on projections of the graph '
             "(<code>interparty.analytics</code>): officials linked by the events they attended together, "
             "bodies linked by shared events, agreements and courses. Betweenness is exact up to "
             f"{ana.EXACT_BETWEENNESS_LIMIT} nodes, else estimated from a fixed-seed sample (stated below); "
             f"communities use Leiden (modularity) with seed {seed}.</p>"]
    officials = ana.official_graph(g)
    bodies = ana.body_graph(g)
    for label, G, proj, qname in (("officials", officials, "officials", "official_links"),
                                  ("bodies", bodies, "bodies", "events_between_bodies")):
        c = ana.centrality(G, k, seed=seed)
        method = (f"betweenness {c.attrs.get('method', 'exact')} over {c.attrs.get('k', G.number_of_nodes())} "
                  f"of {G.number_of_nodes()} source nodes" if G.number_of_nodes() else "empty graph")
        cols = ["name", "country", "degree", "weighted_degree", "betweenness", "betweenness_sample"]
        parts.append(f"<h2>Most central {label}</h2>")
        parts.append(_produced_by(f'ip.analytics.centrality(kg.to_networkx("{proj}"), seed={seed})',
                                  f"interparty query {qname}" if qname == "official_links" else None,
                                  f"{G.number_of_nodes()} nodes, {G.number_of_edges()} links; {method}."))
        if not c.empty and G.number_of_edges():
            parts.append(ranking_chart(c, "weighted_degree", out, f"central-{label}.png",
                                       f"Most central {label}", n=top))
        parts.append(table(_rounded(c[cols]).head(top)))

    coop = ana.cooperation_by_year(g)
    pair = coop[((coop["side_a"] == a) & (coop["side_b"] == b)) | ((coop["side_a"] == b) & (coop["side_b"] == a))]
    pair = pair.assign(side_a=a, side_b=b).reset_index(drop=True)
    parts.append(f"<h2>Cooperation per year: {html.escape(a)}–{html.escape(b)}</h2>")
    parts.append(_produced_by(f'ip.analytics.cooperation_by_year(kg, a="{a}", b="{b}")',
                              f"interparty query cooperation_by_year -p a={a} -p b={b}",
                              "An activity counts when officials or bodies of both countries took part."))
    if not pair.empty and pair["year"].notna().any():
        parts.append(cooperation_chart(pair, out, "cooperation-per-year.png", f"Cooperation {a}–{b} per year"))
    parts.append(table(pair))
    parts.append("<h2>Cooperation per year, every pair of countries</h2>")
    parts.append(_produced_by("ip.analytics.cooperation_by_year(kg)"))
    parts.append(table(coop))
    rows = []
    for u, v, d in bodies.edges(data=True):
        nu, nv = bodies.nodes[u], bodies.nodes[v]
        if nu.get("country") is not None and nu.get("country") == nv.get("country"):
            continue
        if str(nu.get("name")) > str(nv.get("name")):
            nu, nv = nv, nu
        rows.append((nu.get("name"), nu.get("country"), nv.get("name"), nv.get("country"), d["events"],
                     d["agreements"], d["courses"], d["weight"]))
    if rows:
        totals = pd.DataFrame(rows, columns=["side_a", "country_a", "side_b", "country_b", "events", "agreements",
                                             "courses", "total"])
        totals = totals.sort_values(["total", "side_a", "side_b"], ascending=[False, True, True], kind="stable")
        parts.append("<h2>Cooperating bodies (pairs across countries)</h2>")
        parts.append(_produced_by('kg.to_networkx("bodies").edges(data=True)', None,
                                  "Per year: ip.analytics.cooperation_by_year(kg, by=\"body\"). Summed over the "
                                  "years (the edges of the bodies projection); events count "
                                  "through the officials holding positions in each body, as in the "
                                  "events_between_bodies query."))
        parts.append(table(totals.head(top)))

    for label, G, proj in (("officials", officials, "officials"), ("bodies", bodies, "bodies")):
        br = ana.cross_party_brokers(G, a, b)
        total = br.attrs.get("connected_cross_pairs", 0)
        parts.append(f"<h2>Brokers between {html.escape(a)} and {html.escape(b)}: {label}</h2>")
        parts.append(_produced_by(f'ip.analytics.cross_party_brokers(kg.to_networkx("{proj}"), "{a}", "{b}")', None,
                                  f"{total} ({a}, {b}) pairs are connected; cross_pairs_lost is how many of them "
                                  "would no longer be without this node, cross_links its own links to the other "
                                  "side."))
        parts.append(table(_rounded(br[["name", "country", "cross_links", "cross_pairs_lost", "share_lost"]]
                                    [br["cross_pairs_lost"] > 0]).head(top)))

    cm = ana.communities(officials, seed=seed)
    parts.append("<h2>Communities of officials</h2>")
    parts.append(_produced_by(f'ip.analytics.communities(kg.to_networkx("officials"), seed={seed})', None,
                              f"Leiden, modularity {cm.attrs.get('modularity', 0.0):.3f}."))
    parts.append(table(ana.community_summary(cm).head(top)))

    flows = ana.training_flows(g)
    parts.append("<h2>Training flows</h2>")
    parts.append(_produced_by("ip.analytics.training_flows(kg)", "interparty query training_flows"))
    if not flows.empty:
        parts.append(training_chart(flows, out, "training-flows.png", n=top))
    parts.append(table(flows.drop(columns=["organiser_key", "trainees_key"]).head(top * 4)))
    return parts


def analytics_report(g: nx.MultiDiGraph, out: Path, **options: Any) -> Path:
    """Only the analytics sections, as ``analytics.html`` in ``out`` (for a graph without a store)."""
    out = Path(out)
    body = "".join(analytics_sections(g, out, **options))
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>interparty analytics</title>'
            f"<style>{_CSS}</style></head><body><h1>interparty: analytics</h1>{body}</body></html>")
    path = out / "analytics.html"
    path.write_text(page, encoding="utf-8")
    return path
