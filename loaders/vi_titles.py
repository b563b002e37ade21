"""The Vietnamese title grammar: who is named in a sentence and with which titles.

Vietnamese news writes officials as a comma-separated chain of titles followed by
the name ("Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội
Nguyễn Thị Tuyến"), or the name followed by the chain ("đồng chí Đinh Tiến Dũng,
Ủy viên Bộ Chính trị, Bí thư Thành ủy"), with extras: a list header whose title
covers every name after the colon, a role after a dash, a plural title before
several names. This module reads those shapes into :class:`Person` records; the
bodies the titles point at are resolved in :mod:`interparty.loaders.vi_bodies`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import TitleHead
from interparty.loaders.vi_lexicon import CAP_WORD_RE, WORD_RE, Lexicon, PlaceMatch, looks_foreign

# Predicates and function words that end a title: "Bí thư Thành ủy La Habana bày tỏ ...".
_STOP_RE = re.compile(
    r"(?<![\w-])(?:cho biết|nhấn mạnh|phát biểu|đã|đang|sẽ|là|có|được|bày tỏ|tiếp|thăm|dự|làm|do|với|cùng|"
    r"khẳng định|đánh giá|chủ trì|trao|tặng|gửi|thay mặt|theo|tin tưởng|mong muốn|đề nghị|chúc mừng|"
    r"cảm ơn|giảng bài|hội đàm|hội kiến|gặp|đón|tham dự|tham gia|nhận|chào|ký|khi|vừa|nay|thì|mà|nhưng|"
    r"nên|để|vì|trong|qua|về|từ|đến|lên|xuống|ra|vào)(?![\w-])|(?<![\w-])và\s+(?=[a-zđà-ỹ])")
# Words of titles and bodies that never stand in a personal name.
_TITLE_WORDS = frozenset({"Ban", "Bí", "Chủ", "Trưởng", "Ủy", "Thành", "Tỉnh", "Đảng", "Bộ", "Phó", "Đại", "Chính",
                          "Trung", "Hội", "Sở", "Văn", "Tổng"}) - {"Văn", "Thành", "Trung"}
_HARD_BOUNDARY = re.compile(r"[;:()\"“”!?]|\s[-–]\s")
_PAREN_TAIL = re.compile(r"\s*\(([^()]*)\)\s*$")
_PAREN_RE = re.compile(r"\([^()]{1,40}\)")
_PLURAL_RE = re.compile(r"(?<!\w)các\s+$")
_DASH_RE = re.compile(r"\s*[-–]\s+")
_COMMA_RE = re.compile(r"\s*,\s*")
_PIECE_END_RE = re.compile(r"[,;:.!?]|\s[-–]\s")
_AND_RE = re.compile(r"\s*(?:,|và)\s*")
# Two or more capitalised words (CAP_WORD_RE) one space apart.
_CAP_RUN_RE = re.compile(CAP_WORD_RE.pattern + "(?: " + CAP_WORD_RE.pattern + ")+")


@dataclass
class NameSpan:
    """A personal name in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    foreign: bool


@dataclass
class TitleSeg:
    """One title of a chain, as written: "Phó Bí thư Thường trực Thành ủy Hà Nội"."""

    start: int
    end: int
    text: str
    head: TitleHead
    rest: str  # what follows the head: the body as written ("Thành ủy Hà Nội")
    hint: str = ""  # a parenthetical after it, "(Lào)"
    via: str = "explicit"  # explicit | list_header | dash | led


@dataclass
class Person:
    """A name and the titles the sentence gives it."""

    name: NameSpan
    titles: list[TitleSeg] = field(default_factory=list)
    header: list[TitleSeg] = field(default_factory=list)
    anchored: bool = False  # a title, rank, honorific or degree stands next to it
    plural: bool = False  # the titles were written for several names ("các Phó Chủ tịch ...")

    @property
    def chain(self) -> list[TitleSeg]:
        return [*self.header, *self.titles]


