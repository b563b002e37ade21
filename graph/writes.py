"""Extractions as batched, idempotent Cypher writes, shared by both stores.

Every write is ``UNWIND $rows AS r MERGE … {key: r.key}``: values only ever
travel as parameters; labels and property names come from the schema. Rows are
aggregated in Python first so each statement touches each key once (MERGE on
a key repeated within one UNWIND is not portable).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from interparty.graph.dialect import Dialect
from interparty.graph.model import Extraction, evidence_key
from interparty.graph.schema import Property, schema

LIST_PROPS = ("evidence", "sources", "aliases")
SEEN_PROPS = ("first_seen", "last_seen", "confidence")
Run = Callable[[str, dict[str, Any]], Any]


def source_prefix(source_key: str) -> str:
    """Every Evidence key of a source starts with this, so a source's facts can be retracted by prefix."""
    return hashlib.sha1(source_key.encode("utf-8")).hexdigest()[:10] + "-"


def _plain(props: Iterable[Property]) -> list[str]:
    return [p.name for p in props if p.name != "key" and p.name not in LIST_PROPS and p.name not in SEEN_PROPS]


def _lists(props: Iterable[Property]) -> list[str]:
    return [p.name for p in props if p.name in LIST_PROPS]


def _sets(var: str, props: tuple[Property, ...], d: Dialect) -> tuple[str, str, str]:
    types = {p.name: p.type for p in props}

    def v(name: str) -> str:
        return d.value(f"r.{name}", types[name])

    plain, lists = _plain(props), _lists(props)
    on_create = [f"{var}.{p} = {v(p)}" for p in plain] + [f"{var}.{p} = {v(p)}" for p in SEEN_PROPS]
    on_match = [f"{var}.{p} = coalesce({var}.{p}, {v(p)})" for p in plain] + [
        f"{var}.first_seen = CASE WHEN {v('first_seen')} IS NULL OR ({var}.first_seen IS NOT NULL AND "
        f"{var}.first_seen <= {v('first_seen')}) THEN {var}.first_seen ELSE {v('first_seen')} END",
        f"{var}.last_seen = CASE WHEN {v('last_seen')} IS NULL OR ({var}.last_seen IS NOT NULL AND "
        f"{var}.last_seen >= {v('last_seen')}) THEN {var}.last_seen ELSE {v('last_seen')} END",
        f"{var}.confidence = CASE WHEN {var}.confidence IS NULL OR {v('confidence')} > {var}.confidence "
        f"THEN {v('confidence')} ELSE {var}.confidence END",
    ]
    always = [f"{var}.{p} = {d.union(f'{var}.{p}', v(p))}" for p in lists]
    return ", ".join(on_create), ", ".join(on_match), ", ".join(always)


@cache
def node_statement(kind: str, d: Dialect) -> str:
    nk = schema().node(kind)
    if not nk.provenance:
        sets = ", ".join(f"n.{p.name} = {d.value(f'r.{p.name}', p.type)}" for p in nk.properties if p.name != "key")
        return f"UNWIND $rows AS r MERGE (n:{kind} {{key: r.key}}) SET {sets}"
    on_create, on_match, always = _sets("n", nk.properties, d)
    return (f"UNWIND $rows AS r MERGE (n:{kind} {{key: r.key}}) "
            f"ON CREATE SET {on_create} ON MATCH SET {on_match} SET {always}")


@cache
def rel_statement(rel_type: str, start: str, end: str, d: Dialect) -> str:
    rt = schema().rel(rel_type)
    on_create, on_match, always = _sets("x", rt.properties, d)
    return (f"UNWIND $rows AS r MATCH (a:{start} {{key: r.from_key}}), (b:{end} {{key: r.to_key}}) "
            f"MERGE (a)-[x:{rel_type} {{key: r.key}}]->(b) "
            f"ON CREATE SET {on_create} ON MATCH SET {on_match} SET {always}")


def retract_statements(d: Dialect) -> list[str]:
    """Remove one source's support everywhere ($source, $prefix); facts left without support go.

    The parameters are bound to variables first: list lambdas in Ladybug may not name parameters.
    """
    s = schema()
    bind = "WITH $source AS src, $prefix AS pre "
    out = ["MATCH (e:Evidence) WHERE e.source = $source DELETE e"]
    for rt in s.relationships.values():
        out.append(f"{bind}MATCH ()-[x:{rt.name}]->() WHERE src IN x.sources "
                   f"SET x.sources = {d.without('x.sources', 'src')}, "
                   f"x.evidence = {d.without_prefix('x.evidence', 'pre')}")
        out.append(f"MATCH ()-[x:{rt.name}]->() WHERE size(x.sources) = 0 DELETE x")
    for nk in s.nodes.values():
        if nk.provenance:
            out.append(f"{bind}MATCH (n:{nk.name}) WHERE src IN n.sources "
                       f"SET n.sources = {d.without('n.sources', 'src')}, "
                       f"n.evidence = {d.without_prefix('n.evidence', 'pre')}")
            out.append(f"MATCH (n:{nk.name}) WHERE size(n.sources) = 0 DETACH DELETE n")
    out.append("MATCH (s:Source {key: $source}) DELETE s")
    return out


