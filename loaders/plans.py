"""Plans, decisions and programmes: the document itself, read by its administrative layout.

A party committee's plan ("Kế hoạch số 230-KH/TU") is where courses, visits and
exchanges are decided months before the press reports them. The news-article
rules do not fit such a document (its facts sit in a header table, a number line,
a place-and-date line and numbered items), so it gets its own extractor:

* the Plan node: number, kind (plan | decision | programme | resolution), date, title;
* ISSUED from the issuing body: the committee of the header ("THÀNH ỦY HÀ NỘI"),
  narrowed to its standing committee when the text says so ("Ban Thường vụ Thành
  ủy ban hành Kế hoạch ...", "T/M BAN THƯỜNG VỤ");
* one Course per class item ("- Lớp thứ nhất: ...") with its sizes and duration,
  PROVIDES_FOR from the plan, ORGANIZED by the committee, TRAINS to the trainees'
  body, HELD_IN its venue;
* an Event for each placed activity the plan provides for (a field trip, a visit,
  an exchange "tại tỉnh Quảng Ninh"); vague ones ("tại 08 địa phương") are left out.

The Plan node's key is :func:`plan_key`, the same identity the article extractor
gives a plan it reads about (number and issuer), so the plan and every article
that cites it meet in one node. Courses stay per source; linking a plan's class
to the class an article reports is a resolution step (:mod:`interparty.graph.resolve_courses`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import fold
from interparty.loaders.documents import document_date, looks_like_plan
from interparty.loaders.facts import FactBuilder, name_key
from interparty.loaders.gazetteer import BodyHead, Place, gazetteer

# What a document number is, and which kind its word or code means, is the article extractor's
# definition; imported so that both extractors read "230-KH/TU" the same way.
from interparty.loaders.vi_events import _PLAN_KIND, _PLAN_RE

_NUMBER_RX: re.Pattern[str] = getattr(_PLAN_RE, "rx", _PLAN_RE)  # the bare regex, whether or not it is cue-wrapped

Node = tuple[str, str]

_HEAD_LINES = 25
_HEADING = re.compile(r"^(?P<word>KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|NGHỊ QUYẾT)\b\s*(?P<rest>.*)$")
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*")
_PLACE_DATE = re.compile(r"^[^\W\d_][^,\n]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
_SECTION = re.compile(r"^(?P<num>[IVX]{1,4})\.\s+(?P<name>.+)$")
# The sub-body that issues in the committee's name: in running text, and on the signature line.
_ISSUE_SENTENCE = re.compile(r"\b(?P<sub>Ban Thường vụ|Ban Chấp hành|Ban Bí thư|Bộ Chính trị)\s+"
                             r"(?P<rest>[^,.;:]{0,50}?)\s*(?:đã\s+)?(?:ban hành|xây dựng|phê duyệt)\b")
_SIGNATURE = re.compile(r"^T/?M\.?\s+(?P<sub>BAN THƯỜNG VỤ|BAN CHẤP HÀNH|BAN BÍ THƯ|BỘ CHÍNH TRỊ)\b")
_ORDINALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
             "chín": 9, "mười": 10}
_CLASS_ITEM = re.compile(r"^(?:[-–•+*]\s*)?(?:\d{1,2}[.)]\s*)?(?:[Ll]ớp|[Kk]hóa) thứ\s+(?P<ord>\d{1,2}|"
                         + "|".join(_ORDINALS) + r")\s*[:.–-]\s*(?P<rest>.+)$")
_NAME_CUT = re.compile(r",\s*(?:dành cho|cho học viên|gồm|với)\b|;|\s\(|\.\s*$")
_COUNTS = re.compile(r"(\d+)\s+đồng chí\s*[(:]\s*(?:gồm\s+)?(\d+)\s+học viên\s*[,;]\s*(\d+)\s+cán bộ quản lý")
_TRAINEES = re.compile(r"(?<![\d.,])(\d+)\s+học viên")
_DURATION = re.compile(r"\b(?:thời gian(?: học tập| học| bồi dưỡng)?|trong)\s+(\d+|" + "|".join(_ORDINALS)
                       + r")\s+(ngày|tuần|tháng)\b", re.IGNORECASE)
_SECTOR = re.compile(r"\bkhối\s+(?P<s>Đảng,\s*đoàn thể|đảng,\s*đoàn thể|Đảng|chính quyền)", re.IGNORECASE)
_ACTIVITY: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p, re.IGNORECASE)) for k, p in [
    ("field_trip", r"\b(?:nghiên cứu, |tham quan, )?khảo sát thực tế\b|\btham quan\b"),
    ("visit", r"\b(?:sang thăm|đến thăm|thăm và làm việc|chuyến thăm|thăm hữu nghị)\b"),
    ("conference", r"\b(?:hội thảo|hội nghị|tọa đàm|diễn đàn)\b"),
    ("other", r"\b(?:giao lưu|trao đổi kinh nghiệm)\b"),
]]


def plan_key(number: str, issuer_key: str | None) -> str:
    """A plan's identity: its folded number, and the issuing body's key when known.

    This is the key :func:`interparty.loaders.vi_events.extract_events` gives the plan
    an article cites ("ngày 9-4-2024, Ban Thường vụ Thành ủy Hà Nội đã ban hành Kế
    hoạch số 230-KH/TU"): fold(number), then ``|`` and the issuer's key. Numbers are
    only unique per issuer (every party committee has a "230-KH/TU" sooner or later),
    hence the issuer. The end-to-end test checks both extractors agree.
    """
    return fold(number) + (f"|{issuer_key}" if issuer_key else "")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            a = pos + raw.index(stripped)
            out.append(_Line(a, a + len(stripped), stripped))
        pos += len(raw) + 1
    return out


@functools.cache
def _place_re() -> tuple[re.Pattern[str], dict[str, Place]]:
    """Every spelling of every gazetteer place, longest first, matched case-insensitively."""
    by_alias = gazetteer().place_by_alias()
    names = sorted(by_alias, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
    return rx, by_alias


def _places(text: str) -> list[tuple[int, int, Place]]:
    """(start, end, place) of each place named in ``text``; those that need a prefix ("TP.") only with one."""
    rx, by_alias = _place_re()
    prefixes = [p for ps in gazetteer().place_prefixes.values() for p in ps]
    out = []
    for m in rx.finditer(text):
        place = by_alias[fold(m.group(1))]
        if place.requires_prefix and not any(text[:m.start()].rstrip().endswith(p) for p in prefixes):
            continue
        out.append((m.start(), m.end(), place))
    return out


def _body_head(text: str, scopes: tuple[str, ...]) -> BodyHead | None:
    """The gazetteer head ("Thành ủy", "Ban Thường vụ") that ``text`` opens with, any case."""
    folded = fold(text)
    for h in sorted(gazetteer().body_heads, key=lambda h: len(h.head), reverse=True):
        if h.scope in scopes and (folded == fold(h.head) or folded.startswith(fold(h.head) + " ")):
            return h
    return None


@dataclass(frozen=True)
class _Body:
    name: str
    kind: str
    country: str
    place: Place | None = None


class _PlanReader:
    """Per-document state: the builder, the lines, and the nodes already emitted."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.fb = FactBuilder(doc)
        self.lines = _lines(doc.text)
        self.head = self.lines[:_HEAD_LINES]
        self.emitted: set[Node] = set()

    # ---------------------------------------------------------- nodes shared by several facts

    def place(self, place: Place, a: int, b: int) -> Node:
        """The Place node, its mention at ``a:b`` where the place is written (that spelling becomes an alias)."""
        ref = ("Place", name_key(place.name))
        if ref not in self.emitted:
            self.emitted.add(ref)
            written = self.doc.text[a:b]
            if written.isupper() or fold(written) not in {fold(x) for x in (place.name, *place.aliases)}:
                written = place.name  # a span wider than the name, or capitals of a header: not a spelling
            aliases = list(dict.fromkeys([place.name, *place.aliases, written]))
            self.fb.node("Place", ref[1], self.fb.mention(a, b, "plan.place", 0.9), name=place.name,
                         kind=place.kind, country=place.country, aliases=aliases)
        return ref

    def body(self, body: _Body, a: int, b: int, method: str, confidence: float,
             parent: Node | None = None, place_at: tuple[int, int] | None = None) -> Node:
        """The Body node, LOCATED_IN its place (written at ``place_at``, else inside ``a:b``), PART_OF ``parent``."""
        ref = ("Body", name_key(body.name))
        m = self.fb.mention(a, b, method, confidence)
        self.fb.node("Body", ref[1], m, name=body.name, kind=body.kind, country=body.country, aliases=[body.name])
        if ref not in self.emitted:
            self.emitted.add(ref)
            if body.place is not None and body.kind != "party standing committee":
                if place_at is None:
                    inside = [(a + x, a + y) for x, y, p in _places(self.doc.text[a:b]) if p == body.place]
                    place_at = inside[0] if inside else (a, b)
                self.fb.rel("LOCATED_IN", ref, self.place(body.place, *place_at), m)
            if parent is not None:
                self.fb.rel("PART_OF", ref, parent, m)
        return ref

    # ---------------------------------------------------------- the document's identity

    def committee(self) -> tuple[_Body, _Line] | None:
        """The body of the header ("THÀNH ỦY HÀ NỘI"): a local committee head followed by a known place."""
        for line in self.head:
            head = _body_head(line.text, ("local",))
            if head is None:
                continue
            rest = line.text[len(head.head):].strip()
            places = _places(rest)
            if places and places[0][0] <= 12:  # a place prefix ("THÀNH PHỐ") at most
                place = places[0][2]
                return _Body(f"{head.head} {place.name}", head.kind, place.country, place), line
        return None

    def number(self) -> tuple[str, str, int, int] | None:
        """(number, word, start, end): the "Số: 230-KH/TU" line, else the first cited number with its word."""
        for line in self.head:
            if _NUMBER_LINE.match(line.text):
                m = _NUMBER_RX.search(line.text)
                if m:
                    return m.group("num"), m.group("word") or "", line.start + m.start("num"), line.start + m.end()
        m = _NUMBER_RX.search(self.doc.text)
        if m and m.group("word"):
            return m.group("num"), m.group("word"), m.start("num"), m.end()
        return None

    def heading(self) -> tuple[str, str, int, int]:
        """(kind word, title, start, end) of "KẾ HOẠCH" and the subject lines under it."""
        for i, line in enumerate(self.head):
            m = _HEADING.match(line.text)
            if not m:
                continue
            subject = [m.group("rest")] if m.group("rest") else []
            end = line.end
            for nxt in self.head[i + 1:i + 4]:
                if not re.search(r"[^\W\d_]", nxt.text) or _SECTION.match(nxt.text) or _PLACE_DATE.match(nxt.text):
                    break
                if nxt.text.endswith(":") or len(nxt.text) > 200:  # the opening paragraph, not the title
                    break
                subject.append(nxt.text)
                end = nxt.end
            return m.group("word"), " ".join(subject), line.start, end
        return "", self.doc.title, 0, 0

    def issuer(self, committee: tuple[_Body, _Line] | None) -> tuple[Node, list[tuple[int, int, str]]] | None:
        """The issuing body and every place the document says so; the header committee when nothing narrows it."""
        if committee is None:
            return None
        body, line = committee
        cnode = self.body(body, line.start, line.end, "plan.header", 0.95)
        found: list[tuple[str, int, int, str]] = []
        for m in _ISSUE_SENTENCE.finditer(self.doc.text):
            rest = fold(m.group("rest"))
            # "Ban Thường vụ Thành ủy", "Ban Thường vụ Thành ủy Hà Nội", "Ban Thường vụ" alone: the header's committee.
            if rest in ("", fold(body.name)) or fold(body.name).startswith(rest):
                found.append((m.group("sub"), m.start(), m.end(), "plan.issuer.sentence"))
        for ln in self.lines:
            if sm := _SIGNATURE.match(ln.text):
                found.append((sm.group("sub"), ln.start, ln.end, "plan.issuer.signature"))
        for sub, a, b, _ in found:
            head = _body_head(sub, ("sub", "national"))
            if head is None or head.scope != "sub":
                continue
            name = f"{head.head} {body.name}"
            node = self.body(_Body(name, head.kind, body.country, body.place), a, b, "plan.issuer", 0.9, parent=cnode)
            return node, [(x, y, method) for other, x, y, method in found if fold(other) == fold(sub)]
        return cnode, [(line.start, line.end, "plan.issuer.header")]

    # ---------------------------------------------------------- what the plan provides for

    def section_of(self, pos: int) -> str:
        """The Roman-numbered section a position falls in ("NỘI DUNG"), or "" before the first."""
        name = ""
        for line in self.lines:
            if line.start > pos:
                break
            if m := _SECTION.match(line.text):
                name = fold(m.group("name"))
        return name

    def courses(self, plan: Node, organiser: Node | None) -> None:
        for line in self.lines:
            m = _CLASS_ITEM.match(line.text)
            if not m:
                continue
            ordinal = int(m.group("ord")) if m.group("ord").isdigit() else _ORDINALS[m.group("ord").lower()]
            rest, ra = m.group("rest"), line.start + m.start("rest")
            cut = _NAME_CUT.search(rest)
            name = (rest[:cut.start()] if cut else rest).strip(" ,.")
            name = name[:1].upper() + name[1:]
            props: dict[str, object] = {"name": name}
            if c := _COUNTS.search(rest):
                props |= {"participants": int(c.group(1)), "trainees": int(c.group(2)), "managers": int(c.group(3))}
            elif t := _TRAINEES.search(rest):
                props["trainees"] = int(t.group(1))
            if d := _DURATION.search(rest):
                n = d.group(1)
                props["duration"] = f"{int(n) if n.isdigit() else _ORDINALS[n.lower()]} {d.group(2).lower()}"
            key = f"{self.doc.key}|course|{ordinal}"
            mention = self.fb.mention(line.start, line.end, "plan.course", 0.9)
            course = self.fb.node("Course", key, mention, **props)
            self.fb.rel("PROVIDES_FOR", plan, course, self.fb.mention(line.start, line.end, "plan.provides_for", 0.9))
            if organiser is not None:
                self.fb.rel("ORGANIZED", organiser, course,
                            self.fb.mention(line.start, line.end, "plan.organiser", 0.75))
            self._trainees_body(course, name, rest, ra, props.get("trainees"))
            self._venue(course, rest, ra)

    def _trainees_body(self, course: Node, name: str, rest: str, ra: int, count: object) -> None:
        """TRAINS: the cadres' sector ("khối Đảng, đoàn thể" / "khối chính quyền") of the place they come from.

        The party and mass-organisation sector of a city answers to its party committee
        ("Thành ủy Viêng Chăn"), the government sector to its administration ("Chính quyền
        Viêng Chăn"); without a stated sector no body is guessed.
        """
        sector = _SECTOR.search(rest)
        places = _places(name) or _places(rest)
        if sector is None or not places:
            return
        a, b, place = places[0]
        if fold(sector.group("s")).startswith("chính quyền"):
            body = _Body(f"Chính quyền {place.name}", "local government", place.country, place)
        else:
            head = "Tỉnh ủy" if place.kind == "province" else "Thành ủy"
            body = _Body(f"{head} {place.name}", "party committee", place.country, place)
        sa, sb = ra + sector.start(), ra + sector.end()
        node = self.body(body, sa, sb, "plan.trainees.sector", 0.7, place_at=(ra + a, ra + b))
        extra = {"count": count} if isinstance(count, int) else {}
        self.fb.rel("TRAINS", course, node, self.fb.mention(min(sa, ra + a), max(sb, ra + b), "plan.trains", 0.7),
                    **extra)

    def _venue(self, node: Node, text: str, offset: int) -> None:
        for m in re.finditer(r"\btại\s+", text):
            places = _places(text[m.end():m.end() + 60])
            if places and text[m.end():m.end() + places[0][0]].strip() in ("", *_prefix_words()):
                a, b, place = places[0]
                pa, pb = offset + m.end() + a, offset + m.end() + b
                self.fb.rel("HELD_IN", node, self.place(place, pa, pb), self.fb.mention(pa, pb, "plan.held_in", 0.8))
                return

    def events(self, plan: Node) -> None:
        """Placed activities of the content section: field trips, visits, exchanges, conferences."""
        n = 0
        for a, b in self.fb.spans:
            s = self.doc.text[a:b]
            if _CLASS_ITEM.match(s.strip()) or "tổ chức thực hiện" in self.section_of(a):
                continue
            for kind, rx in _ACTIVITY:
                m = rx.search(s)
                if not m:
                    continue
                tai = re.search(r"\btại\s+", s[m.end():m.end() + 40])
                if not tai:
                    break
                after = s[m.end() + tai.end():]
                places = _places(after[:60])
                if not places or after[:places[0][0]].strip() not in ("", *_prefix_words()):
                    break
                pa, pb, place = places[0]
                end = m.end() + tai.end() + pb
                n += 1
                name = s[m.start():end].strip()
                node = self.fb.node("Event", f"{self.doc.key}|{kind}|#{n}",
                                    self.fb.mention(a + m.start(), a + end, f"plan.event.{kind}", 0.8),
                                    kind=kind, name=name[:1].upper() + name[1:])
                self.fb.rel("PROVIDES_FOR", plan, node,
                            self.fb.mention(a + m.start(), a + end, "plan.provides_for", 0.8))
                start = a + m.end() + tai.end()
                self.fb.rel("HELD_IN", node, self.place(place, start + pa, start + pb),
                            self.fb.mention(start + pa, start + pb, "plan.held_in", 0.8))
                break


@functools.cache
def _prefix_words() -> tuple[str, ...]:
    return tuple(p for ps in gazetteer().place_prefixes.values() for p in ps)


def extract_plan(doc: SourceDoc) -> Extraction:
    """Facts read from one plan, decision or programme document, every one with the span it came from."""
    if doc.kind != "plan" or not doc.date:  # a text file laid out as a plan: recorded as one, dated by its date line
        doc = doc.model_copy(update={"kind": "plan", "date": doc.date or document_date(doc.text)})
    r = _PlanReader(doc)
    committee = r.committee()
    issued = r.issuer(committee)
    number = r.number()
    word, title, ta, tb = r.heading()
    kind_word = fold(word or (number[1] if number else ""))
    code = fold(re.split(r"[-/]", number[0])[1]) if number and "-" in number[0] else ""
    kind = _PLAN_KIND.get(kind_word) or _PLAN_KIND.get(code, "plan")
    word_vi = (word or (number[1] if number else "") or "Kế hoạch").capitalize()
    props: dict[str, object] = {"kind": kind, "title": title or None, "date": doc.date}
    if number:
        num, _, na, nb = number
        props |= {"number": num, "name": f"{word_vi} số {num}"}
        key = plan_key(num, issued[0][1] if issued else None)
        mention = r.fb.mention(na, nb, "plan.number", 0.95)
    else:  # an unnumbered plan is only this document's
        props["name"] = f"{word_vi} {title}".strip()
        key = f"{doc.key}|plan"
        mention = r.fb.mention(ta, max(tb, ta + 1), "plan.heading", 0.8)
    plan = r.fb.node("Plan", key, mention, **props)
    if ta < tb:
        r.fb.node("Plan", key, r.fb.mention(ta, tb, "plan.title", 0.9))
    for line in r.head:
        if _PLACE_DATE.match(line.text) and doc.date:
            r.fb.node("Plan", key, r.fb.mention(line.start, line.end, "plan.date", 0.95))
            break
    if issued:
        node, where = issued
        for a, b, method in where:
            r.fb.rel("ISSUED", node, plan, r.fb.mention(a, b, method, 0.9))
    organiser = r.body(committee[0], committee[1].start, committee[1].end, "plan.header", 0.95) if committee else None
    r.courses(plan, organiser)
    r.events(plan)
    return r.fb.build()


def is_plan(doc: SourceDoc) -> bool:
    """Whether ``doc`` goes to :func:`extract_plan`: marked a plan by its reader, or Vietnamese text laid out as one."""
    return doc.kind == "plan" or (doc.lang == "vi" and looks_like_plan(doc.text))


__all__ = ["extract_plan", "is_plan", "plan_key"]