def find_names(s: str, lex: Lexicon) -> list[NameSpan]:
    """Personal names: runs of capitalised syllables that are not places or titles.

    A Vietnamese name opens with a family name from the gazetteer; a foreign one is
    two or more capitalised words spelt as foreign words. Places are taken first so
    that "Hà Nội" is never read as a person called Hà.
    """
    # One pass over the capitalised words: drop all-capital abbreviations and words inside a
    # place (both lists are in text order, so one pointer walks the places), and group the rest
    # into runs of words one space apart.
    places = lex.places_in(s)
    n_places, k = len(places), 0
    runs: list[list[tuple[int, int, str]]] = []
    # Only words in a stretch of two or more capitalised words one space apart can be in a run:
    # the others are not visited one by one.
    for cand in _CAP_RUN_RE.finditer(s):
        run: list[tuple[int, int, str]] = []
        prev_end = -2
        st = cand.start()
        for w in cand.group(0).split(" "):
            en = st + len(w)
            skip = len(w) > 1 and w.isupper()
            if not skip and n_places:
                while k < n_places and places[k].end <= st:
                    k += 1
                skip = _blocked(places, k, st)
            if not skip:
                if run and st == prev_end + 1:
                    run.append((st, en, w))
                else:
                    if len(run) > 1:
                        runs.append(run)
                    run = [(st, en, w)]
                prev_end = en
            st = en + 1
        if len(run) > 1:
            runs.append(run)
    out: list[NameSpan] = []
    not_name, surnames = lex.not_name, lex.surnames
    for run in runs:
        while run and run[0][2] in not_name and run[0][2] not in surnames:
            run = run[1:]
        if len(run) < 2:
            continue
        words = [w for _, _, w in run]
        # "Đoàn Đại biểu": the last capitalised word opens a compound with the next word.
        last_end = run[-1][1]
        nxt = WORD_RE.match(s, last_end + 1) if s[last_end:last_end + 1] == " " else None
        if nxt and f"{fold(words[-1])} {fold(nxt.group(0))}" in lex.compounds:
            run, words = run[:-1], words[:-1]
            if len(run) < 2:
                continue
        if words[0] in surnames and not any(looks_foreign(w) and "-" in w for w in words):
            run, words = run[:5], words[:5]
            if any(w in _TITLE_WORDS for w in words):
                continue
            out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=False))
        elif sum(looks_foreign(w) for w in words) * 2 >= len(words) and not any(w in not_name for w in words):
            out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=True))
    # Eponyms are historical figures ("Chủ tịch Hồ Chí Minh cùng Chủ tịch Kay-xỏn Phôm-vi-hẳn dày công
    # vun đắp ...") or parts of institution names: never officials taking part in today's events.
    return [n for n in out if fold(n.text) not in lex.eponyms]


def _blocked(places: list[PlaceMatch], k: int, pos: int) -> bool:
    """Whether ``pos`` lies inside one of ``places[k:]`` (sorted by start; all before ``k`` end by ``pos``)."""
    n = len(places)
    while k < n:
        p = places[k]
        if p.start > pos:
            return False
        if pos < p.end:
            return True
        k += 1
    return False


def _is_place_note(text: str, lex: Lexicon) -> bool:
    """"(Lào)", "(CHDCND)": a parenthetical that only names a place or country."""
    ps = lex.places_in(text)
    return bool(ps) and not text.replace(ps[0].text, "").strip(" ,-")


def _strip_tail(text: str) -> tuple[str, str]:
    m = _PAREN_TAIL.search(text)
    if m:
        return text[:m.start()], m.group(1)
    return text, ""


def _segment(s: str, a: int, b: int, lex: Lexicon, *, cut_stop: bool) -> TitleSeg | None:
    """The title written in ``s[a:b]`` if it opens with a title head."""
    while a < b and s[a] in " ,":
        a += 1
    hit = lex.title_at(s, a)
    if hit is None or hit[1].end() > b:
        return None
    head, m = hit
    end = b
    if cut_stop:
        stop = _STOP_RE.search(s, m.end(), b)
        if stop:
            end = stop.start()
    if cut_stop:
        # "Bí thư Thành ủy Hà Nội dẫn đầu": lowercase words after the closing place are the predicate.
        places = lex.places_in(s[m.end():end])
        if places:
            tail = s[m.end() + places[-1].end:end]
            words = tail.split()
            if words and all(w[0].islower() for w in words) and words[0] not in ("sang", "tại", "của", "thuộc",
                                                                                  "về", "thành", "phố", "tỉnh"):
                end = m.end() + places[-1].end
    raw = s[a:end].rstrip(" ,.")
    text, hint = _strip_tail(raw)
    rest = text[m.end() - a:].strip()
    return TitleSeg(a, a + len(raw), text, head, rest, hint)


def _last_title_start(s: str, a: int, b: int, lex: Lexicon) -> int | None:
    """Where the title closest to a name begins in ``s[a:b]``: after the last predicate."""
    lo = a
    for st in _STOP_RE.finditer(s, a, b):
        lo = st.end()
    for m in lex.title_re.finditer(s, lo, b):
        return m.start()
    return None


def _continuation(s: str, a: int, b: int, lex: Lexicon) -> bool:
    """A comma piece that continues a body's name ("..., Thanh tra Chính phủ Thủ đô Viêng Chăn")."""
    piece = s[a:b]
    return bool(lex.body_start_re.match(piece)) and bool(lex.places_in(piece)) and not lex.title_re.match(
        piece.strip())