@dataclass
class Batch:
    """Rows ready to write, aggregated over one or more extractions."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    rels: dict[tuple[str, str, str], dict[tuple[str, str, str], dict[str, Any]]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return (len(self.evidence) + sum(map(len, self.nodes.values())) + sum(map(len, self.rels.values())))


@cache
def _columns(kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(plain, list) property names of a node kind or relationship type, computed once."""
    s = schema()
    props = s.nodes[kind].properties if kind in s.nodes else s.rel(kind).properties
    return tuple(_plain(props)), tuple(_lists(props))


def _merge_row(have: dict[str, Any], row: dict[str, Any], plain: tuple[str, ...], lists: tuple[str, ...]) -> None:
    """Fold a repeated fact's row into the first one (only called for repeats)."""
    for p in plain:
        if have.get(p) is None:
            have[p] = row.get(p)
    for p in lists:  # ordered sets (dicts) while preparing: a repeat costs its own size, not the total's
        have[p].update(row[p])
    for p, better in (("first_seen", min), ("last_seen", max), ("confidence", max)):
        a, b = have.get(p), row.get(p)
        have[p] = a if b is None else b if a is None else better(a, b)


def prepare(extractions: Iterable[Extraction]) -> Batch:
    batch = Batch()
    for ex in extractions:
        src = ex.source
        batch.sources.append(src.props())
        prefix = source_prefix(src.key)

        def support(fact_id: str, mentions: list, *, _prefix: str = prefix) -> tuple[list[str], float | None]:
            keys = []
            for m in mentions:
                k = _prefix + evidence_key(fact_id, m)
                keys.append(k)
                batch.evidence.append({"key": k, "fact": fact_id, "source": m.source, "sentence": m.sentence,
                                       "span_start": m.start, "span_end": m.end, "method": m.method,
                                       "confidence": m.confidence})
            return keys, max((m.confidence for m in mentions), default=None)

        for n in ex.nodes:
            plain, lists = _columns(n.kind)
            ev, conf = support(f"{n.kind}:{n.key}", n.mentions)
            row = {p: n.props.get(p) for p in plain}
            row |= {"key": n.key, "evidence": dict.fromkeys(ev), "sources": {src.key: None}, "confidence": conf,
                    "first_seen": src.date, "last_seen": src.date}
            if "aliases" in lists:
                names = [*n.props.get("aliases", []), n.props.get("name")]
                row["aliases"] = dict.fromkeys(a for a in names if a)
            table = batch.nodes.setdefault(n.kind, {})
            if (have := table.get(n.key)) is None:
                table[n.key] = row
            else:
                _merge_row(have, row, plain, lists)
        for r in ex.rels:
            plain, lists = _columns(r.type)
            ev, conf = support(f"{r.type}:{r.start[1]}>{r.end[1]}:{r.key}", r.mentions)
            row = {p: r.props.get(p) for p in plain}
            row |= {"key": r.key, "from_key": r.start[1], "to_key": r.end[1], "evidence": dict.fromkeys(ev),
                    "sources": {src.key: None}, "confidence": conf, "first_seen": src.date, "last_seen": src.date}
            table_r = batch.rels.setdefault((r.type, r.start[0], r.end[0]), {})
            ident = (r.start[1], r.end[1], r.key)
            if (have_r := table_r.get(ident)) is None:
                table_r[ident] = row
            else:
                _merge_row(have_r, row, plain, lists)
    seen: set[str] = set()
    batch.evidence = [e for e in batch.evidence if not (e["key"] in seen or seen.add(e["key"]))]
    for table in (*batch.nodes.values(), *batch.rels.values()):
        for row in table.values():
            for p in LIST_PROPS:
                if p in row:
                    row[p] = list(row[p])
    return batch


def chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def write(run: Run, batch: Batch, d: Dialect, chunk: int = 5000) -> None:
    """All statements for a batch, nodes before the relationships that need them."""
    for rows in chunks(batch.sources, chunk):
        run(node_statement("Source", d), {"rows": rows})
    for rows in chunks(batch.evidence, chunk):
        run(node_statement("Evidence", d), {"rows": rows})
    for kind, table in batch.nodes.items():
        for rows in chunks(list(table.values()), chunk):
            run(node_statement(kind, d), {"rows": rows})
    for (rel_type, start, end), table_r in batch.rels.items():
        for rows in chunks(list(table_r.values()), chunk):
            run(rel_statement(rel_type, start, end, d), {"rows": rows})


def retract(run: Run, source_key: str, d: Dialect) -> None:
    params = {"source": source_key, "prefix": source_prefix(source_key)}
    for stmt in retract_statements(d):
        run(stmt, {k: v for k, v in params.items() if f"${k}" in stmt})


def loaded_hashes(store: Any, keys: Sequence[str]) -> dict[str, str]:
    """Content hash of each of these sources already in ``store`` (the ingest record)."""
    if not keys:
        return {}
    df = store.read("MATCH (s:Source) WHERE s.key IN $keys RETURN s.key AS key, s.content_hash AS hash",
                    {"keys": list(keys)})
    return dict(zip(df["key"], df["hash"], strict=True))


def write_extractions(store: Any, extractions: Sequence[Extraction], replace: Sequence[str] = ()) -> None:
    """Retract the sources in ``replace`` and write ``extractions``, in one of ``store``'s transactions."""
    batch = prepare(extractions)

    def work(run: Run) -> None:
        for key in replace:
            retract(run, key, store.dialect)
        write(run, batch, store.dialect)

    store.transaction(work)
