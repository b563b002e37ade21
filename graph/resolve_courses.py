"""One class, one node: linking a plan's classes to the classes articles report.

Course keys are per source (``<source>|course|<n>``): two articles about "a class
for Lao cadres" may well be about different classes, so nothing merges them at
write time. A plan document is different: it *defines* its classes, and an article
that cites the plan and reports one of them is reporting that very class. After
ingest, :func:`reconcile_courses` merges such pairs, precisely rather than greedily:

1. **Twins of one plan.** The same plan kept as DOCX and PDF (or two copies of a
   decision) yields the same classes twice: plan courses under the same Plan with
   the same name and no conflicting figure are one.
2. **A plan's class and an article's class.** An article course is *under* a plan
   when the plan PROVIDES_FOR it, or when its article reports that plan providing
   for courses (the seed article says "Kế hoạch số 230-KH/TU ... tổ chức 2 Lớp ..."
   in one sentence and reports the first class in others) and the course is tied to
   no other plan. It is merged with a plan course of that plan when nothing they
   both state conflicts (sizes, duration, start month, the trainees' sector —
   "đảng, đoàn thể" vs "chính quyền" — and TRAINS bodies) **and** there is positive
   evidence: at least two of participants / trainees / managers stated on both and
   equal, or both are called the same ordinal ("lớp thứ nhất") in their sentences.
   A merge happens only when exactly one plan class fits the article course and
   exactly one course of that article fits the plan class, so an article's total
   for "2 lớp" (62 people) never swallows a class of 31.

The plan's course is kept (its key is stable and its name is the plan's own); the
article's course is folded in with :func:`interparty.graph.resolve.merge_nodes`, so
its relationships, evidence and sources move over and the article's date fills the
plan's gap. Re-running is a no-op; re-ingesting either source re-creates its course
and the next run merges it again.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from interparty.graph.normalize import fold
from interparty.graph.resolve import Merge, _UnionFind, apply_merges
from interparty.graph.store import Store

SIZES = ("participants", "trainees", "managers")
_ORDINAL = re.compile(r"\b(?:lớp|khóa) thứ (nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|\d{1,2})\b")
_ORDINALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_SECTORS = (("party", re.compile(r"đảng,\s*đoàn thể|công tác đảng|khối đảng")),
            ("government", re.compile(r"chính quyền")))


@dataclass
class CourseInfo:
    """What the store says of one Course node, as far as matching needs it."""

    key: str
    name: str = ""
    sizes: dict[str, int] = field(default_factory=dict)
    duration: str | None = None
    start_date: str | None = None
    sources: frozenset[str] = frozenset()
    plans: frozenset[str] = frozenset()
    trains: frozenset[str] = frozenset()
    sentences: tuple[str, ...] = ()
    from_plan: bool = False

    @property
    def ordinal(self) -> int | None:
        """"lớp thứ nhất" -> 1, when the course's sentences name exactly one ordinal (a sentence naming
        "lớp thứ nhất ... và lớp thứ hai" says nothing about which one this is)."""
        found: set[int] = set()
        for s in self.sentences:
            hits = {int(x) if x.isdigit() else _ORDINALS[x] for x in _ORDINAL.findall(fold(s))}
            if len(hits) == 1:
                found |= hits
        return found.pop() if len(found) == 1 else None

    @property
    def sector(self) -> str | None:
        """Whose cadres, by sector, as the name says: "party" (đảng, đoàn thể) or "government" (chính quyền)."""
        name = fold(self.name)
        hits = {s for s, rx in _SECTORS if rx.search(name)}
        return hits.pop() if len(hits) == 1 else None


def _duration(text: str | None) -> str | None:
    if not text:
        return None
    m = re.match(r"0*(\d+)\s+(\S+)", fold(text))
    return f"{m.group(1)} {m.group(2)}" if m else fold(text)


def conflicts(a: CourseInfo, b: CourseInfo) -> bool:
    """True when the two courses state something that cannot both be true of one class."""
    if any(k in a.sizes and k in b.sizes and a.sizes[k] != b.sizes[k] for k in SIZES):
        return True
    da, db = _duration(a.duration), _duration(b.duration)
    if da and db and da != db:
        return True
    if a.start_date and b.start_date:
        month = min(len(a.start_date), len(b.start_date), 7)  # "2024-07" of a plan fits "2024-07-15"
        if a.start_date[:month] != b.start_date[:month]:
            return True
    if a.sector and b.sector and a.sector != b.sector:
        return True
    if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
        return True
    return bool(a.trains and b.trains and not a.trains & b.trains)


def same_class(article: CourseInfo, planned: CourseInfo) -> bool:
    """Nothing conflicts, and there is evidence: two or more equal sizes, or the same ordinal."""
    if conflicts(article, planned):
        return False
    shared = [k for k in SIZES if k in article.sizes and k in planned.sizes]
    return len(shared) >= 2 or (article.ordinal is not None and article.ordinal == planned.ordinal)


def _int(v: Any) -> int | None:
    try:
        return None if v is None or v != v else int(v)  # NaN from pandas is not a size
    except (TypeError, ValueError):
        return None


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v else None


def _list(v: Any) -> list[str]:
    return [x for x in v if isinstance(x, str)] if isinstance(v, list | tuple) or hasattr(v, "tolist") else []


def load(store: Store) -> tuple[dict[str, CourseInfo], dict[str, set[str]]]:
    """Every course with what matching needs, and for each source the plans it reports providing for courses."""
    plan_sources = {r.key for r in store.read("MATCH (s:Source) RETURN s.key AS key, s.kind AS kind")
                    .itertuples(index=False) if r.kind == "plan"}
    df = store.read("MATCH (c:Course) RETURN c.key AS key, c.name AS name, c.participants AS participants, "
                    "c.trainees AS trainees, c.managers AS managers, c.duration AS duration, "
                    "c.start_date AS start_date, c.sources AS sources")
    rows = {r["key"]: r for r in df.to_dict("records")}
    plans: dict[str, set[str]] = defaultdict(set)
    reported: dict[str, set[str]] = defaultdict(set)
    for r in store.read("MATCH (p:Plan)-[x:PROVIDES_FOR]->(c:Course) RETURN p.key AS plan, c.key AS course, "
                        "x.sources AS sources").to_dict("records"):
        plans[r["course"]].add(r["plan"])
        for s in _list(r["sources"]):
            reported[s].add(r["plan"])
    trains: dict[str, set[str]] = defaultdict(set)
    for r in store.read("MATCH (c:Course)-[:TRAINS]->(b:Body) RETURN c.key AS course, b.key AS body"
                        ).to_dict("records"):
        trains[r["course"]].add(r["body"])
    sentences: dict[str, list[str]] = defaultdict(list)
    if rows:
        facts = [f"Course:{k}" for k in rows]
        for r in store.read("MATCH (e:Evidence) WHERE e.fact IN $facts RETURN e.fact AS fact, e.sentence AS sentence",
                            {"facts": facts}).to_dict("records"):
            if isinstance(r["sentence"], str):
                sentences[r["fact"].split(":", 1)[1]].append(r["sentence"])
    courses = {}
    for key, r in rows.items():
        sources = frozenset(_list(r["sources"]))
        courses[key] = CourseInfo(
            key=key, name=_str(r["name"]) or "", duration=_str(r["duration"]), start_date=_str(r["start_date"]),
            sizes={k: v for k in SIZES if (v := _int(r[k])) is not None}, sources=sources,
            plans=frozenset(plans.get(key, ())), trains=frozenset(trains.get(key, ())),
            sentences=tuple(sorted(sentences.get(key, ()))), from_plan=bool(sources & plan_sources))
    return courses, reported


def plan_merges(courses: dict[str, CourseInfo], reported: dict[str, set[str]]) -> list[Merge]:
    """The merges that join plan classes with their twins and with the article classes that report them."""
    planned = sorted((c for c in courses.values() if c.from_plan and c.plans), key=lambda c: c.key)
    uf = _UnionFind(c.key for c in planned)
    # 1. twins: the same class of the same plan read from two documents
    for i, a in enumerate(planned):
        for b in planned[i + 1:]:
            if a.plans & b.plans and fold(a.name) == fold(b.name) and not conflicts(a, b):
                uf.union(a.key, b.key)
    groups: dict[str, list[CourseInfo]] = defaultdict(list)
    for c in planned:
        groups[uf.find(c.key)].append(c)
    merges = [Merge("Course", root, c.key) for root, members in groups.items() for c in members if c.key != root]

    def merged(root: str, members: list[CourseInfo]) -> CourseInfo:
        """A twin group seen as one class, keyed by the node it is merged into: the union of what its members state."""
        sizes: dict[str, int] = {}
        for m in members:
            sizes = {**m.sizes, **sizes}
        return CourseInfo(key=root, name=courses[root].name, sizes=sizes,
                          duration=next((m.duration for m in members if m.duration), None),
                          start_date=next((m.start_date for m in members if m.start_date), None),
                          plans=frozenset().union(*(m.plans for m in members)),
                          trains=frozenset().union(*(m.trains for m in members)),
                          sentences=tuple(s for m in members for s in m.sentences), from_plan=True)

    classes = [merged(root, g) for root, g in groups.items()]
    # 2. article classes under one of the plan's classes
    candidates: dict[str, list[str]] = {}
    for a in sorted((c for c in courses.values() if not c.from_plan), key=lambda c: c.key):
        under = set(a.plans) or set().union(*(reported.get(s, set()) for s in a.sources))
        if a.plans - under or not under:
            continue
        fits = [p.key for p in classes if p.plans & under and same_class(a, p)]
        if len(fits) == 1:
            candidates[a.key] = fits
    per_class: dict[tuple[str, frozenset[str]], list[str]] = defaultdict(list)
    for a_key, (p_key,) in candidates.items():
        per_class[(p_key, courses[a_key].sources)].append(a_key)
    for (p_key, _), a_keys in sorted(per_class.items()):
        if len(a_keys) == 1:  # two classes of one article fitting one plan class: ambiguous, leave both
            merges.append(Merge("Course", p_key, a_keys[0]))
    return merges


def reconcile_courses(store: Store) -> list[Merge]:
    """Merge each plan class with its twins and with the article classes that report it; returns the merges.

    Call after :func:`interparty.graph.resolve.reconcile` (bodies first, so TRAINS targets compare by
    their resolved keys). Idempotent, and a function of the store's contents only.
    """
    courses, reported = load(store)
    merges = plan_merges(courses, reported)
    apply_merges(store, merges)
    return merges


def describe(merges: Iterable[Merge]) -> list[str]:
    """One line per merge, for reports and logs."""
    return [f"Course {m.drop} -> {m.keep}" for m in merges]


__all__ = ["CourseInfo", "conflicts", "describe", "load", "plan_merges", "reconcile_courses", "same_class"]