def place_notes(s: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of the "(Lào)"-like parentheticals of a sentence (they do not break a title chain)."""
    if "(" not in s:
        return []
    return [(m.start(), m.end()) for m in _PAREN_RE.finditer(s) if _is_place_note(s[m.start() + 1:m.end() - 1], lex)]


def pre_chain(s: str, lo: int, ns: int, lex: Lexicon,
              soft: list[tuple[int, int]] | None = None) -> tuple[list[TitleSeg], bool, bool]:
    """Titles written before the name at ``ns``: (titles, anchored, plural). ``soft``: the
    sentence's :func:`place_notes`, when the caller has them."""
    if soft is None:
        soft = place_notes(s, lex)
    for m in _HARD_BOUNDARY.finditer(s, lo, ns):
        if not any(a <= m.start() < b for a, b in soft):
            lo = m.end()
    text = s[lo:ns]
    anchored = bool(lex.honorific_re.search(text) or lex.rank_re.search(text[-25:]))
    pieces: list[tuple[int, int]] = []
    start = lo
    for i, ch in enumerate(text):
        if ch == ",":
            pieces.append((start, lo + i))
            start = lo + i + 1
    pieces.append((start, ns))
    segs: list[TitleSeg] = []
    pending: tuple[int, int] | None = None
    a, b = pieces[-1]
    t0 = _last_title_start(s, a, b, lex)
    if t0 is None:
        if len(pieces) > 1 and _continuation(s, a, b, lex):
            pending = (a, b)
        else:
            return [], anchored, False
    else:
        seg = _segment(s, t0, b, lex, cut_stop=False)
        if seg is None or (seg.end < b - 1 and s[seg.end:b].strip()):
            return [], anchored, False
        segs.append(seg)
        pieces = pieces[:-1]
        plural = bool(_PLURAL_RE.search(s[max(lo, t0 - 6):t0]))
        if plural:
            return segs, True, True
    if pending:
        pieces = pieces[:-1]
    for a, b in reversed(pieces):
        seg = _segment(s, a, b, lex, cut_stop=False)
        if seg is None or s[seg.end:b].strip():
            t0 = _last_title_start(s, a, b, lex)
            if t0 is not None and not pending:
                seg2 = _segment(s, t0, b, lex, cut_stop=False)
                if seg2 and not s[seg2.end:b].strip():
                    segs.insert(0, seg2)
            break
        if pending:
            merged = _segment(s, seg.start, pending[1], lex, cut_stop=False)
            if merged is None or lex.places_in(seg.text):
                break
            seg = merged
            pending = None
        segs.insert(0, seg)
    return segs, anchored or bool(segs), False


def post_chain(s: str, ne: int, hi: int, lex: Lexicon, names: list[NameSpan]) -> tuple[list[TitleSeg], int]:
    """Titles after the name: ", Ủy viên Bộ Chính trị, Bí thư Thành ủy" or " - Trưởng đoàn ...". Returns the end."""
    segs: list[TitleSeg] = []
    pos = ne
    name_starts = [n.start for n in names if n.start >= ne]
    limit = min([hi, *name_starts])
    dash = _DASH_RE.match(s[pos:limit])
    if dash:
        a = pos + dash.end()
        b = _piece_end(s, a, limit)
        seg = _segment(s, a, b, lex, cut_stop=True)
        if seg is None:
            return segs, pos
        # A dash role may run on over commas: "- Phó Bí thư ... công tác Đảng, công tác cán bộ ... tỉnh X".
        while b < limit and s[b] == "," and seg.end == b:
            b2 = _piece_end(s, b + 1, limit)
            piece = s[b + 1:b2]
            if lex.title_re.match(piece.strip()) or not lex.places_in(piece):
                break
            cand = _segment(s, seg.start, b2, lex, cut_stop=False)
            stop = _STOP_RE.search(s, b + 1, b2)
            if cand is None or (stop and stop.start() < b + 2):
                break
            if stop:
                cand = _segment(s, seg.start, stop.start(), lex, cut_stop=False)
                if cand is None or not lex.places_in(s[b + 1:stop.start()]):
                    break
            seg, b = cand, b2
        seg.via = "dash"
        segs.append(seg)
        return segs, seg.end
    while True:
        m = _COMMA_RE.match(s[pos:limit])
        if not m:
            break
        a = pos + m.end()
        b = _piece_end(s, a, limit)
        if b == limit and limit in name_starts and not _STOP_RE.search(s, a, b):
            break  # the piece right before the next name is that name's title
        seg = _segment(s, a, b, lex, cut_stop=True)
        if seg is None:
            if segs and not segs[-1].hint and _continuation(s, a, b, lex) and not lex.places_in(segs[-1].text):
                nxt = _COMMA_RE.match(s[b:limit])
                if b >= limit or (nxt and lex.title_re.match(s, b + nxt.end())):
                    merged = _segment(s, segs[-1].start, b, lex, cut_stop=True)
                    if merged:
                        segs[-1] = merged
                        pos = merged.end
                        continue
            break
        segs.append(seg)
        pos = seg.end
        if seg.end < b and s[seg.end:b].strip(" ()"):
            break  # the chain ended inside this piece ("... Thành ủy La Habana bày tỏ ...")
    return segs, pos


def _piece_end(s: str, a: int, limit: int) -> int:
    m = _PIECE_END_RE.search(s, a, limit)
    return m.start() if m else limit


_LED_RE = re.compile(r"\s*,?\s*làm\s+[Tt]rưởng\s+[Đđ]oàn\b")
_DELEGATION_BEFORE_DO = re.compile(
    r"(?<![\w-])[Đđ]oàn\s+(?:đại biểu|Đại biểu|công tác)[^,;:()]*?(?=\s*(?:\([^()]*\))?\s*,?\s*do\s)")


def _led_delegation(s: str, chain_start: int, chain_end: int, lex: Lexicon) -> TitleSeg | None:
    """"Đoàn đại biểu X, do đồng chí A, ... làm Trưởng đoàn": A heads that delegation."""
    if not _LED_RE.match(s, chain_end):
        return None
    hits = [m for m in _DELEGATION_BEFORE_DO.finditer(s, 0, chain_start)
            if re.fullmatch(r"\s*(?:\([^()]*\))?\s*,?\s*do\s+(?:(?:đồng chí|ông|bà|Ngài)\s+)?", s[m.end():chain_start])
            or re.fullmatch(r"\s*(?:\([^()]*\))?\s*,?\s*do\s+.*", s[m.end():chain_start])]
    if not hits:
        return None
    m = hits[-1]
    starts = [x.start() for x in re.finditer(r"[Đđ]oàn\s+(?:đại biểu|Đại biểu|công tác)", m.group(0))]
    phrase = m.group(0)[starts[-1]:].strip()
    head = lex.title_by_fold[fold("Trưởng đoàn")]
    rest = phrase.split(None, 1)[1] if len(phrase.split(None, 1)) > 1 else ""
    return TitleSeg(m.start() + starts[-1], m.end(), "Trưởng đoàn", head, rest, via="led")


def list_headers(s: str, lex: Lexicon) -> list[tuple[int, int, list[TitleSeg]]]:
    """"các đồng chí Ủy viên Ban Thường vụ Thành ủy Hà Nội: A, B, C": (from, to, header titles)."""
    out = []
    for m in re.finditer(":", s):
        lo = max(s.rfind(";", 0, m.start()), 0)
        t0 = _last_title_start(s, lo, m.start(), lex)
        if t0 is None:
            continue
        seg = _segment(s, t0, m.start(), lex, cut_stop=True)
        if seg is None or s[seg.end:m.start()].strip():
            continue
        seg.via = "list_header"
        end = s.find(";", m.end())
        out.append((m.end(), end if end >= 0 else len(s), [seg]))
    return out


def read_people(s: str, lex: Lexicon) -> list[Person]:
    """Every named person in a sentence with the titles written for them."""
    names = find_names(s, lex)
    if not names:
        return []
    headers = list_headers(s, lex)
    people: list[Person] = []
    lo = 0
    soft = place_notes(s, lex)  # once per sentence, not per name
    for i, n in enumerate(names):
        segs, anchored, plural = pre_chain(s, lo, n.start, lex, soft)
        p = Person(n, titles=segs, anchored=anchored, plural=plural)
        for a, b, hdr in headers:
            if a <= n.start < b:
                p.header = hdr
                p.anchored = True
        hi = names[i + 1].start if i + 1 < len(names) else len(s)
        post, end = post_chain(s, n.end, hi, lex, names)
        p.titles.extend(post)
        p.anchored = p.anchored or bool(post)
        led = _led_delegation(s, min([n.start, *(t.start for t in segs)]), max(end, n.end), lex)
        if led is not None:
            p.titles.append(led)
        # "các Phó Chủ tịch UBND thành phố A, B và C": the plural title covers the names that follow.
        if not p.titles and people and people[-1].plural and _AND_RE.fullmatch(s[people[-1].name.end:n.start]):
            p.titles = list(people[-1].titles)
            p.plural = p.anchored = True
        people.append(p)
        lo = max(end, n.end)
    return people
