"""The English title grammar: bodies, titles, title chains and person names over tokens.

News English writes an official as a chain of titles and a name, in either order:
"Politburo member and Secretary of the Hanoi Party Committee Dinh Tien Dung",
"Anouphap Tounalom, Secretary of the Vientiane Party Committee,". A title is a role word
("Secretary", "member", "Prime Minister") with an optional "of [the] <body>"; a body ends
with a head noun from the gazetteer ("Party Committee", "People's Council", "Politburo").
The name is what follows the last head: two to four capitalised words that are neither
title, body nor place words. No list of person names is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from interparty.loaders.en_gazetteer import Gazetteer, Head, NamedBody, PlaceEntry, Token

MAX_MODIFIERS = 8
_CONNECT = {"of", "for", "from", "to", "in", "on"}


@dataclass
class BodyRef:
    """A body as read: its span, the name as written and what the gazetteer says about it."""

    i: int  # first token (after "the")
    j: int  # one past the last token
    name: str
    kind: str
    country: str | None = None
    named: NamedBody | None = None
    head: Head | None = None
    place: PlaceEntry | None = None
    parent: BodyRef | None = None
    anaphor: str | None = None  # "city"/"province" for "municipal Party Committee"; "body" for "the commission"
    adjective: str | None = None  # country code of a "Lao"/"Vietnamese" modifier
    split: list[BodyRef] = field(default_factory=list)  # "the Hanoi and Vientiane People's Councils"


@dataclass
class Title:
    """One title of a chain: the role word, the text as written and the body it names, if any."""

    i: int
    j: int
    text: str
    role: str
    body: BodyRef | None = None
    country: str | None = None
    place: PlaceEntry | None = None  # "President of Laos", "Ambassador to Laos"


_T = TypeVar("_T", BodyRef, Title)


def _clone(obj: _T) -> _T:
    """A shallow copy (its fields can be set without touching the remembered original)."""
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


_MISS: Any = object()  # a cache miss (None is a remembered answer)


def span_text(text: str, toks: list[Token], i: int, j: int) -> str:
    return text[toks[i].start:toks[j - 1].end]


class Grammar:
    """Parsers over one sentence's tokens; ``text`` is the whole document."""

    def __init__(self, g: Gazetteer, text: str, toks: list[Token]) -> None:
        self.g, self.text, self.toks = g, text, toks
        # Gazetteer lookups at a token are pure and asked again and again by the passes over a
        # sentence: remembered per token index (the results are immutable).
        self._places: dict[int, tuple[int, PlaceEntry] | None] = {}
        self._roles: dict[int, tuple[int, str] | None] = {}
        self._heads: dict[int, tuple[int, Head] | None] = {}
        self._named: dict[int, tuple[int, NamedBody] | None] = {}
        self._mods: dict[int, tuple[int, str] | None] = {}
        self._bodies: dict[tuple[int, bool], BodyRef | None] = {}
        self._titles: dict[int, Title | None] = {}
        self._body_openers: list[int] | None = None
        # first words of the gazetteer phrases: a token opening none of an index's phrases is not
        # looked up in it (PhraseIndex.match would say None)
        self._body_opener_lows = g.body_opener_lows
        self._body_opener_norms = g.body_opener_norms
        self._upper_firsts = g.body_firsts_upper
        self._head_firsts = g.heads.firsts_set
        self._place_firsts = g.places.firsts_set
        self._mod_firsts = g.modifiers.firsts_set
        self._role_firsts = g.roles.firsts_set
        self._named_firsts = g.bodies.firsts_set

    def openers(self) -> list[int]:
        """The tokens a title or a name can start at, in order: the others :meth:`_title` and
        :meth:`name` turn down at once (a lower-case word that is no role, adjective, honorific
        or "the"), so a pass looking for officials need not try them."""
        lows, norms = self.g.opener_lows, self.g.opener_norms
        return [i for i, t in enumerate(self.toks) if t.is_cap or t.low in lows or t.norm in norms]

    def body_openers(self) -> list[int]:
        """The tokens a body can start at, in order: the others :meth:`body` turns down at once.

        Worked out once per sentence (do not modify): a place, an adjective or a named body
        opens a body too, so the passes looking for those go over these tokens only.
        """
        if self._body_openers is None:
            lows, norms = self.g.body_opener_lows, self.g.body_opener_norms
            self._body_openers = [i for i, t in enumerate(self.toks) if t.is_cap or t.low in lows or t.norm in norms]
        return self._body_openers

    # ------------------------------------------------------------------ small pieces

    def word(self, i: int) -> str:
        return self.toks[i].norm if i < len(self.toks) else ""

    def low(self, i: int) -> str:
        return self.toks[i].low if i < len(self.toks) else ""

    # The lookups below first ask whether the token opens any phrase of the index (what
    # PhraseIndex.match asks first): most do not, and are answered without a call or the cache.

    def place(self, i: int) -> tuple[int, PlaceEntry] | None:
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.norm not in self._place_firsts and t.low not in self._upper_firsts:
            return None  # opens no spelling, as written nor in capitals
        m = self._places.get(i, _MISS)
        if m is _MISS:
            m = self._places[i] = self._place(i)
        return m

    def role(self, i: int) -> tuple[int, str] | None:
        """(end, role) of the role words at ``i`` ("deputy secretary", "Prime Minister")."""
        if i >= len(self.toks) or self.toks[i].low not in self._role_firsts:
            return None
        m = self._roles.get(i, _MISS)
        if m is _MISS:
            m = self._roles[i] = self.g.roles.match(self.toks, i)
        return m

    def head(self, i: int) -> tuple[int, Head] | None:
        """(end, head) of a body's head noun at ``i``."""
        m = self._heads.get(i, _MISS)
        if m is _MISS:
            m = self._heads[i] = self.g.heads.match(self.toks, i)
        return m

    def named(self, i: int) -> tuple[int, NamedBody] | None:
        """(end, body) of a body the gazetteer names, at ``i``."""
        if i >= len(self.toks) or self.toks[i].norm not in self._named_firsts:
            return None
        m = self._named.get(i, _MISS)
        if m is _MISS:
            m = self._named[i] = self.g.bodies.match(self.toks, i)
        return m

    def modifier(self, i: int) -> tuple[int, str] | None:
        m = self._mods.get(i, _MISS)
        if m is _MISS:
            m = self._mods[i] = self.g.modifiers.match(self.toks, i)
        return m

    def _place(self, i: int) -> tuple[int, PlaceEntry] | None:
        m = self.g.places.match(self.toks, i)
        if m is None and i < len(self.toks) and self.toks[i].text.isupper() and len(self.toks[i].text) > 2:
            m = self.g.places_upper.match(self.toks, i)
        return m

    def skip_the(self, i: int) -> int:
        return i + 1 if self.low(i) == "the" else i

    def is_role_start(self, i: int) -> bool:
        return self.role(i) is not None

    # ------------------------------------------------------------------ bodies

    def body(self, i: int, *, allow_anaphor: bool = True) -> BodyRef | None:
        """The longest body starting at token ``i`` (after an optional "the").

        Remembered per (i, allow_anaphor): every pass over the sentence asks again. Callers get
        their own copy, since they may set its fields.
        """
        toks = self.toks
        if i < len(toks):
            t = toks[i]
            if not t.is_cap and t.low not in self._body_opener_lows and t.norm not in self._body_opener_norms:
                return None  # what _body says at once of such a word (no cache needed)
        key = (i, allow_anaphor)
        hit = self._bodies.get(key, _MISS)
        if hit is _MISS:
            hit = self._bodies[key] = self._body(i, allow_anaphor)
        return _clone(hit) if hit is not None else None

    def _body(self, i: int, allow_anaphor: bool) -> BodyRef | None:
        has_the = i < len(self.toks) and self.toks[i].low == "the"
        if has_the:
            i += 1
        if i >= len(self.toks) or not self.toks[i].is_word:
            return None
        t = self.toks[i]
        if not t.is_cap and t.norm not in self.g.body_firsts and t.low not in self.g.body_firsts_upper:
            # a lower-case word that opens no named body, head, place, modifier or adjective:
            # neither the named nor the generic reading can start here
            return None
        named = self.named(i)
        generic = self._generic_body(i, has_the and allow_anaphor)
        ref = generic
        if named and (generic is None or named[0] >= generic.j):
            end, nb = named
            ref = BodyRef(i, end, span_text(self.text, self.toks, i, end), nb.kind, nb.country, named=nb)
            h = self.head(end)
            if h is not None and self.toks[end].is_cap and not h[1].anaphor:
                # "Lao Front for National Development Central Committee": a head after a named body
                ref = BodyRef(i, h[0], span_text(self.text, self.toks, i, h[0]), h[1].kind, nb.country,
                              head=h[1], parent=ref)
            ref = self._complement(ref)
        if ref is not None and self.word(ref.j) in {"'s", "’s"}:
            # "the LPRP Central Committee's Commission for External Relations"
            owned = self.body(ref.j + 1, allow_anaphor=False)
            if owned is not None and owned.i == ref.j + 1:
                owned.i = ref.i
                owned.name = span_text(self.text, self.toks, ref.i, owned.j)
                owned.country = owned.country or ref.country
                if owned.parent is None:
                    owned.parent = ref
                owned.named = None if owned.named is None or owned.named.kind == "party" else owned.named
                return owned
        return ref

    def _generic_body(self, i: int, allow_anaphor: bool) -> BodyRef | None:
        """[modifiers] HEAD [of PLACE | for COMPLEMENT | from PLACE]: "Hanoi Party Committee",
        "municipal Party Committee", "National Assembly delegation of Hanoi"."""
        g, toks = self.g, self.toks
        k, best = i, None
        places: list[PlaceEntry] = []
        adjective = anaphor = None
        n_mods = 0
        coord = False
        n = len(toks)
        head_firsts, place_firsts, upper_firsts, mod_firsts = (self._head_firsts, self._place_firsts,
                                                               self._upper_firsts, self._mod_firsts)
        while k < n and n_mods <= MAX_MODIFIERS:
            tk = toks[k]
            h = self.head(k) if tk.norm in head_firsts else None
            if h is not None and (tk.is_cap or h[1].lower):
                best = (h[0], h[1], list(places), adjective, anaphor, coord)
                # a head may be followed by another head ("National Assembly delegation")
                k = h[0]
                n_mods += 1
                continue
            if (tk.norm in place_firsts or tk.low in upper_firsts) and (p := self.place(k)):
                places.append(p[1])
                k = p[0]
            elif tk.norm in g.adjectives:
                adjective = g.adjectives[tk.norm]
                k += 1
            elif tk.norm in mod_firsts and (m := self.modifier(k)) is not None:
                if toks[k].low in g.place_anaphors:
                    anaphor = g.place_anaphors[toks[k].low]
                k = m[0]
            elif toks[k].low == "and" and places and self.place(k + 1):
                coord = True
                k += 1
                continue
            elif (toks[k].is_cap and toks[k].is_word and self.role(k) is None
                  and toks[k].norm not in g.adjectives and not toks[k].text.isupper()):
                k += 1
            else:
                break
            n_mods += 1
        if best is None:
            return None
        end, head, places, adjective, anaphor, coord = best
        n_before = end - i - len(head.head.split())
        if head.anaphor:
            # lower-case "the commission"/"the Vietnamese committee": only as a reference back
            if not allow_anaphor:
                return None
            ref = BodyRef(i, end, span_text(self.text, toks, i, end), head.kind, adjective, head=head,
                          anaphor="body", adjective=adjective)
            return ref
        if n_before <= 0 and not head.lower and head.head not in {"Politburo", "Secretariat", "National Assembly"}:
            # a bare head ("Party", "Committee") names nothing; but "Committee for ..." may
            ref = BodyRef(i, end, span_text(self.text, toks, i, end), head.kind, head=head)
            ref = self._complement(ref)
            return ref if ref.j > end and (ref.place or ref.parent or ref.j - end > 1) else None
        ref = BodyRef(i, end, span_text(self.text, toks, i, end), head.kind, head=head, adjective=adjective)
        if places:
            ref.place = places[-1]
            ref.country = places[-1].code
        elif adjective:
            ref.country = adjective
        if anaphor and not places:
            ref.anaphor = anaphor
        if coord and head.plural and len(places) > 1:
            single = head.head.removesuffix("s")
            for p in places:
                spelled = next((n for n in p.names if n in ref.name), p.en)
                ref.split.append(BodyRef(i, end, f"{spelled} {single}", head.kind, p.code, head=head, place=p))
        if head.lower and not places and not adjective and n_before <= 0:
            ref = self._complement(ref)
            return ref if ref.place else None
        return self._complement(ref)

    def _complement(self, ref: BodyRef) -> BodyRef:
        """Extend a body with "of PLACE" / "from PLACE" / "for External Relations" / "of the <party>"."""
        toks, k = self.toks, ref.j
        w = self.low(k)
        if w in {"of", "from", "in"}:
            k2 = self.skip_the(k + 1)
            p = self.place(k2)
            if w == "of" and (ref.head is not None or ref.named is not None):
                parent = self.body(k + 1, allow_anaphor=False)
                if parent is not None and (parent.named is not None or parent.place is not None) and (
                        p is None or parent.j > p[0]):
                    # "delegation of the Quang Tri provincial Party Committee": owned by a body
                    ref.parent = parent
                    ref.country = ref.country or parent.country
                    return ref
            if p and (w != "in" or ref.kind == "delegation"):
                ref.j, ref.place, ref.country = p[0], p[1], ref.country or p[1].code
                ref.name = span_text(self.text, toks, ref.i, ref.j)
                return ref
        if w == "for" and ref.head is not None and ref.kind in {"commission", "committee", "department", "council"}:
            k2 = k + 1
            while k2 < len(toks) and toks[k2].norm in self.g.complement_words:
                k2 += 1
            while k2 > k + 1 and toks[k2 - 1].low == "and":
                k2 -= 1
            if k2 > k + 1:
                ref.j = k2
                ref.name = span_text(self.text, toks, ref.i, ref.j)
        return ref

    # ------------------------------------------------------------------ titles

    def title(self, i: int) -> Title | None:
        """One title: "[Lao] ROLE [of [the] BODY | of PLACE | to PLACE]" or "BODY ROLE [of [the] PARTY]".

        Remembered per token, like :meth:`body`; callers get their own copy.
        """
        hit = self._titles.get(i, _MISS)
        if hit is _MISS:
            hit = self._titles[i] = self._title(i)
        return _clone(hit) if hit is not None else None

    def _title(self, i: int) -> Title | None:
        g, toks = self.g, self.toks
        if i >= len(toks):
            return None
        t0 = toks[i]
        if not t0.is_cap and t0.low != "the" and t0.low not in g.role_first_words and t0.norm not in g.adjectives:
            return None  # neither a role, an adjective before one, nor a capitalised body can start here
        country = None
        k = i
        if k < len(toks) and toks[k].norm in g.adjectives and self.is_role_start(k + 1):
            country = g.adjectives[toks[k].norm]
            k += 1
        r = self.role(k)
        if r is not None:
            # lower-case roles only where they cannot be ordinary words ("head of the ...", "member of ...")
            if not toks[k].is_cap and self.low(r[0]) not in {"of", "to"}:
                return None
            end, role = r
            t = Title(k, end, "", role, country=country)
            w = self.low(end)
            if w == "of":
                k2 = self.skip_the(end + 1)
                body = self.body(end + 1)
                p = self.place(k2)
                if body is not None and (p is None or body.j > p[0]):
                    t.body, t.j = body, body.j
                elif p is not None:
                    t.place, t.j = p[1], p[0]
                    t.country = t.country or p[1].code
                else:
                    if not toks[k].is_cap:
                        return None
                    # "Minister of Foreign Affairs": no body the gazetteer knows, but the title goes on
                    k2 = end + 1
                    while k2 < len(toks) and toks[k2].norm in g.complement_words and toks[k2].is_cap:
                        k2 += 1
                    t.j = k2 if k2 > end + 1 else end
            elif w == "to" and (p := self.place(self.skip_the(end + 1))):
                t.place, t.j = p[1], p[0]
            elif not toks[k].is_cap:
                return None
            t.text = span_text(self.text, toks, k, t.j)
            return t
        # "Politburo member", "Party Central Committee member of the CPV"
        if not (toks[i].is_cap or toks[i].low == "the"):
            return None
        body = self.body(i, allow_anaphor=False)
        if body is None or body.i != i or body.kind == "delegation":
            return None
        r = self.role(body.j)
        if r is None:
            return None
        end, role = r
        t = Title(i, end, "", role, body=body, country=body.country)
        if self.low(end) == "of":
            parent = self.body(end + 1, allow_anaphor=False)
            if parent is not None and parent.named is not None:
                body.parent = parent
                body.country = body.country or parent.country
                t.j = parent.j
        t.text = span_text(self.text, toks, i, t.j)
        return t

    def chain(self, i: int) -> list[Title]:
        """Titles joined by ", " or "and": "Politburo member and Secretary of the ... Committee"."""
        out: list[Title] = []
        k = i
        while True:
            t = self.title(k)
            if t is None:
                break
            out.append(t)
            k = t.j
            nxt = k
            if self.word(nxt) == ",":
                nxt += 1
            if self.low(nxt) == "and":
                nxt += 1
            if nxt == k:
                break
            if self.title(nxt) is None:
                break
            k = nxt
        return out

    # ------------------------------------------------------------------ names

    def name_word(self, i: int) -> bool:
        if i >= len(self.toks):
            return False
        t = self.toks[i]
        if not (t.is_word and t.is_cap) or (t.text.isupper() and len(t.text) > 1):
            return False
        w = t.norm
        return (w not in self.g.not_name and w not in self.g.adjectives and self.role(i) is None
                and self.place(i) is None and self.named(i) is None
                and (w.isalpha() or not any(c.isdigit() for c in w)))  # a letter is never a digit

    def name(self, i: int) -> tuple[int, int, str] | None:
        """(first, end, name) of a person's name of 2-4 capitalised words at ``i`` (after an honorific)."""
        if i >= len(self.toks):
            return None  # no word to start at
        t = self.toks[i]
        in_honorifics = t.norm in self.g.honorific_firsts
        if not t.is_cap and not in_honorifics:
            return None
        h = self.g.honorifics.match(self.toks, i) if in_honorifics else None
        if h is not None:
            i = h[0] + (1 if self.word(h[0]) == "." else 0)
        k = i
        while self.name_word(k) and k - i < 4:
            k += 1
        if k - i < 2 or self.name_word(k):
            return None
        name = span_text(self.text, self.toks, i, k)
        if name in self.g.not_person:
            return None
        return i, k, name
