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
from interparty.loaders import dates, en, en_dates, en_gazetteer, facts, sources, vi, vi_events, vi_titles
from interparty.loaders.en_grammar import Grammar
from interparty.loaders.vi_lexicon import lexicon, matches_at

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None)

PIECES = ["Hà Nội", "Lào", "thành phố", "tỉnh", "TP.", "TP", "Hồ Chí Minh", "Viêng Chăn", "nước", "U Đôm Xay",
          "Đà Nẵng", "CHDCND Lào", "Sơn La", "Thủ đô", "Nguyễn Thị Tuyến", "Kay-xỏn", "ngày", "Sáng", "15", "7",
          "2024", "tháng", "/", "-", "–", ".", ",", "(", ")", "\n", " ", "  ", "\t", "\u00a0", "’s", "'", "“", "”",
          "…", "ThS", "PGS.", "TS", "tại", "March", "May", "Monday", "Plan No. 230-KH/TU", "Decision", "ô", "oà",
          "uỷ", "Ð", "đ", "a", "Z", "1", "_", "ǅ", "ẞ", "Ⅻ", "²", "𝐀", "\r", "\u200b", "\x07", "huyện", "xã",
          "Viêng Xay", "Sở Tài chính", "Bộ Tài chính", "Bộ Công Thương"]
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
