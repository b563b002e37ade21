"""From a title as written to the body it names, with the elided place filled in.

"Trưởng ban Tổ chức Thành ủy" names the Ban Tổ chức of some city's party
committee; which city is read from the same title chain ("..., Chủ tịch HĐND Thủ
đô Viêng Chăn"), else from the article (the city of the official's side that the
article names most). A national body ("Trung ương Đảng") never takes a city, and
belongs to the official's country's party.

Bodies are also read where running text names them ("đại diện Công an tỉnh Kon Tum", "lãnh
đạo Sở Tài chính, Sở Giáo dục và Đào tạo"): :func:`body_mentions`. A list of bodies sharing
one place ("Tỉnh ủy, HĐND, UBND tỉnh Quảng Trị") gives each of them that place, and a body named
by its head alone ("Học viện", "Thứ trưởng" of a ministry) is the one of that head the article
named in full (:meth:`DocContext.elided`).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import BodyHead, BodyName, Place, TitleHead, is_unnamed
from interparty.loaders.vi_lexicon import WORD_RE, Lexicon, PlaceMatch, _trie, body_key, upper_class
from interparty.loaders.vi_titles import TitleSeg

CONFIDENCE = {"explicit": 0.95, "same_chain": 0.85, "list_header": 0.8, "implied": 0.8, "context": 0.7,
              "unnamed": 0.5}
_GENERIC_LEVEL = {"thành phố": "city", "tp": "city", "tp.": "city", "thủ đô": "city", "tỉnh": "province"}
_GENERIC_WORDS = {"thành", "phố", "tỉnh", "thủ", "đô", "tp", "tp.", "huyện", "quận", "nhân", "dân", "cách", "mạng"}
_AT_RE = re.compile(r"\s(?:tại|ở)\s")
_AMBASSADOR_RE = re.compile(r"^(?P<from>.*?)\s*\btại\s+(?P<to>.+)$")


@dataclass
class BodyRef:
    """A resolved body: its full name, kind, country, place and parent."""

    name: str
    kind: str
    country: str
    place: Place | None = None
    place_text: str = ""
    parent: BodyRef | None = None
    resolution: str = "explicit"


class DocContext:
    """What the whole article says about places: the default city and province of each side."""

    def __init__(self, places: list[PlaceMatch]) -> None:
        self.counts: Counter[tuple[str, str, str]] = Counter()
        self.spelling: dict[str, Counter[str]] = {}
        self.places: dict[str, Place] = {}
        for p in places:
            if p.place is None or not p.place.country:  # a district or town the gazetteer does not list
                continue
            self.counts[(p.place.country, p.level, p.place.name)] += 1
            self.spelling.setdefault(p.place.name, Counter())[p.core] += 1
            self.places[p.place.name] = p.place
        self.country_counts: Counter[str] = Counter()
        for (country, _level, _name), n in self.counts.items():
            self.country_counts[country] += n
        self.known: dict[str, BodyRef] = {}  # key -> a body the article names in full, in order
        self.mentioned: dict[str, BodyRef | None] = {}  # a body's name in running text -> what it resolved to
        self._locales: dict[tuple[str, str], tuple[Place, str] | None] = {}  # (the counts are read-only)

    def locale(self, country: str, level: str) -> tuple[Place, str] | None:
        """The most-named place of ``country`` at ``level`` (city, province or any) and its usual spelling."""
        hit = self._locales.get((country, level), _UNSEEN)
        if hit is not _UNSEEN:
            return hit
        levels = ("city", "province") if level == "any" else (level,)
        best = [(n, name) for (c, lv, name), n in self.counts.items() if c == country and lv in levels]
        if best:
            _, name = max(best)
            hit = self.places[name], self.spelling[name].most_common(1)[0][0]
        else:
            hit = None
        self._locales[(country, level)] = hit
        return hit

    def note(self, ref: BodyRef) -> None:
        """A body named in full (explicitly): a later bare head of it may mean it."""
        if ref.resolution == "explicit":
            self.known.setdefault(body_key(ref.name), ref)

    def elided(self, text: str, country: str) -> BodyRef | None:
        """The one body of ``country`` named so far whose name goes on from ``text`` ("Học viện" ->
        "Học viện Chính trị quốc gia Hồ Chí Minh", "Bộ" -> "Bộ Nội vụ Lào"), else None."""
        lead = fold(text) + " "
        hits = [r for r in self.known.values()
                if fold(r.name).startswith(lead) and (not country or not r.country or r.country == country)]
        if len(hits) != 1:
            return None
        r = hits[0]
        return BodyRef(r.name, r.kind, r.country, r.place, r.place_text, r.parent, resolution="context")

    def main_foreign(self) -> str:
        """The partner country the article names most (Laos in most of them)."""
        for c, _ in self.country_counts.most_common():
            if c and c != "VN":
                return c
        return ""


def _trailing_place(text: str, lex: Lexicon) -> PlaceMatch | None:
    # A place that closes ``text`` ends with a listed spelling's last word or an unlisted name's
    # capitalised word: where the last word has no capital and none of those, no need to search.
    last = text.rsplit(None, 1)[-1:]
    if not last or (last[0].islower() and not text.rstrip().endswith(lex.lower_place_tails)):
        return None
    ps = lex.places_in(text)
    if ps and ps[-1].end >= len(text.rstrip()):
        return ps[-1]
    return None


def seg_countries(seg: TitleSeg, lex: Lexicon) -> list[str]:
    """Countries a title names: its places, its "(Lào)" note, its party; for an ambassador, the sender."""
    out: list[str] = []
    if seg.head.ambassador:
        m = _AMBASSADOR_RE.match(seg.rest)
        if m:
            out += [p.place.country for p in lex.places_in(m.group("from")) if p.place]
        return out
    out += [p.place.country for p in lex.places_in(seg.text) if p.place]
    if seg.hint:
        out += [p.place.country for p in lex.places_in(seg.hint) if p.place]
    return out


def _level_ok(need: str, have: str) -> bool:
    return need == have or (need == "any" and have in ("city", "province"))


# "Trung ương Đoàn", "Trung ương Hội": a central committee of something other than the party
_OF_CENTRE = re.compile(r"trung ương (?!đảng\b)\S")


def _lone_country(text: str, lex: Lexicon) -> str:
    """The country ``text`` names and nothing else ("Lào", "CHDCND Lào"), else ""."""
    ps = lex.places_in(text)
    if len(ps) == 1 and ps[0].place is not None and ps[0].level == "country" and not text[:ps[0].start].strip() \
            and not text[ps[0].end:].strip():
        return ps[0].place.country
    return ""


def _implied(seg: TitleSeg, country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon) -> BodyRef | None:
    """"Tổng Bí thư Tô Lâm", "Chủ tịch nước Lào": a national post written without its body is in the
    party or the state of the official's country (titles.yaml ``implied_bodies``), when that country
    is known: written with the title, else Vietnam for a Vietnamese official, else a partner country
    the chain names or the only one the article names. None otherwise."""
    what = lex.g.implied_bodies.get(fold(seg.head.head))
    if what is None:
        return None
    written = _lone_country(seg.rest, lex) if seg.rest else ""
    if seg.rest and not written:
        return None  # "Tổng Bí thư Ban Chấp hành ...": not a bare post
    written = written or (_lone_country(seg.hint, lex) if seg.hint else "")
    if not written and not _country_known(country, chain, ctx, lex):
        return None
    c = written or country
    name = lex.parties.get(c) if what == "party" else lex.g.states.get(c)
    if not name:
        return None
    return BodyRef(name, what, c, resolution="implied")


def _country_known(country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon) -> bool:
    """Whether the official's ``country`` is known well enough to put a national body of it on a post
    that does not write one: Vietnam (a Vietnamese official), a country the chain names, or the only
    partner country the article names, or far more often than any other (not a guess between Laos
    and Cambodia)."""
    if country == "VN":
        return True
    if not country or any(country in seg_countries(s, lex) for s in chain):
        return bool(country)
    counts = ctx.country_counts
    other = max((n for c, n in counts.items() if c and c not in ("VN", country)), default=0)
    return counts[country] > 0 and counts[country] >= 3 * other


def _shared(seg: TitleSeg, country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon) -> BodyRef | None:
    """"Phó Tư lệnh, Tham mưu trưởng Quân khu 2": a title written without a body, right before a comma
    and a title whose body is written, holds its post in that body when the body is of a kind the
    title can be a post in (titles.yaml ``shared_bodies``). Both titles are the same person's, read
    on the same side of the name (the comma alone stands between them)."""
    kinds = lex.g.shared_bodies.get(fold(seg.head.head))
    if not kinds or seg.via != "explicit":
        return None
    nxt = next((o for o in chain if seg.end < o.start <= seg.end + 3 and o.via == "explicit"), None)
    if nxt is None or nxt.head.ambassador or nxt.head.no_body:
        return None
    ref = resolve(nxt, country, chain, ctx, lex)
    if ref is None or ref.kind not in kinds:
        return None
    return dataclasses.replace(ref, resolution="context" if ref.resolution == "context" else "same_chain")


def resolve(seg: TitleSeg, country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon) -> BodyRef | None:
    """The body a title points at, or None when it names none (a bare "Đại sứ", a "Tổng Bí thư" of an
    official whose country is not known)."""
    head = seg.head
    if head.no_body:
        return _implied(seg, country, chain, ctx, lex)
    of = seg.rest.find(" của ")
    if of > 0 and not head.ambassador and lex.body_re.match(owner := seg.rest[of + 5:].strip()):
        lead = seg.text[:len(seg.text) - len(seg.rest)] if seg.text.endswith(seg.rest) else f"{seg.text} "
        parent = _owner(owner, country, ctx, lex)
        # "Trưởng khoa Tuyên truyền của Học viện": the faculty of the academy named in full before;
        # else "Phó Trưởng ban Tuyên giáo của Tỉnh ủy" is read as "... Ban Tuyên giáo Tỉnh ủy"
        rest = seg.rest[:of] if parent is not None else f"{seg.rest[:of]} {owner}"
        child = resolve(dataclasses.replace(seg, rest=rest, text=lead + rest), country, chain, ctx, lex)
        if child is None or parent is None:
            return child
        return BodyRef(f"{child.name} {parent.name}", child.kind, parent.country or child.country, parent.place,
                       parent.place_text, parent, resolution=_weaker(child.resolution, parent.resolution))
    if not seg.rest and not head.body and not head.fixed_body and not head.ambassador:
        return _shared(seg, country, chain, ctx, lex)
    via = "list_header" if seg.via == "list_header" else "explicit"
    if head.ambassador:
        m = _AMBASSADOR_RE.match(seg.rest)
        if not m:
            return None
        sender = next((p.place for p in lex.places_in(m.group("from")) if p.place), None)
        sender_name = sender.name if sender else lex.country_names.get(country, "")
        to = m.group("to").strip()
        name = " ".join(x for x in (head.body, sender_name, "tại", to) if x)
        target = _trailing_place(to, lex)
        return BodyRef(name, "embassy", sender.country if sender else country,
                       target.place if target else None, target.core if target else "", resolution=via)
    if head.fixed_body and head.fixed_body.lower().startswith("chính quyền"):
        return _administration(seg, country, chain, ctx, lex, via)
    if head.fixed_body:
        text = head.fixed_body if not seg.rest or not lex.body_re.search(seg.rest) else seg.rest
        if seg.rest and text == head.fixed_body and _lone_country(seg.rest, lex):
            text = f"{text} {seg.rest}"  # "Thủ tướng Lào": the government of Laos
        elif seg.rest and text == head.fixed_body and (
                ((tp := _trailing_place(seg.rest, lex)) is not None and tp.start == 0
                 and tp.level in ("province", "city")) or lex.generic_place_re.match(seg.rest)) \
                and (hm := lex.body_re.search(seg.text, 0, len(seg.text) - len(seg.rest))) is not None:
            # "Tham mưu trưởng Bộ đội Biên phòng tỉnh Quảng Trị", "Phó Chính ủy BĐBP tỉnh": the province's
            # (the one named, or the article's), not the national command
            text = f"{seg.text[hm.start():len(seg.text) - len(seg.rest)].strip()} {seg.rest}"
    elif head.body:
        if not seg.rest:
            # "Thứ trưởng" in a ministry's delegation: the ministry of the official's side named before
            bh = lex.body_head(head.body)
            return ctx.elided(head.body, country) if bh is not None and bh.named else None
        # "Bộ trưởng Ngoại giao" is of the "Bộ Ngoại giao"; "Bộ trưởng Bộ Nội vụ" of the "Bộ Nội vụ"
        lead = seg.rest.split(" ", len(head.body.split()))[:len(head.body.split())]
        text = seg.rest if fold(" ".join(lead)) == fold(head.body) else f"{head.body} {seg.rest}".strip()
    else:
        text = seg.rest
    if not text:
        return None
    heads: list[re.Match[str] | _Whole] = list(lex.body_re.finditer(text))
    full = full_name_at(text, 0, lex)
    if full and (not heads or heads[0].start() > 0):
        # "Ủy ban Trung ương MTTQ Việt Nam": a full name that opens with no head of its own
        heads = [_Whole(full[0], full[1].name), *(h for h in heads if h.start() >= full[0])]
    if not heads or heads[0].start() > 0:
        # "Chủ tịch tỉnh Xiêng Khoảng": the province (its administration).
        tp = _trailing_place(text, lex)
        if tp and tp.start == 0 and tp.place and tp.level in ("province", "city"):
            return BodyRef(tp.text, "local government", tp.place.country or country, tp.place, tp.core,
                           resolution=via)
        return None
    # A body known by its full name ("Sở Văn hóa, Thể thao và Du lịch") is read whole: the heads
    # inside it ("Bộ Tư lệnh Bộ đội Biên phòng") are not bodies of their own.
    name_end = full[0] if full else heads[0].end()
    if full:
        heads = [heads[0], *(h for h in heads if h.start() >= name_end)]
        first = BodyHead(full[1].name, full[1].kind, full[1].scope, "any", named=True)
    else:
        bh0 = lex.body_head(heads[0].group(1))
        assert bh0 is not None
        first = bh0
    if first.scope in ("local", "national") and not first.named:
        # "tỉnh ủy chỉ đạo công tác Đảng ... tỉnh X": words after the head that are not a place end the body.
        rem = text[name_end:]
        for pm in lex.places_in(rem):
            rem = rem.replace(pm.text, " ")
        if any(w[0].islower() and fold(w) not in _GENERIC_WORDS for w in rem.split()):
            text = text[:name_end]
            heads = heads[:1]
    text = text[0].upper() + text[1:]
    loc: tuple[int, BodyHead] | None = None
    for hm in heads[1:] if first.scope in ("sub", "own") or full else heads[:1]:
        bh = lex.body_head(hm.group(1))
        if bh and bh.scope in ("local", "national"):
            loc = (hm.start(), bh)
    if first.scope in ("local", "national") and loc is None:
        loc = (0, first)
    place = _trailing_place(text, lex)
    if place is not None and place.start < name_end:
        place = None  # "Hội Hữu nghị Việt Nam - Lào": a place inside the name is not the body's place
    generic = lex.generic_place_re.search(text) if place is None else None
    if loc is None and generic is not None:
        loc = (0, BodyHead(first.head, first.kind, "local", "any"))  # "Trường Chính trị tỉnh": the province's
    if first.scope == "sub" and loc is None and place is None and not full and heads[0].end() >= len(text.rstrip()):
        # "Ủy viên Ban Thường vụ, Trưởng ban Tư tưởng Thành ủy La Habana": the standing committee of
        # the party committee the chain names after it
        committee = _committee_in_chain(seg, chain, country, ctx, lex)
        if committee is not None:
            # (its place from the article's context: no surer than that)
            found = _weaker("list_header" if via == "list_header" else "same_chain", committee.resolution)
            return BodyRef(f"{text} {committee.name}", first.kind, committee.country, committee.place,
                           committee.place_text, committee, resolution=found)
    hint_country = next((p.place.country for p in lex.places_in(seg.hint) if p.place), "") if seg.hint else ""
    body_country = (place.place.country if place and place.place else "") or hint_country or country
    at = _AT_RE.search(text) if first.kind in ("embassy", "consulate") else None
    if at is not None:
        # "Đại sứ quán Việt Nam tại Campuchia": the sender's
        sender = next((p.place for p in lex.places_in(text[:at.start()]) if p.place), None)
        body_country = sender.country if sender is not None and sender.country else country
    if full and full[1].country and not place:
        body_country = full[1].country
    folded = fold(text)  # once, not once per party
    party = lex.party_of(folded)
    name, resolution, pl, pl_text = text, via, (place.place if place else None), (place.core if place else "")
    after = ""
    if loc is not None and loc[1].scope == "local" and place is None and generic is None and not first.named:
        lm = lex.body_re.match(text, loc[0])
        after = text[lm.end():].strip() if lm else ""
        words = after.split()
        if not all(w[0].isupper() for w in words) or len(words) > 3 or (words and words[0] in lex.surnames
                                                                         and len(words) >= 3):
            after = ""  # not a place's name ("Tỉnh ủy Lữ Văn Hiền": a person's)
    if loc is not None and loc[1].scope == "local" and place is None and after:
        pass  # "Huyện ủy Mộc Châu": a place the gazetteer does not list, written out
    elif loc is not None and loc[1].scope == "local" and place is None:
        need = _GENERIC_LEVEL.get(fold(generic.group(1)), "any") if generic else (loc[1].level or "any")
        found = _from_chain(seg, chain, need, lex)
        if found is not None:
            resolution = "list_header" if via == "list_header" else "same_chain"
            pl, pl_text = found.place, found.core
        else:
            hit = ctx.locale(country, need) if country else None
            if hit is not None:
                resolution = "list_header" if via == "list_header" else "context"
                pl, pl_text = hit
        if pl is not None:
            name = f"{text} {pl_text}"
            body_country = pl.country or body_country
        elif first.kind == "local government":
            return None  # a bare "Chính quyền tỉnh" says nothing
        elif not any(a > 0 for a, _, _ in lex.body_name_spans(text)):  # (a body named in full inside it says)
            resolution = "unnamed"  # "Ban Tuyên giáo Tỉnh ủy" and no province anywhere: which one is not said
    elif loc is not None and loc[1].scope == "national" and not party and not place:
        if full and full[1].country:
            pass
        elif country and country != "VN" and not _country_known(country, chain, ctx, lex):
            return None  # "Thủ tướng Hun Manet" in an article about Laos and Cambodia: whose government?
        elif country and country != "VN" and loc[1].kind in lex.g.state_kinds and country in lex.country_names:
            # a foreign official's "Chính phủ", "Quốc hội": his country's state, not his party's
            name, resolution, body_country = f"{text} {lex.country_names[country]}", "context", country
        elif country and country != "VN" and _OF_CENTRE.match(fold(text)):
            # "Phó Bí thư Trung ương Đoàn" of a Lao official: the one body of his country the gazetteer
            # names from it ("Trung ương Đoàn Thanh niên Nhân dân Cách mạng Lào"), not his party
            lead = fold(text) + " "
            hits = [n for f, n in lex.body_name_by_fold.items() if f.startswith(lead) and n.country == country]
            if len({n.name for n in hits}) != 1:
                return None
            return BodyRef(hits[0].name, hits[0].kind, country, resolution="context")
        elif country and country != "VN" and country in lex.parties:
            party_name = lex.parties[country]
            name = (text[: -len("Đảng")] + party_name) if text.endswith("Đảng") else f"{text} {party_name}"
            resolution = "context"
            body_country = country
        elif fold(text) == "trung ương" and body_country in ("VN", ""):
            name, body_country = "Trung ương Đảng", "VN"  # the Vietnamese press's unqualified "Trung ương"
        elif fold(text) == "trung ương":
            return None  # a bare "Trung ương" of a country without a listed party says nothing
        elif country != "VN":
            # a foreign official (of a country not known, or whose party the gazetteer lacks): his
            # party's or state's body, never Vietnam's
            return None
        else:
            body_country = body_country or "VN"
    elif loc is None and first.kind in lex.g.state_kinds and not place and not party and country and country != "VN":
        # a foreign official's "Bộ trưởng Bộ Tư pháp": his country's ministry, never Vietnam's of that name
        if country not in lex.country_names or not _country_known(country, chain, ctx, lex):
            return None  # his country a guess (Laos or Cambodia?): no ministry rather than a wrong one
        name, resolution, body_country = f"{text} {lex.country_names[country]}", "context", country
    if party:
        body_country = party
    if first.named and pl is None and not party and name == text and (loc is None or loc[0] == 0):
        # "Phó Giám đốc Học viện": the academy the article named in full
        elided = ctx.elided(text, body_country)
        if elided is not None:
            return elided
    if name == text and is_unnamed(name):
        # "Học viện" where the article names two academies, or none: which one is not said. A body
        # of this article only (see is_unnamed), never the same node as another article's.
        resolution = "unnamed"
    ref = BodyRef(name, first.kind, body_country, pl, pl_text, resolution=resolution)
    if loc is not None and loc[0] > 0 and loc[1].scope == "local" and pl is not None:
        ptext = text[loc[0]:]
        pname = f"{ptext} {pl_text}" if pl is not None and name.endswith(pl_text) and not place else ptext
        ref.parent = BodyRef(pname, loc[1].kind, body_country, pl, pl_text, resolution=resolution)
    return ref


def _administration(seg: TitleSeg, country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon,
                    via: str) -> BodyRef | None:
    """"Tỉnh trưởng tỉnh Xiêng Khoảng", "Phó Đô trưởng": the province or capital (its administration),
    named as the place is written; the place is the title's own, else the chain's, else the article's
    main one of the official's country. None when no place is found."""
    generic = lex.generic_place_re.search(seg.head.fixed_body)
    need = _GENERIC_LEVEL.get(fold(generic.group(1)), "any") if generic else "any"
    word = generic.group(1) if generic else ""
    tp = _trailing_place(seg.rest, lex) if seg.rest else None
    resolution = via
    if tp is None or tp.place is None or tp.level not in ("city", "province"):
        tp = _from_chain(seg, chain, need, lex)
        resolution = "list_header" if via == "list_header" else "same_chain"
    if tp is not None and tp.place is not None:
        place, core, written = tp.place, tp.core, tp.text
    else:
        hit = ctx.locale(country, need) if country else None
        if hit is None:
            return None
        (place, core), written = hit, ""
        resolution = "list_header" if via == "list_header" else "context"
    if written == core:  # written without its prefix: "tỉnh Xiêng Khoảng", as the title says
        written = ""
    name = written or " ".join(x for x in (word, core) if x)
    return BodyRef(name, "local government", place.country or country, place, core, resolution=resolution)


