"""One event, one node: the same visit or talks reported by several articles, in either language.

Event keys are per source, since two articles' "talks on 4 April" may be different talks.
After ingest, :func:`reconcile_events` merges events that agree on

* the kind (visit, talks, reception, signing, ...), and
* the day and month, with years that are equal or unknown on one side, and
* who was there: at least one official attended both (officials are resolved first, so
  "Dinh Tien Dung" and "Đinh Tiến Dũng" count as one), or, when both dates carry the same
  year, the same place.

Two articles found to report the same event are then read as reporting the same occasion:
an undated event of a kind that each of them reports exactly once (the signing at those
talks) is the same event too.

An event is merged only when exactly one event of another source fits it; the kept node
is the one with a full date (then the smaller key), so the graph does not depend on the
order sources arrived in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from interparty.graph.resolve import Merge, _UnionFind, apply_merges
from interparty.graph.store import Store


@dataclass
class EventInfo:
    key: str
    kind: str
    date: str | None
    sources: frozenset[str]
    officials: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)

    @property
    def month_day(self) -> str | None:
        return self.date[-5:] if self.date and len(self.date) >= 7 else None

    @property
    def year(self) -> str | None:
        return self.date[:4] if self.date and self.date[:4].isdigit() else None


def _list(v: Any) -> list[str]:
    return [x for x in (v.tolist() if hasattr(v, "tolist") else v or []) if isinstance(x, str)]


def load(store: Store) -> list[EventInfo]:
    df = store.read("MATCH (e:Event) RETURN e.key AS key, e.kind AS kind, e.date AS date, e.sources AS sources")
    events = {r.key: EventInfo(r.key, r.kind or "other", r.date if isinstance(r.date, str) else None,
                               frozenset(_list(r.sources))) for r in df.itertuples(index=False)}
    for r in store.read("MATCH (o:Official)-[:ATTENDED]->(e:Event) RETURN e.key AS e, o.key AS o").itertuples():
        events[r.e].officials.add(r.o)
    for r in store.read("MATCH (e:Event)-[:HELD_IN]->(p:Place) RETURN e.key AS e, p.key AS p").itertuples():
        events[r.e].places.add(r.p)
    return list(events.values())


def same_event(a: EventInfo, b: EventInfo) -> bool:
    if a.sources & b.sources or a.kind != b.kind or not a.month_day or a.month_day != b.month_day:
        return False
    if a.year and b.year and a.year != b.year:
        return False
    if a.officials & b.officials:
        return True
    return bool(a.year and a.year == b.year and a.places & b.places)


def plan_merges(events: list[EventInfo]) -> list[Merge]:
    fits: dict[str, list[str]] = defaultdict(list)
    by_day: dict[tuple[str, str], list[EventInfo]] = defaultdict(list)
    for e in events:
        if e.month_day:
            by_day[(e.kind, e.month_day)].append(e)
    for group in by_day.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if same_event(a, b):
                    fits[a.key].append(b.key)
                    fits[b.key].append(a.key)
    by_key = {e.key: e for e in events}
    uf = _UnionFind(by_key)
    for a, others in fits.items():
        # Unambiguous: per other source, at most one candidate.
        per_source: dict[frozenset[str], list[str]] = defaultdict(list)
        for b in others:
            per_source[by_key[b].sources].append(b)
        for candidates in per_source.values():
            if len(candidates) == 1:
                uf.union(a, candidates[0])
    _same_occasion(events, uf)
    _written_again(events, uf)
    groups: dict[str, list[EventInfo]] = defaultdict(list)
    for e in events:
        groups[uf.find(e.key)].append(e)
    merges = []
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = min(members, key=lambda e: (e.year is None, e.key)).key
        merges += [Merge("Event", keep, e.key) for e in members if e.key != keep]
    return merges


def _written_again(events: list[EventInfo], uf: _UnionFind) -> None:
    """An event a source wrote again after it had been merged into another (two ingests at once: one
    merged while the other was still writing): the merged event already counts that source among its
    own and is of the same kind and day, or both are undated and the source reports that kind once.
    A source writes one event per kind and day, so the merged one is that event."""
    merged: dict[tuple[str, str | None], list[EventInfo]] = defaultdict(list)  # (kind, month-day) -> events
    per_source_kind: dict[tuple[frozenset[str], str], int] = defaultdict(int)
    for e in events:
        per_source_kind[(e.sources, e.kind)] += 1
        if len(e.sources) > 1:
            merged[(e.kind, e.month_day if e.date else None)].append(e)
    for x in events:
        if not x.date and per_source_kind[(x.sources, x.kind)] > 1:
            continue
        hits = [y for y in merged.get((x.kind, x.month_day if x.date else None), ())
                if x.sources < y.sources and not (x.year and y.year and x.year != y.year)]
        if len(hits) == 1:
            uf.union(x.key, hits[0].key)


def _same_occasion(events: list[EventInfo], uf: _UnionFind) -> None:
    """Undated events that two co-reporting sources each mention once per kind are one."""
    linked: set[tuple[frozenset[str], frozenset[str]]] = set()
    by_root: dict[str, list[EventInfo]] = defaultdict(list)
    for e in events:
        by_root[uf.find(e.key)].append(e)
    for members in by_root.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.sources != b.sources:
                    linked.add((a.sources, b.sources))
    per_source_kind: dict[tuple[frozenset[str], str], list[EventInfo]] = defaultdict(list)
    for e in events:
        per_source_kind[(e.sources, e.kind)].append(e)
    for sa, sb in linked:
        for (src, kind), group in per_source_kind.items():
            if src != sa:
                continue
            other = per_source_kind.get((sb, kind), [])
            if len(group) == 1 and len(other) == 1 and group[0].date is None and other[0].date is None:
                uf.union(group[0].key, other[0].key)


def agreement_merges(store: Store) -> list[Merge]:
    """Agreements signed at one (merged) event whose period and count do not conflict are one;
    per source at most one candidate, or nothing is merged."""
    df = store.read("MATCH (g:Agreement)-[:SIGNED_AT]->(e:Event) RETURN g.key AS key, g.period AS period, "
                    "g.count AS count, g.sources AS sources, e.key AS event")
    by_event: dict[str, list[Any]] = defaultdict(list)
    for r in df.itertuples(index=False):
        by_event[r.event].append(r)

    def agree(a: Any, b: Any) -> bool:
        for x, y in ((a.period, b.period), (a.count, b.count)):
            if isinstance(x, str | int | float) and isinstance(y, str | int | float) and x == x and y == y and x != y:
                return False
        return not set(_list(a.sources)) & set(_list(b.sources))

    merges = []
    for rows in by_event.values():
        per_source: dict[frozenset[str], list[Any]] = defaultdict(list)
        for r in rows:
            per_source[frozenset(_list(r.sources))].append(r)
        if len(per_source) < 2 or any(len(v) > 1 for v in per_source.values()):
            continue
        singles = [v[0] for v in per_source.values()]
        if all(agree(a, b) for i, a in enumerate(singles) for b in singles[i + 1:]):
            keep = min(r.key for r in singles)
            merges += [Merge("Agreement", keep, r.key) for r in singles if r.key != keep]
    return merges


def reconcile_events(store: Store) -> list[Merge]:
    """Merge the events (then the agreements signed at them) several sources report; returns the merges."""
    merges = plan_merges(load(store))
    apply_merges(store, merges)
    agreements = agreement_merges(store)
    apply_merges(store, agreements)
    return merges + agreements
