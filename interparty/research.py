"""The researcher's Python API: officials, positions, events, projections and records.

:class:`ResearchMixin` gives ``interparty.Graph`` (which inherits it) the
questions researchers ask most, each answered by a named query from
``queries/`` so the same answer is one ``interparty query …`` away on the
command line or in Neo4j Browser::

    import interparty as ip
    kg = ip.open("graph.lbdb")                  # or ip.open(neo4j="bolt://localhost:7687")
    kg.officials(body="Thành ủy Hà Nội", on="2024-07")
    kg.positions("Nguyễn Thị Tuyến")
    kg.events(between=("VN", "LA"), year=2024)
    G = kg.to_networkx("officials")             # officials linked by shared events
    ip.analytics.centrality(G)

Single records (:meth:`ResearchMixin.official`, :meth:`~ResearchMixin.body`,
:meth:`~ResearchMixin.event`) come back as pydantic models; tables as pandas
DataFrames.

:func:`demo_extractions` holds the facts of the seed article (and two more
Hanoi–Vientiane sources) typed in by hand, so examples and tests run on a graph
whose every number can be checked by reading the article:

>>> import interparty, tempfile, pathlib
>>> kg = interparty.open(pathlib.Path(tempfile.mkdtemp()) / "demo.lbdb")
>>> kg.store.write(demo_extractions())
>>> len(kg.events(year=2024))
2
>>> kg.official("Nguyễn Thị Tuyến").country
'VN'
>>> kg.close()
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx
import pandas as pd
from pydantic import BaseModel, Field

import interparty.analytics as analytics  # noqa: F401  (makes ``interparty.analytics`` available)
from interparty.graph.model import Extraction, Mention, NodeFact, RelFact, SourceDoc, consolidate
from interparty.graph.normalize import fold
from interparty.graph.projections import full_graph
from interparty.graph.projections_research import PROJECTIONS
from interparty.queries.library import get

__all__ = ["BodyRecord", "EventRecord", "OfficialRecord", "PositionRecord", "ResearchMixin", "demo_extractions"]

_COUNTRY = re.compile(r"^[A-Z]{2}$")


# ---------------------------------------------------------------- records


class PositionRecord(BaseModel):
    """A title an official held in a body, as the sources show it between ``first_seen`` and ``last_seen``."""

    title: str | None = None
    body: str | None = None
    role: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    sources: int = 0


class OfficialRecord(BaseModel):
    """One official with their positions."""

    key: str
    name: str
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    sources: list[str] = Field(default_factory=list)
    positions: list[PositionRecord] = Field(default_factory=list)


class BodyRecord(BaseModel):
    """One body, with the body it is part of and the bodies directly under it."""

    key: str
    name: str
    category: str | None = Field(None, description="The stored kind: party committee, commission, ...")
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    part_of: list[str] = Field(default_factory=list)
    parts: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class EventRecord(BaseModel):
    """One event with who attended and which bodies organised or took part."""

    key: str
    name: str | None = None
    category: str | None = Field(None, description="visit, talks, reception, signing, opening, ...")
    date: str | None = None
    year_inferred: bool | None = None
    place: str | None = None
    attendees: list[str] = Field(default_factory=list)
    bodies: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def _one(df: pd.DataFrame, what: str, name: str) -> dict[str, Any]:
    if df.empty:
        raise LookupError(f"no {what} called {name!r} in the graph")
    return {k: _clean(v) for k, v in df.iloc[0].items()}


# ---------------------------------------------------------------- the mixin


class ResearchMixin:
    """Research questions over ``self.store``; mixed into :class:`interparty.Graph`.

    Everything here is a thin layer: a named query (see ``interparty query
    --list``) or a projection from :mod:`interparty.graph.projections_research`.
    """

    store: Any

    def _named(self, name: str, **params: Any) -> pd.DataFrame:
        q = get(name)
        return self.store.read(q.cypher, q.bind(params))

    # tables

    def officials(self, body: str | None = None, on: str | int | None = None) -> pd.DataFrame:
        """Officials: all of them, those of a ``body``, and/or those in office ``on`` a date.

        ``on`` is a date, month or year (``"2024-07-15"``, ``"2024-07"``, ``2024``).
        Runs ``officials_of_body`` (with ``body``), ``officials_in_office`` (only ``on``)
        or ``officials`` (neither).
        """
        on_date = "" if on is None else str(on)
        if body:
            return self._named("officials_of_body", body=body, on_date=on_date)
        if on_date:
            return self._named("officials_in_office", on_date=on_date)
        return self._named("officials")

    def positions(self, official: str) -> pd.DataFrame:
        """Every title the ``official`` held, in which body, first and last seen (``positions_of_official``)."""
        return self._named("positions_of_official", official=official)

    def events(self, between: tuple[str, str] | None = None, year: str | int | None = None) -> pd.DataFrame:
        """Events, optionally of one ``year`` and ``between`` two sides.

        ``between`` takes two country codes (``("VN", "LA")``: events attended by
        officials of both, ``events_between_countries``) or two bodies by name or
        key (events both took part in, directly or through their officials,
        ``events_between_bodies``).
        """
        y = "" if year is None else str(year)
        if between is None:
            return self._named("events", year=y)
        a, b = between
        if _COUNTRY.match(a) and _COUNTRY.match(b):
            return self._named("events_between_countries", a=a, b=b, year=y)
        return self._named("events_between_bodies", a=a, b=b, year=y)

    # single records

    def official(self, name: str) -> OfficialRecord:
        """One official by name or key, with positions; raises ``LookupError`` when there is none."""
        df = self.store.read("MATCH (o:Official {key: $key}) RETURN o.key AS key, o.name AS name, "
                             "o.country AS country, o.aliases AS aliases, o.first_seen AS first_seen, "
                             "o.last_seen AS last_seen, o.sources AS sources", {"key": fold(name)})
        row = _one(df, "official", name)
        positions = [PositionRecord(**{k: _clean(v) for k, v in r.items()
                                       if k in PositionRecord.model_fields})
                     for r in self.positions(name).to_dict("records")]
        return OfficialRecord(**{k: v for k, v in row.items() if v is not None}, positions=positions)

    def body(self, name: str) -> BodyRecord:
        """One body by name or key, with its parent and parts; raises ``LookupError`` when there is none."""
        key = fold(name)
        df = self.store.read("MATCH (b:Body {key: $key}) RETURN b.key AS key, b.name AS name, b.kind AS category, "
                             "b.country AS country, b.aliases AS aliases, b.sources AS sources", {"key": key})
        row = _one(df, "body", name)
        up = self.store.read("MATCH (:Body {key: $key})-[:PART_OF]->(p:Body) RETURN p.name AS name ORDER BY name",
                             {"key": key})
        down = self.store.read("MATCH (c:Body)-[:PART_OF]->(:Body {key: $key}) RETURN c.name AS name ORDER BY name",
                               {"key": key})
        return BodyRecord(**{k: v for k, v in row.items() if v is not None},
                          part_of=up["name"].tolist(), parts=down["name"].tolist())

    def event(self, key: str) -> EventRecord:
        """One event by key (the ``events`` query lists them), with attendees and bodies."""
        df = self.store.read("MATCH (e:Event {key: $key}) RETURN e.key AS key, e.name AS name, e.kind AS category, "
                             "e.date AS date, e.year_inferred AS year_inferred, e.sources AS sources", {"key": key})
        row = _one(df, "event", key)
        who = self.store.read("MATCH (o:Official)-[:ATTENDED]->(:Event {key: $key}) RETURN o.name AS name "
                              "ORDER BY name", {"key": key})
        bodies = self.store.read("MATCH (b:Body)-[:ORGANIZED|TOOK_PART_IN]->(:Event {key: $key}) "
                                 "RETURN DISTINCT b.name AS name ORDER BY name", {"key": key})
        place = self.store.read("MATCH (:Event {key: $key})-[:HELD_IN]->(p:Place) RETURN p.name AS name "
                                "ORDER BY name", {"key": key})
        return EventRecord(**{k: v for k, v in row.items() if v is not None}, attendees=who["name"].tolist(),
                           bodies=bodies["name"].tolist(),
                           place=place["name"].iloc[0] if not place.empty else None)

    # graphs

    def to_networkx(self, projection: str = "full", *, with_evidence: bool = False, **options: Any) -> nx.Graph:
        """The graph, or one of its research projections, as a NetworkX graph.

        ``projection`` is one of ``full`` (every node and relationship, a
        MultiDiGraph; ``with_evidence=True`` attaches the supporting sentences),
        ``officials``, ``bodies``, ``official_event``, ``hierarchy`` or
        ``training``; ``options`` go to the projection function (for example
        ``year=2024`` or ``via_officials=False`` for ``bodies``).
        """
        if projection == "full":
            if options:
                raise TypeError(f"the full graph takes no options, not {', '.join(options)}")
            return full_graph(self.store, with_evidence=with_evidence)
        if projection not in PROJECTIONS:
            raise ValueError(f"no projection {projection!r}; choose from {', '.join(PROJECTIONS)}")
        return PROJECTIONS[projection](full_graph(self.store), **options)


# ---------------------------------------------------------------- demo data


class _Doc:
    """Facts typed in from one source; each fact points at the sentence that states it."""

    def __init__(self, key: str, date: str, title: str, text: str) -> None:
        self.doc = SourceDoc(key=key, text=text, title=title, date=date, url=f"sample://{key}")
        self.nodes: list[NodeFact] = []
        self.rels: list[RelFact] = []

    def _m(self, cue: str) -> Mention:
        start = self.doc.text.find(cue)
        if start < 0:
            raise ValueError(f"{cue!r} is not in {self.doc.key}")
        # the sentence: from the previous full stop to the next
        s = self.doc.text.rfind(". ", 0, start) + 1
        e = self.doc.text.find(". ", start)
        e = len(self.doc.text) if e < 0 else e + 1
        return Mention(source=self.doc.key, sentence=self.doc.text[s:e].strip(), start=start,
                       end=start + len(cue), method="typed_in", confidence=1.0)

    def node(self, node_kind: str, name: str, cue: str, /, key: str | None = None, **props: Any) -> tuple[str, str]:
        key = key or fold(name)
        if node_kind in ("Event", "Agreement", "Course"):
            props.setdefault("year_inferred", False)
        self.nodes.append(NodeFact(kind=node_kind, key=key, props={"name": name, **props}, mentions=[self._m(cue)]))
        return (node_kind, key)

    def rel(self, rel_type: str, a: tuple[str, str], b: tuple[str, str], cue: str, **props: Any) -> None:
        key = f"{a[1]}|{b[1]}" + (f"|{fold(props['title'])}" if "title" in props else "")
        self.rels.append(RelFact(type=rel_type, start=a, end=b, key=key, props=props, mentions=[self._m(cue)]))

    def build(self) -> Extraction:
        return consolidate(Extraction(source=self.doc, nodes=self.nodes, rels=self.rels))


_SEED_TEXT = (
    "Sáng 15-7, Thành ủy Hà Nội tổ chức khai giảng lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể "
    "Thủ đô Viêng Chăn, Lào năm 2024. Dự lễ khai giảng có các đồng chí: Phó Bí thư Thường trực Thành ủy Hà Nội "
    "Nguyễn Thị Tuyến; Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô "
    "Viêng Chăn Virasack Nammountry - Trưởng đoàn cán bộ Thủ đô Viêng Chăn sang học tập tại Hà Nội. Cùng dự "
    "còn có các đồng chí Ủy viên Ban Thường vụ Thành ủy Hà Nội: Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành "
    "phố Nguyễn Lan Hương, Trưởng ban Tổ chức Thành ủy Vũ Đức Bảo, Chủ nhiệm Ủy ban Kiểm tra Thành ủy Hoàng "
    "Trọng Quyết, Trưởng ban Tuyên giáo Thành ủy Nguyễn Doãn Toản. Trong chuyến thăm và làm việc tại Lào hai "
    "ngày 11 và 12-3 vừa qua của Đoàn đại biểu cấp cao thành phố Hà Nội, hai bên đã ký 8 biên bản hợp tác. "
    "Ngày 9-4-2024, Ban Thường vụ Thành ủy Hà Nội đã ban hành Kế hoạch số 230-KH/TU. Tham gia lớp bồi dưỡng có "
    "31 đồng chí (27 học viên, 4 cán bộ quản lý lớp). Trong 12 ngày học tập tại Hà Nội."
)

_TALKS_TEXT = (
    "Ngày 5-4-2022, Bí thư Thành ủy Hà Nội Đinh Tiến Dũng hội đàm với Bí thư Thành ủy Viêng Chăn Anouparb "
    "Tounalom. Dự hội đàm có Phó Bí thư Thường trực Thành ủy Hà Nội Nguyễn Thị Tuyến. Hai bên đã ký biên bản "
    "hợp tác giai đoạn 2022-2025."
)

_RECEPTION_TEXT = (
    "Ngày 3-9-2025, Bí thư Thành ủy Hà Nội Bùi Thị Minh Hoài tiếp Bí thư Thành ủy Viêng Chăn Athsaphangthong "
    "Siphandone."
)


def demo_extractions() -> list[Extraction]:
    """Three Hanoi–Vientiane sources as hand-checked facts: the seed article, 2022 talks, a 2025 reception.

    The seed article's facts: six officials (five of Hanoi, one of Vientiane)
    attend one opening event on 2024-07-15, organised by Thành ủy Hà Nội; the
    course it opens is organised by Thành ủy Hà Nội and trains 27 cadres of
    Thành ủy Viêng Chăn under plan 230-KH/TU; in March 2024 the two sides
    signed 8 cooperation minutes during a visit. Written by hand so that
    tests and examples do not depend on how well the extractors read.
    """
    seed = _Doc("demo:seed-2024-07-15", "2024-07-15",
                "Thành ủy Hà Nội khai giảng lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn", _SEED_TEXT)
    hn = seed.node("Body", "Thành ủy Hà Nội", "Thành ủy Hà Nội tổ chức", kind="party committee", country="VN")
    btv = seed.node("Body", "Ban Thường vụ Thành ủy Hà Nội", "Ban Thường vụ Thành ủy Hà Nội:",
                    kind="party standing committee", country="VN")
    tc = seed.node("Body", "Ban Tổ chức Thành ủy Hà Nội", "Trưởng ban Tổ chức Thành ủy", kind="party commission",
                   country="VN")
    kt = seed.node("Body", "Ủy ban Kiểm tra Thành ủy Hà Nội", "Chủ nhiệm Ủy ban Kiểm tra Thành ủy",
                   kind="party inspection commission", country="VN")
    tg = seed.node("Body", "Ban Tuyên giáo Thành ủy Hà Nội", "Trưởng ban Tuyên giáo Thành ủy",
                   kind="party commission", country="VN")
    mt = seed.node("Body", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội", "Ủy ban Mặt trận Tổ quốc",
                   kind="front", country="VN")
    vc = seed.node("Body", "Thành ủy Viêng Chăn", "Thủ đô Viêng Chăn, Lào", kind="party committee", country="LA")
    btv_vc = seed.node("Body", "Ban Thường vụ Thành ủy Viêng Chăn", "Ủy viên Ban Thường vụ Thành ủy, Trưởng ban",
                       kind="party standing committee", country="LA")
    ktvc = seed.node("Body", "Ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn",
                     "Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ", kind="party and state inspection committee",
                     country="LA")
    doan = seed.node("Body", "Đoàn cán bộ Thủ đô Viêng Chăn sang học tập tại Hà Nội", "Trưởng đoàn cán bộ",
                     kind="delegation", country="LA")
    hn_del = seed.node("Body", "Đoàn đại biểu cấp cao thành phố Hà Nội", "Đoàn đại biểu cấp cao",
                       kind="delegation", country="VN")
    for part in (btv, tc, kt, tg):
        seed.rel("PART_OF", part, hn, "Ban Thường vụ Thành ủy Hà Nội:")
    seed.rel("PART_OF", btv_vc, vc, "Ủy viên Ban Thường vụ Thành ủy, Trưởng ban")
    place_hn = seed.node("Place", "Hà Nội", "học tập tại Hà Nội", kind="city", country="VN")
    seed.rel("LOCATED_IN", hn, place_hn, "Thành ủy Hà Nội tổ chức")

    opening = seed.node("Event", "Lễ khai giảng lớp đào tạo, bồi dưỡng cán bộ Thủ đô Viêng Chăn",
                        "tổ chức khai giảng", key="demo:opening-2024-07-15", kind="opening", date="2024-07-15",
                        date_text="Sáng 15-7", year_inferred=True)
    seed.rel("ORGANIZED", hn, opening, "Thành ủy Hà Nội tổ chức")
    seed.rel("TOOK_PART_IN", doan, opening, "Trưởng đoàn cán bộ", role="guest")
    seed.rel("HELD_IN", opening, place_hn, "học tập tại Hà Nội")
    people = [
        ("Nguyễn Thị Tuyến", "VN", [(hn, "Phó Bí thư Thường trực Thành ủy Hà Nội", "deputy secretary")], "host"),
        ("Virasack Nammountry", "LA", [(btv_vc, "Ủy viên Ban Thường vụ Thành ủy", "member"),
                                       (ktvc, "Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ", "head"),
                                       (doan, "Trưởng đoàn", "head of delegation")], "guest"),
        ("Nguyễn Lan Hương", "VN", [(btv, "Ủy viên Ban Thường vụ Thành ủy Hà Nội", "member"),
                                    (mt, "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "chair")], "guest"),
        ("Vũ Đức Bảo", "VN", [(btv, "Ủy viên Ban Thường vụ Thành ủy Hà Nội", "member"),
                              (tc, "Trưởng ban Tổ chức Thành ủy", "head")], "guest"),
        ("Hoàng Trọng Quyết", "VN", [(btv, "Ủy viên Ban Thường vụ Thành ủy Hà Nội", "member"),
                                     (kt, "Chủ nhiệm Ủy ban Kiểm tra Thành ủy", "chair")], "guest"),
        ("Nguyễn Doãn Toản", "VN", [(btv, "Ủy viên Ban Thường vụ Thành ủy Hà Nội", "member"),
                                    (tg, "Trưởng ban Tuyên giáo Thành ủy", "head")], "guest"),
    ]
    for name, country, titles, role in people:
        o = seed.node("Official", name, name, country=country)
        seed.rel("ATTENDED", o, opening, name, role=role)
        for body, title, pos_role in titles:
            seed.rel("HOLDS_POSITION", o, body, name, title=title, role=pos_role)

    course = seed.node("Course", "Lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn 2024",
                       "lớp đào tạo, bồi dưỡng cán bộ công tác đảng", key="demo:course-2024-1",
                       start_date="2024-07-15", duration="12 ngày", participants=31, trainees=27, managers=4)
    seed.rel("ORGANIZED", hn, course, "Thành ủy Hà Nội tổ chức")
    seed.rel("TRAINS", course, vc, "27 học viên", count=27)
    seed.rel("HELD_IN", course, place_hn, "học tập tại Hà Nội")
    plan = seed.node("Plan", "Kế hoạch số 230-KH/TU", "230-KH/TU", key="230-kh/tu", number="230-KH/TU",
                     kind="plan", date="2024-04-09")
    seed.rel("ISSUED", btv, plan, "230-KH/TU")
    seed.rel("PROVIDES_FOR", plan, course, "230-KH/TU")

    visit = seed.node("Event", "Chuyến thăm và làm việc tại Lào của Đoàn đại biểu cấp cao thành phố Hà Nội",
                      "chuyến thăm và làm việc", key="demo:visit-2024-03-11", kind="visit", date="2024-03-11",
                      end_date="2024-03-12", date_text="hai ngày 11 và 12-3", year_inferred=True)
    seed.rel("TOOK_PART_IN", hn_del, visit, "Đoàn đại biểu cấp cao", role="guest")
    seed.rel("TOOK_PART_IN", vc, visit, "hai bên đã ký", role="host")
    minutes = seed.node("Agreement", "8 biên bản hợp tác", "8 biên bản hợp tác", key="demo:minutes-2024-03",
                        kind="minutes", date="2024-03-12", count=8, year_inferred=True)
    seed.rel("PARTY_TO", hn, minutes, "hai bên đã ký")
    seed.rel("PARTY_TO", vc, minutes, "hai bên đã ký")
    seed.rel("SIGNED_AT", minutes, visit, "hai bên đã ký")

    talks = _Doc("demo:talks-2022-04-05", "2022-04-05", "Hội đàm Hà Nội – Viêng Chăn", _TALKS_TEXT)
    t_hn = talks.node("Body", "Thành ủy Hà Nội", "Bí thư Thành ủy Hà Nội", kind="party committee", country="VN")
    t_vc = talks.node("Body", "Thành ủy Viêng Chăn", "Bí thư Thành ủy Viêng Chăn", kind="party committee",
                      country="LA")
    ev = talks.node("Event", "Hội đàm Hà Nội – Viêng Chăn", "hội đàm với", key="demo:talks-2022-04-05",
                    kind="talks", date="2022-04-05")
    for name, country, body, title, role in [
        ("Đinh Tiến Dũng", "VN", t_hn, "Bí thư Thành ủy Hà Nội", "host"),
        ("Anouparb Tounalom", "LA", t_vc, "Bí thư Thành ủy Viêng Chăn", "guest"),
        ("Nguyễn Thị Tuyến", "VN", t_hn, "Phó Bí thư Thường trực Thành ủy Hà Nội", "participant"),
    ]:
        o = talks.node("Official", name, name, country=country)
        talks.rel("ATTENDED", o, ev, name, role=role)
        talks.rel("HOLDS_POSITION", o, body, name, title=title,
                  role="deputy secretary" if title.startswith("Phó") else "secretary")
    agr = talks.node("Agreement", "Biên bản hợp tác giai đoạn 2022-2025", "biên bản hợp tác giai đoạn",
                     key="demo:minutes-2022-2025", kind="minutes", date="2022-04-05", period="2022-2025")
    talks.rel("PARTY_TO", t_hn, agr, "Hai bên đã ký")
    talks.rel("PARTY_TO", t_vc, agr, "Hai bên đã ký")
    talks.rel("SIGNED_AT", agr, ev, "Hai bên đã ký")

    rec = _Doc("demo:reception-2025-09-03", "2025-09-03", "Bí thư Thành ủy Hà Nội tiếp đoàn Viêng Chăn",
               _RECEPTION_TEXT)
    r_hn = rec.node("Body", "Thành ủy Hà Nội", "Bí thư Thành ủy Hà Nội", kind="party committee", country="VN")
    r_vc = rec.node("Body", "Thành ủy Viêng Chăn", "Bí thư Thành ủy Viêng Chăn", kind="party committee",
                    country="LA")
    ev2 = rec.node("Event", "Bí thư Thành ủy Hà Nội tiếp Bí thư Thành ủy Viêng Chăn", "tiếp",
                   key="demo:reception-2025-09-03", kind="reception", date="2025-09-03")
    for name, country, body, role in [("Bùi Thị Minh Hoài", "VN", r_hn, "host"),
                                      ("Athsaphangthong Siphandone", "LA", r_vc, "guest")]:
        o = rec.node("Official", name, name, country=country)
        rec.rel("ATTENDED", o, ev2, name, role=role)
        rec.rel("HOLDS_POSITION", o, body, name, title="Bí thư Thành ủy", role="secretary")
    return [seed.build(), talks.build(), rec.build()]