class _Whole:
    """A full name standing where the head grammar would put a head match (``start``, ``end``, ``group``)."""

    def __init__(self, end: int, name: str) -> None:
        self._end, self._name = end, name

    def start(self) -> int:
        return 0

    def end(self) -> int:
        return self._end

    def group(self, _i: int = 0) -> str:
        return self._name


def full_name_at(text: str, pos: int, lex: Lexicon) -> tuple[int, BodyName] | None:
    """The body known by its full name that begins at ``pos``: (its end, the name), else None."""
    if pos == 0:
        return lex.full_name_at_start(text)  # one match, not a search
    for a, b, n in lex.body_name_spans(text):
        if a == pos:
            return b, n
        if a > pos:
            break
    return None


def _weaker(a: str, b: str) -> str:
    """Of two resolutions, the less sure (``a`` when they are as sure): a body found from another is
    no surer than it."""
    return b if CONFIDENCE.get(b, 0.0) < CONFIDENCE.get(a, 0.0) else a


def _owner(text: str, country: str, ctx: DocContext, lex: Lexicon) -> BodyRef | None:
    """The body written after "của" in a title, when it is one body: known by its full name, or a
    bare head that stands for the one body the article named in full from it ("Học viện")."""
    full = lex.full_name_at_start(text)
    if full is not None and full[0] >= len(text):
        return BodyRef(full[1].name, full[1].kind, full[1].country or country)
    m = lex.body_re.match(text)
    return ctx.elided(text, country) if m is not None and m.end() >= len(text) else None


