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

from interparty.loaders.facts import ASTRAL, bmp_letters, word_start_alternation
from interparty.loaders.facts import cfold as fold
from interparty.loaders.gazetteer import BodyName, TitleHead
from interparty.loaders.vi_lexicon import CAP_WORD_RE, WORD_RE, Lexicon, PlaceMatch, looks_foreign, upper_class

# Predicates and function words that end a title: "Bí thư Thành ủy La Habana bày tỏ ..." ("_" joins two words).
_STOP_WORDS = (
    "cho_biết nhấn_mạnh phát_biểu đã đang sẽ là có được bày_tỏ tiếp thăm dự làm do với cùng khẳng_định đánh_giá "
    "chủ_trì trao tặng gửi thay_mặt theo tin_tưởng mong_muốn đề_nghị chúc_mừng cảm_ơn giảng_bài hội_đàm hội_kiến "
    "gặp đón tham_dự tham_gia nhận chào ký khi vừa nay thì mà nhưng nên để vì trong qua về từ đến lên xuống ra vào")
# (?<![\w-])(?:cho biết|...|vào)(?![\w-])|(?<![\w-])và\s+(?=[a-zđà-ỹ\d]), see word_start_alternation
# ("và" before a lower-case word or a count: "... Đoàn Thanh niên tỉnh và 40 đoàn viên" ends the body)
_STOP_RE = re.compile(word_start_alternation(
    [re.escape(w.replace("_", " ")) + r"(?![\w-])" for w in _STOP_WORDS.split()] + [r"và\s+(?=[a-zđà-ỹ\d])"]))
# Lower-case words that go on with a body after a place or a committee head: not a predicate.
_NOT_PREDICATE = frozenset({"sang", "tại", "của", "thuộc", "về", "thành", "phố", "tỉnh", "huyện", "quận", "thị",
                            "xã", "phường", "nhân", "dân"})
# Words of titles and bodies that never stand in a personal name.
_TITLE_WORDS = frozenset({"Ban", "Bí", "Chủ", "Trưởng", "Ủy", "Thành", "Tỉnh", "Đảng", "Bộ", "Phó", "Đại", "Chính",
                          "Trung", "Hội", "Sở", "Văn", "Tổng"}) - {"Văn", "Thành", "Trung"}
# ... but for these, also given names, as the last syllable of a name of three or more with a family
# name first ("Phạm Minh Chính"; find_names has dropped a last word that opens "Chính ủy", "Đại biểu")
_GIVEN_TOO = frozenset({"Chính", "Đại"})
# [;:()"“”!?]|\s[-–]\s, opening with one class (the engine skips ahead to it): a white space
# (which the look-behind sees) goes on with a dash
_HARD_BOUNDARY = re.compile(r"[;:()\"“”!?\s](?:(?<!\s)|[-–]\s)")
_PAREN_TAIL = re.compile(r"\s*\(([^()]*)\)\s*$")
_PAREN_RE = re.compile(r"\([^()]{1,40}\)")
_PLURAL_RE = re.compile(r"(?<!\w)các\s+(?:đồng chí\s+)?$")
# "hai Phó Chủ tịch UBND tỉnh là A và B": a counted title, then "là" and the names
_COUNTED_RE = re.compile(r"(?<!\w)(?:các|hai|ba|bốn|năm)\s+(?:đồng chí\s+)?$", re.IGNORECASE)
_IS_TAIL = re.compile(r"\s+là\s*$")
_DASH_RE = re.compile(r"\s*[-–]\s+")
_COMMA_RE = re.compile(r"\s*,\s*")
_PIECE_END_RE = re.compile(r"[,;:.!?\s](?:(?<!\s)|[-–]\s)")  # [,;:.!?]|\s[-–]\s (see _HARD_BOUNDARY)
_AND_RE = re.compile(r"\s*(?:,|và)\s*")
_AND_END_RE = re.compile(r"\s+và\s*$")
# Two or more capitalised words (CAP_WORD_RE) one space apart.
_CAP_RUN_RE = re.compile(CAP_WORD_RE.pattern + "(?: " + CAP_WORD_RE.pattern + ")+")
# The same for text without characters beyond the BMP, several times faster: it opens with the
# capital (the engine skips to the next one in C) and looks behind it for the word's start; after
# " " the look-behinds always hold.
_BMP_UPPER = upper_class(bmp=True)
# (the letters, [^\W\d_], spelt out for the BMP as well: see bmp_letters)
_LETTER = bmp_letters()
_CAP_WORD_REST = _LETTER + "*(?:-" + _LETTER + "+)*"
_CAP_RUN_BMP = re.compile(_BMP_UPPER + "(?<!" + _LETTER + ".)(?<!" + _LETTER + "-.)" + _CAP_WORD_REST
                          + "(?: " + _BMP_UPPER + _CAP_WORD_REST + ")+")


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
    rank: str = ""  # a military or police rank written with the name ("Đại tá")

    @property
    def chain(self) -> list[TitleSeg]:
        return [*self.header, *self.titles]


