"""Compiled lookups over the gazetteers for the Vietnamese extractor.

Everything here is built once per process (regexes over hundreds of spellings are
expensive to compile) and then only matched against.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from interparty.graph.normalize import clean, strip_marks
from interparty.loaders.facts import cfold as fold
from interparty.loaders.facts import memo, on_clear
from interparty.loaders.gazetteer import BodyHead, Gazetteer, Place, TitleHead, gazetteer

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@functools.cache
def _uppers() -> tuple[str, ...]:
    return tuple(c for c in map(chr, range(0x110000)) if c.isupper())


def _upper_class(letters_only: bool = True) -> str:
    """A character class of every upper-case letter (what ``str.isupper`` says of a character)."""
    letter = re.compile(r"[^\W\d_]")
    ups = [c for c in _uppers() if not letters_only or letter.match(c)]
    out, i = [], 0
    while i < len(ups):  # ranges of consecutive code points keep the class small
        j = i
        while j + 1 < len(ups) and ord(ups[j + 1]) == ord(ups[j]) + 1:
            j += 1
        out.append(re.escape(ups[i]) + ("-" + re.escape(ups[j]) if j > i else ""))
        i = j + 1
    return "[" + "".join(out) + "]"


_WORDISH = re.compile(r"[\w-]")
_ANY_UPPER = re.compile(_upper_class(letters_only=False))
#: The words of WORD_RE that open with a capital, found without visiting the others.
CAP_WORD_RE = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]-)" + _upper_class() + r"[^\W\d_]*(?:-[^\W\d_]+)*")


def _alt(items: Iterable[str]) -> str:
    """Alternation, longest first, so that "Phó Bí thư Thường trực" wins over "Phó Bí thư"."""
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


def _trie(items: Iterable[str]) -> str:
    """A regex alternation shaped as a trie: one branch per first letter, so matching is fast."""
    tree: dict[str, dict] = {}
    for word in set(items):
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return "(?:" + emit(tree) + ")"


def _first_upper(head: str) -> str:
    """A pattern for ``head`` whose first letter must be a capital and the rest any case."""
    return "(?-i:" + re.escape(head[0].upper()) + ")" + re.escape(head[1:]) if head else ""


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place | None  # None for a bare "thành phố", "tỉnh", "TP"
    text: str  # as written, prefix included
    core: str  # the name as written without its prefix
    level: str  # city | province | country


class Lexicon:
    """Regexes and maps over the gazetteer."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self._place_cache: dict[str, list[PlaceMatch]] = {}
        on_clear(self._place_cache.clear)
        self.titles = sorted(g.titles, key=lambda t: len(t.head), reverse=True)
        self.title_by_fold = {fold(t.head): t for t in self.titles}
        # A title head opens with a capital ("Trưởng Ban" and "Trưởng ban" are both written).
        self.title_re = re.compile(
            r"(?<![\w-])(" + "|".join(_first_upper(t.head) for t in self.titles) + r")(?![\w-])", re.IGNORECASE)
        self.rank_re = re.compile(r"(?<![\w-])(" + _alt(g.ranks) + r")(?![\w-])")
        self.degree_re = re.compile(r"(?<![\w-])(" + _alt(g.degrees) + r")(?=\s)")
        self.honorific_re = re.compile(r"(?:^|(?<=[\s,;:(]))(" + _alt(g.honorifics) + r")\s+$")
        self.body_heads = sorted(g.body_heads, key=lambda b: len(b.head), reverse=True)
        self.body_by_fold = {fold(b.head): b for b in self.body_heads}
        self.body_re = re.compile(r"(?<![\w-])(" + _alt(b.head for b in self.body_heads) + r")(?![\w-])",
                                  re.IGNORECASE)
        self.body_start_re = re.compile(
            r"\s*(" + "|".join(_first_upper(b.head) for b in self.body_heads) + r")(?![\w-])", re.IGNORECASE)
        by_alias: dict[str, Place] = {}
        for p in g.places:
            for a in (p.name, *p.aliases):
                by_alias.setdefault(a, p)
        self.place_by_alias = by_alias
        self.place_by_fold = {fold(a): p for a, p in by_alias.items()}
        plain = [a for a, p in by_alias.items() if not p.requires_prefix]
        pref_city = g.place_prefixes.get("city", [])
        pref_prov = g.place_prefixes.get("province", [])
        pref_country = g.place_prefixes.get("country", [])
        prefixes = pref_city + pref_prov + pref_country
        self.prefix_level = {fold(x): "city" for x in pref_city} | {fold(x): "province" for x in pref_prov} | {
            fold(x): "country" for x in pref_country}
        self.place_re = re.compile(
            r"(?<![\w-])(?:(" + _alt(prefixes) + r")\s+)?(" + _trie(plain) + r")(?![\w-])"
            + r"|(?<![\w-])(" + _alt(pref_city + pref_prov) + r")\s+("
            + _alt(a for a, p in by_alias.items() if p.requires_prefix) + r")(?![\w-])")
        # A bare "thành phố"/"TP"/"tỉnh" closing a body ("Chủ tịch UBND TP"): the place is elided.
        self.generic_place_re = re.compile(r"(?<![\w-])(thành phố|Thành phố|TP\.?|tỉnh|Thủ đô|thủ đô)\s*$")
        self.surnames = g.surnames
        self.not_name = g.not_name_words
        self.eponyms = g.eponyms
        self.parties = g.parties
        self.party_country = {fold(v): k for k, v in g.parties.items()}
        self.abbrev = g.abbreviations
        self.abbrev_re = re.compile(r"(?<![\w-])(" + _alt(g.abbreviations) + r")(?![\w-])")
        self.country_names = {p.country: p.name for p in g.places if p.kind == "country"}
        # Two-word compounds of the title and body vocabulary: "Đoàn Đại biểu" is not a name.
        words: set[str] = set()
        for text in [*(t.head for t in g.titles), *(b.head for b in g.body_heads), *g.abbreviations.values(),
                     "đại biểu", "quốc hội", "chính trị", "nhân dân", "tổ quốc", "cách mạng", "thường vụ",
                     "trung ương", "văn phòng", "thanh niên", "phụ nữ", "cựu chiến binh", "dân chủ", "hữu nghị",
                     "hội đàm", "hội kiến", "lãnh đạo", "tư tưởng", "cộng sản", "quân đội", "công an"]:
            ws = fold(text).split()
            words.update(f"{a} {b}" for a, b in itertools.pairwise(ws))
        self.compounds = frozenset(words)
        self.credit_markers = g.credit_markers
        self.image_suffixes = tuple(g.image_suffixes)

    # ---------------------------------------------------------------- places

    def places_in(self, text: str) -> list[PlaceMatch]:
        """Every place named in ``text`` with its prefix ("Thủ đô Viêng Chăn", "tỉnh Sơn La").

        Cached: the same title and sentence strings are asked about many times.
        """
        hit = self._place_cache.get(text)
        if hit is None:
            if len(self._place_cache) > 20000:
                self._place_cache.clear()
            hit = self._place_cache[text] = self._places_in(text)
        return hit

    def seed_places(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Fill the cache for the pieces ``text[a:b]`` (sentences) from one search of the whole text.

        A piece gets the matches that lie inside it, shifted, which is what searching it alone
        gives when its edges are not inside a word; a piece a match crosses is left to be
        searched alone.
        """
        whole = self.places_in(text)
        cache, n = self._place_cache, len(text)
        for a, b in spans:
            if (a > 0 and _WORDISH.match(text, a - 1)) or (b < n and _WORDISH.match(text, b)):
                continue
            piece = text[a:b]
            if piece in cache:
                continue
            inside: list[PlaceMatch] = []
            for p in whole:
                if p.end <= a or p.start >= b:
                    continue
                if p.start < a or p.end > b:
                    break
                inside.append(PlaceMatch(p.start - a, p.end - a, p.place, p.text, p.core, p.level))
            else:
                cache[piece] = inside if inside and _ANY_UPPER.search(piece) else []

    def _places_in(self, text: str) -> list[PlaceMatch]:
        if not _ANY_UPPER.search(text):
            return []
        out = []
        for m in self.place_re.finditer(text):
            prefix, core = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
            place = self.place_by_alias.get(core) or self.place_by_fold.get(fold(core))
            if place is None:
                continue
            level = place.kind
            if prefix and self.prefix_level.get(fold(prefix)) == "province" and place.kind == "city":
                level = "city"
            out.append(PlaceMatch(m.start(), m.end(), place, m.group(0), core, level))
        return out

    def body_key(self, name: str) -> str:
        """The key of a body named ``name`` (Vietnamese): one key for every spelling of it.

        Places become their canonical name without the prefix ("Thủ đô Vientiane",
        "thành phố Viêng Chăn" -> "Viêng Chăn"; "nước CHDCND Lào" -> "Lào") and abbreviations
        are written out (HĐND -> Hội đồng nhân dân), then the whole is folded. The body's
        ``name`` stays as written; only the key is normalised.
        """
        text = clean(name)
        out, pos = [], 0
        for p in self.places_in(text):
            if p.place is None or p.start < pos:
                continue
            out.append(text[pos:p.start])
            out.append(p.place.name)
            pos = p.end
        out.append(text[pos:])
        text = self.abbrev_re.sub(lambda m: self.abbrev[m.group(1)], "".join(out))
        return fold(text)

    def title_at(self, text: str, pos: int = 0) -> tuple[TitleHead, re.Match[str]] | None:
        m = self.title_re.match(text, pos)
        if not m:
            return None
        return self.title_by_fold[fold(m.group(1))], m

    def body_head(self, text: str) -> BodyHead | None:
        return self.body_by_fold.get(fold(text))


@functools.cache
def lexicon() -> Lexicon:
    """The compiled lexicon, once per process."""
    return Lexicon(gazetteer())


@memo(1 << 14)
def body_key(name: str) -> str:
    """:meth:`Lexicon.body_key` of the process's lexicon: the key every extractor gives a body."""
    return lexicon().body_key(name)


@memo(1 << 14)
def looks_foreign(word: str) -> bool:
    """A capitalised word spelt as a foreign (Lao, Khmer, Spanish) name, not Vietnamese.

    Hyphenated phonetic spellings ("Kay-xỏn") count as foreign; so do words without
    Vietnamese diacritics or with only the accents Spanish and French use.
    """
    if "-" in word:
        return True
    bare = strip_marks(word)
    if bare == word:
        return True
    return all(c in _FOREIGN_ACCENTS or _unmarked(c) for c in word)


_FOREIGN_ACCENTS = frozenset("áéíóúñüçèàÁÉÍÓÚÑ")


@functools.cache  # one entry per letter of the alphabet in use: bounded
def _unmarked(c: str) -> bool:
    return strip_marks(c) == c