def _committee_in_chain(seg: TitleSeg, chain: list[TitleSeg], country: str, ctx: DocContext,
                        lex: Lexicon) -> BodyRef | None:
    """The party committee of a city or province that a later title of the chain is in or of.

    "Trưởng ban Tư tưởng Thành ủy La Habana" is in the Thành ủy La Habana; "Phó Tỉnh trưởng tỉnh
    Xiêng Khoảng" is of a province, whose party committee is its Tỉnh ủy (the committee head of the
    place's level, from the gazetteer).
    """
    i = next((k for k, s in enumerate(chain) if s is seg), len(chain))
    for later in chain[i + 1:]:
        if later.head.ambassador or later.via == "dash":
            continue
        ref = resolve(later, country, chain, ctx, lex)
        if ref is None or ref.place is None or ref.place.kind not in ("city", "province"):
            continue
        up: BodyRef | None = ref
        while up is not None and up.kind != "party committee":
            up = up.parent
        if up is not None and up.place is ref.place:
            return up
        head = lex.committee_heads.get(ref.place.kind)
        if head is not None:
            return BodyRef(f"{head} {ref.place_text or ref.place.name}", "party committee",
                           ref.place.country or ref.country, ref.place, ref.place_text, resolution=ref.resolution)
    return None


def _from_chain(seg: TitleSeg, chain: list[TitleSeg], need: str, lex: Lexicon) -> PlaceMatch | None:
    """A place closing another title of the same chain ("Bí thư Thành ủy, Chủ tịch HĐND Thủ đô Viêng Chăn")."""
    i = next((k for k, s in enumerate(chain) if s is seg), len(chain))
    for other in [*chain[i + 1:], *reversed(chain[:i])]:
        if other.head.ambassador or other.via == "dash":
            continue
        tp = _trailing_place(other.text, lex)
        if tp and tp.place and _level_ok(need, tp.level):
            return tp
    return None
