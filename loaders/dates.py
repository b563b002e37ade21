"""Dates as articles write them, resolved to ISO strings.

A date whose year is not written is resolved against the article's date and
flagged ``year_inferred``; without an article date it stays ``--MM-DD``.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS_EN = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTHS_EN |= {m[:3]: i for m, i in list(_MONTHS_EN.items())}
_MONTHS_EN["sept"] = 9


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
    if m := re.search(r"\b([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b", s):
        if m[1] in _MONTHS_EN:
            return iso(int(m[3]), _MONTHS_EN[m[1]], int(m[2]))
    if m := re.search(r"\b(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b", s):
        if m[2] in _MONTHS_EN:
            return iso(int(m[3]), _MONTHS_EN[m[2]], int(m[1]))
    if m := re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", s):
        return iso(int(m[3]), int(m[2]), int(m[1]))
    return None
