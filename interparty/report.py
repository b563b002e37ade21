"""The main job's output: views and a readable summary of what the graph holds.

Every table in the report is a named query's result, and says which query (and
parameters) produced it, so a researcher can re-run it in Neo4j Browser.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from interparty.api import Graph
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


def _views(kg: Graph, out: Path) -> list[tuple[str, str, str]]:
    """Write the standard views; returns (file, title, note) for each one written."""
    from interparty.viz.views import bilateral, course, ego, hierarchy, timeline

    g = kg.to_networkx(with_evidence=True)
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


def write_report(kg: Graph, out: Path) -> Path:
    """Views and ``index.html`` into ``out``; returns the index's path."""
    out.mkdir(parents=True, exist_ok=True)
    counts = kg.counts()
    views = _views(kg, out)
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
    parts.append("</body></html>")
    index = out / "index.html"
    index.write_text("".join(parts), encoding="utf-8")
    return index