# ---------------------------------------------------------------- bodies named in running text

# Lower-case words that end a body's name where they follow it: function words and the verbs
# whose object is often capitalised ("Sở Ngoại vụ tiếp Đoàn ...").
_STOP_TEXT = (
    "và của tại với cùng do đã đang sẽ là có được cho về trong từ đến theo nhằm để khi vừa sau trước tổ tiếp "
    "thăm dự làm trao tặng gửi đón gặp ký chủ khai bế đề cảm chúc mời hỗ giúp phối cử tham nhận bày khẳng "
    "nhấn thực triển tăng đẩy duy nêu mong đánh này đó các những một hai ba mà nhưng thì nên vì qua lên ra "
    "vào như bằng trên dưới giữa sang đi chào cũng còn rất luôn")
_STOP_WORDS = frozenset(_STOP_TEXT.split())
_GENERIC_TAIL = frozenset({"tỉnh", "thành phố", "thủ đô", "tp", "tp."})
_GENERIC_ENDS = tuple(" " + g for g in _GENERIC_TAIL)
_SEPARATOR = frozenset({", ", " và ", ", và "})
# capitalised words after a local head that do not open a place's name ("Công an Nhân dân")
_NOT_PLACE_WORDS = frozenset({"Nhân", "Dân", "Nhà", "Nước", "Đảng", "Trung", "Quốc", "Chính", "Cách"})
_NUMBER_RE = re.compile(r"\d+|[IVX]+(?![\w-])")
_IN_TITLE_GAP = re.compile(r"[,;:.()]|\svà\s")


