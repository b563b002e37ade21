"""The loader's fast paths give exactly what the plain definitions they stand for give.

Each speed-up (a regex that lets the engine skip ahead, a cue that rules a regex out, a BMP-only
character class, a test that spares a substitution, one tokenisation per document) is checked
against its reference on random text built from the characters and words that make the
differences. The references are the straightforward versions the fast paths replaced.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from interparty.graph import normalize
from interparty.loaders import dates, en, en_dates, en_gazetteer, facts, sources, vi, vi_bodies, vi_events, vi_titles
from interparty.loaders.en_grammar import Grammar
from interparty.loaders.vi_lexicon import _ANY_UPPER, eponym_key, lexicon, matches_at

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None)

PIECES = ["Hà Nội", "Lào", "thành phố", "tỉnh", "TP.", "TP", "Hồ Chí Minh", "Viêng Chăn", "nước", "U Đôm Xay",
          "Đà Nẵng", "CHDCND Lào", "Sơn La", "Thủ đô", "Nguyễn Thị Tuyến", "Kay-xỏn", "ngày", "Sáng", "15", "7",
          "2024", "tháng", "/", "-", "–", ".", ",", "(", ")", "\n", " ", "  ", "\t", "\u00a0", "’s", "'", "“", "”",
          "…", "ThS", "PGS.", "TS", "tại", "March", "May", "Monday", "Plan No. 230-KH/TU", "Decision", "ô", "oà",
          "uỷ", "Ð", "đ", "a", "Z", "1", "_", "ǅ", "ẞ", "Ⅻ", "²", "𝐀", "\r", "\u200b", "\x07", "huyện", "xã",
          "Viêng Xay", "Sở Tài chính", "Bộ Tài chính", "Bộ Công Thương", "Tỉnh ủy", "đã", "và", "là", "làm", "cho biết",
          "Đại tá", "Thiếu tướng", "HĐND", "UBND", "BCH Quân sự", "ông", "các đồng chí", "Đồng chí", "ngài", "–", "!",
          "ăâđêôơư", "Chăn", "Lào Cai", "Quảng Trị", "Ủy", "ban", "0", "ſ", "3/2/2024", "Xiêng Khoảng", "\u2212",
          "|", "![", "](", "]", ".jpg", ".PNG", "ảnh.webp", "x.gif",
          "ủy ban nhân dân", "ỦY BAN", "Ban Chấp hành", "bộ", "SỞ", "Học viện", "đoàn", "ſở"]
text = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)
bmp_text = text.filter(lambda t: not facts.ASTRAL.search(t))

# ---------------------------------------------------------------- the references

SENTENCE_END = re.compile(r"[.!?…]([\"”’)]*\s+)(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9])|\n+")
VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
TOKEN_RE = re.compile(r"[^\W_](?:[\w\-]|[’'](?=\w)(?!s\b))*|[’']s\b|[^\w\s]")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for wrong, right in normalize._LOOKALIKES:
        text = text.replace(wrong, right)
    text = normalize._INVISIBLE_RE.sub("", text)
    text = normalize._TONE_RE.sub(normalize._retone, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return normalize._SPACE_RE.sub(" ", text)


def fold_cleaned(text: str) -> str:
    text = normalize._DASH_RE.sub("-", text).casefold()
    return " ".join(normalize._TONE_RE.sub(normalize._retone, text).split())


STOP_RE = re.compile(
    r"(?<![\w-])(?:cho biết|nhấn mạnh|phát biểu|đã|đang|sẽ|là|có|được|bày tỏ|tiếp|thăm|dự|làm|do|với|cùng|"
    r"khẳng định|đánh giá|chủ trì|trao|tặng|gửi|thay mặt|theo|tin tưởng|mong muốn|đề nghị|chúc mừng|"
    r"cảm ơn|giảng bài|hội đàm|hội kiến|gặp|đón|tham dự|tham gia|nhận|chào|ký|khi|vừa|nay|thì|mà|nhưng|"
    r"nên|để|vì|trong|qua|về|từ|đến|lên|xuống|ra|vào)(?![\w-])|(?<![\w-])và\s+(?=[a-zđà-ỹ])")
HARD_BOUNDARY = re.compile(r"[;:()\"“”!?]|\s[-–]\s")
PIECE_END = re.compile(r"[,;:.!?]|\s[-–]\s")
FULL_DATE = re.compile(r"(?<![\w/-])(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})(?![\d/-])")


def words_re(items: list[str], tail: str = r"(?![\w-])") -> re.Pattern[str]:
    alt = "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(" + alt + ")" + tail)


def guess_lang(text: str) -> str:
    words = sources._WORD_RE.findall(text[:4000])
    vi_words = sum(map(bool, map(VI_LETTERS.search, words)))
    return "vi" if words and vi_words / len(words) > 0.2 else "en"


# ---------------------------------------------------------------- the checks

@SETTINGS
@given(text)
def test_clean_fold_and_language(t: str) -> None:
    assert normalize.clean(t) == clean(t)
    assert normalize.fold_cleaned(clean(t)) == fold_cleaned(clean(t))
    assert sources.guess_lang(t) == guess_lang(t)


@SETTINGS
@given(text)
def test_sentence_breaks(t: str) -> None:
    def breaks(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
        return [(m.span(), m.span(1)) for m in rx.finditer(t)]

    assert breaks(facts._SENTENCE_END) == breaks(SENTENCE_END)


@SETTINGS
@given(bmp_text)
def test_capitalised_runs_within_the_bmp(t: str) -> None:
    fast, full = vi_titles._CAP_RUN_BMP, vi_titles._CAP_RUN_RE
    assert [m.span() for m in fast.finditer(t)] == [m.span() for m in full.finditer(t)]


@SETTINGS
@given(text)
def test_regexes_tried_only_where_a_match_can_begin(t: str) -> None:
    lex = lexicon()
    for starts, rx in ((lex._place_starts, lex.place_re), (lex._loose_starts, lex._loose_place_re),
                       (lex._body_name_starts, lex.body_name_re)):
        assert [m.span() for m in matches_at(starts, rx, t)] == [m.span() for m in rx.finditer(t)]


@SETTINGS
@given(text)
def test_cued_rules_find_what_the_bare_regexes_find(t: str) -> None:
    for rule in (vi._DEGREE_RE, vi_events._TAI_RE, en_dates.DATE_RE, en.PLAN_RE):
        assert rule.cased
        assert [m.span() for m in rule.finditer(t, "")] == [m.span() for m in rule.rx.finditer(t)]
    # find_dates runs the day-month patterns only where their cue is
    for rule in (dates._DAY_RANGE, dates._SINGLE, dates._FULL):
        assert all(dates._DM_CUE.search(m.group(0)) for m in rule.rx.finditer(t))
    assert all(dates._DM_DOT_CUE.search(m.group(0)) for m in dates._SINGLE_DOT.rx.finditer(t))


@SETTINGS
@given(text)
def test_one_tokenisation_serves_every_sentence(t: str) -> None:
    t = normalize.clean(t)
    assert [m.span() for m in en_gazetteer.TOKEN_RE.finditer(t)] == [m.span() for m in TOKEN_RE.finditer(t)]
    whole = en_gazetteer.tokenize(t)
    for s, e in facts.sentence_spans(t):
        assert [x for x in whole if s <= x.start < e] == en_gazetteer.tokenize(t[s:e], s)


@SETTINGS
@given(text)
def test_openers_hold_every_title_name_and_body(t: str) -> None:
    t = normalize.clean(t)
    toks = en_gazetteer.tokenize(t)
    gr = Grammar(en_gazetteer.gazetteer(), t, toks)
    titles, bodies = set(gr.openers()), set(gr.body_openers())
    for i in range(len(toks)):
        if gr.title(i) is not None or gr.name(i) is not None:
            assert i in titles
        if gr.body(i) is not None or gr.body(i, allow_anaphor=False) is not None:
            assert i in bodies


@SETTINGS
@given(text)
def test_word_regexes_written_letter_first(t: str) -> None:
    def spans(rx: re.Pattern[str]) -> list[tuple[tuple[int, int], ...]]:
        return [tuple(m.span(g) for g in range(rx.groups + 1)) for m in rx.finditer(t)]

    lex = lexicon()
    g = lex.g
    assert spans(vi_titles._STOP_RE) == spans(STOP_RE)
    assert spans(vi_titles._HARD_BOUNDARY) == spans(HARD_BOUNDARY)
    assert spans(vi_titles._PIECE_END_RE) == spans(PIECE_END)
    assert spans(dates._FULL.rx) == spans(FULL_DATE)
    assert spans(lex.rank_re) == spans(words_re(g.ranks))
    assert spans(lex.degree_re) == spans(words_re(g.degrees, r"(?=\s)"))
    assert spans(lex.abbrev_re) == spans(words_re(list(g.abbreviations)))
    body_re = re.compile(words_re([b.head for b in lex.body_heads]).pattern, re.IGNORECASE)
    assert spans(lex.body_re) == spans(body_re)


@SETTINGS
@given(text, st.integers(0, 40), st.integers(0, 60))
def test_honorific_searched_near_the_end(t: str, pos: int, end: int) -> None:
    lex = lexicon()
    for a, b in ((0, None), (pos, end), (pos, None)):
        fast = lex.honorific_at_end(t, a, b)
        plain = lex.honorific_re.search(t, a, len(t) if b is None else b)
        assert (fast and fast.span(1)) == (plain and plain.span(1))



@SETTINGS
@given(text)
def test_places_searched_from_the_first_candidate(t: str) -> None:
    lex = lexicon()
    assert not (t.islower() and _ANY_UPPER.search(t))  # (no place in lower-case text)
    first = lex._loose_starts.search(t)
    if first is not None:
        assert [m.span() for m in matches_at(lex._loose_starts, lex._loose_place_re, t, first.start())] == [
            m.span() for m in lex._loose_place_re.finditer(t)]


@SETTINGS
@given(text)
def test_images_searched_for_only_where_a_file_is_named(t: str) -> None:
    rule = vi._IMAGE_RE if vi._IMAGE_EXT.search(t) else vi._LINK_RE
    assert [m.span() for m in rule.finditer(t)] == [m.span() for m in vi._IMAGE_RE.finditer(t)]


# Names and title texts: eponyms, parties, places and Lao/Khmer spellings among ordinary words.
NAME_PIECES = ["Hồ Chí Minh", "Kay-xỏn Phôm-vi-hẳn", "Cay-xỏn Phôm-vi-hản", "Xu-pha-nu-vông", "Võ Nguyên Giáp",
               "Lê Văn Tám", "Lê Văn Tâm", "Nguyễn", "Thị", "Hà", "Chăn", "Phôm", "KAY", "ǅ", "ẞ", "ſ", "Ð", "oà",
               "Đảng Nhân dân Cách mạng Lào", "Đảng Cộng sản Việt Nam", "đảng", "Trung ương", "tỉnh", "thành phố",
               "Viêng Chăn", "tỉnh-viêng-chăn", "Thủ đô", "Hà Nội", "Bộ Chỉ huy", "BĐBP", "Sở Y tế", "Học viện",
               "Chính trị", "khu vực III", " ", " ", "-", ",", "(Lào)", "và", "1", "ü", "é", "\u0301"]
name_text = st.lists(st.sampled_from(NAME_PIECES), max_size=8).map("".join)


@SETTINGS
@given(name_text)
def test_eponyms_ruled_out_from_their_letters(t: str) -> None:
    lex = lexicon()
    plain = facts.cfold(t) in lex.eponyms or (
        not ("-" not in t and t.split(" ", 1)[0] in lex.surnames) and eponym_key(t) in lex.eponym_keys)
    assert lex.is_eponym(t) == plain


@SETTINGS
@given(name_text)
def test_party_and_full_name_and_trailing_place_shortcuts(t: str) -> None:
    lex = lexicon()
    folded = facts.cfold(t)
    assert lex.party_of(folded) == next((c for f, c in lex.party_country.items() if f in folded), "")
    at_start = [(b, n) for a, b, n in lex.body_name_spans(t) if a == 0]
    assert lex.full_name_at_start(t) == (at_start[0] if at_start else None)
    ps = lex.places_in(t)
    plain = ps[-1] if ps and ps[-1].end >= len(t.rstrip()) else None
    assert vi_bodies._trailing_place(t, lex) == plain
