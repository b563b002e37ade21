"""The Vietnamese rule-based extractor: an article in, officials, bodies, events and documents out.

Every fact is built through :class:`~interparty.loaders.facts.FactBuilder` with
the span it was read from. The text is first masked (same length, so offsets stay
true) where it is not article content: bylines, photo credits, image file names,
site menus and unrelated headline lines.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from interparty.graph.model import Extraction, SourceDoc
from interparty.loaders.facts import ASTRAL, Cued, FactBuilder, name_key, sentence_spans
from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import Place, is_unnamed
from interparty.loaders.vi_bodies import CONFIDENCE, BodyRef, DocContext, body_mentions, resolve, seg_countries
from interparty.loaders.vi_lexicon import Lexicon, PlaceMatch, body_key, lexicon
from interparty.loaders.vi_titles import Person, TitleSeg, read_people

_BYLINE_RE = re.compile(r"^[^\W\d_][^\n\d]{1,40}?\s+\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2})?\s*$")
_TIMESTAMP_RE = re.compile(r"^[\W\d]*(?:\d{1,2}:\d{2}|\d{1,2}/\d{1,2}/\d{4})[\s\S]*$")
_END_PUNCT = ".!?…:;\"”)"  # a line ending with one of these is a sentence, not a heading
_IMAGE_RE = Cued(r"[|]|!\[[^\]]*\]\([^)]*\)|\S+\.(?:jpe?g|png|gif|webp)\b",
                 ("|", "![", ".jpg", ".jpeg", ".png", ".gif", ".webp"), re.IGNORECASE)
# What _IMAGE_RE finds where no image file is named: a bar or a link (its third branch, tried at every
# position of the text and costly, cannot match without a match of _IMAGE_EXT).
_LINK_RE = Cued(r"[|]|!\[[^\]]*\]\([^)]*\)", ("|", "!["), re.IGNORECASE, cased=True)
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
_DEGREE_RE = Cued(r"\b(?:PGS|GS|TS|ThS)\b\.?,?", ("GS", "TS", "ThS"), cased=True)
_NOT_NEWLINE = re.compile(r"[^\n]")
# An abbreviation introduced in brackets after a name ("(GD&ĐT)", "(NDCM)")
_ABBR_NOTE = re.compile(r"\s*\((?:[A-ZĐ]{1,6}&)?[A-ZĐ]{2,8}\)")
_OF_RE = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?của\s+(?:nước\s+)?")


_MISS: Any = object()  # a cache miss (None is a remembered answer)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters in ``spans`` (but line breaks) made spaces: same length."""
    if not spans:
        return text
    out, pos = [], 0
    for a, b in sorted(spans):
        a = max(a, pos)
        if b <= a:
            continue
        out.append(text[pos:a])
        out.append(_NOT_NEWLINE.sub(" ", text[a:b]))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def clean_view(doc: SourceDoc, lex: Lexicon) -> str:
    """The text with non-content masked by spaces (offsets unchanged)."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    for marker in lex.credit_markers:
        if marker not in text:
            continue
        for m in re.finditer(re.escape(marker), text):
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            close = text.find(")", m.end(), line_end)
            start = m.start() - 1 if m.start() > 0 and text[m.start() - 1] == "(" else m.start()
            spans.append((start, close + 1 if close >= 0 else line_end))
    for m in (_IMAGE_RE if _IMAGE_EXT.search(text) else _LINK_RE).finditer(text):
        spans.append(m.span())
    # PGS, TS. and similar degrees: their commas and full stops would cut a title chain.
    for m in _DEGREE_RE.finditer(text):
        spans.append(m.span())
    masked = _mask(text, spans)
    title = fold(doc.title)
    lines, pos = [], 0
    for line in masked.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    content = [x for x in lines if x[2].strip()]
    last = content[-1][0] if content else -1
    heading_spans = []
    for a, b, line in content:
        s = line.strip()
        byline = _BYLINE_RE.match(s) or (_TIMESTAMP_RE.match(s) and len(s) < 40)
        # A short line without a full stop that is not the title: a menu, a caption or a related headline.
        heading = s[-1] not in _END_PUNCT and a != last and len(s.split()) < 40 and fold(s) != title
        if a == last and not heading and not byline:
            # the last line only names people: the author ("Thiếu tá Nguyễn Thành Luân"), not an official
            byline = lex.byline_re.fullmatch(s) is not None and not lex.title_re.search(s)
        if byline or heading:
            heading_spans.append((a, b))
    return _mask(masked, heading_spans)


class _Doc:
    """Per-document state shared by the extraction steps."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.lex = lexicon()
        self.view = clean_view(doc, self.lex)
        self.bmp = ASTRAL.search(self.view) is None  # (then no sentence of it need be searched for one)
        self.fb = FactBuilder(doc)
        self.sentences = sentence_spans(self.view)
        self.lex.seed_places(self.view, self.sentences)  # one search of the text serves every sentence
        self.ctx = DocContext(self.lex.places_in(self.view) + self.lex.places_in(doc.title))
        self.officials: dict[str, str] = {}  # key -> country
        self.emitted: set[tuple[str, str]] = set()
        self.body_names: dict[tuple[str, str], set[str]] = {}  # body -> spellings read
        self.committees: dict[str, tuple[str, str]] = {}  # place -> its party committee (Thành ủy X)
        # resolve() results for the titles of people read (heads live as long as the lexicon)
        self.resolved: dict[tuple[object, ...], BodyRef | None] = {}