@dataclass
class _Span:
    start: int
    end: int
    head: BodyHead
    full: BodyName | None
    place: PlaceMatch | None  # the last place inside, if any
    generic: bool  # ends with a bare "tỉnh", "thành phố"
    named: bool  # a name follows a head that takes one
    loc: BodyHead | None  # a local or national head after the first (the parent's)
    party: bool
    loc_start: int = -1
    capped: bool = False  # capitalised words follow the head (a name, or a place not listed)


@functools.cache
def _mention_re(lex: Lexicon) -> re.Pattern[str]:
    """Body heads where they open with a capital, as a name does, in the usual ways of writing them
    ("Ủy ban nhân dân", "Ủy ban Nhân dân"). A trie without a look-behind (the caller checks that a
    match begins a word): several times faster than an alternation."""
    forms = set()
    for h in lex.body_heads:
        words = h.head.split(" ")
        first = words[0][:1].upper() + words[0][1:]
        for caps in itertools.product((False, True), repeat=len(words) - 1):
            rest = [w[:1].upper() + w[1:] if up else w[:1].lower() + w[1:]
                    for w, up in zip(words[1:], caps, strict=True)]
            forms.add(" ".join([first, *rest]))
            forms.add(" ".join([first, *(w if w.isupper() else r for w, r in zip(words[1:], rest, strict=True))]))
    return re.compile(_trie(forms) + r"(?![\w-])")


