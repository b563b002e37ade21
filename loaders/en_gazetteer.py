"""The English gazetteers (titles, bodies, places), loaded once and indexed for token matching.

Phrases are matched on tokens, longest first, so "Lao People's Revolutionary Party Central
Committee" wins over "Lao People's Revolutionary Party" and "deputy secretary" over "secretary".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Generic, TypeVar

from interparty.graph.normalize import clean
from interparty.loaders.gazetteer import gazetteer as vi_gazetteer
from interparty.loaders.gazetteer import load_yaml, roles
from interparty.loaders.vi_lexicon import body_key

V = TypeVar("V")

# The national state bodies an English state title ("President", "Prime Minister") belongs to:
# head word -> (Vietnamese name before the country's, kind).
STATE_VI = {"State": ("Nhà nước", "state"), "Government": ("Chính phủ", "government")}

# A word (letters, digits, inner hyphens and apostrophes), a possessive "'s" (its own token, so
# "Committee's" still ends a body and "Dũng's" a name) or one punctuation mark.
# (The word's letters are one repeat of a set, broken only by its inner apostrophes: the engine runs
# through them in C rather than trying an alternation at every letter.)
TOKEN_RE = re.compile(r"[^\W_][\w\-]*(?:[’'](?=\w)(?!s\b)[\w\-]*)*|[’']s\b|[^\w\s]")


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """One word or punctuation mark with its offsets in the source text (treat as read-only).

    Not ``frozen``: a frozen dataclass sets each field through ``object.__setattr__``, and
    tokenising is on the hot path.
    """

    text: str
    start: int
    end: int
    norm: str  # curly apostrophe made straight, for matching
    low: str
    is_word: bool
    is_cap: bool


# TOKEN_RE with what lies before each token (white space and "_", the only characters no token
# starts at): every match starts where the last one ended, so the offsets follow from the lengths
# and findall (no match object per token) reads the whole text at once.
_GAP_TOKEN_RE = re.compile(r"([\s_]*)(" + TOKEN_RE.pattern + ")")
_new = object.__new__


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset`` (the sentence's start)."""
    out = []
    append = out.append
    pos = offset
    for gap, t in _GAP_TOKEN_RE.findall(text):
        a = pos + len(gap)
        pos = a + len(t)
        norm = t.replace("’", "'") if "’" in t else t
        c = t[0]
        # the fields set one by one: the dataclass's __init__ is a Python call per token, several
        # times the cost of these stores
        tok = _new(Token)
        tok.text = t
        tok.start = a
        tok.end = pos
        tok.norm = norm
        tok.low = norm.casefold()
        tok.is_word = c.isalnum()
        tok.is_cap = c.isupper()
        append(tok)
    return out


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenize(clean(phrase)))


class PhraseIndex(Generic[V]):
    """Multi-word phrases matched at a token position, longest first."""

    def __init__(self, case_sensitive: bool = True) -> None:
        self.cs = case_sensitive
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}

    def _key(self, word: str) -> str:
        return word if self.cs else word.casefold()

    def add(self, phrase: str, value: V) -> None:
        words = tuple(self._key(w) for w in _words(phrase))
        if not words:
            return
        bucket = self._by_first.setdefault(words[0], [])
        if all(w != words for w, _ in bucket):
            bucket.append((words, value))
            bucket.sort(key=lambda wv: -len(wv[0]))

    @property
    def firsts(self) -> frozenset[str]:
        """The first words of the phrases (as matched: case-folded when not case-sensitive)."""
        return frozenset(self._by_first)

    @property
    def firsts_set(self) -> dict[str, list[tuple[tuple[str, ...], V]]]:
        """The index by first word itself, for membership tests on the hot path (do not modify)."""
        return self._by_first

    def match(self, toks: list[Token], i: int) -> tuple[int, V] | None:
        """(end index, value) of the longest phrase starting at ``toks[i]``."""
        if i >= len(toks):
            return None
        cs = self.cs
        bucket = self._by_first.get(toks[i].norm if cs else toks[i].low)
        if bucket is None:
            return None
        n_toks = len(toks)
        for words, value in bucket:  # longest first
            n = len(words)
            if n == 1:
                return i + 1, value
            if i + n > n_toks:
                continue
            for k in range(1, n):
                t = toks[i + k]
                if (t.norm if cs else t.low) != words[k]:
                    break
            else:
                return i + n, value
        return None