def _person_country(p: Person, d: _Doc) -> str:
    countries: list[str] = []
    for seg in p.chain:
        countries += seg_countries(seg, d.lex)
    countries = [c for c in countries if c]  # (a district the gazetteer places in no country)
    if not p.name.foreign:
        return "VN" if "VN" in countries or not countries else countries[0]
    known = d.officials.get(name_key(p.name.text))
    if known:
        return known
    foreign = [c for c in countries if c != "VN"]
    return foreign[0] if foreign else d.ctx.main_foreign() or (countries[0] if countries else "")


def _of_country(s: str, end: int, lex: Lexicon) -> PlaceMatch | None:
    """The country written right after a name with "của" ("Hun Manet của Campuchia"), else None."""
    m = _OF_RE.match(s, end)
    if m is None:
        return None
    ps = lex.places_in(s[m.end():m.end() + 40])
    return ps[0] if ps and ps[0].start == 0 and ps[0].level == "country" and ps[0].place else None


def _place_node(d: _Doc, place: Place, start: int, end: int, written: str = "") -> tuple[str, str]:
    ref = ("Place", name_key(place.name))
    if ref in d.emitted:  # one mention per document is provenance enough, and facts are not free
        return ref
    d.emitted.add(ref)
    aliases = [place.name, *place.aliases] + ([written] if written and written != place.name else [])
    return d.fb.node("Place", name_key(place.name), d.fb.mention(start, end, "vi.place", 0.9), name=place.name,
                     kind=place.kind, country=place.country, aliases=list(dict.fromkeys(aliases)))


def _body_node(d: _Doc, ref: BodyRef, start: int, end: int) -> tuple[str, str]:
    if "(" in ref.name and (short := _ABBR_NOTE.sub("", ref.name)) != ref.name:
        # "Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Quảng Nam": the abbreviation it introduces is no part of it
        ref = dataclasses.replace(ref, name=short)
    conf = CONFIDENCE.get(ref.resolution, 0.7)
    # a body the article does not say which one it is is the article's own (an article-scoped key)
    unnamed = ref.resolution == "unnamed" or is_unnamed(ref.name)
    key = ("Body", f"{d.doc.key}|{body_key(ref.name)}" if unnamed else body_key(ref.name))
    if key in d.emitted:
        spellings = d.body_names.setdefault(key, set())
        if ref.name not in spellings:  # another spelling of a body already read: keep it as an alias
            spellings.add(ref.name)
            d.fb.node("Body", key[1], d.fb.mention(start, end, f"vi.body.{ref.resolution}", conf),
                      aliases=[ref.name])
        return key
    d.emitted.add(key)
    d.body_names[key] = {ref.name}
    d.ctx.note(ref)
    if ref.kind == "party committee" and ref.place is not None and ref.place.kind in ("city", "province"):
        d.committees.setdefault(ref.place.name, key)
    node = d.fb.node("Body", key[1], d.fb.mention(start, end, f"vi.body.{ref.resolution}", conf),
                     name=ref.name, kind=ref.kind, country=ref.country, aliases=[ref.name])
    if ref.place is not None:
        place = _place_node(d, ref.place, start, end, ref.place_text)
        d.fb.rel("LOCATED_IN", node, place, d.fb.mention(start, end, f"vi.located.{ref.resolution}", conf))
    if ref.parent is not None:
        parent = _body_node(d, ref.parent, start, end)
        d.fb.rel("PART_OF", node, parent, d.fb.mention(start, end, "vi.part_of", conf))
    return node