class _Titles:
    """Title heads of a sentence, looked for only where asked (the title regex is large)."""

    def __init__(self, s: str, lex: Lexicon) -> None:
        self.s, self.re = s, lex.title_re
        self._at: dict[int, int] = {}

    def at(self, q: int) -> int:
        """The end of a title head beginning at ``q`` (0: none)."""
        hit = self._at.get(q)
        if hit is None:
            s = self.s
            m = self.re.match(s, q) if q < len(s) and s[q].isupper() else None
            hit = self._at[q] = m.end() if m else 0
        return hit

    def covers(self, a: int) -> bool:
        """Whether a title head that begins up to two words before ``a`` runs over it ("Trưởng Ban ...")."""
        s, q = self.s, a
        for _ in range(2):
            q = s.rfind(" ", 0, q - 1) + 1 if q > 1 else 0
            if q >= a or a - q > 30:
                break
            if self.at(q) > a:
                return True
            if q == 0:
                break
        return False

    def last_end_before(self, a: int, reach: int) -> int:
        """The end of the last title head ending by ``a`` within ``reach`` characters (-1: none)."""
        last = -1
        for m in self.re.finditer(self.s, max(0, a - reach), a):
            last = m.end()
        return last


_UPPER_START = re.compile(upper_class())
_WORDISH = re.compile(r"[\w-]")


