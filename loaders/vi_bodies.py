"""From a title as written to the body it names, with the elided place filled in.

"Trưởng ban Tổ chức Thành ủy" names the Ban Tổ chức of some city's party
committee; which city is read from the same title chain ("..., Chủ tịch HĐND Thủ
đô Viêng Chăn"), else from the article (the city of the official's side that the
article names most). A national body ("Trung ương Đảng") never takes a city, and
belongs to the official's country's party.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import Place
from interparty.loaders.vi_lexicon import Lexicon, PlaceMatch
from interparty.loaders.vi_titles import TitleSeg

CONFIDENCE = {"explicit": 0.95, "same_chain": 0.85, "list_header": 0.8, "context": 0.7}
_GENERIC_LEVEL = {"thành phố": "city", "tp": "city", "tp.": "city", "thủ đô": "city", "tỉnh": "province"}
_GENERIC_WORDS = {"thành", "phố", "tỉnh", "thủ", "đô", "tp", "tp.", "huyện", "quận", "nhân", "dân", "cách", "mạng"}
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
            if p.place is None:
                continue
            self.counts[(p.place.country, p.level, p.place.name)] += 1
            self.spelling.setdefault(p.place.name, Counter())[p.core] += 1
            self.places[p.place.name] = p.place
        self.country_counts: Counter[str] = Counter()
        for (country, _level, _name), n in self.counts.items():
            self.country_counts[country] += n

    def locale(self, country: str, level: str) -> tuple[Place, str] | None:
        """The most-named place of ``country`` at ``level`` (city, province or any) and its usual spelling."""
        levels = ("city", "province") if level == "any" else (level,)
        best = [(n, name) for (c, lv, name), n in self.counts.items() if c == country and lv in levels]
        if not best:
            return None
        _, name = max(best)
        return self.places[name], self.spelling[name].most_common(1)[0][0]

    def main_foreign(self) -> str:
        """The partner country the article names most (Laos in most of them)."""
        for c, _ in self.country_counts.most_common():
            if c != "VN":
                return c
        return ""


def _trailing_place(text: str, lex: Lexicon) -> PlaceMatch | None:
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


def resolve(seg: TitleSeg, country: str, chain: list[TitleSeg], ctx: DocContext, lex: Lexicon) -> BodyRef | None:
    """The body a title points at, or None when it names none ("Tổng Bí thư", a bare "Đại sứ")."""
    head = seg.head
    if head.no_body:
        return None
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
    if head.fixed_body:
        text = head.fixed_body if not seg.rest or not lex.body_re.search(seg.rest) else seg.rest
    elif head.body:
        text = f"{head.body} {seg.rest}".strip() if seg.rest else ""
    else:
        text = seg.rest
    if not text:
        return None
    heads = list(lex.body_re.finditer(text))
    if not heads or heads[0].start() > 0:
        # "Chủ tịch tỉnh Xiêng Khoảng": the province's administration.
        tp = _trailing_place(text, lex)
        if tp and tp.start == 0 and tp.place and tp.level in ("province", "city"):
            return BodyRef(f"Chính quyền {text}", "local government", tp.place.country, tp.place, tp.core,
                           resolution=via)
        return None
    first = lex.body_head(heads[0].group(1))
    assert first is not None
    if first.scope in ("local", "national"):
        # "tỉnh ủy chỉ đạo công tác Đảng ... tỉnh X": words after the head that are not a place end the body.
        rem = text[heads[0].end():]
        for pm in lex.places_in(rem):
            rem = rem.replace(pm.text, " ")
        if any(w[0].islower() and fold(w) not in _GENERIC_WORDS for w in rem.split()):
            text = text[:heads[0].end()]
            heads = heads[:1]
    text = text[0].upper() + text[1:]
    loc = None
    for m in heads[1:] if first.scope in ("sub", "own") else heads[:1]:
        bh = lex.body_head(m.group(1))
        if bh and bh.scope in ("local", "national"):
            loc = (m, bh)
    if first.scope in ("local", "national") and loc is None:
        loc = (heads[0], first)
    place = _trailing_place(text, lex)
    hint_country = next((p.place.country for p in lex.places_in(seg.hint) if p.place), "") if seg.hint else ""
    body_country = (place.place.country if place and place.place else "") or hint_country or country
    folded = fold(text)  # once, not once per party
    party = next((c for f, c in lex.party_country.items() if f in folded), "")
    name, resolution, pl, pl_text = text, via, (place.place if place else None), (place.core if place else "")
    if loc is not None and loc[1].scope == "local" and place is None:
        generic = lex.generic_place_re.search(text)
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
            body_country = pl.country
    elif loc is not None and loc[1].scope == "national" and not party and not place:
        if country and country != "VN" and country in lex.parties:
            party_name = lex.parties[country]
            name = (text[: -len("Đảng")] + party_name) if text.endswith("Đảng") else f"{text} {party_name}"
            resolution = "context"
            body_country = country
        else:
            body_country = body_country or "VN"
    if party:
        body_country = party
    ref = BodyRef(name, first.kind, body_country, pl, pl_text, resolution=resolution)
    if loc is not None and loc[0].start() > 0 and loc[1].scope == "local" and pl is not None:
        ptext = text[loc[0].start():]
        pname = f"{ptext} {pl_text}" if pl is not None and name.endswith(pl_text) and not place else ptext
        ref.parent = BodyRef(pname, loc[1].kind, body_country, pl, pl_text, resolution=resolution)
    return ref


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