def _locality_node(d: _Doc, place: Place, written: str, start: int, end: int) -> tuple[str, str]:
    """The body that stands for a city or province as a side of a cooperation ("giữa Thủ đô Hà Nội
    và Thủ đô Viêng Chăn") or as the home of a course's trainees ("cán bộ Thủ đô Viêng Chăn").

    The locality's party committee when the article names it (it leads the locality's external
    cooperation and sends its cadres); else a body of kind ``locality`` named as written and
    keyed by the canonical place name, so every spelling of the side is one node.
    """
    committee = d.committees.get(place.name)
    if committee is not None:
        return committee
    name = written[0].upper() + written[1:] if written else place.name
    if place.kind == "province" and (name == place.name or name in place.aliases):
        name = f"tỉnh {name}"  # "2 tỉnh Salavan và Savannakhet": the second is a province as much as the first
    ref = BodyRef(name, "locality", place.country, place, written, resolution="explicit")
    return _body_node(d, ref, start, end)


def _officials(d: _Doc) -> None:
    for a, b in d.sentences:
        s = d.view[a:b]
        people = read_people(s, d.lex, d.bmp)
        # bodies the sentence names in running text, before its titles are resolved (a bare head may mean one)
        titled = [(t.start, t.end) for p in people for t in p.chain]
        for ba, bb, named in body_mentions(s, d.lex, d.ctx, [(p.name.start, p.name.end) for p in people], titled):
            _body_node(d, named, a + ba, a + bb)
        for p in people:
            key = name_key(p.name.text)
            if not p.anchored and key not in d.officials:
                continue
            of = _of_country(s, p.name.end, d.lex)
            if of is not None:  # "Thủ tướng Hun Manet của Campuchia": the country his titles are of
                for seg in p.chain:
                    seg.hint = seg.hint or of.text
            country = of.place.country if of is not None and of.place else _person_country(p, d)
            d.officials.setdefault(key, country)
            country = d.officials[key]
            na, nb = a + p.name.start, a + p.name.end
            conf = 0.95 if p.chain else 0.85
            off = d.fb.node("Official", key, d.fb.mention(na, nb, "vi.official", conf), name=p.name.text,
                            country=country, aliases=[p.name.text], rank=p.rank or None)
            chain = p.chain
            chain_key = tuple((x.text, x.rest, x.hint, x.via, id(x.head)) for x in chain)
            for k, seg in enumerate(chain):
                # resolve() reads only these (and the document's context): a person named again
                # with the same titles resolves the same way
                rkey = (chain_key, k, country)
                ref = d.resolved.get(rkey, _MISS)
                if ref is _MISS:
                    ref = d.resolved[rkey] = resolve(seg, country, chain, d.ctx, d.lex)
                if ref is None:
                    continue
                sa, sb = a + seg.start, a + seg.end
                body = _body_node(d, ref, sa, sb)
                role = _role(seg)
                conf = CONFIDENCE.get(ref.resolution, 0.7)
                d.fb.rel("HOLDS_POSITION", off, body,
                         d.fb.mention(min(sa, na), max(sb, nb), f"vi.position.{seg.via}.{ref.resolution}", conf),
                         title=seg.text, role=role, resolution=ref.resolution)


def _role(seg: TitleSeg) -> str:
    """The post's role from the roles.yaml vocabulary; what it is a post *in* is the body."""
    return seg.head.role


def extract(doc: SourceDoc) -> Extraction:
    """Facts read from one Vietnamese article, every one with the span it came from."""
    d = _Doc(doc)
    _officials(d)
    from interparty.loaders.vi_events import extract_events

    extract_events(d)
    return d.fb.build()