@dataclass(frozen=True)
class PlaceEntry:
    """A place: its Vietnamese canonical name (the key), English spellings, kind and country."""

    vi: str
    en: str
    kind: str
    code: str
    names: tuple[str, ...]
    province: bool = False


@dataclass(frozen=True)
class NamedBody:
    """A fixed body from en_bodies.yaml."""

    en: str
    vi: str
    kind: str
    country: str | None
    parent: str | None = None
    agency: bool = False


@dataclass(frozen=True)
class Head:
    """A head noun ending a body's name."""

    head: str
    kind: str
    vi_city: str | None = None
    vi_province: str | None = None
    lower: bool = False
    plural: bool = False
    anaphor: bool = False


@dataclass
class Gazetteer:
    """Every English lexicon the extractor uses, indexed once."""

    roles: PhraseIndex[str] = field(default_factory=lambda: PhraseIndex(case_sensitive=False))
    role_first_words: set[str] = field(default_factory=set)
    state_roles: dict[str, str] = field(default_factory=dict)
    party_roles: set[str] = field(default_factory=set)
    honorifics: PhraseIndex[str] = field(default_factory=PhraseIndex)
    not_name: set[str] = field(default_factory=set)
    not_person: set[str] = field(default_factory=set)
    complement_words: set[str] = field(default_factory=set)
    vn_surnames: set[str] = field(default_factory=set)
    places: PhraseIndex[PlaceEntry] = field(default_factory=PhraseIndex)
    places_upper: PhraseIndex[PlaceEntry] = field(default_factory=lambda: PhraseIndex(case_sensitive=False))
    adjectives: dict[str, str] = field(default_factory=dict)
    countries: dict[str, PlaceEntry] = field(default_factory=dict)
    bodies: PhraseIndex[NamedBody] = field(default_factory=PhraseIndex)
    bodies_by_en: dict[str, NamedBody] = field(default_factory=dict)
    heads: PhraseIndex[Head] = field(default_factory=PhraseIndex)
    modifiers: PhraseIndex[str] = field(default_factory=PhraseIndex)
    place_anaphors: dict[str, str] = field(default_factory=dict)
    # Cheap rejection (see :class:`~interparty.loaders.en_grammar.Grammar`): a lower-case token
    # can start a body only if it opens one of these phrases (``body_firsts`` by ``norm``,
    # ``body_firsts_upper`` by ``low``, the all-capitals place spellings); a name only after an
    # honorific.
    body_firsts: frozenset[str] = frozenset()
    body_firsts_upper: frozenset[str] = frozenset()
    honorific_firsts: frozenset[str] = frozenset()
    # The same tests in one or two set lookups, for the passes over every token: a word that is
    # not capitalised can open a title or a name only if its ``low`` is in ``opener_lows`` (a
    # role's first word, "the") or its ``norm`` in ``opener_norms`` (the adjectives and honorifics
    # that do not start with a capital: the others never equal an uncapitalised word); a body
    # likewise with ``body_opener_lows`` and ``body_opener_norms``.
    opener_lows: frozenset[str] = frozenset()
    opener_norms: frozenset[str] = frozenset()
    body_opener_lows: frozenset[str] = frozenset()
    body_opener_norms: frozenset[str] = frozenset()
    # body_key of every Vietnamese body name the extractor can build from these lexicons (a named
    # body, for a country's party too; a head's pattern with a place; a country's state body):
    # worked out once here instead of for every mention. Look up with a fallback to body_key.
    vi_keys: dict[str, str] = field(default_factory=dict)

    def party_of(self, country: str | None) -> NamedBody | None:
        """The ruling party of a country (the first `party` body listed for it)."""
        return next((b for b in self.bodies_by_en.values() if b.kind == "party" and b.country == country), None)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteers, read and indexed on first use."""
    g = Gazetteer()
    titles = load_yaml("en_titles.yaml")
    roles().check(titles["roles"].values(), "en_titles.yaml")
    for phrase, role in titles["roles"].items():
        g.roles.add(phrase, role)
        g.role_first_words.add(_words(phrase)[0].casefold())
    g.state_roles = dict(titles.get("state_roles") or {})
    g.party_roles = set(titles.get("party_roles") or [])
    for h in titles.get("honorifics") or []:
        g.honorifics.add(h, h)
    g.not_name = {w.replace("’", "'") for w in titles.get("not_name") or []}
    g.not_person = set(titles.get("not_person") or [])
    g.complement_words = set(titles.get("complement_words") or [])
    g.vn_surnames = set(titles.get("vn_surnames") or [])

    places = load_yaml("en_places.yaml")
    for section, kind in (("countries", "country"), ("cities", "city"), ("provinces", "province")):
        for rec in places.get(section) or []:
            names = tuple(clean(n) for n in rec["names"])
            entry = PlaceEntry(vi=clean(rec["vi"]), en=names[0], kind=kind, code=rec["code"], names=names,
                               province=bool(rec.get("province")) or kind == "province")
            for n in names:
                g.places.add(n, entry)
                g.places_upper.add(n.upper(), entry)
            if kind == "country":
                g.countries[rec["code"]] = entry
                for adj in rec.get("adj") or []:
                    g.adjectives[adj.replace("’", "'")] = rec["code"]

    bodies = load_yaml("en_bodies.yaml")
    for rec in bodies["named"]:
        names = [clean(n) for n in rec["names"]]
        nb = NamedBody(en=names[0], vi=clean(rec["vi"]), kind=rec["kind"], country=rec.get("country"),
                       parent=rec.get("parent"), agency=bool(rec.get("agency")))
        g.bodies_by_en[nb.en] = nb
        for n in names:
            g.bodies.add(n, nb)
    for rec in bodies["heads"]:
        g.heads.add(rec["head"], Head(**rec))
    for m in bodies.get("modifiers") or []:
        g.modifiers.add(m, m)
    g.place_anaphors = dict(bodies.get("place_anaphors") or {})
    g.body_firsts = g.bodies.firsts | g.heads.firsts | g.places.firsts | g.modifiers.firsts | frozenset(g.adjectives)
    g.body_firsts_upper = g.places_upper.firsts
    g.honorific_firsts = g.honorifics.firsts
    g.opener_lows = frozenset(g.role_first_words) | {"the"}
    g.opener_norms = frozenset(w for w in [*g.adjectives, *g.honorific_firsts] if not w[:1].isupper())
    g.body_opener_lows = g.body_firsts_upper | {"the"}
    g.body_opener_norms = frozenset(w for w in g.body_firsts if not w[:1].isupper())
    g.vi_keys = _vi_keys(g)
    return g


def of_party(vi: str, country: str) -> str:
    """A national party body of a partner country, named as the Vietnamese extractor names it:
    "Trung ương Đảng" -> "Trung ương Đảng Nhân dân Cách mạng Lào", "Bộ Chính trị" -> "Bộ Chính trị Đảng ..."."""
    party = vi_gazetteer().parties.get(country)
    if not party:
        return vi
    return vi[: -len("Đảng")] + party if vi.endswith("Đảng") else f"{vi} {party}"


def _vi_keys(g: Gazetteer) -> dict[str, str]:
    """:attr:`Gazetteer.vi_keys`: every Vietnamese body name the lexicons can make, with its key."""
    entries = {e for bucket in g.places.firsts_set.values() for _, e in bucket}
    codes = {e.code for e in entries} | set(g.adjectives.values()) | set(vi_gazetteer().parties)
    heads = [h for bucket in g.heads.firsts_set.values() for _, h in bucket]
    names: set[str] = set()
    for nb in g.bodies_by_en.values():
        names.add(nb.vi)
        names.update(of_party(nb.vi, c) for c in codes)
    for h in heads:
        for pattern in (h.vi_city, h.vi_province):
            if pattern:
                names.update(pattern.format(vi=e.vi) for e in entries)
    for vi, _ in STATE_VI.values():
        names.update(f"{vi} {c.vi}" for c in g.countries.values())
    return {name: body_key(name) for name in sorted(names)}
