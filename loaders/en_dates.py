"""English dates as articles write them: "March 11 and 12, 2024", "April 25", "on Monday".

A missing year comes from the article date (``year_inferred``); a weekday is the most
recent such day on or before the article date. Without an article date a day stays
``--MM-DD`` and a weekday stays unresolved (its text is kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from interparty.loaders.dates import article_day, iso
from interparty.loaders.facts import Cued

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                         "sunday"))}

_MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"  # noqa: E501
_DAY2 = r"(?:\s*(?:-|–|and|to|&)\s*(?P<day2>\d{1,2})(?!\d))?"
# Every match holds a month's name (or its abbreviation) or a weekday: a sentence without one is not searched.
_DATE_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Monday", "Tuesday",
              "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The three alternatives share one \b, and a look-ahead for the characters a match can open with
# (a month's or weekday's capital, a digit, "early"/"mid"/"late"/"end of") turns most positions
# down before \b, which asks the Unicode database about two characters, is tested there.
DATE_RE = Cued(
    r"(?=[ADFJMNOSTWelm\d])\b(?:(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)" + _DAY2
    + r"|(?P<dday>\d{1,2})(?:st|nd|rd|th)?" + r"(?:\s*(?:-|–|and|to)\s*(?P<dday2>\d{1,2}))?\s+(?P<dmon>January|February|March|April|May|June|July|August|September|October|November|December)"  # noqa: E501
    + r")(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    + r"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    + r"|(?:(?P<qual>early|mid|late|end of)[\s-]+)?(?P<mmon>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:(?P<myear>(?:19|20)\d{2})|(?P<this>this year|last year)))",  # noqa: E501
    _DATE_CUES, cased=True,
)
# DATE_RE's cue test in one search: the engine skips in C to the capitals the cues open with,
# where testing the cues one by one reads the sentence once per cue.
_DATE_CUE_RE = re.compile("|".join(map(re.escape, _DATE_CUES)))


@dataclass(slots=True, unsafe_hash=True)
class EnDate:
    """A date read from text: resolved start/end (ISO or --MM-DD), the text, and how it was resolved.

    Treat as read-only; not ``frozen``, which costs a call per field when made.
    """

    start: int
    end: int
    text: str
    date: str | None
    end_date: str | None
    year_inferred: bool


def _year_for(month: int, day: int, ref: date | None) -> int | None:
    """The year of a day-and-month written without one: the article's, or the year before if later."""
    if ref is None:
        return None
    y = ref.year
    try:
        if date(y, month, day) > ref + timedelta(days=7):
            y -= 1
    except ValueError:
        return y
    return y


def _ref(article_date: str | None) -> date | None:
    ymd = article_day(article_date)
    return date(*ymd) if ymd is not None else None


def find_dates(text: str, article_date: str | None, offset: int = 0) -> list[EnDate]:
    """Every date in ``text`` (offsets shifted by ``offset``), resolved against the article date."""
    ref = _ref(article_date)
    out: list[EnDate] = []
    if _DATE_CUE_RE.search(text) is None:
        return out
    for m in DATE_RE.rx.finditer(text):
        s, e = m.start() + offset, m.end() + offset
        if m["wd"]:
            wd = WEEKDAYS[m["wd"].casefold()]
            d = None
            if ref is not None:
                d = (ref - timedelta(days=(ref.weekday() - wd) % 7)).isoformat()
            out.append(EnDate(s, e, m.group(), d, None, True))
            continue
        if m["mmon"]:
            # Month only ("April 2022", "late February this year"): no day, so no ISO date.
            out.append(EnDate(s, e, m.group(), None, None, bool(m["this"])))
            continue
        mon = MONTHS[(m["mon"] or m["dmon"]).casefold().rstrip(".")]
        day = int(m["day"] or m["dday"])
        day2 = m["day2"] or m["dday2"]
        year = int(m["year"]) if m["year"] else None
        inferred = year is None
        if year is None:
            year = _year_for(mon, day, ref)
        start = iso(year, mon, day)
        if start is None:
            continue
        end = iso(year, mon, int(day2)) if day2 and int(day2) > day else None
        out.append(EnDate(s, e, m.group(), start, end, inferred and year is not None))
    return out