def find_names(s: str, lex: Lexicon, bmp: bool = False) -> list[NameSpan]:
    """Personal names: runs of capitalised syllables that are not places or titles.

    ``bmp``: the caller knows that ``s`` has no :data:`ASTRAL` character (it has searched the
    whole document once, not each sentence).

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
    for cand in (_CAP_RUN_BMP if bmp or not ASTRAL.search(s) else _CAP_RUN_RE).finditer(s):
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
                if skip and en == cand.end() and _name_ends_in_place(run, st, prev_end, places[k], en, lex):
                    skip = False  # "Hà Thị Nga" is no one from Russia
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
            if run[0][2] in lex.weak_surnames and _vietnamese([w for _, _, w in run], lex):
                break  # "Từ Minh Thiện", but "Ông Nguyễn Văn A" is Mr Nguyễn Văn A
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
        # "H'Hen Niê" (Ê Đê, Gia Rai women): the apostrophe cut the name's first syllable off the run.
        st = run[0][0]
        h_prefix = "H" in s[max(0, st - 4):st] and _H_PREFIX.search(s, max(0, st - 4), st)  # (a test first)
        if h_prefix and len(words) <= 4 and not any(w in not_name for w in words):
            h = s.rindex("H", 0, st)
            out.append(NameSpan(h, run[-1][1], s[h:run[-1][1]], foreign=False))
            continue
        cut = _glued(words, lex)
        if cut:
            run, words = run[cut:], words[cut:]
            if len(run) < 2:
                continue
        if _vietnamese(words, lex):
            out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=False))
        elif words[0] in surnames and not any("-" in w for w in words) and len(words) > 5:
            run, words = run[:5], words[:5]
            if _vietnamese(words, lex):
                out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=False))
        elif (sum(len(w) > 1 and looks_foreign(w) for w in words) * 2 >= len(words)
              and not any(w in not_name for w in words)):  # (a letter alone is no sign: "Bờ Y")
            out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=True))
        elif (len(words) >= _LAO_SYLLABLES and words[0] not in surnames and any(looks_foreign(w) for w in words)
              and not any(w in not_name or "-" in w for w in words)):
            # "Sòn Xay Xi Phăn Đon": a Lao name written syllable by syllable, Vietnamese style
            out.append(NameSpan(run[0][0], run[-1][1], " ".join(words), foreign=True))
    # Eponyms are historical figures ("Chủ tịch Hồ Chí Minh cùng Chủ tịch Kay-xỏn Phôm-vi-hẳn dày công
    # vun đắp ...") or parts of institution names: never officials taking part in today's events.
    return [n for n in out if not lex.is_eponym(n.text)]


_LAO_SYLLABLES = 4  # a run this long that opens with no Vietnamese family name is a foreign name
_H_PREFIX = re.compile(r"(?<![\w-])H['’ʼ] ?$")
_PARTICLES = frozenset({"Y", "A"})  # "Y Biên Niê", "A Blêu": a particle, then the name and clan
# ... but "Y Dược", "Y Khoa", "Y Tế" (medicine) in institution names
_NOT_AFTER_PARTICLE = frozenset({"Dược", "Tế", "Khoa", "Học", "Sĩ", "Sỹ", "Bác"})


def _vietnamese(words: list[str], lex: Lexicon) -> bool:
    """Whether capitalised ``words`` read as a Vietnamese personal name (ethnic-minority names included).

    It opens with a family name from the gazetteer ("Nguyễn", "Lữ", "Ksor", "Y"), or has three or
    four syllables with "Văn" or "Thị" second ("Quàng Văn Hải" whatever the family name), or opens
    with a family name that is also a common word and has three or four syllables. No hyphenated
    (foreign) syllable, no title or body word, at most five syllables.
    """
    n = len(words)
    if n < 2 or n > 5 or any("-" in w or w in _TITLE_WORDS for w in words[:-1]) or "-" in words[-1]:
        return False
    first, not_name = words[0], lex.not_name
    if words[-1] in _TITLE_WORDS and not (words[-1] in _GIVEN_TOO and n >= 3 and first in lex.surnames):
        return False
    if first in _PARTICLES:
        return words[1] not in _NOT_AFTER_PARTICLE
    if first in lex.surnames:
        return True
    if n > 4 or n < 3:
        return False
    if words[1] in lex.name_markers and first not in not_name:
        return True
    return (first in lex.weak_surnames and words[1] not in lex.surnames
            and not any(w in not_name for w in words[1:] if w not in lex.name_markers))


def _clearly_vietnamese(words: list[str], lex: Lexicon) -> bool:
    """A Vietnamese name that no Lao or Khmer romanisation would give: "Văn"/"Thị" second or a
    syllable with Vietnamese tone marks."""
    return _vietnamese(words, lex) and (words[1] in lex.name_markers or not all(map(looks_foreign, words)))


def _glued(words: list[str], lex: Lexicon) -> int:
    """Where the person's name begins in a run that glues it to a word before it (0: it does not).

    "Lê Hồng Phong Trịnh Thu Hằng": an eponym, then the name; "Pắc-xế Lê Thị Kim Oanh": a place
    the gazetteer does not know, then the name; "A Lưới Nguyễn Văn Hải": a run too long for one
    name. The name is a clearly Vietnamese tail of two to four syllables opening with a family name.
    """
    n = len(words)
    if n < 3:
        return 0
    for k in lex.eponym_sizes:
        if k <= n - 2 and lex.is_eponym(" ".join(words[:k])):
            return k
    for k in lex.eponym_sizes:
        if 2 <= k < n and lex.is_eponym(" ".join(words[n - k:])):
            return n  # "Đường Hồ Chí Minh": named after an eponym, no person
    if _vietnamese(words, lex) and n < 5:
        return 0
    if words[0] not in lex.surnames and words[0] not in lex.weak_surnames:
        # a place, a foreign or a title word before: the first family name after it opens the name
        # (unless the words before carry a name's "Văn"/"Thị")
        for i in range(1, n - 1):
            if words[i] in lex.surnames and _clearly_vietnamese(words[i:], lex):
                return 0 if any(w in lex.name_markers for w in words[:i]) else i
        return 0
    if n >= 5:
        for i in range(n - 3, 1, -1):
            if words[i] in lex.surnames and _clearly_vietnamese(words[i:], lex):
                return i
    return 0


def _name_ends_in_place(run: list[tuple[int, int, str]], st: int, prev_end: int, place: PlaceMatch, en: int,
                        lex: Lexicon) -> bool:
    """Whether the one-word place at ``st`` (a bare "Nga", "Huế") closes the name the run began
    ("Hà Thị Nga", "Nguyễn Văn Huế"): two or three syllables before it, one space apart, with a
    family name first or "Văn"/"Thị" second (an honorific may open the run: "Bà Hà Thị Nga")."""
    if not (len(run) >= 2 and st == prev_end + 1 and place.start == st and place.end == en):
        return False
    return any(run[-k][2] in lex.surnames or run[-k + 1][2] in lex.name_markers
               for k in (3, 2) if k <= len(run) and (k == len(run) or run[-k - 1][2] in lex.not_name))


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
    if not text.rstrip().endswith(")"):  # (what _PAREN_TAIL needs: a search tries every position)
        return text, ""
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
        stop = _stop(s, m.end(), b, lex)
        if stop:
            end = stop.start()
    tail_word = s[m.end():end].rsplit(None, 1)[-1:] if cut_stop else None
    # (what follows the last place must be lowercase words, so must the last word: else no search)
    if tail_word and tail_word[0][0].islower():
        # "Bí thư Thành ủy Hà Nội dẫn đầu": lowercase words after the closing place are the predicate;
        # so are they after a committee that needs a place and has none ("... Tỉnh ủy trình bày") or
        # a country's ("Phó Trưởng Ban Đối ngoại Trung ương dẫn đầu").
        places = lex.places_in(s[m.end():end])
        if places:
            closing = m.end() + places[-1].end
        else:
            closing_heads = [h for h in lex.body_re.finditer(s, m.end(), end) if lex.closing_head(h.group(1))]
            closing = closing_heads[-1].end() if closing_heads else -1
        if closing >= 0:
            words = s[closing:end].split()
            if words and all(w[0].islower() for w in words) and words[0] not in _NOT_PREDICATE \
                    and not _in_body_name(s, closing, lex):  # "Mặt trận Lào xây dựng đất nước"
                end = closing
    raw = s[a:end].rstrip(" ,.")
    text, hint = _strip_tail(raw)
    rest = text[m.end() - a:].strip()
    return TitleSeg(a, a + len(raw), text, head, rest, hint)


def _last_title_start(s: str, a: int, b: int, lex: Lexicon) -> int | None:
    """Where the title closest to a name begins in ``s[a:b]``: after the last predicate."""
    lo = a
    spans = lex.body_name_spans(s)  # (fetched once for every stop; most sentences have none)
    for st in _STOP_RE.finditer(s, a, b):
        if not _within(spans, st.start()):
            lo = st.end()
    m = lex.title_re.search(s, lo, b)
    return m.start() if m else None


def _in_body_name(s: str, pos: int, lex: Lexicon) -> bool:
    """Whether ``pos`` lies inside a body known by its full name ("Sở Văn hóa, Thể thao và Du
    lịch", "Sở Giáo dục và Đào tạo"): its commas and "và" do not end a title."""
    return _within(lex.body_name_spans(s), pos)


def _within(spans: list[tuple[int, int, BodyName]] | tuple[()], pos: int) -> bool:
    """Whether ``pos`` lies inside one of a sentence's :meth:`Lexicon.body_name_spans`."""
    return bool(spans) and any(a < pos < b for a, b, _ in spans)


def _stop(s: str, a: int, b: int, lex: Lexicon) -> re.Match[str] | None:
    """The first predicate or function word in ``s[a:b]`` that ends a title (not one inside a body's name)."""
    for stop in _STOP_RE.finditer(s, a, b):
        if not _in_body_name(s, stop.start(), lex):
            return stop
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
        if not any(a <= m.start() < b for a, b in soft) and not (m.end() < ns and _soft_dash(s, m, lex)):
            lo = m.end()
    text = s[lo:ns]
    anchored = bool(lex.honorific_at_end(text) or lex.rank_re.search(text[-25:]))
    pieces: list[tuple[int, int]] = []
    start = lo
    spans = lex.body_name_spans(s) if "," in text else ()
    c = s.find(",", lo, ns)
    while c >= 0:
        if not _within(spans, c):
            pieces.append((start, c))
            start = c + 1
        c = s.find(",", c + 1, ns)
    pieces.append((start, ns))
    segs: list[TitleSeg] = []
    pending: tuple[int, int] | None = None
    a, b = pieces[-1]
    if (rank := _rank_before(s, a, b, lex)) and s[a:(at := s.rindex(rank, a, b))].strip():
        # "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum Đại tá Trần Văn Phúc": the rank is no part of the title
        a, b = pieces[-1] = (a, at)
    tail = _IS_TAIL.search(s, a, b)
    t1 = _last_title_start(s, a, tail.start(), lex) if tail is not None else None
    if tail is not None and t1 is not None:
        seg = _segment(s, t1, tail.start(), lex, cut_stop=False)
        if seg is not None and not s[seg.end:tail.start()].strip() and _COUNTED_RE.search(s[max(lo, t1 - 16):t1]):
            return [seg], True, True
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
        plural = bool(_PLURAL_RE.search(s[max(lo, t0 - 16):t0]))
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


def post_chain(s: str, ne: int, hi: int, lex: Lexicon, names: list[NameSpan]) -> tuple[list[TitleSeg], int, str]:
    """Titles after the name: ", Ủy viên Bộ Chính trị, Bí thư Thành ủy" or " - Trưởng đoàn ...", and
    a rank written among them (", Đại tá, Chỉ huy trưởng ..."). Returns (titles, end, rank)."""
    segs: list[TitleSeg] = []
    rank = ""
    pos = ne
    name_starts = [n.start for n in names if n.start >= ne]
    limit = min([hi, *name_starts])
    if limit in name_starts:
        # "..., Tỉnh trưởng tỉnh Svay Rieng và Ngài Kim Sothea", "... tỉnh Kratie và Thiếu tướng Nhem
        # Sopheak": "và" and an honorific or a rank open the next person
        h = lex.honorific_at_end(s, pos, limit)
        cut = h.start(1) if h else limit
        if h is None and (rank_next := _rank_before(s, pos, limit, lex)):
            at = s.rindex(rank_next, pos, limit)
            if _AND_END_RE.search(s, pos, at):  # (a rank alone may close the title before it: "..., Chỉ huy
                cut = at                        # trưởng Bộ CHQS tỉnh Đại tá Lê Văn A" is A's)
        and_m = _AND_END_RE.search(s, pos, cut)
        cut = and_m.start() if and_m else cut
        if cut < limit and s[pos:cut].strip():
            limit = cut
    if _DASH_RE.match(s, pos, limit):
        seg = _dash_role(s, pos, limit, lex)
        if seg is None:
            return segs, pos, rank
        segs.append(seg)
        return segs, seg.end, rank
    while True:
        m = _COMMA_RE.match(s, pos, limit)
        if not m:
            # "..., Phó Trưởng ban Tổ chức Tỉnh ủy X - Trưởng đoàn học viên tỉnh X": a role after a dash
            # closes the chain
            if segs and _DASH_RE.match(s, pos, limit):
                seg = _dash_role(s, pos, limit, lex)
                if seg is not None:
                    segs.append(seg)
                    pos = seg.end
            break
        a = m.end()
        b = _piece_end(s, a, limit, lex)
        if b == limit and limit in name_starts and not _STOP_RE.search(s, a, b):
            break  # the piece right before the next name is that name's title
        seg = _segment(s, a, b, lex, cut_stop=True)
        if seg is None:
            r = lex.rank_re.fullmatch(s[a:b].strip())
            if r and not rank:
                rank, pos = r.group(1), b
                continue
            if segs and not segs[-1].hint and _continuation(s, a, b, lex) and not lex.places_in(segs[-1].text):
                nxt = _COMMA_RE.match(s, b, limit)
                if b >= limit or (nxt and lex.title_re.match(s, nxt.end())):
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
    return segs, pos, rank


def _dash_role(s: str, pos: int, limit: int, lex: Lexicon) -> TitleSeg | None:
    """The role written after a dash at ``pos``: " - Trưởng đoàn ..."."""
    dash = _DASH_RE.match(s, pos, limit)
    if not dash:
        return None
    a = dash.end()
    b = _piece_end(s, a, limit, lex)
    seg = _segment(s, a, b, lex, cut_stop=True)
    if seg is None:
        return None
    # A dash role may run on over commas: "- Phó Bí thư ... công tác Đảng, công tác cán bộ ... tỉnh X".
    while b < limit and s[b] == "," and seg.end == b:
        b2 = _piece_end(s, b + 1, limit, lex)
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
    return seg


def _piece_end(s: str, a: int, limit: int, lex: Lexicon | None = None) -> int:
    for m in _PIECE_END_RE.finditer(s, a, limit):
        if lex is None or not (_soft_dash(s, m, lex) or _in_body_name(s, m.start(), lex)):
            return m.start()
    return limit


def _soft_dash(s: str, m: re.Match[str], lex: Lexicon) -> bool:
    """A dash inside a name ("Vụ Tổ chức - Biên chế", "Hội Hữu nghị Việt Nam - Lào"), not between
    a title chain and a role or a next item: a capitalised word that opens no title follows it."""
    if m.group(0).strip() not in ("-", "–"):
        return False
    j = m.end()
    while j < len(s) and s[j] == " ":
        j += 1
    return j < len(s) and s[j].isupper() and not lex.title_re.match(s, j)


_LED_RE = re.compile(r"\s*,?\s*làm\s+[Tt]rưởng\s+[Đđ]oàn\b")
# "Đoàn đại biểu ...", "đoàn công tác ...", or "Đoàn" and a lower-case noun ("Đoàn học viên Lào"; not
# the family name in "Đoàn Văn Việt")
_DELEGATION_HEAD = r"(?:[Đđ]oàn\s+(?:đại biểu|Đại biểu|công tác)|Đoàn(?=\s+[a-zđà-ỹ]))"
_DELEGATION_BEFORE_DO = re.compile(
    r"(?<![\w-])" + _DELEGATION_HEAD + r"[^,;:()]*?(?=\s*(?:\([^()]*\))?\s*,?\s*do\s)")


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
    starts = [x.start() for x in re.finditer(_DELEGATION_HEAD, m.group(0))]
    phrase = m.group(0)[starts[-1]:].strip()
    head = lex.title_by_fold[fold("Trưởng đoàn")]
    rest = phrase.split(None, 1)[1] if len(phrase.split(None, 1)) > 1 else ""
    return TitleSeg(m.start() + starts[-1], m.end(), "Trưởng đoàn", head, rest, via="led")


def list_headers(s: str, lex: Lexicon, names: list[NameSpan] | None = None) -> list[tuple[int, int, list[TitleSeg]]]:
    """"các đồng chí Ủy viên Ban Thường vụ Thành ủy Hà Nội: A, B, C": (from, to, header titles).

    The list ends at the first ";", unless its items are themselves cut by ";" ("các đồng chí
    Phó Bí thư Tỉnh ủy: A, Chủ tịch UBND tỉnh; B, Chủ tịch HĐND tỉnh"): a first item with one
    name, and each further item written the same way (the name first, or a title first) with one.
    """
    out = []
    colon = s.find(":")
    while colon >= 0:
        at, colon = colon, s.find(":", colon + 1)
        lo = max(s.rfind(";", 0, at), 0)
        t0 = _last_title_start(s, lo, at, lex)
        if t0 is None:
            continue
        seg = _segment(s, t0, at, lex, cut_stop=True)
        if seg is None or s[seg.end:at].strip():
            continue
        seg.via = "list_header"
        end = s.find(";", at + 1)
        end = end if end >= 0 else len(s)
        if names and end < len(s) and _PLURAL_RE.search(s, max(lo, t0 - 16), t0):
            end = _semicolon_items(s, at + 1, end, lex, names)  # "các đồng chí Phó Bí thư Tỉnh ủy: A, ...; B, ..."
        out.append((at + 1, end, [seg]))
    return out


def _semicolon_items(s: str, a: int, end: int, lex: Lexicon, names: list[NameSpan]) -> int:
    """Where a list whose first item is ``s[a:end]`` ends when its items are cut by ";"."""
    shape = _item_shape(s, a, end, lex, names)
    if shape is None:
        return end
    while end < len(s) and s[end] == ";":
        nxt = s.find(";", end + 1)
        nxt = nxt if nxt >= 0 else len(s)
        if _item_shape(s, end + 1, nxt, lex, names) != shape:
            break
        end = nxt
    return end


def _item_shape(s: str, a: int, b: int, lex: Lexicon, names: list[NameSpan]) -> str | None:
    """"name" for an item "A, Chủ tịch UBND tỉnh", "title" for "Chủ tịch UBND tỉnh A"; None for
    anything else (no name or several, an honorific first)."""
    inside = [n for n in names if a <= n.start < b]
    if len(inside) != 1:
        return None
    lead = s[a:inside[0].start].strip()
    if not lead:
        return "name"
    return "title" if lex.title_re.match(lead) else None


def _rank_before(s: str, lo: int, ns: int, lex: Lexicon) -> str:
    """A rank written right before the name ("Đại tá Nguyễn Hữu Nghĩa", "Thiếu tướng, PGS, TS ...")."""
    text = s[max(lo, ns - 40):ns]
    found = lex.rank_re.findall(text)
    if not found:
        return ""
    rank = found[-1]
    return rank if not text[text.rindex(rank) + len(rank):].strip(" ,") else ""


def read_people(s: str, lex: Lexicon, bmp: bool = False) -> list[Person]:
    """Every named person in a sentence with the titles written for them (``bmp``: see :func:`find_names`)."""
    names = find_names(s, lex, bmp)
    if not names:
        return []
    headers = list_headers(s, lex, names)
    people: list[Person] = []
    lo = 0
    soft = place_notes(s, lex)  # once per sentence, not per name
    for i, n in enumerate(names):
        segs, anchored, plural = pre_chain(s, lo, n.start, lex, soft)
        # "Đại tá Nguyễn Hữu Nghĩa", "Đại tá, Chính ủy Bộ Chỉ huy Quân sự tỉnh Nguyễn Văn A"
        rank = _rank_before(s, lo, n.start, lex) or (_rank_before(s, lo, segs[0].start, lex) if segs else "")
        p = Person(n, titles=segs, anchored=anchored, plural=plural, rank=rank)
        for a, b, hdr in headers:
            if a <= n.start < b:
                p.header = hdr
                p.anchored = True
        hi = names[i + 1].start if i + 1 < len(names) else len(s)
        post, end, rank = post_chain(s, n.end, hi, lex, names)
        p.titles.extend(post)
        p.rank = p.rank or rank
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
