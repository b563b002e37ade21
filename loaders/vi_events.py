"""Events, agreements, courses, plans and delegations in Vietnamese articles.

Rules work sentence by sentence on the masked view of the text. A date written in
the sentence goes to the sentence's main event; a range ("từ ngày 3 đến ngày 5/4")
to the visit it frames. Things said in the future tense ("sẽ đi khảo sát") are a
programme, not an event, and an anniversary of an old treaty is not a signing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from interparty.loaders.dates import DateMention, find_dates, looks_back, resolve_year
from interparty.loaders.facts import Cued, name_key
from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import TitleHead
from interparty.loaders.vi_bodies import BodyRef, resolve
from interparty.loaders.vi_lexicon import PlaceMatch
from interparty.loaders.vi_titles import TitleSeg

if TYPE_CHECKING:
    from interparty.loaders.vi import _Doc

# kind, pattern, cues (every match contains one of them: sentences without any are not searched)
_KINDS: list[tuple[str, Cued]] = [(k, Cued(p, cues, re.IGNORECASE)) for k, p, cues in [
    ("opening", r"\b(?:khai giảng|khai mạc)\b", ("khai giảng", "khai mạc")),
    ("closing", r"\b(?:bế giảng|bế mạc)\b", ("bế giảng", "bế mạc")),
    ("signing", r"\b(?:ký kết|lễ ký|đã ký|ký)\b(?=\s+(?:\d+\s+)?(?:các\s+)?(?:biên bản|thỏa thuận|bản ghi nhớ|"
                r"hiệp định|"
                r"nghị định thư|chương trình|văn bản|kết))", ("ký",)),
    ("reception", r"\b(?:tiếp (?:và làm việc|thân mật|xã giao|đoàn|Đoàn|đồng chí|ông|bà|Đại sứ|lãnh đạo)|đón tiếp|"
                  r"buổi tiếp|cuộc tiếp|đã tiếp)\b", ("tiếp",)),
    ("talks", r"\b(?:hội đàm|hội kiến|gặp và làm việc|(?<!thăm và )(?<!tiếp và )làm việc với)\b",
     ("hội đàm", "hội kiến", "làm việc")),
    ("visit", r"\b(?:chuyến thăm|thăm và làm việc|thăm chính thức|thăm cấp Nhà nước|sang thăm|đến thăm|"
              r"thăm hữu nghị)\b", ("thăm",)),
    ("lecture", r"\b(?:giảng bài|(?:trao đổi|truyền đạt|báo cáo) chuyên đề)\b", ("giảng bài", "chuyên đề")),
    ("conference", r"\b(?:hội thảo|hội nghị|tọa đàm|diễn đàn)\b", ("hội thảo", "hội nghị", "tọa đàm", "diễn đàn")),
    ("other", r"\blễ kỷ niệm\b", ("lễ kỷ niệm",)),
]]
_FUTURE = Cued(r"\b(?:sẽ|dự kiến|sắp)\b", ("sẽ", "dự kiến", "sắp"), re.IGNORECASE)
_VI_KIND = {"opening": "khai giảng", "closing": "bế giảng", "signing": "ký kết", "reception": "tiếp",
            "talks": "hội đàm", "visit": "chuyến thăm", "lecture": "giảng bài", "conference": "hội nghị",
            "other": "lễ kỷ niệm", "field_trip": "khảo sát thực tế"}
_AGREEMENT_RE = Cued(
    r"\bký(?:\s+kết)?\s+(?:(?P<count>\d+)\s+)?(?P<doc>(?:các\s+)?(?P<word>biên bản|thỏa thuận|bản ghi nhớ|hiệp định|"
    r"hiệp ước|nghị định thư|chương trình hợp tác)\b[^.;:()]*)", ("ký",), re.IGNORECASE)
_AGREEMENT_KIND = {"biên bản": "minutes", "thỏa thuận": "agreement", "bản ghi nhớ": "memorandum",
                   "hiệp định": "agreement", "hiệp ước": "treaty", "nghị định thư": "agreement",
                   "chương trình hợp tác": "programme"}
_DOC_CUT = re.compile(r",|\s+(?:có|giữa|với|tại|và\s+triển|và\s+(?=[a-zđà-ỹ])|nhằm|của|được|do|góp|trong|vào)\b")
_PERIOD_RE = re.compile(r"^[^.;:]{0,40}?giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.IGNORECASE)
_ANNIVERSARY = re.compile(r"kỷ niệm[^.;]{0,60}$", re.IGNORECASE)
_COURSE_RE = Cued(
    r"(?:khai giảng|bế giảng|tổ chức|mở)\s+(?:lễ\s+(?:khai giảng|bế giảng)\s+)?(?P<n>\d+\s+)?"
    r"(?P<name>(?:[Ll]ớp|[Kk]hóa)\s+"
    r"[^.;:]*?)(?=\s*\(gồm|\s*,\s*(?:tham dự|nước|tại|với|do)|[.;:]|$)", ("lớp", "khóa"))
_COURSE_WORDS = re.compile(r"đào tạo|bồi dưỡng|lý luận|cao cấp|trung cấp|tập huấn|nghiệp vụ|chính trị", re.IGNORECASE)
_COUNTS_RE = Cued(r"(\d+)\s+đồng chí\s*[(:]\s*(?:gồm\s+)?(\d+)\s+học viên\s*,\s*(\d+)\s+cán bộ quản lý",
                  ("học viên",))
_TRAINEES_RE = Cued(r"(?<![\d.,])(\d+)\s+học viên", ("học viên",))
_NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_DURATION_RE = Cued(r"\b(?:[Tt]rong(?: thời gian)?|[Vv]ới thời gian(?: học)?|thời gian học)\s+"
                    r"(\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(ngày|tuần|tháng)\b", ("ngày", "tuần", "tháng"))
_PLAN_RE = Cued(
    r"(?:(?P<word>Kế hoạch|Quyết định|Chương trình|Nghị quyết|Chỉ thị|Kết luận)\s+(?:số\s+)?)?"
    r"(?P<num>\d+(?:/\d{4})?[-/](?:KH|QĐ|NQ|CTr|CT|KL|TB|HD)(?:[-/][A-ZĐ]+)+)(?![\w/-])",
    ("-kh", "/kh", "-qđ", "/qđ", "-nq", "/nq", "-ct", "/ct", "-kl", "/kl", "-tb", "/tb", "-hd", "/hd"))
_PLAN_KIND = {"kế hoạch": "plan", "kh": "plan", "quyết định": "decision", "qđ": "decision", "nghị quyết": "resolution",
              "nq": "resolution", "chương trình": "programme", "ctr": "programme", "chỉ thị": "decision",
              "ct": "decision", "kết luận": "decision", "kl": "decision"}
_DELEGATION_RE = Cued(r"(?<![\w-])[Đđ]oàn (?:đại biểu|Đại biểu|công tác)\b[^,.;:()]*",
                      ("đoàn đại biểu", "đoàn công tác"))
_DELEGATION_CUT = re.compile(r"\s+(?:do|đã|đang|sẽ|tới|sang|đến|và|tại|trong|nhằm|có|thăm|làm|về|với|của|cùng|"
                             r"sau|theo)\b")
_ORG_CUT = re.compile(r"\s+(?:đã|đang|sẽ|vừa|tổ chức|long trọng|khai giảng|ban hành|mở|phối hợp)\b.*$")
_TAI_RE = re.compile(r"\btại\s+")
# "Cùng dự còn có các đồng chí …", "Tham dự còn có …": a sentence that adds people to the
# event just described rather than naming an event of its own.
_ALSO_PRESENT = re.compile(r"^\W*(?:cùng\s+(?:tham\s+)?dự|cùng\s+tham\s+gia|(?:tham\s+)?dự\s+[^.;:]{0,40}?còn\s+có|"
                           r"tham\s+dự\s+còn\s+có|cùng\s+đi\s+còn\s+có)\b", re.IGNORECASE)
# How far back the event of an "also present" sentence may be named.
_ALSO_PRESENT_REACH = 800


@dataclass
class _EventHit:
    kind: str
    start: int
    end: int
    date: DateMention | None
    sentence: tuple[int, int]
    back: bool
    officials: list[tuple[str, str]] = field(default_factory=list)
    bodies: list[tuple[str, str]] = field(default_factory=list)


def _phrase_body(d: _Doc, phrase: str, start: int, country: str = "VN") -> tuple[str, str] | None:
    """A body named in running text ("Thành ủy Hà Nội", "Học viện Chính trị ... Hồ Chí Minh")."""
    from interparty.loaders.vi import _body_node

    phrase = phrase.strip(" ,")
    if not phrase or not d.lex.body_start_re.match(phrase):
        return None
    seg = TitleSeg(0, len(phrase), phrase, TitleHead(head="", role=""), phrase)
    ref = resolve(seg, country, [seg], d.ctx, d.lex)
    if ref is None:
        return None
    return _body_node(d, ref, start, start + len(phrase))


_YEAR_IN_SENTENCE = re.compile(r"\bnăm\s+(\d{4})\)?")


def _date_props(d: _Doc, dm: DateMention | None, back: bool, sentence: str = "") -> dict[str, object]:
    """Event date props; a year missing from the date is taken from "(năm 2013)" in the sentence, else the article."""
    if dm is None:
        return {}
    year = dm.year
    if year is None:
        years = set(_YEAR_IN_SENTENCE.findall(sentence))
        if len(years) == 1:
            year = int(years.pop())
    date, inferred = resolve_year(dm.day, dm.month, dm.year or year, d.doc.date, back)
    inferred = inferred or (dm.year is None and year is not None)
    props: dict[str, object] = {"date": date, "date_text": dm.text, "year_inferred": inferred}
    if dm.is_range and dm.end_day and dm.end_month:
        props["end_date"] = resolve_year(dm.end_day, dm.end_month, dm.end_year or dm.year, d.doc.date, back)[0]
    return props


def extract_events(d: _Doc) -> None:
    """Events, agreements, courses, plans and delegations of one document."""
    hits: list[_EventHit] = []
    agreements: list[_Agreement] = []
    per_sentence: list[tuple[str, bool, tuple[DateMention, ...]]] = []  # shared with _courses_and_plans
    for a, b in d.sentences:
        s = d.view[a:b]
        low = s.lower()
        future = bool(_FUTURE.search(s, low))
        dates = find_dates(s)
        ranges = [x for x in dates if x.is_range]
        points = [x for x in dates if not x.is_range]
        back = looks_back(s, low)
        per_sentence.append((low, back, dates))
        kinds: dict[str, re.Match[str]] = {}
        for kind, rx in _KINDS:
            m = rx.search(s, low)
            if m and not (future and kind not in ("visit",)):
                kinds.setdefault(kind, m)
        if "signing" in kinds and _ANNIVERSARY.search(s[:kinds["signing"].start()]):
            del kinds["signing"]
        main = [k for k in kinds if k != "visit"]
        sent_hits = []
        for extra in ranges[1:] if "visit" in kinds else []:
            hit = _EventHit("visit", a + extra.start, a + extra.end, extra, (a, b), back)
            hits.append(hit)
            sent_hits.append(hit)
        for kind, m in kinds.items():
            if kind == "visit":
                dm = ranges[0] if ranges else (points[0] if points and not main else None)
            elif kind == "signing":
                dm = points[0] if points else (ranges[0] if ranges else None)
            else:
                dm = points[0] if points and kind == main[0] else None
            hit = _EventHit(kind, a + m.start(), a + m.end(), dm, (a, b), back)
            hits.append(hit)
            sent_hits.append(hit)
        # Delegations named in the sentence take part in its events.
        for m in _DELEGATION_RE.finditer(s, low):
            text = m.group(0)
            cut = _DELEGATION_CUT.search(text)
            text = text[:cut.start()] if cut else text
            text = text.strip()
            first_place = d.lex.places_in(text)
            if first_place:
                text = text[:first_place[0].end]
            if len(text.split()) < 3 or not re.search(r"\s[A-ZĐÀ-Ỹ]", text[5:]):
                continue
            places = d.lex.places_in(text)
            country = places[0].place.country if places and places[0].place else "VN"
            node = _phrase_body(d, text[0].upper() + text[1:], a + m.start(), country)
            if node:
                for h in sent_hits:
                    h.bodies.append(node)
        for m in _AGREEMENT_RE.finditer(s, low):
            if _ANNIVERSARY.search(s[:m.start()]):
                continue
            doc_text = m.group("doc")
            cut = _DOC_CUT.search(doc_text)
            name = (doc_text[:cut.start()] if cut else doc_text).strip()
            after = s[m.start("doc") + len(name):]
            period = _PERIOD_RE.match(after) or _PERIOD_RE.search(name)
            if period and not _PERIOD_RE.search(name):
                name = f"{name}, giai đoạn {period.group(1)}-{period.group(2)}"
            word = fold(m.group("word"))
            props: dict[str, object] = {"kind": _AGREEMENT_KIND.get(word, "agreement"), "name": name}
            if period:
                props["period"] = f"{period.group(1)}-{period.group(2)}"
            if m.group("count"):
                props["count"] = int(m.group("count"))
            signing = next((h for h in sent_hits if h.kind == "signing"), None)
            if signing and signing.date:
                dp = _date_props(d, signing.date, signing.back, s)
                props["date"], props["year_inferred"] = dp["date"], dp["year_inferred"]
            sides = _agreement_sides(d, s, a, m.start("doc"))
            agreements.append((props, a + m.start(), a + m.end("doc"), signing, sides))
    _emit_events(d, hits)
    _emit_agreements(d, agreements, hits)
    _courses_and_plans(d, hits, per_sentence)


def _emit_events(d: _Doc, hits: list[_EventHit]) -> None:
    people = _people_by_sentence(d)
    _emit_event_nodes(d, hits, people)
    _also_present(d, hits, people)


def _emit_event_nodes(d: _Doc, hits: list[_EventHit], people: dict[tuple[int, int], list]) -> None:
    made: dict[str, tuple[str, str]] = {}
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for i, h in enumerate(sorted(hits, key=lambda x: x.date is None)):
        props = _date_props(d, h.date, h.back, d.view[h.sentence[0]:h.sentence[1]])
        if h.date is None and by_kind.get(h.kind):
            node = by_kind[h.kind][0]
            d.fb.node("Event", node[1], d.fb.mention(h.start, h.end, "vi.event.repeat", 0.6))
        else:
            ident = f"{d.doc.key}|{h.kind}|{props.get('date') or f'#{i}'}"
            if ident in made:
                node = made[ident]
                d.fb.node("Event", node[1], d.fb.mention(h.start, h.end, "vi.event.repeat", 0.7))
            else:
                name = f"{_VI_KIND[h.kind]} {h.date.text}" if h.date else _VI_KIND[h.kind]
                node = d.fb.node("Event", ident, d.fb.mention(h.start, h.end, f"vi.event.{h.kind}", 0.8),
                                kind=h.kind, name=name, **props)
                made[ident] = node
                by_kind.setdefault(h.kind, []).append(node)
        h.node = node  # type: ignore[attr-defined]
        for off, (oa, ob) in people.get(h.sentence, []):
            d.fb.rel("ATTENDED", off, node, d.fb.mention(oa, ob, "vi.attended.same_sentence", 0.7),
                     role="participant")
        for body in h.bodies:
            d.fb.rel("TOOK_PART_IN", body, node, d.fb.mention(h.start, h.end, "vi.took_part.same_sentence", 0.7),
                     role="delegation")
        s = d.view[h.sentence[0]:h.sentence[1]]
        for m in _TAI_RE.finditer(s):
            ps = d.lex.places_in(s[m.end():m.end() + 40])
            if ps and ps[0].start == 0 and ps[0].place is not None:
                from interparty.loaders.vi import _place_node

                pa = h.sentence[0] + m.end()
                place = _place_node(d, ps[0].place, pa, pa + ps[0].end, ps[0].core)
                d.fb.rel("HELD_IN", node, place, d.fb.mention(pa, pa + ps[0].end, "vi.held_in", 0.7))
                break


def _also_present(d: _Doc, hits: list[_EventHit], people: dict[tuple[int, int], list]) -> None:
    """People of an "also present" sentence attended the event named last before it."""
    with_event = {h.sentence for h in hits}
    ordered = sorted((h for h in hits if getattr(h, "node", None)), key=lambda h: h.start)
    starts = [h.start for h in ordered]
    for span, found in people.items():
        if span in with_event or not _ALSO_PRESENT.match(d.view[span[0]:span[1]]):
            continue
        k = bisect.bisect_left(starts, span[0]) - 1
        if k < 0 or span[0] - ordered[k].end > _ALSO_PRESENT_REACH:
            continue
        for off, (oa, ob) in found:
            d.fb.rel("ATTENDED", off, ordered[k].node, d.fb.mention(oa, ob, "vi.attended.also_present", 0.65),
                     role="participant")


def _people_by_sentence(d: _Doc) -> dict[tuple[int, int], list[tuple[tuple[str, str], tuple[int, int]]]]:
    out: dict[tuple[int, int], list[tuple[tuple[str, str], tuple[int, int]]]] = {}
    sentences = d.sentences
    starts = [a for a, _ in sentences]
    for n in d.fb.nodes:
        if n.kind != "Official":
            continue
        for m in n.mentions:
            # the sentence of the view holding the mention (they are sorted and disjoint), else the text's
            k = bisect.bisect_right(starts, m.start) - 1
            span = sentences[k] if k >= 0 and m.start < sentences[k][1] else d.fb.sentence_at(m.start)
            out.setdefault(span, []).append((n.ref, (m.start, m.end)))
    return out


def _emit_agreements(d: _Doc, agreements: list[_Agreement], hits: list[_EventHit]) -> None:
    made: dict[str, tuple[str, str]] = {}
    order = sorted(range(len(agreements)), key=lambda i: not (agreements[i][0].get("period")
                                                              or agreements[i][0].get("date")))
    for i in order:
        props, a, b, signing, sides = agreements[i]
        same = [k for k in made if k.split("|")[1] == props["kind"]]
        tag = props.get("period") or props.get("date")
        if not tag and same:
            node = d.fb.node("Agreement", made[same[0]][1], d.fb.mention(a, b, "vi.agreement.repeat", 0.6))
            _party_to(d, sides, node)
            continue
        ident = f"{d.doc.key}|{props['kind']}|{tag or f'#{i}'}"
        node = d.fb.node("Agreement", ident, d.fb.mention(a, b, "vi.agreement", 0.8), **props)
        made[ident] = node
        _party_to(d, sides, node)
        if signing is not None and getattr(signing, "node", None):
            d.fb.rel("SIGNED_AT", node, signing.node, d.fb.mention(a, b, "vi.signed_at", 0.75))  # type: ignore[attr-defined]


_Agreement = tuple[dict[str, object], int, int, "_EventHit | None", list[tuple[tuple[str, str], int, int]]]
# "giữa Thủ đô Hà Nội và Thủ đô Viêng Chăn": the two sides of an agreement.
_BETWEEN_RE = re.compile(r"\bgiữa\s+(?P<x>[^,.;:()]+?)\s+(?:và|với)\s+(?P<y>[^,.;:()]+?)"
                         r"(?=\s*[,.;:()]|\s+(?:giai đoạn|nhằm|về|trong|tại|vào|năm|nhân|để|đã|được)\b|$)")
_SUBJECTS_RE = re.compile(r"(?:^|[,;:]\s*)(?P<x>[^,;:()]+?)\s+và\s+(?P<y>[^,;:()]+?)(?:\s*\([^()]*\))?"
                          r"\s+(?:(?:đã|vừa|cùng|chính thức|long trọng)\s+)*(?:ký|lễ ký)[^,;:]*$", re.IGNORECASE)
_BOTH_SIDES_RE = re.compile(r"(?<![\w-])[Hh]ai bên(?![\w-])")
# "cho 27 cán bộ chủ chốt của Thủ đô Viêng Chăn", "đào tạo cán bộ 2 tỉnh Salavan và Savannakhet",
# "cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn" (a lower-case sector before the place)
_CADRES_OF_RE = re.compile(r"(?<![\w-])cán bộ\s+(?:chủ chốt\s+|lãnh đạo\s+)?"
                           r"(?:(?:công tác|khối)\s+[^,.;:()A-ZĐ]*?(?:,\s*[^,.;:()A-ZĐ]*?)?\s+(?=[A-ZĐ]))?"
                           r"(?:của\s+|thuộc\s+)?(?:\d+\s+)?(?P<who>[^,.;:()]+)")
_WHO_CUT = re.compile(r"\s+(?:do|đã|đang|sẽ|tại|trong|từ|với|nhằm|về|theo|được|có|là|khóa|lớp)\b")


def _side(d: _Doc, phrase: str, start: int) -> tuple[str, str] | None:
    """The body a side of an agreement or a course's trainees is named by: a body
    ("Thành ủy Viêng Chăn") or a locality ("Thủ đô Hà Nội", "tỉnh Salavan")."""
    from interparty.loaders.vi import _locality_node

    lead = len(phrase) - len(phrase.lstrip())
    phrase, start = phrase.strip(), start + lead
    if not phrase:
        return None
    if d.lex.body_start_re.match(phrase):
        return _phrase_body(d, phrase, start)
    ps = d.lex.places_in(phrase)
    if ps and ps[0].start == 0 and ps[0].place is not None and ps[0].level in ("city", "province"):
        return _locality_node(d, ps[0].place, ps[0].text, start, start + ps[0].end)
    return None


def _two_sides(d: _Doc) -> list[str]:
    """The two localities an article is about, when that is unambiguous ("hai bên" then means
    them): exactly two countries name a city or province, and in each one place is named more
    often than all the others of that country together."""
    by_country: dict[str, dict[str, int]] = {}
    for (country, level, name), n in d.ctx.counts.items():
        if level in ("city", "province"):
            by_country.setdefault(country, {})[name] = n
    if len(by_country) != 2:
        return []
    out = []
    for _country, counts in sorted(by_country.items()):
        name, top = max(counts.items(), key=lambda x: x[1])
        if top <= sum(counts.values()) - top:
            return []
        out.append(name)
    return out


def _agreement_sides(d: _Doc, s: str, a: int, lo: int) -> list[tuple[tuple[str, str], int, int]]:
    """Bodies party to an agreement read in ``s`` (from ``lo``): "giữa X và Y", else "hai bên"."""
    from interparty.loaders.vi import _locality_node

    out: list[tuple[tuple[str, str], int, int]] = []
    m = _BETWEEN_RE.search(s, lo)
    if m:
        for g in ("x", "y"):
            node = _side(d, m.group(g), a + m.start(g))
            if node is not None:
                out.append((node, a + m.start(g), a + m.end(g)))
        return out
    # "Thủ đô Hà Nội và Thủ đô Viêng Chăn (Lào) ký kết ...": the two subjects of the signing
    subject = _SUBJECTS_RE.search(s[:lo])
    if subject:
        nodes = [(_side(d, subject.group(g), a + subject.start(g)), subject.start(g), subject.end(g))
                 for g in ("x", "y")]
        if all(n is not None for n, _, _ in nodes):
            return [(n, a + sa, a + sb) for n, sa, sb in nodes if n is not None]
    both = _BOTH_SIDES_RE.search(s)
    if both:
        for name in _two_sides(d):
            place = d.ctx.places[name]
            spelled = d.ctx.spelling[name].most_common(1)[0][0]
            node = _locality_node(d, place, spelled, a + both.start(), a + both.end())
            out.append((node, a + both.start(), a + both.end()))
    return out


def _party_to(d: _Doc, sides: list[tuple[tuple[str, str], int, int]], agreement: tuple[str, str]) -> None:
    for body, sa, sb in sides:
        d.fb.rel("PARTY_TO", body, agreement, d.fb.mention(sa, sb, "vi.agreement.party", 0.75))


def _trainee_bodies(d: _Doc, s: str, a: int, lo: int) -> list[tuple[tuple[str, str], int, int]]:
    """Whose cadres a course trains: "cán bộ [của] X" after the course is named (X a body or
    localities joined by "và")."""
    m = _CADRES_OF_RE.search(s, lo)
    if not m:
        return []
    who = m.group("who")
    cut = _WHO_CUT.search(who)
    who = who[:cut.start()] if cut else who
    start = a + m.start("who")
    if d.lex.body_start_re.match(who):
        node = _side(d, who, start)
        return [(node, start, start + len(who))] if node else []
    out = []
    for piece in re.finditer(r"[^,]+?(?=\s+và\s+|,|$)", who):
        text = piece.group(0)
        text = text[4:] if text.startswith("và ") else text
        shift = piece.end() - len(text)
        ps = d.lex.places_in(text.strip())
        if ps and ps[0].place is not None and ps[0].level in ("city", "province"):
            lead = len(text) - len(text.lstrip())
            pa = start + shift + lead + ps[0].start
            out.append((_side_place(d, ps[0], pa), pa, pa + ps[0].end - ps[0].start))
    return out


def _side_place(d: _Doc, pm: PlaceMatch, start: int) -> tuple[str, str]:
    from interparty.loaders.vi import _locality_node

    assert pm.place is not None
    return _locality_node(d, pm.place, pm.text, start, start + pm.end - pm.start)


def _clause_body(d: _Doc, s: str, a: int, end: int) -> tuple[str, str] | None:
    """The body that is the subject of the verb at ``end``: the last clause before it."""
    lo = max(s.rfind(",", 0, end), s.rfind(".", 0, end), 0)
    clause = s[lo:end].strip(" ,")
    clause = _ORG_CUT.sub("", clause)
    m = d.lex.body_start_re.search(clause)
    while m and not d.lex.body_start_re.match(clause, m.start()):
        m = None
    if not m:
        for mm in d.lex.body_re.finditer(clause):
            if clause[mm.start()].isupper():
                m = mm
                break
    if not m:
        return None
    phrase = clause[m.start():].strip()
    return _phrase_body(d, phrase, a + s.find(phrase, lo))


def _courses_and_plans(d: _Doc, hits: list[_EventHit],
                       per_sentence: list[tuple[str, bool, tuple[DateMention, ...]]]) -> None:
    courses: list[dict[str, object]] = []
    for (a, b), (low, back, all_dates) in zip(d.sentences, per_sentence, strict=True):
        s = d.view[a:b]
        dates = [x for x in all_dates if not x.is_range]
        sentence_courses = []
        for m in _COURSE_RE.finditer(s, low):
            name = m.group("name").strip()
            if len(name.split()) < 3 or not _COURSE_WORDS.search(" ".join(name.split()[:6])):
                continue
            opening = re.search(r"khai giảng", m.group(0))
            organiser = _clause_body(d, s, a, m.start())
            course: dict[str, object] = {"name": (m.group("n") or "") + name, "span": (a + m.start("name"),
                                                                                     a + m.end("name"))}
            if opening and dates:
                dp = _date_props(d, dates[0], back, s)
                course["start_date"], course["year_inferred"] = dp["date"], dp["year_inferred"]
            course["organiser"] = organiser
            course["trains"] = _trainee_bodies(d, s, a, m.start())
            course["opening"] = next((h for h in hits if h.kind == "opening" and h.sentence == (a, b)), None)
            if not any(fold(str(c["name"])) == fold(str(course["name"])) for c in courses):
                courses.append(course)
                sentence_courses.append(course)
        for m in _COUNTS_RE.finditer(s, low):
            target = sentence_courses[0] if sentence_courses else _pick(courses, "participants")
            if target is not None:
                target.update(participants=int(m.group(1)), trainees=int(m.group(2)), managers=int(m.group(3)))
        if not _COUNTS_RE.search(s, low):
            for m in _TRAINEES_RE.finditer(s, low):
                target = sentence_courses[0] if sentence_courses else _pick(courses, "trainees")
                if target is not None and "trainees" not in target:
                    target["trainees"] = int(m.group(1))
                break
        for m in _DURATION_RE.finditer(s, low):
            target = sentence_courses[0] if sentence_courses else _pick(courses, "duration")
            if target is not None:
                target["duration"] = f"{m.group(1)} {m.group(2)}"
            break
        for m in _PLAN_RE.finditer(s, low):
            number = m.group("num")
            word = fold(m.group("word") or "")
            code = fold(re.split(r"[-/]", number)[1] if "-" in number else "")
            kind = _PLAN_KIND.get(word) or _PLAN_KIND.get(code, "plan")
            issue = re.search(r"ban hành|ký ban hành|phê duyệt", s[:m.start()])
            issuer = _clause_body(d, s, a, issue.start()) if issue else None
            props: dict[str, object] = {"number": number, "kind": kind, "name": m.group(0)}
            if dates:
                props["date"] = _date_props(d, dates[0], back, s)["date"]
            ident = fold(number) + (f"|{issuer[1]}" if issuer else "")
            plan = d.fb.node("Plan", ident, d.fb.mention(a + m.start(), a + m.end(), "vi.plan", 0.9), **props)
            if issuer:
                d.fb.rel("ISSUED", issuer, plan, d.fb.mention(a + m.start(), a + m.end(), "vi.plan.issuer", 0.85))
            for c in sentence_courses:
                c["plan"] = plan
    for i, c in enumerate(courses):
        props = {k: c[k] for k in ("name", "start_date", "year_inferred", "duration", "participants", "trainees",
                                   "managers") if c.get(k) is not None}
        ca, cb = c["span"]  # type: ignore[misc]
        node = d.fb.node("Course", f"{d.doc.key}|course|{i}", d.fb.mention(ca, cb, "vi.course", 0.85), **props)
        org = c.get("organiser")
        if org:
            d.fb.rel("ORGANIZED", org, node, d.fb.mention(ca, cb, "vi.course.organiser", 0.85))  # type: ignore[arg-type]
            ev = c.get("opening")
            if ev is not None and getattr(ev, "node", None):
                d.fb.rel("ORGANIZED", org, ev.node, d.fb.mention(ca, cb, "vi.event.organiser", 0.8))  # type: ignore[arg-type]
        if c.get("plan"):
            d.fb.rel("PROVIDES_FOR", c["plan"], node, d.fb.mention(ca, cb, "vi.plan.course", 0.8))  # type: ignore[arg-type]
        trains: list[tuple[tuple[str, str], int, int]] = c.get("trains") or []  # type: ignore[assignment]
        for body, ta, tb in trains:
            # the number of trainees is the course's only when it trains one body's cadres
            count = props.get("trainees") if len(trains) == 1 else None
            d.fb.rel("TRAINS", node, body, d.fb.mention(ta, tb, "vi.course.trains", 0.75), count=count)


def _pick(courses: list[dict[str, object]], unset: str) -> dict[str, object] | None:
    """The course a later figure belongs to: the latest opened one still without it, else the latest without it."""
    for c in reversed(courses):
        if c.get(unset) is None and c.get("start_date"):
            return c
    for c in reversed(courses):
        if c.get(unset) is None:
            return c
    return None


__all__ = ["BodyRef", "extract_events", "name_key"]
