"""Dates as articles write them, resolved to ISO strings.

A date whose year is not written is resolved against the article's date and
flagged ``year_inferred``; without an article date it stays ``--MM-DD``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from interparty.loaders.facts import Cued, memo

_MONTHS_EN = {
    m: i
    for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"], 1
    )
}
_MONTHS_EN |= {m[:3]: i for m, i in list(_MONTHS_EN.items())}
_MONTHS_EN["sept"] = 9


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso(year: int | None, month: int, day: int) -> str | None:
    """ISO date, or ``--MM-DD`` without a year; None if the day cannot exist."""
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 Feb without a year is fine
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def parse_article_date(text: str | None) -> str | None:
    """The publication date from a header or meta tag: '15/07/2024 10:21', '2024-07-15T08:00', 'March 12, 2024'."""
    if not text:
        return None
    s = text.strip().casefold()
    if m := re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})", s):
        return iso(int(m[1]), int(m[2]), int(m[3]))
    if m := re.search(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b", s):
        return iso(int(m[3]), int(m[2]), int(m[1]))
    if (m := re.search(r"\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b", s)) and m[1] in _MONTHS_EN:
        return iso(int(m[3]), _MONTHS_EN[m[1]], int(m[2]))
    if (m := re.search(r"\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b", s)) and m[2] in _MONTHS_EN:
        return iso(int(m[3]), _MONTHS_EN[m[2]], int(m[1]))
    if m := re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", s):
        return iso(int(m[3]), int(m[2]), int(m[1]))
    return None


# ------------------------------------------------------------------ dates in the text

_PART = r"(?:(?:vào\s+)?(?:buổi\s+)?(?:rạng\s+sáng|sáng|chiều|tối|trưa|đêm|hôm)\s+(?:(?:nay|qua)\s+)?)"
_DM = r"(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/-])"
_DM_DOT = r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})(?!\d)"
# Each with its cues (see Cued): "ngày", a part of the day, the separators a date needs.
# ("từ 9 đến 11/4" without "ngày": not when a count of days or people follows, as in "từ 3 đến 5-7 ngày")
_DAY_RANGE = Cued(
    r"(?<![\w/-])(?:" + _PART + r"?(?:từ\s+)?(?:hai\s+|ba\s+|các\s+)?ngày\s+|từ\s+)"
    r"(\d{1,2})(?:\s*[/-]\s*(\d{1,2}))?(?:\s*[/-]\s*(\d{4}))?"
    r"\s*(?:(?:đến|tới|và)\s+|[-–]\s*)(?:hết\s+)?(?:ngày\s+)?" + _DM + r"(?!\s*(?:ngày|tuần|giờ|phút|người|%))",
    ("ngày", "từ"), re.IGNORECASE,
)
# ("Sáng nay (15/3)", "Chiều qua (14/3)": the day in brackets after the part of the day)
_SINGLE = Cued(r"(?<![\w/-])(?:" + _PART + r"(?:\(\s*)?(?:ngày\s+)?|(?:ngày|hôm)\s+)" + _DM,
              ("ngày", "hôm", "sáng", "chiều", "tối", "trưa", "đêm"), re.IGNORECASE)
# (?<![\w/-])(\d{1,2}) written with the digit first and the look-behind after it: the engine skips ahead to digits
_FULL = Cued(r"(\d(?<![\w/-].)\d?)\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})(?![\d/-])", ("/", "-"))
_SINGLE_DOT = Cued(r"(?<![\w.])(?:" + _PART + r"?(?:ngày\s+)?)" + _DM_DOT, (".",), re.IGNORECASE)
_WORDY = Cued(r"(?<!\w)(?:" + _PART + r"?ngày\s+)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?",
              ("tháng",), re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# What every match of the patterns ending in _DM (_DAY_RANGE, _SINGLE, _FULL), resp. _DM_DOT, holds:
# a sentence without it is not searched with them. (They open with a digit: the engine skips ahead.)
_DM_CUE = re.compile(r"\d\s*[/-]\s*\d")
_DM_DOT_CUE = re.compile(r"\d\s*\.\s*\d")
_LOOKS_BACK = Cued(r"\b(?:vừa qua|vừa rồi|trước đó|hồi|năm ngoái)\b", ("vừa", "trước đó", "hồi", "năm ngoái"),
                   re.IGNORECASE)


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    """A date or date range as written in a sentence; the year is None when not written.

    Treat as read-only (shared through find_dates' memo); not ``frozen``, which costs a call per
    field when made.
    """

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None


def _ok(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


@memo(8192)
def find_dates(text: str) -> tuple[DateMention, ...]:
    """Every day-month date or range in ``text`` ("Sáng 15-7", "hai ngày 11 và 12-3",
    "từ ngày 3 đến ngày 5/4", "ngày 9-4-2024", "tối 29/8"), in order, not overlapping.

    A bare "d-m" without a cue word (ngày, sáng, chiều...) or a year is ignored:
    it is too often a score, a ratio or a period.
    """
    digit = _DIGIT.search(text)
    if digit is None:
        return ()
    low = text.lower()
    slash = _DM_CUE.search(text, digit.start()) is not None
    dot = _DM_DOT_CUE.search(text, digit.start()) is not None
    if not (slash or dot or "tháng" in low):  # ("tháng": the cue of _WORDY)
        return ()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _DAY_RANGE.finditer(text, low) if slash else ():
        d1, m1, y1, d2, m2, y2 = (int(x) if x else None for x in m.groups())
        assert d1 is not None and d2 is not None and m2 is not None
        m1 = m1 or m2
        y1 = y1 or y2
        if _ok(d1, m1) and _ok(d2, m2) and ((m1, d1) <= (m2, d2) or bool(y1 and y2 and y1 < y2)):
            found.append(DateMention(m.start(), m.end(), m.group(0).strip(), d1, m1, y1, d2, m2, y2))
            taken.append(m.span())
    for rx, cued in ((_WORDY, True), (_SINGLE_DOT, dot), (_SINGLE, slash), (_FULL, slash)):
        for m in rx.finditer(text, low) if cued else ():
            d, mo, y = (int(x) if x else None for x in m.groups()[:3])
            if d is None or mo is None or not _ok(d, mo) or not free(*m.span()):
                continue
            end = m.end()
            if text.startswith(")", end) and "(" in m.group(0):  # "Sáng nay (15/3)"
                end += 1
            found.append(DateMention(m.start(), end, text[m.start():end].strip(), d, mo, y))
            taken.append((m.start(), end))
    return tuple(sorted(found, key=lambda x: x.start))


def article_day(article_date: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of an article's ISO date, when it has a full one."""
    if not article_date or not _ISO_DAY.fullmatch(article_date):
        return None
    y, m, d = (int(x) for x in article_date.split("-"))
    return y, m, d


def resolve_year(day: int, month: int, year: int | None, article_date: str | None,
                 looks_back: bool = False) -> tuple[str | None, bool]:
    """(ISO date, year_inferred). The year comes from the article date when not written.

    Articles report what happened: with "vừa qua" (looks_back) a day later in the
    year than the article date belongs to the previous year.
    """
    if year:
        return iso(year, month, day), False
    ymd = article_day(article_date)
    if ymd is None:
        return iso(None, month, day), False
    ay, am, ad = ymd
    y = ay - 1 if looks_back and (month, day) > (am, ad) else ay
    return iso(y, month, day), True


def looks_back(sentence: str, low: str | None = None) -> bool:
    """True when the sentence reports something as already past ("vừa qua"); ``low``: the
    sentence lower-cased, when the caller has it."""
    return bool(_LOOKS_BACK.search(sentence, low))