def body_mentions(s: str, lex: Lexicon, ctx: DocContext, names: list[tuple[int, int]],
                  titled: list[tuple[int, int]] | None = None) -> list[tuple[int, int, BodyRef]]:
    """The bodies sentence ``s`` names in running text, with their spans: a body with its place
    written ("đại diện Công an tỉnh Kon Tum"), a ministry, department or academy by its name
    ("Bộ Quốc phòng", "lãnh đạo Sở Tài chính" — the department of the article's province), a
    party by its name, and each of a list of bodies that share one place ("Tỉnh ủy, HĐND, UBND
    tỉnh Quảng Trị"). Bodies in the titles of the people read (``titled``: their spans) are left
    to the positions, which resolve them with the official's side ("Bí thư Tỉnh ủy")."""
    if not _UPPER_START.search(s):
        return []
    fulls = {a: (b, n) for a, b, n in lex.body_name_spans(s)}
    heads = {m.start(): m for m in _mention_re(lex).finditer(s)
             if not m.start() or not _WORDISH.match(s, m.start() - 1)}
    if not heads and not fulls:
        return []
    places = {p.start: p for p in lex.places_in(s)}
    name_starts = {a for a, _ in names}
    titles = _Titles(s, lex)
    out: list[tuple[int, int, BodyRef]] = []
    for a, (b, n) in fulls.items():
        if n.kind == "party":
            out.append((a, b, BodyRef(s[a:b], "party", n.country, resolution="explicit")))
    spans: list[_Span] = []
    consumed = 0
    for a in sorted({*heads, *fulls}):
        if a < consumed or a in name_starts or any(ta <= a < tb for ta, tb in titled or ()) or titles.covers(a):
            continue
        span = _extent(s, a, lex, heads, fulls, places, name_starts, titles)
        if span is None:
            continue
        if span.head.kind == "delegation":
            continue  # not a standing body; what it is of ("Đoàn công tác Bộ Nội vụ Lào") is read on its own
        consumed = span.end
        if not _after_title(s, a, lex):
            spans.append(span)
    shared = _shared_places(s, spans)
    # "Ban Tổ chức, Ban Tuyên giáo Tỉnh ủy X": the first is "Ban Tổ chức Tỉnh ủy X"; but "Ban Kiểm tra
    # Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn" is one body written with a comma
    suffix_of: dict[int, str] = {}
    glued: set[int] = set()
    for i in range(len(spans) - 1, 0, -1):
        prev, sp = spans[i - 1], spans[i]
        if prev.head.scope != "sub" or prev.loc is not None or s[prev.end:sp.start] not in _SEPARATOR:
            continue
        if prev.head.head != sp.head.head:
            if s[prev.end:sp.start] == ", ":
                glued.add(i)
        elif sp.loc_start >= 0 or i in suffix_of:
            suffix_of[i - 1] = suffix_of.get(i) or s[sp.loc_start:sp.end]
    for i, sp in enumerate(spans):
        if i in glued:
            continue
        text = s[sp.start:sp.end]
        if i in suffix_of:
            text = f"{text} {suffix_of[i]}"
            sp = _Span(sp.start, sp.end, sp.head, sp.full, spans[i + 1].place, spans[i + 1].generic, sp.named,
                       spans[i + 1].loc, sp.party)
        how = _emit_how(s, sp, titles, shared.get(i) is not None)
        if how is None:
            continue
        if i in suffix_of and how == "explicit":
            how = "shared"
        if i in shared:
            pm = shared[i]
            assert pm.place is not None
            suffix = pm.core if sp.head.kind == "party committee" else pm.text
            text = f"{text} {suffix}"
        if how == "context":
            ref = ctx.mentioned.get(text, _UNSEEN)
            if ref is _UNSEEN:
                seg = TitleSeg(0, len(text), text, _NO_TITLE, text)
                ref = ctx.mentioned[text] = resolve(seg, "VN", [seg], ctx, lex)
            if ref is not None:
                ref = dataclasses.replace(ref)
        else:  # the place (if any) is written: no need to resolve it
            ref = _written_ref(sp, text, shared.get(i), places, lex)
        if ref is None or (how == "explicit" and ref.resolution == "context" and not sp.named):
            continue
        if how == "context" and ref.place is None and not sp.named:
            continue  # "UBND tỉnh" with no province in the article
        if how == "shared":
            ref.resolution = "same_chain"
        out.append((sp.start, sp.end, ref))
    return out


_NO_TITLE = TitleHead(head="", role="")


def _written_ref(sp: _Span, text: str, shared: PlaceMatch | None, places: dict[int, PlaceMatch],
                 lex: Lexicon) -> BodyRef:
    """The body of a span whose place, if it has one, is written in it (or shared with the list it ends)."""
    pm = shared or sp.place
    place = pm.place if pm is not None else None
    country = place.country if place is not None else ""
    if sp.head.kind in ("embassy", "consulate"):  # "Đại sứ quán Việt Nam tại Campuchia": the sender's
        sender = next((p.place for a, p in places.items() if sp.start <= a < sp.end and p.place is not None), None)
        country = sender.country if sender is not None else country
    if not country and sp.full is not None:
        country = sp.full.country
    if sp.party:
        low = text.lower()
        country = lex.party_of(low, country)
    name = text[0].upper() + text[1:]
    return BodyRef(name, sp.head.kind, country or "VN", place, pm.core if pm is not None else "")
_UNSEEN: Any = object()
_PIECE_START = re.compile(r"[,;:]")


def _after_title(s: str, a: int, lex: Lexicon) -> bool:
    """"Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn": a body right after the
    comma of a title without a place goes on that title's body (as the title grammar reads it)."""
    if s[max(0, a - 2):a] != ", ":
        return False
    k = a - 2
    lo = max((m.end() for m in _PIECE_START.finditer(s, 0, k)), default=0)
    piece = s[lo:k].strip()
    return bool(lex.title_re.match(piece)) and not lex.places_in(piece) and not lex.title_re.match(s, a)


