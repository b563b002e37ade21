"""English rule-based extractor: officials, their positions, bodies, events, agreements, courses, plans.

Every fact goes through :class:`~interparty.loaders.facts.FactBuilder` with the span it was read
from. Bodies and places that have a canonical Vietnamese name in the gazetteers are keyed by
``name_key(<Vietnamese name>)`` so that English and Vietnamese articles meet on one node; the
English spelling stays the node's ``name`` and is added to ``aliases``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from interparty.graph.model import Extraction, SourceDoc
from interparty.loaders.en_dates import EnDate, find_dates
from interparty.loaders.en_gazetteer import STATE_VI, Gazetteer, PlaceEntry, Token, gazetteer, tokenize
from interparty.loaders.en_gazetteer import of_party as _of_party
from interparty.loaders.en_grammar import BodyRef, Grammar, Title
from interparty.loaders.facts import Cued, FactBuilder, name_key
from interparty.loaders.vi_lexicon import body_key

Ref = tuple[str, str]

# Which words make a sentence report an event, most specific first.
EVENT_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    # active "signed the/a/8 ..." or a signing ceremony; not "the agreement signed during the visit"
    ("signing", re.compile(r"\bsigned\s+(?:(?:a|an|the|their|two|\d+|" + "|".join(
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]) + r")\b|(?:cooperation\s+)?"
        r"(?:minutes|agreements?|memorand|MoUs?))|\bsigning (?:ceremony|of)\b|\bwitness(?:ed)? the signing\b", re.I)),
    ("opening", re.compile(r"\bopen(?:ed|s)\b(?=[^.]{0,80}\b(?:course|class|programme|training)\b)"
                           r"|\bopening (?:ceremony|session)\b|\bkick(?:ed)? off\b", re.I)),
    ("closing", re.compile(r"\bclos(?:ed|ing) (?:ceremony|session)\b|\bclosed\b(?=[^.]{0,60}\b(?:course|class)\b)"
                           r"|\bgraduation\b", re.I)),
    ("reception", re.compile(r"\breceiv(?:ed|es|ing)\b(?=\s+(?:a|an|the|visiting|[A-Z]))|\breception\b"
                             r"|\bcourtesy call|\bwelcomed\b|\bhosted\b", re.I)),
    ("talks", re.compile(r"\btalks\b|\bworking session\b|\bmeetings?\b|\bmet\b(?= with)|\bmeets\b|\bheld talks\b",
                         re.I)),
    ("visit", re.compile(r"\bvisit(?:ed|ing|s)?\b|\bworking trip\b|\bofficial trip\b", re.I)),
    ("lecture", re.compile(r"\blectures?\b|\bdelivered a (?:talk|speech)\b", re.I)),
    ("conference", re.compile(r"\bconference\b|\bseminar\b|\bworkshop\b|\bforum\b|\bsymposium\b", re.I)),
    ("field_trip", re.compile(r"\bfact-finding\b|\bfield trip\b|\bstudy tour\b|\bsurvey tour\b", re.I)),
    ("other", re.compile(r"\binauguration\b|\bground-?breaking\b|\bhand-?over ceremony\b|\banniversary ceremony\b",
                         re.I)),
]
# The letters a match of each trigger opens with (every alternative is "\b<word>"): a look-ahead
# for them turns most positions down before \b, which asks the Unicode database about two
# characters, and each alternative's first letter are tried there. Same matches.
_TRIGGER_FIRSTS = {"signing": "sw", "opening": "ok", "closing": "cg", "reception": "rcwh", "talks": "twmh",
                   "visit": "vwo", "lecture": "ld", "conference": "cswf", "field_trip": "fs", "other": "igha"}
EVENT_TRIGGERS = [(kind, re.compile(f"(?=[{_TRIGGER_FIRSTS[kind]}])(?:{rx.pattern})", rx.flags))
                  for kind, rx in EVENT_TRIGGERS]
# Cues of each trigger (lower case): every match of the trigger contains one of them, so a
# sentence without any is not searched (see :func:`_lower`). Same order as EVENT_TRIGGERS.
_TRIGGER_CUES: dict[str, tuple[str, ...]] = {
    "signing": ("sign",),
    "opening": ("open", "kick"),
    "closing": ("clos", "graduation"),
    "reception": ("receiv", "reception", "courtesy call", "welcomed", "hosted"),
    "talks": ("talks", "working session", "meet", "met"),
    "visit": ("visit", "working trip", "official trip"),
    "lecture": ("lecture", "delivered a"),
    "conference": ("conference", "seminar", "workshop", "forum", "symposium"),
    "field_trip": ("fact-finding", "field trip", "study tour", "survey tour"),
    "other": ("inauguration", "ground", "hand", "anniversary ceremony"),
}
_CUED_TRIGGERS = [(kind, rx, _TRIGGER_CUES[kind]) for kind, rx in EVENT_TRIGGERS]
_AGREEMENT_CUES = ("minutes", "memorand", "mou", "agreement", "treat", "programme")
_COURSE_CUES = ("course", "class")
# Letters that re.IGNORECASE matches to an ASCII letter but str.lower() does not make one.
_ODD_CASE = ("İ", "ı", "ſ", "K")


def _lower(sent: str) -> str | None:
    """The sentence lower-cased for cue tests; None when a cue test could miss an IGNORECASE match."""
    if not sent.isascii():
        for c in _ODD_CASE:
            if c in sent:
                return None
    return sent.lower()


def _cued(low: str | None, cues: tuple[str, ...]) -> bool:
    if low is None:
        return True
    for c in cues:  # noqa: SIM110 - a loop: any() over a generator costs more than the test
        if c in low:
            return True
    return False


# Mentions that talk about events in general, not one event ("the visits of leaders").
_GENERIC_EVENT = re.compile(r"\b(?:visits|exchanges of delegations|high-level delegations)\b", re.I)

# Written in lower case: compiled case-insensitive for a sentence as written and case-sensitive
# for the sentence lower-cased by :func:`_lower` (same offsets, same matches, and the engine
# compares characters without folding each one).
# (The look-ahead: the letters a match opens with, see _TRIGGER_FIRSTS.)
_AGREEMENT_SRC = (
    r"(?=[abcfimpst])\b(?:(?:the|a|an|their|its|two)\s+)?"
    r"(?P<name>(?:(?:minutes|memorand(?:um|a) of understanding|mous?)\s+(?:of|on)\s+(?:(?:the|their|its|a)\s+)?)?"
    r"(?:(?:bilateral|comprehensive|cooperation|co-operation|cooperative|friendship|twinning|sister)\s+)*"
    r"(?P<kind>minutes|memorand(?:um|a) of understanding|mous?|agreements?|treaty|treaties|programmes?)"
    r"(?:\s+(?:on|of)\s+(?:cooperation|collaboration|friendship)(?:\s+between\s+[^,.;]{3,60}?(?=\s+for\b))?)?"
    r"(?:\s+for\s+(?:the\s+)?(?:period\s+(?:of\s+)?)?(?P<y1>(?:19|20)\d{2})\s*[-–—]\s*(?P<y2>(?:19|20)\d{2})"
    r"(?:\s+period)?)?)"
)
AGREEMENT_RE = re.compile(_AGREEMENT_SRC, re.I)
_AGREEMENT_LOW = re.compile(_AGREEMENT_SRC)
PERIOD_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
SIGN_RE = re.compile(r"\bsign(?:ed|ing|s)?\b", re.I)
NUMBER_WORDS = {w: i for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}
_NUM = r"(\d+|" + "|".join(NUMBER_WORDS) + r")"
COUNT_RE = re.compile(r"\bsign(?:ed|ing)\s+" + _NUM + r"\s+(?:\w+\s+){0,3}?(?:documents|minutes|agreements|memoranda)",
                      re.I)
COURSE_RE = re.compile(
    r"\b(?P<name>(?:(?:\w+-(?:month|week|day)|training|refresher|political|theory|advanced|intermediate|short-term|"
    r"long-term|senior|high-level)\s+)*(?:training\s+)?(?:course|class)(?:\s+on\s+[a-z][a-z\s-]{2,60}?"
    r"(?=\s+(?:for|in|at|to|with)\b|[,.]))?)",
    re.I,
)
COURSE_VERB_RE = re.compile(r"\b(?:open(?:ed|s)?|organi[sz](?:ed|es|ing)|launch(?:ed|es)|held|hosts?|hosted|"
                            r"kick(?:ed)? off)\b", re.I)
TRAINEES_RE = re.compile(r"\bfor\s+" + _NUM + r"\s+(?:[\w-]+\s+){0,4}?(?:officials|cadres|trainees|students|"
                         r"leaders|learners|participants|officers)\b", re.I)
DURATION_RE = re.compile(r"\b(" + _NUM[1:-1] + r")[- ](month|week|day|year)s?[- ]?(?:long)?\b", re.I)
PLAN_RE = Cued(r"\b(Plan|Decision|Resolution|Programme|Directive|Conclusion)\s+(?:No\.?\s*)?"
               r"(\d+[-/][\wĐđ]+(?:[-/][\wĐđ]+)*)",
               ("Plan", "Decision", "Resolution", "Programme", "Directive", "Conclusion"), cased=True)
# Sentences that are page furniture, not article text.
_FURNITURE = re.compile(r"^(?:photo|source|read more|related|tags?|share|print|view count|publish date)\b", re.I)


def _num(text: str) -> int | None:
    t = text.casefold()
    return int(t) if t.isdigit() else NUMBER_WORDS.get(t)


@dataclass
class OfficialHit:
    """One official read from a sentence: the name span, the chain of titles, and extra hints."""

    name: str
    start: int
    end: int
    titles: list[Title]
    sent: int
    country: str | None = None
    method: str = "title_chain"


@dataclass
class Sentence:
    start: int
    end: int
    toks: list[Token]
    dates: list[EnDate] = field(default_factory=list)
    gr: Grammar | None = None  # one per sentence: it remembers its gazetteer lookups


class EnglishExtractor:
    """One pass over one document; state is the context later mentions resolve against."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.g: Gazetteer = gazetteer()
        self.fb = FactBuilder(doc)
        text = doc.text
        # One tokenisation serves every sentence: no token crosses a sentence's edge (a sentence
        # starts after white space and ends at a full stop or a line break, which no word holds),
        # so a sentence's tokens are those of the text between its offsets.
        toks = tokenize(text)
        starts = [t.start for t in toks]
        self.sents = [Sentence(s, e, toks[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)],
                               find_dates(text[s:e], doc.date, s))
                      for s, e in self.fb.spans if not _FURNITURE.match(text[s:e].strip())]
        for s in self.sents:
            s.gr = Grammar(self.g, text, s.toks)
        self.places: list[tuple[int, PlaceEntry]] = []  # every place mention, in order
        self.body_nodes: list[tuple[int, Ref, str, str | None]] = []  # (pos, ref, kind, country)
        self.mentioned_parties: dict[str | None, Ref] = {}
        self.officials: dict[str, Ref] = {}
        self.official_spans: list[tuple[int, int, Ref]] = []
        self.consumed: list[set[int]] = [set() for _ in self.sents]
        self.countries: Counter[str] = Counter()
        self._delegations: dict[int, list[Ref]] = {}

    # ------------------------------------------------------------------ entry

    def _gr(self, s: Sentence) -> Grammar:
        assert s.gr is not None
        return s.gr

    def run(self) -> Extraction:
        self._scan_places()
        hits = [h for n, s in enumerate(self.sents) for h in self._officials_in(n, s)]
        self._scan_bodies_first()
        # officials and free-standing bodies in text order, so "the Vietnamese commission" finds
        # the commission named before it whether it was named in a title or on its own
        todo: list[tuple[int, OfficialHit | tuple[BodyRef, list[Token]]]] = [(h.start, h) for h in hits]
        todo += [(toks[b.i].start, (b, toks)) for b, toks in self._scan_bodies()]
        for _, item in sorted(todo, key=lambda x: x[0]):
            if isinstance(item, OfficialHit):
                self._emit_official(item)
            else:
                b, toks = item
                self._emit_body(b, toks, b.country, toks[b.i].start)
        self._events_agreements_courses()
        return self.fb.build()

    # ------------------------------------------------------------------ places

    def _scan_places(self) -> None:
        g = self.g
        place_firsts, upper_firsts = g.places.firsts_set, g.places_upper.firsts_set
        adjectives = g.adjectives
        places, countries = self.places, self.countries
        for s in self.sents:
            gr = self._gr(s)
            toks = s.toks
            nxt = 0  # the first token not inside a place already read
            # only a word opening a place spelling is looked up (else gr.place says None), and only
            # such words and adjectives count: all of them open a body, the other tokens are not visited
            for i in gr.body_openers():
                if i < nxt:
                    continue
                t = toks[i]
                p = gr.place(i) if t.norm in place_firsts or t.low in upper_firsts else None
                if p is not None:
                    places.append((t.start, p[1]))
                    countries[p[1].code] += 1
                    nxt = p[0]
                elif t.norm in adjectives:
                    countries[adjectives[t.norm]] += 1

    def partner_country(self) -> str | None:
        """The country other than Vietnam the article is most about."""
        others = [(c, n) for c, n in self.countries.most_common() if c != "VN"]
        return others[0][0] if others else None

    def place_node(self, p: PlaceEntry, start: int, end: int, method: str) -> Ref:
        written = self.doc.text[start:end]
        return self.fb.node("Place", name_key(p.vi), self.fb.mention(start, end, method, 0.9),
                            name=written, aliases=list(dict.fromkeys([written, p.en, p.vi])), kind=p.kind,
                            country=p.code)

    # ------------------------------------------------------------------ officials

    def _officials_in(self, n: int, s: Sentence) -> list[OfficialHit]:
        gr = self._gr(s)
        toks, out = s.toks, []
        nxt = 0  # the first token after what was last read
        # the tokens between openers start no title and no name: not asked about
        for i in gr.openers():
            if i < nxt:
                continue
            chain = gr.chain(i)
            if chain:
                nm = gr.name(chain[-1].j)
                if nm is not None:
                    out.append(OfficialHit(nm[2], toks[nm[0]].start, toks[nm[0]].start + len(nm[2]), chain, n))
                    self.consumed[n].update(range(i, nm[1]))
                    nxt = nm[1]
                    continue
                nxt = chain[-1].j
                continue
            nm = gr.name(i)
            if nm is not None:
                first, end, name = nm
                if gr.word(end) == "," and (chain := gr.chain(end + 1)):
                    after = gr.word(chain[-1].j)
                    closed = after in {"", ",", ".", ";", ")", "—", "-", "–"} or (
                        chain[-1].j < len(toks) and not toks[chain[-1].j].is_cap)
                    if closed:
                        out.append(OfficialHit(name, toks[first].start, toks[first].start + len(name), chain, n))
                        self.consumed[n].update(range(first, chain[-1].j))
                        nxt = chain[-1].j
                        continue
                prev = gr.low(i - 1) if i > 0 else ""
                prev2 = gr.low(i - 2) if i > 1 else ""
                if prev in {"counterpart", "counterparts"} or (prev == "by" and prev2 == "led"):
                    country = None
                    if prev.startswith("counterpart") and i >= 2:
                        adj = toks[i - 2].norm
                        if adj in self.g.adjectives:
                            country = self.g.adjectives[adj]
                        elif (p := gr.place(i - 2)) and p[0] == i - 1:
                            country = p[1].code
                    out.append(OfficialHit(name, toks[first].start, toks[first].start + len(name), [], n,
                                           country=country, method="named_reference"))
                nxt = end
        return out

    def _official_country(self, h: OfficialHit) -> str | None:
        for t in h.titles:
            for c in (t.country, t.body.country if t.body else None, t.place.code if t.place else None):
                if c:
                    return c
        if h.country:
            return h.country
        first = h.name.split()[0]
        if first in self.g.vn_surnames:
            return "VN"
        return self.partner_country()

    def _emit_official(self, h: OfficialHit) -> None:
        country = self._official_country(h)
        fb = self.fb
        conf = 0.9 if h.titles else 0.7
        o = fb.node("Official", name_key(h.name), fb.mention(h.start, h.end, h.method, conf),
                    name=h.name, aliases=[h.name], country=country)
        self.officials[h.name] = o
        self.official_spans.append((h.start, h.end, o))
        for t in h.titles:
            self._emit_position(o, t, h, country)

    def _emit_position(self, o: Ref, t: Title, h: OfficialHit, country: str | None) -> None:
        fb = self.fb
        toks = self.sents[h.sent].toks
        start, end = toks[t.i].start, toks[t.j - 1].end
        body: Ref | None = None
        resolution, conf = "explicit", 0.9
        if t.body is not None:
            body, how = self._emit_body(t.body, toks, country, start)
            if how != "explicit":
                resolution, conf = how, 0.7
        elif t.role in self.g.state_roles and (t.place is not None or not t.text[:1].islower()):
            c = t.place.code if t.place else (t.country or country)
            body = self._state_body(t.role, c, start, end)
            resolution, conf = ("explicit", 0.8) if t.place else ("context", 0.6)
        elif t.role in self.g.party_roles and t.place is None:
            party = self.mentioned_parties.get(t.country or country)
            if party is not None:
                body, resolution, conf = party, "context", 0.6
        if body is None:
            return
        fb.rel("HOLDS_POSITION", o, body, fb.mention(start, end, "en_title_chain", conf),
               title=t.text, role=t.role, resolution=resolution)

    def _state_body(self, role: str, country: str | None, start: int, end: int) -> Ref | None:
        if country is None or country not in self.g.countries:
            return None
        head = self.g.state_roles[role]
        vi, kind = STATE_VI[head]
        c = self.g.countries[country]
        name = f"{vi} {c.vi}"
        key = self.g.vi_keys.get(name) or body_key(name)
        return self.fb.node("Body", key, self.fb.mention(start, end, "en_state_office", 0.6), name=head,
                            aliases=[f"{head} of {c.en}"], kind=kind, country=country)

    # ------------------------------------------------------------------ bodies

    def _nearest_place(self, pos: int, kind: str, country: str | None) -> PlaceEntry | None:
        """The last city (province) named before ``pos``, else the first one after it."""
        before = after = None
        for p_pos, p in self.places:
            if (p.kind == kind or (kind == "province" and p.province)) and (country is None or p.code == country):
                if p_pos < pos:
                    before = p
                elif after is None:
                    after = p
        return before or after

    def _emit_body(self, ref: BodyRef, toks: list[Token], context_country: str | None,
                   pos: int) -> tuple[Ref | None, str]:
        """The node for a body as read; (None, "") when it cannot be pinned down."""
        fb, g = self.fb, self.g
        start, end = toks[ref.i].start, toks[ref.j - 1].end
        if ref.split:
            refs = [self._emit_body(b, toks, context_country, pos)[0] for b in ref.split]
            return (refs[0] if refs else None), "explicit"
        how = "explicit"
        country = ref.country
        if ref.anaphor == "body":
            want = ref.adjective
            for _, node, kind, c in reversed(self.body_nodes):
                if kind.endswith(ref.kind) and (want is None or c == want):
                    return node, "context"
            return None, ""
        place = ref.place
        if ref.anaphor in {"city", "province"}:
            place = self._nearest_place(pos, ref.anaphor, context_country)
            if place is None:
                return None, ""
            how = "context"
            country = place.code
        if ref.named is not None:
            nb = ref.named
            country = nb.country or country or context_country
            vi = nb.vi
            if nb.country is None and country and country != "VN":
                vi = _of_party(nb.vi, country)
            key = g.vi_keys.get(vi) or body_key(vi)  # the key worked out with the gazetteer, else now
            aliases = [ref.name, nb.en, nb.vi]
        else:
            head = ref.head
            country = country or context_country
            vi = None
            if head is not None and place is not None:
                pattern = head.vi_province if place.province else head.vi_city
                vi = pattern.format(vi=place.vi) if pattern else None
            if ref.kind == "delegation":
                # one delegation per place and article: "the delegation of Hanoi" = "the Hanoi delegation"
                key = f"{self.doc.key}|delegation|{self._delegation_words(ref.name, place)}"
            else:
                key = (g.vi_keys.get(vi) or body_key(vi)) if vi else name_key(ref.name)
            aliases = [ref.name] + ([vi] if vi else [])
        node = fb.node("Body", key, fb.mention(start, end, f"en_body_{how}", 0.9 if how == "explicit" else 0.7),
                       name=ref.name, aliases=list(dict.fromkeys(aliases)), kind=ref.kind, country=country)
        self.body_nodes.append((start, node, ref.kind, country))
        if ref.kind == "party":
            self.mentioned_parties.setdefault(country, node)
        if ref.kind == "delegation":
            self._delegations.setdefault(self._sent_index(start), []).append(node)
        parent: Ref | None = None
        if ref.parent is not None:
            parent, _ = self._emit_body(ref.parent, toks, country, pos)
        elif ref.named is not None and ref.named.parent:
            pb = g.bodies_by_en.get(ref.named.parent)
            if pb is not None:
                pkey = g.vi_keys.get(pb.vi) or body_key(pb.vi)
                parent = fb.node("Body", pkey, fb.mention(start, end, "en_body_parent", 0.8), name=pb.en,
                                 aliases=[pb.en, pb.vi], kind=pb.kind, country=pb.country)
                if pb.kind == "party":
                    self.mentioned_parties.setdefault(pb.country, parent)
        if parent is not None and parent != node:
            fb.rel("PART_OF", node, parent, fb.mention(start, end, "en_body_of", 0.8))
        if place is not None and how == "explicit" and ref.kind != "delegation":
            pl = fb.node("Place", name_key(place.vi), fb.mention(start, end, "en_body_place", 0.8),
                         name=place.en, aliases=list(dict.fromkeys([*place.names, place.vi])), kind=place.kind,
                         country=place.code)
            fb.rel("LOCATED_IN", node, pl, fb.mention(start, end, "en_body_place", 0.8))
        return node, how

    @staticmethod
    def _delegation_words(name: str, place: PlaceEntry | None) -> str:
        words = name_key(name)
        if place is not None:
            for spelled in sorted(place.names, key=len, reverse=True):
                words = words.replace(name_key(spelled), " ")
        rest = sorted(set(words.split()) - {"of", "from", "the", "a"})
        return " ".join(rest) + (f"|{name_key(place.vi)}" if place else "")

    def _sent_index(self, pos: int) -> int:
        for n, s in enumerate(self.sents):
            if s.start <= pos < s.end:
                return n
        return -1

    def _scan_bodies_first(self) -> None:
        """Named parties first, so "General Secretary" can be resolved to a party named anywhere."""
        firsts = self.g.bodies.firsts_set
        for s in self.sents:
            gr = self._gr(s)
            # only a word opening a named body is asked about (all open a body)
            for i in gr.body_openers():
                if s.toks[i].norm not in firsts:
                    continue
                m = gr.named(i)
                if m is not None and m[1].kind == "party":
                    b = gr.body(i, allow_anaphor=False)
                    if b is not None and b.named is not None and b.named.kind == "party":
                        self._emit_body(b, s.toks, None, s.toks[i].start)

    def _scan_bodies(self) -> list[tuple[BodyRef, list[Token]]]:
        """Bodies named anywhere in the text, outside the title chains already read."""
        out: list[tuple[BodyRef, list[Token]]] = []
        for n, s in enumerate(self.sents):
            gr = self._gr(s)
            toks, consumed = s.toks, self.consumed[n]
            nxt = 0  # the first token after the last body read
            # the tokens between openers start no body: not asked about
            for i in gr.body_openers():
                if i < nxt or i in consumed or not toks[i].is_word:
                    continue
                b = gr.body(i, allow_anaphor=False)
                if b is None or (b.named is not None and b.named.agency) or b.anaphor or (
                        b.named is None and b.j < len(toks) and toks[b.j].is_cap and not gr.name_word(b.j)):
                    # "National Party Congress": a head followed by more of a longer name is not that body
                    continue
                out.append((b, toks))
                nxt = max(b.j, i + 1)
        return out

    # ------------------------------------------------------------------ events, agreements, courses

    def _events_agreements_courses(self) -> None:
        fb, text = self.fb, self.doc.text
        groups: dict[tuple[str, str], dict] = {}
        order: list[tuple[str, str]] = []
        agreements: dict[str, dict] = {}
        courses: list[dict] = []
        for n, s in enumerate(self.sents):
            sent = text[s.start:s.end]
            dated = [d for d in s.dates if d.date or d.text]
            kinds: list[tuple[str, int, int]] = []
            low = _lower(sent)
            for kind, rx, cues in _CUED_TRIGGERS:
                if low is not None:  # _cued(low, cues), without a call per trigger
                    for c in cues:
                        if c in low:
                            break
                    else:
                        continue
                m = rx.search(sent)
                if m is None or (kind == "visit" and _GENERIC_EVENT.search(m.group())):
                    continue
                kinds.append((kind, s.start + m.start(), s.start + m.end()))
            # each date goes to the one trigger nearest to it; the other triggers are undated
            owner = {id(d): min(kinds, key=lambda k: abs(d.start - k[1])) for d in dated} if kinds else {}
            for kind, ts, te in kinds:
                mine = [d for d in dated if owner.get(id(d)) == (kind, ts, te)]
                d = min(mine, key=lambda d: abs(d.start - ts)) if mine else None
                if d is not None:
                    gk = (kind, d.date or d.text)
                elif any(k == kind for k, _ in order):
                    gk = next(k for k in order if k[0] == kind)
                else:
                    gk = (kind, "")
                if gk not in groups:
                    groups[gk] = {"kind": kind, "date": d, "mentions": [], "sents": []}
                    order.append(gk)
                groups[gk]["mentions"].append((ts, te))
                groups[gk]["sents"].append(n)
            if _cued(low, _AGREEMENT_CUES):
                self._agreements_in(n, s, sent, low, agreements, kinds)
            if _cued(low, _COURSE_CUES):
                self._courses_in(n, s, sent, courses)
        events: dict[tuple[str, str], Ref] = {}
        for idx, gk in enumerate(order):
            ev = groups[gk]
            d: EnDate | None = ev["date"]
            ts, te = ev["mentions"][0]
            date = d.date if d else None
            key = f"{self.doc.key}|{ev['kind']}|{date or (d.text if d else idx)}"
            props = {"name": text[ts:te], "kind": ev["kind"], "date": date,
                     "end_date": d.end_date if d else None, "date_text": d.text if d else None,
                     "year_inferred": d.year_inferred if d else None}
            node = fb.node("Event", key, fb.mention(ts, te, "en_event_trigger", 0.8 if d else 0.6), **props)
            events[gk] = node
            for n in dict.fromkeys(ev["sents"]):
                self._event_links(node, n, ev["kind"])
        self._emit_agreements(agreements, events)
        self._emit_courses(courses)

    def _event_links(self, ev: Ref, n: int, kind: str) -> None:
        fb, s = self.fb, self.sents[n]
        for a, b, o in self.official_spans:
            if s.start <= a < s.end:
                fb.rel("ATTENDED", o, ev, fb.mention(a, b, "en_event_sentence", 0.6), role="participant")
        for node in self._delegations.get(n, []):
            fb.rel("TOOK_PART_IN", node, ev, fb.mention(s.start, s.end, "en_event_sentence", 0.6), role="delegation")
        gr = self._gr(s)
        for i, t in enumerate(s.toks):
            # "in Vientiane"; for a visit also "(visit|trip) to Laos"
            where = t.low == "in" or (kind == "visit" and t.low == "to" and i > 0
                                      and s.toks[i - 1].low in {"visit", "trip"})
            if where and (p := gr.place(i + 1)) and not gr.head(p[0]):
                a, b = s.toks[i + 1].start, s.toks[p[0] - 1].end
                pl = self.place_node(p[1], a, b, "en_event_place")
                fb.rel("HELD_IN", ev, pl, fb.mention(a, b, "en_event_place", 0.6))
                break

    def _agreements_in(self, n: int, s: Sentence, sent: str, low: str | None, agreements: dict[str, dict],
                       kinds: list[tuple[str, int, int]]) -> None:
        signed = SIGN_RE.search(sent) is not None
        # matched in the lower-cased sentence when there is one (see _AGREEMENT_SRC): the text of
        # the name is taken from the sentence as written
        matches = _AGREEMENT_LOW.finditer(low) if low is not None else AGREEMENT_RE.finditer(sent)
        for m in matches:
            kind_word = m["kind"].casefold()
            name = sent[m.start("name"):m.end("name")]
            plural = kind_word.endswith("s") and kind_word not in {"minutes"}
            if kind_word.startswith(("agreements", "treaties", "programmes")):
                plural = True
            period = f"{m['y1']}-{m['y2']}" if m["y1"] else None
            if period is None and (pm := PERIOD_RE.search(sent, m.end(), min(len(sent), m.end() + 40))):
                period = f"{pm[1]}-{pm[2]}"
            low = name.casefold()
            kind = ("minutes" if low.startswith("minutes") else "memorandum" if low.startswith(("memorand", "mou"))
                    else "treaty" if "treat" in kind_word else "programme" if "programme" in kind_word
                    else "minutes" if kind_word == "minutes" else "agreement")
            a, b = s.start + m.start("name"), s.start + m.end("name")
            if period is not None:
                gk = period
            elif agreements and not plural:
                gk = next(iter(agreements))
            elif signed and not plural:
                gk = kind
            else:
                continue
            rec = agreements.setdefault(gk, {"kind": kind, "name": name, "period": period, "date": None,
                                             "count": None, "mentions": [], "signed_at": []})
            if rec["kind"] == "agreement" and kind == "minutes":
                rec["kind"], rec["name"] = kind, name
            rec["mentions"].append((a, b))
            if signed:
                sign_at = s.start + SIGN_RE.search(sent).start()  # type: ignore[union-attr]
                rec.setdefault("parties", []).extend(
                    (pos, node) for pos, node, kind, _ in self.body_nodes
                    if s.start <= pos < sign_at and kind != "delegation")
                d = next((d for d in s.dates if d.date), None)
                if d is not None and rec["date"] is None:
                    rec["date"] = d
                rec["signed_at"].extend(("signing", d.date or d.text if d else "") for _ in [0])
            if (c := COUNT_RE.search(sent)) and rec["count"] is None:
                rec["count"] = _num(c[1])

    def _emit_agreements(self, agreements: dict[str, dict], events: dict[tuple[str, str], Ref]) -> None:
        fb = self.fb
        for idx, (gk, rec) in enumerate(agreements.items()):
            a, b = rec["mentions"][0]
            d: EnDate | None = rec["date"]
            node = fb.node("Agreement", f"{self.doc.key}|agreement|{gk or idx}",
                           fb.mention(a, b, "en_agreement", 0.8), name=rec["name"], kind=rec["kind"],
                           date=d.date if d else None, year_inferred=d.year_inferred if d else None,
                           period=rec["period"], count=rec["count"])
            for pos, party in dict.fromkeys(rec.get("parties", [])):
                fb.rel("PARTY_TO", party, node, fb.mention(pos, pos, "en_agreement_party", 0.6))
            for key in rec["signed_at"]:
                ev = events.get(key) or next((v for k, v in events.items() if k[0] == "signing"), None)
                if ev is not None:
                    fb.rel("SIGNED_AT", node, ev, fb.mention(a, b, "en_agreement_signed", 0.7))
                    break

    def _courses_in(self, n: int, s: Sentence, sent: str, courses: list[dict]) -> None:
        m = COURSE_RE.search(sent)
        if m is None or COURSE_VERB_RE.search(sent) is None:
            return
        gr = self._gr(s)
        cs = s.start + m.start("name")
        organiser = trains = None
        for i, t in enumerate(s.toks):
            b = gr.body(i, allow_anaphor=False) if t.is_word else None
            if b is None:
                continue
            if t.start < cs and organiser is None and b.kind != "delegation":
                organiser = b
            elif t.start > cs and trains is None and gr.low(i - 1) in {"of", "from", "the"}:
                trains = b
        tm = TRAINEES_RE.search(sent)
        dm = DURATION_RE.search(sent)
        d = next((d for d in s.dates if d.date), None)
        courses.append({"name": m["name"], "span": (cs, s.start + m.end("name")), "organiser": organiser,
                        "trains": trains, "toks": s.toks, "trainees": _num(tm[1]) if tm else None,
                        "duration": dm.group() if dm else None, "date": d, "sent": s})

    def _emit_courses(self, courses: list[dict]) -> None:
        fb = self.fb
        for idx, c in enumerate(courses):
            a, b = c["span"]
            d: EnDate | None = c["date"]
            node = fb.node("Course", f"{self.doc.key}|course|{idx}", fb.mention(a, b, "en_course", 0.8),
                           name=c["name"], start_date=d.date if d else None,
                           year_inferred=d.year_inferred if d else None, duration=c["duration"],
                           trainees=c["trainees"])
            if c["organiser"] is not None:
                org, _ = self._emit_body(c["organiser"], c["toks"], None, a)
                if org is not None:
                    fb.rel("ORGANIZED", org, node, fb.mention(a, b, "en_course_organiser", 0.7))
            if c["trains"] is not None:
                tr, _ = self._emit_body(c["trains"], c["toks"], None, a)
                if tr is not None:
                    fb.rel("TRAINS", node, tr, fb.mention(a, b, "en_course_trainees", 0.7), count=c["trainees"])
            s: Sentence = c["sent"]
            gr = self._gr(s)
            for i, t in enumerate(s.toks):
                if t.low == "in" and (p := gr.place(i + 1)) and not gr.head(p[0]):
                    pa, pb = s.toks[i + 1].start, s.toks[p[0] - 1].end
                    fb.rel("HELD_IN", node, self.place_node(p[1], pa, pb, "en_course_place"),
                           fb.mention(pa, pb, "en_course_place", 0.6))
                    break
        for s in self.sents:
            sent = self.doc.text[s.start:s.end]
            for m in PLAN_RE.finditer(sent):
                a, b = s.start + m.start(), s.start + m.end()
                fb.node("Plan", name_key(m[2]), fb.mention(a, b, "en_plan_number", 0.9), name=m.group(),
                        number=m[2], kind=m[1].casefold())


def extract(doc: SourceDoc) -> Extraction:
    """Facts read from one English document, every one with the span and sentence it came from."""
    return EnglishExtractor(doc).run()
