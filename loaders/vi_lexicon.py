"""Compiled lookups over the gazetteers for the Vietnamese extractor.

Everything here is built once per process (regexes over hundreds of spellings are
expensive to compile) and then only matched against.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from interparty.graph.normalize import clean, strip_marks
from interparty.loaders.facts import cfold as fold
from interparty.loaders.facts import char_class, memo, on_clear, word_start_alternation
from interparty.loaders.gazetteer import BodyHead, BodyName, Gazetteer, Place, TitleHead, gazetteer, load_yaml

WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@functools.cache
def _uppers() -> tuple[str, ...]:
    return tuple(c for c in map(chr, range(0x110000)) if c.isupper())


def upper_class(letters_only: bool = True, bmp: bool = False) -> str:
    """A character class of every upper-case letter (what ``str.isupper`` says of a character).

    ``bmp``: only those below U+10000, for text without :data:`ASTRAL` characters (see
    :func:`~interparty.loaders.facts.char_class`).
    """
    letter = re.compile(r"[^\W\d_]")
    return char_class(c for c in _uppers()
                      if (not letters_only or letter.match(c)) and (not bmp or c < "\U00010000"))


_WORDISH = re.compile(r"[\w-]")
# Capitalised words that do not open the name of a place after a place prefix ("cửa khẩu Quốc tế").
_NOT_PLACE_START = frozenset({"Quốc", "Nhân", "Dân", "Nhà", "Nước", "Đảng"})
_ANY_UPPER = re.compile(upper_class(letters_only=False))
#: The words of WORD_RE that open with a capital, found without visiting the others.
CAP_WORD_RE = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]-)" + upper_class() + r"[^\W\d_]*(?:-[^\W\d_]+)*")


def _alt(items: Iterable[str]) -> str:
    """Alternation, longest first, so that "Phó Bí thư Thường trực" wins over "Phó Bí thư"."""
    return "|".join(_alt_branches(items))


def _alt_branches(items: Iterable[str]) -> list[str]:
    return [re.escape(x) for x in sorted(set(items), key=len, reverse=True)]


def _by_first_letter(branches: list[str]) -> str:
    """``b1|b2|...`` (branches opening with a letter, for a case-insensitive regex) grouped by their
    first letter, each group tried only where its letter is: an alternation of many branches
    otherwise enters each of them at every position. Branches keep their order within a group, and
    letters the engine takes as the same ("B" and "b", "s" and "ſ") are one group."""
    groups: dict[str, list[str]] = {}
    for b in branches:
        first = next((g for g in groups if re.fullmatch(re.escape(g), b[0], re.IGNORECASE)), b[0])
        groups.setdefault(first, []).append(b)
    return "|".join(first + "(?:" + "|".join(b[1:] for b in bs) + ")" for first, bs in groups.items())


def _words_re(items: Iterable[str], tail: str = r"(?![\w-])") -> re.Pattern[str]:
    """``(?<![\\w-])(`` :func:`_alt` ``)`` and ``tail``, written so that the engine skips ahead to a
    possible first letter (see :func:`~interparty.loaders.facts.word_start_alternation`)."""
    return re.compile("(" + word_start_alternation(_alt_branches(items)) + ")" + tail)


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


def _starts_re(strings: Iterable[str], width: int = 2, follow: dict[str, str] | None = None) -> re.Pattern[str]:
    """Where a match of a regex over ``strings`` (each opening a word) can begin.

    The first letter is consumed and the next ``width`` looked ahead for: a pattern that opens with
    a letter lets the regex engine skip to the next candidate in C, where a pattern opening with
    a look-behind is tried at every position. Try the full regex only at these places.

    ``follow``: for some strings (a place's prefix), a regex of what the regex over them needs right
    after them (white space and the first letter of a name): the whole string and that are looked
    ahead for, so that the many prefixes followed by something else ("Tỉnh ủy") are no candidates.
    """
    tails: dict[str, set[str]] = {}
    for s in strings:
        if not s:
            raise ValueError("an empty string can begin anywhere")
        after = (follow or {}).get(s)
        tails.setdefault(s[0], set()).add(re.escape(s[1:1 + width]) if after is None else re.escape(s[1:]) + after)
    parts = [re.escape(first) + r"(?<![\w-].)" + ("" if "" in rest else "(?=" + "|".join(
        sorted(rest, key=lambda x: (-len(x), x))) + ")") for first, rest in sorted(tails.items())]
    return re.compile("|".join(parts))


def matches_at(starts: re.Pattern[str], rx: re.Pattern[str], text: str, first: int = 0) -> Iterator[re.Match[str]]:
    """What ``rx.finditer(text)`` gives, when every match of ``rx`` begins where ``starts`` (see
    :func:`_starts_re`) matches: ``rx`` is tried only there. ``first``: no match of ``starts``
    lies before it (its matches are one character long: searching from there finds the same ones)."""
    match, pos = rx.match, 0
    for cand in starts.finditer(text, first):
        at = cand.start()
        if at >= pos and (m := match(text, at)) is not None:
            pos = m.end()
            yield m


def _first_upper(head: str) -> str:
    """A pattern for ``head`` whose first letter must be a capital and the rest any case."""
    return "(?-i:" + re.escape(head[0].upper()) + ")" + re.escape(head[1:]) if head else ""


def _not_within(head: str, bodies: Iterable[str]) -> str:
    """A look-ahead that fails where ``head`` goes on as part of a longer body name ("Đại sứ" in
    "Đại sứ quán", "Lãnh sự" in "Tổng Lãnh sự quán")."""
    rests = set()
    for b in bodies:
        at = f" {fold(b)} ".find(f" {fold(head)} ")
        if at >= 0 and fold(b) != fold(head):
            rest = b[at + len(head):]
            if rest.strip():
                rests.add(rest.split()[0])
    return "(?!" + r"\s+(?:" + _alt(rests) + r")(?![\w-]))" if rests else ""


@dataclass(slots=True, unsafe_hash=True)
class PlaceMatch:
    """A place named in a text (treat as read-only: not ``frozen``, whose fields are set one by one
    through ``object.__setattr__``, and a document yields a hundred of these)."""

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
        # A title head opens with a capital ("Trưởng Ban" and "Trưởng ban" are both written), but for
        # the few also written in lower case; it is no title where it begins a body's name ("Đại sứ
        # quán", "Tổng Lãnh sự quán").
        lower = {fold(x) for x in load_yaml("titles.yaml").get("lowercase_heads") or ()}
        self.title_re = re.compile(
            r"(?<![\w-])(" + "|".join((re.escape(t.head) if fold(t.head) in lower else _first_upper(t.head))
                                      + _not_within(t.head, [b.head for b in g.body_heads])
                                      for t in self.titles) + r")(?![\w-])", re.IGNORECASE)
        self.rank_re = _words_re(g.ranks)  # (?<![\w-])(ranks)(?![\w-])
        self.degree_re = _words_re(g.degrees, r"(?=\s)")  # (?<![\w-])(degrees)(?=\s)
        self.honorific_re = re.compile(r"(?:^|(?<=[\s,;:(]))(" + _alt(g.honorifics) + r")\s+$")
        self._honorific_len = max(map(len, g.honorifics))
        # A byline: a line of one to three names, perhaps with a rank or degree first and the outlet
        # after ("Thiếu tá Nguyễn Thành Luân", "Hoàng Yến - Hữu Ngọc (Phóng viên TTXVN tại Campuchia)").
        cap = upper_class() + r"[^\W\d_]*(?:[-.'’][^\W\d_]+)*\.?"
        one = cap + r"(?: " + cap + r"){0,4}"
        self.byline_re = re.compile(
            r"(?:(?:" + _alt(g.ranks) + r")\s+)?(?:(?:" + _alt(g.degrees) + r")\s*)?" + one
            + r"(?:\s*[-–,/&]\s*" + one + r"|\s+và\s+" + one + r"){0,3}\s*(?:\([^()\n]{1,80}\))?\s*")
        self.body_heads = sorted(g.body_heads, key=lambda b: len(b.head), reverse=True)
        self.body_by_fold = {fold(b.head): b for b in self.body_heads}
        self.body_re = re.compile(r"(?<![\w-])(" + _by_first_letter(_alt_branches(b.head for b in self.body_heads))
                                  + r")(?![\w-])", re.IGNORECASE)
        self.body_start_re = re.compile(
            r"\s*(" + "|".join(_first_upper(b.head) for b in self.body_heads) + r")(?![\w-])", re.IGNORECASE)
        by_alias: dict[str, Place] = {}
        for p in g.places:
            for a in (p.name, *p.aliases):
                by_alias.setdefault(a, p)
        self.place_by_alias = by_alias
        # the last words of the places' spellings that have no capital ("tỉnh-viêng-chăn"): a text whose
        # last word has no capital closes with a place only when it ends with one of them
        self.lower_place_tails = tuple(sorted({w for a in by_alias if (w := a.rsplit(None, 1)[-1]).islower()}))
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
        # every match of place_re opens with a prefix (then white space and a name) or a plain spelling
        name_start = "[" + "".join(sorted({re.escape(a[0]) for a in by_alias})) + "]"
        self._place_starts = _starts_re([*prefixes, *plain], 6, dict.fromkeys(prefixes, r"\s+" + name_start))
        # the level a prefix gives, by the prefix as matched (one of these strings): no folding per match
        self._prefix_level_as_written = {x: self.prefix_level.get(fold(x)) for x in prefixes}
        # A city that is also a province ("Luông Pha-bang", "Viêng Chăn"): the prefix says which.
        self.place_by_level: dict[tuple[str, str], Place] = {}
        for p in g.places:
            for a in (p.name, *p.aliases):
                self.place_by_level.setdefault((fold(a), p.kind), p)
        # "huyện Viêng Xay", "thành phố Đông Hà": a capitalised name after a place prefix is a place
        # even when it is not listed (a district's or city's). Its country is not known here.
        self._district_prefixes = frozenset(g.district_prefixes)
        loose = [*pref_city, *pref_prov, *g.district_prefixes]
        self._loose_place_re = re.compile(
            r"(?<![\w-])(" + _alt(loose) + r") (" + upper_class() + r"[^\W\d_]*(?:-[^\W\d_]+)*"
            r"(?: " + upper_class() + r"[^\W\d_]*(?:-[^\W\d_]+)*){0,5})")
        self._loose_starts = _starts_re(loose, follow=dict.fromkeys(loose, " " + upper_class()))
        self._loose_places: dict[tuple[str, str, str], Place] = {}
        # Bodies known by their full name ("Sở Văn hóa, Thể thao và Du lịch"): the longest wins.
        self.body_name_by_fold = {fold(n.name): n for n in g.body_names}
        self.body_name_re = re.compile(r"(?<![\w-])(" + _trie(n.name for n in g.body_names) + r")(?![\w-])",
                                       re.IGNORECASE)
        self._body_name_starts = _starts_re({n.name for n in g.body_names})
        self._body_name_cache: dict[str, list[tuple[int, int, BodyName]]] = {}
        on_clear(self._body_name_cache.clear)
        # A bare "thành phố"/"TP"/"tỉnh" closing a body ("Chủ tịch UBND TP"): the place is elided.
        self.generic_place_re = re.compile(r"(?<![\w-])(thành phố|Thành phố|TP\.?|tỉnh|Thủ đô|thủ đô)\s*$")
        self.surnames = g.surnames
        self.not_name = g.not_name_words
        self.eponyms = g.eponyms
        names = load_yaml("names.yaml")
        self.weak_surnames = frozenset(clean(x) for x in names.get("weak_surnames") or ())
        self.name_markers = frozenset(clean(x) for x in names.get("name_markers") or ())
        # eponyms matched loosely: "Cay-xỏn Phôm-vi-hản" is the listed "Kay-xỏn Phôm-vi-hẳn"
        self.eponym_keys = frozenset(eponym_key(x) for x in names.get("eponyms") or ())
        # eponym_key letter by letter (it folds, strips marks and keeps a-z, each letter on its own):
        # most names are ruled out from their letters alone, without the costly normalisation
        self._eponym_letters = {c: eponym_key(chr(c)) for c in itertools.chain(range(0x250), range(0x1E00, 0x1F00))}
        # (how many words the eponyms of two words or more have: where one may open or close a run)
        self.eponym_sizes = sorted({len(str(x).split()) for x in names.get("eponyms") or ()} - {1}, reverse=True)
        self.parties = g.parties
        #: city | province -> the head of its party committee ("Thành ủy", "Tỉnh ủy")
        self.committee_heads: dict[str, str] = {}
        for h in g.body_heads:
            if h.kind == "party committee" and h.scope == "local":
                self.committee_heads.setdefault(h.level, h.head)
        self.party_country = {fold(v): k for k, v in g.parties.items()}
        # what every party's folded name opens with ("đảng "): a text without it names none
        self.party_cue = "".join(cs[0] for cs in itertools.takewhile(lambda cs: len(set(cs)) == 1,
                                                                       zip(*self.party_country, strict=False)))
        self.abbrev = g.abbreviations
        self.abbrev_re = _words_re(g.abbreviations)  # (?<![\w-])(abbreviations)(?![\w-])
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

    def _place_matches(self, text: str) -> Iterator[re.Match[str]]:
        """What ``place_re.finditer(text)`` gives, only faster (see :func:`matches_at`)."""
        return matches_at(self._place_starts, self.place_re, text)

    def _places_in(self, text: str) -> list[PlaceMatch]:
        if text.islower() or not _ANY_UPPER.search(text):  # (islower: cased letters, none upper or title)
            return []
        out = []
        for m in self._place_matches(text):
            at, pos = m.span()
            prefix, core, prefix2, core2 = m.groups()
            if not core:
                prefix, core = prefix2, core2
            place = self.place_by_alias.get(core) or self.place_by_fold.get(fold(core))
            if place is None:
                continue
            level = place.kind
            plevel = self._prefix_level_as_written[prefix] if prefix else None
            if plevel in ("city", "province") and level in ("city", "province"):
                if level != plevel:  # "tỉnh Luông Pha-bang": the province of that name, if listed
                    place = self.place_by_level.get((fold(core), plevel), place)
                level = plevel
            out.append(PlaceMatch(at, pos, place, m.group(), core, level))
        first = self._loose_starts.search(text)
        if first is not None:
            out = self._loose_places_in(text, out, first.start())
        return out

    def _loose_places_in(self, text: str, known: list[PlaceMatch], pos: int = 0) -> list[PlaceMatch]:
        """``known`` with the places named after a prefix but not listed ("huyện Viêng Xay"), and a
        listed name after a district's prefix made that district ("huyện Điện Biên"). ``pos``: where
        the first prefix may be (none before it)."""
        starts = {p.start: p for p in known}
        added: list[PlaceMatch] = []
        drop: set[int] = set()
        for m in matches_at(self._loose_starts, self._loose_place_re, text, pos):
            prefix, run = m.group(1), m.group(2)
            if m.start() in starts:
                continue  # a listed place with its prefix
            words = run.split(" ")
            inner = starts.get(m.start(2))
            district = prefix in self._district_prefixes
            if inner is not None and inner.place is not None:
                if not district or inner.place.kind == "country":
                    continue
                drop.add(inner.start)
                if inner.place.kind == "city":  # "thị xã Sầm Nưa": the listed town
                    added.append(PlaceMatch(m.start(), inner.end, inner.place, text[m.start():inner.end],
                                            inner.core, inner.level))
                    continue
                words = inner.core.split(" ")
                country = inner.place.country
            else:
                country = ""
                if any(m.start(2) < p.start < m.end(2) for p in known):
                    continue  # "các tỉnh Bắc Lào": the run stops at a listed place; what is left is no place
                if words[0] in self.surnames and (len(words) >= 3 or (
                        len(words) == 2 and words[1] in self.name_markers)):
                    continue  # "UBND tỉnh Phạm Văn Luận": a person after an elided place
                if words[0] in _NOT_PLACE_START:
                    continue  # "cửa khẩu Quốc tế ..."
                # the name ends where a title or a body begins ("tỉnh X Ủy ban ...")
                at, n = m.start(2), 0
                while n < len(words) and not (self.title_re.match(text, at) or self.body_start_re.match(text, at)):
                    at += len(words[n]) + 1
                    n += 1
                words = words[:n]
                if not words:
                    continue
                if len(words) > 3:
                    words = words[:2]
            core = " ".join(words)
            level = "district" if district else self._prefix_level_as_written.get(prefix) or "district"
            if not country:  # "huyện Viêng Xay, tỉnh Hủa Phăn": the listed place it lies in says the country
                after = starts.get(m.start(2) + len(core) + 2)
                if after is not None and after.place is not None and text.startswith(", ", m.start(2) + len(core)):
                    country = after.place.country
            key = (core, level, country)
            place = self._loose_places.get(key)
            if place is None:
                place = self._loose_places[key] = Place(name=core, kind=level, country=country)
            end = m.start(2) + len(core)
            added.append(PlaceMatch(m.start(), end, place, text[m.start():end], core, level))
        if not added:
            return known
        return sorted([p for p in known if p.start not in drop] + added, key=lambda p: p.start)

    def body_name_spans(self, text: str) -> list[tuple[int, int, BodyName]]:
        """The bodies known by their full name in ``text``: (start, end, name), capitalised as names are."""
        hit = self._body_name_cache.get(text)
        if hit is None:
            if len(self._body_name_cache) > 20000:
                self._body_name_cache.clear()
            hit = [(*m.span(), self.body_name_by_fold[fold(m.group())])
                   for m in matches_at(self._body_name_starts, self.body_name_re, text)]
            self._body_name_cache[text] = hit
        return hit

    def closing_head(self, head: str) -> bool:
        """Whether the body head as written ends a body's name but for a place after it: one that needs
        a place ("Tỉnh ủy", "UBND") or a country's ("Trung ương"); see bodies.yaml ``scope``."""
        bh = self.body_head(head)
        return bh is not None and bh.scope in ("local", "national")

    def full_name_at_start(self, text: str) -> tuple[int, BodyName] | None:
        """The body known by its full name that ``text`` opens with: (its end, the name), else None."""
        m = self.body_name_re.match(text) if self._body_name_starts.match(text) else None  # (see matches_at)
        return (m.end(), self.body_name_by_fold[fold(m.group())]) if m else None

    def party_of(self, folded: str, default: str = "") -> str:
        """The country of the first party (in the gazetteer's order) whose folded name ``folded`` holds."""
        if self.party_cue not in folded:
            return default
        return next((c for f, c in self.party_country.items() if f in folded), default)

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
        text = self.abbrev_re.sub(self._spelt_out, "".join(out))
        key = fold(text)
        if "trung ương đảng" in key:
            # The Vietnamese press's unqualified "Trung ương (Đảng)" is the CPV's: "Ban Đối ngoại Trung ương
            # Đảng Cộng sản Việt Nam", "... Trung ương Đảng" and "... Trung ương" are one body.
            key = key.replace("trung ương đảng cộng sản việt nam", "trung ương đảng")
            if key.endswith(" trung ương đảng") and key != "ban chấp hành trung ương đảng":
                key = key[:-len(" đảng")]
        if key.startswith("bộ ") and key.endswith(" việt nam"):
            # an unqualified ministry is Vietnam's: "Bộ Nội vụ Việt Nam" and "Bộ Nội vụ" are one body
            key = key[:-len(" việt nam")]
        return key

    def is_eponym(self, name: str) -> bool:
        """A historical figure of names.yaml. A foreign spelling (hyphenated, or not opening with a
        Vietnamese family name) matches loosely, as its tone marks and letters vary ("Cay-xỏn
        Phôm-vi-hản"); a Vietnamese one exactly, as its tone marks tell names apart ("Lê Văn Tâm"
        is not "Lê Văn Tám")."""
        quick = name.translate(self._eponym_letters)
        if quick.isascii() and quick not in self.eponym_keys:
            return False  # (its eponym_key: no listed eponym's, loosely or exactly)
        if fold(name) in self.eponyms:
            return True
        if "-" not in name and name.split(" ", 1)[0] in self.surnames:
            return False
        return eponym_key(name) in self.eponym_keys

    def _spelt_out(self, m: re.Match[str]) -> str:
        return self.abbrev[m.group(1)]

    def honorific_at_end(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``honorific_re.search(text, pos, endpos)``, searched only where a match can begin: the
        honorific ends where the trailing white space begins (none ends with white space), so it
        begins at most the longest honorific's length before that."""
        end = len(text) if endpos is None else min(endpos, len(text))
        last = pos + len(text[pos:end].rstrip())
        return self.honorific_re.search(text, max(pos, last - self._honorific_len), end)

    def title_at(self, text: str, pos: int = 0) -> tuple[TitleHead, re.Match[str]] | None:
        m = self.title_re.match(text, pos)
        if not m:
            return None
        return self.title_by_fold[fold(m.group(1))], m

    def body_head(self, text: str) -> BodyHead | None:
        return self.body_by_fold.get(fold(text))


_LOOSE_DROP = re.compile(r"[^a-z]")


@memo(1 << 12)
def eponym_key(name: str) -> str:
    """A spelling-blind key of an eponym: no tone marks, hyphens or spaces, and c written k
    ("Cay-xỏn Phôm-vi-hản" and "Kay-xỏn Phôm-vi-hẳn" meet). Coarser than
    :func:`interparty.graph.resolve.loose_key`, which keeps words apart to tell living people
    apart; an eponym is a fixed, short list where a coarse key is safe."""
    return _LOOSE_DROP.sub("", strip_marks(fold(name))).replace("c", "k")


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