def _extent(s: str, a: int, lex: Lexicon, heads: dict[int, re.Match[str]], fulls: dict[int, tuple[int, BodyName]],
            places: dict[int, PlaceMatch], name_starts: set[int], titles: _Titles) -> _Span | None:
    """How far the body whose head (or full name) begins at ``a`` runs."""
    full = fulls.get(a)
    hm = heads.get(a)
    if full is not None and (hm is None or full[0] >= hm.end()):
        b, fn = full
        head = BodyHead(fn.name, fn.kind, fn.scope, "any", named=True)
    else:
        assert hm is not None
        bh = lex.body_head(hm.group())
        if bh is None:
            return None
        b, fn, head = hm.end(), None, bh
    pos = end = last = b
    lc = 0
    after_cap = False  # the last word taken is a capitalised one (not a place or a head)
    place: PlaceMatch | None = None
    loc: BodyHead | None = None
    loc_start = -1
    named = fn is not None
    first = fn is None  # right after the head (a full name needs nothing after it)
    capped = False
    n = len(s)
    while pos < n and s[pos] == " " and pos + 1 < n:
        q = pos + 1
        if q in name_starts or (not (first and head.named) and titles.at(q)):  # (but "Cục Lãnh sự")
            break
        pm = places.get(q)
        if pm is not None:
            if place is not None and place.level != "country":
                break
            place, pos = pm, pm.end
            end = last = pos
            lc, first, after_cap = 0, False, False
            continue
        at = _AT_RE.match(s, pos) if head.kind in ("embassy", "consulate") else None
        if at is not None and places.get(at.end()):
            pos, place = at.end() - 1, None  # "Đại sứ quán Việt Nam tại Campuchia"
            continue
        if place is not None and place.level != "country":
            break
        f = fulls.get(q)
        hm2 = heads.get(q)
        if (f is not None or hm2 is not None) and (lc > 1 or (lc == 1 and not after_cap)):
            break  # "Bộ Ngoại giao giao Cục Lãnh sự": a head after a predicate opens another body
        if f is not None or hm2 is not None:
            if f is not None and (hm2 is None or f[0] >= hm2.end()):
                pos = f[0]
                if f[1].scope in ("local", "national"):
                    loc, loc_start = BodyHead(f[1].name, f[1].kind, f[1].scope), q
                if f[1].kind == "party":  # "... Trung ương Đảng Cộng sản Việt Nam": the party closes it
                    end = last = pos
                    break
            else:
                assert hm2 is not None
                pos = hm2.end()
                bh2 = lex.body_head(hm2.group())
                if bh2 is not None and bh2.scope in ("local", "national"):
                    loc, loc_start = bh2, q
            end = last = pos
            lc, first, after_cap = 0, False, False
            named = named or head.named
            continue
        m = WORD_RE.match(s, q) or (_NUMBER_RE.match(s, q) if lc == 0 else None)  # "Quân khu 4"
        if m is None:
            break
        w = m.group()
        if w[0].isupper() or w[0].isdigit():
            if first and head.named:
                named = True
            end = last = m.end()
            lc = 0
            after_cap = w[0].isupper()
            capped = capped or (after_cap and (capped or w not in _NOT_PLACE_WORDS))
        else:
            lw = w.lower()  # (the text is cleaned: lower() is enough, and cheaper than fold)
            if first and head.named and lw not in _GENERIC_TAIL:
                return None  # "Vụ trưởng", "Sở dĩ": no name after the head
            if lw in _STOP_WORDS or lc >= 3:
                break
            if lc == 0:
                after_cap = after_cap and end == last
            lc += 1
            end = m.end()
        first = False
        pos = m.end()
        if end - a > 160:
            break
    tail = " ".join(s[last:end].lower().split())
    if tail in _GENERIC_TAIL:
        last = end
    elif tail and last > b and after_cap:
        # a two-syllable word after a capital ("Ban Tổ chức", "Sở Ngoại vụ"); lower-case words after it
        # are the predicate
        nxt = WORD_RE.match(s, last + 1)
        if nxt is not None and nxt.group().lower() not in _STOP_WORDS:
            last = nxt.end()
    elif last == b and head.named and not named and fn is None:
        return None
    whole = s[a:last].lower()
    generic = whole.endswith(_GENERIC_ENDS)
    if generic:
        place = None  # "Ủy ban MTTQ Việt Nam thành phố": the city is elided (the country is no place for it)
    party = "đảng" in whole and any(f in whole for f in lex.party_country)
    return _Span(a, last, head, fn, place if place is not None and place.end <= last else None, generic, named,
                 loc, party, loc_start if loc_start < last else -1, capped and not generic and place is None)


def _shared_places(s: str, spans: list[_Span]) -> dict[int, PlaceMatch]:
    """"Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh Quảng Trị": the bare local bodies of a list
    take the place that closes it (where it fits their level)."""
    out: dict[int, PlaceMatch] = {}
    group: list[int] = []
    for i, sp in enumerate(spans):
        if group and s[spans[group[-1]].end:sp.start] not in _SEPARATOR:
            group = []
        local = sp.head.scope == "local"
        pm = sp.place
        if local and pm is not None and pm.place is not None and pm.level in ("city", "province"):
            for k in group:
                level = spans[k].head.level or "any"
                if level == "district" or not _level_ok(level, pm.level):
                    continue
                out[k] = pm
            group = []
        elif local and pm is None and not sp.generic:
            group.append(i)
        else:
            group = []
    return out


def _emit_how(s: str, sp: _Span, titles: _Titles, shared: bool) -> str | None:
    """Whether a body read in running text is emitted: "explicit", "shared", "context" or None."""
    head = sp.head
    if head.kind in ("delegation", "party") or (not head.text and sp.full is None):
        return None
    if shared:
        return "shared"
    has_place = sp.place is not None and sp.place.place is not None
    if head.scope == "sub":
        if sp.loc is None:
            return None
        if sp.loc.scope == "national":
            return "explicit"
        return "explicit" if has_place else None
    if head.scope == "national":
        return "explicit" if has_place or sp.party or sp.full is not None else None
    if has_place or (head.scope == "local" and not head.named and sp.capped):
        return "explicit"  # (a place the gazetteer does not list: "Huyện ủy Mộc Châu")
    if sp.generic or head.named:
        # the article's own province's ("lãnh đạo Sở Ngoại vụ, Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        # unless a title stands before it: the official's side decides then
        last = titles.last_end_before(sp.start, 80)
        if last >= 0 and sp.start - last < 80 and not _IN_TITLE_GAP.search(s, last, sp.start):
            return None
        if head.scope == "local" or sp.generic:
            return "context"
        return "explicit" if sp.named else None
    return None
