"""Text normalisation shared by loaders, keys and resolution.

Vietnamese text arrives in several encodings of the same word: decomposed
Unicode, old and new tone placement (``uỷ``/``ủy``, ``hoà``/``hòa``), and the
Icelandic look-alike ``Ð`` (U+00D0) for ``Đ``. Every comparison and every key
goes through these functions so that those variants meet.
"""

from __future__ import annotations

import re
import unicodedata

# Tone mark on the second vowel of an open oa/oe/uy syllable -> on the first,
# the spelling most Vietnamese party media use today ("Thành ủy", "Cộng hòa").
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_PAIRS |= {k.upper(): v.upper() for k, v in _TONE_PAIRS.items()}
_TONE_PAIRS |= {k[0].upper() + k[1]: v[0].upper() + v[1] for k, v in list(_TONE_PAIRS.items()) if k.islower()}
# Not after q ("quý" is right as it is) and only at the end of a syllable. Written as two
# character classes rather than an alternation of the pairs: clean() runs on every text.
# One class for the first letter (the regex engine then skips ahead to it); pairs that are not
# in _TONE_PAIRS ("oỳ") match too but _retone gives them back unchanged.
_TONE_RE = re.compile(r"([oOuU](?<![qQ].)[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")

_LOOKALIKES = (("\u00d0", "\u0110"), ("\u00f0", "\u0111"), ("\u0189", "\u0110"))
# Controls and bidirectional marks: never part of a name, and they break matching.
_INVISIBLE_RE = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
# Only runs that change: a lone " " is left alone (matching every space costs a replacement each).
_SPACE_RE = re.compile(r" [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+"
                       r"|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*")
# A space other than " ": with a double space, what _SPACE_RE needs to match (most texts have neither,
# and a test for them, unlike _SPACE_RE, does not stop at every " ").
_ODD_SPACE_RE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_DASH_RE = re.compile(r"[\u2010-\u2015\u2212]")
# What a match of _DASH_RE or _TONE_RE needs: a dash, or an o/u before a toned vowel. One class
# first (the engine skips ahead to it); after a dash, the look-behind (at the dash) holds.
_FOLD_WORK = re.compile(r"[oOuU\u2010-\u2015\u2212](?:(?<![oOuU])|[àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])")


def _retone(m: re.Match[str]) -> str:
    pair = m.group(1)
    return _TONE_PAIRS.get(pair, pair)


def clean(text: str) -> str:
    """NFC, look-alike letters, one tone placement, no invisible characters.

    Line breaks are kept (paragraphs matter to the extractors); runs of other
    white space become one space.
    """
    ascii_only = text.isascii()  # (then normalising, look-alikes and tone marks change nothing)
    if not ascii_only:
        text = unicodedata.normalize("NFC", text)
        for wrong, right in _LOOKALIKES:  # str.replace after a membership test: far cheaper than translate()
            if wrong in text:
                text = text.replace(wrong, right)
    text = _INVISIBLE_RE.sub("", text)
    if not ascii_only:
        text = _TONE_RE.sub(_retone, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or _ODD_SPACE_RE.search(text):
        text = _SPACE_RE.sub(" ", text)
    return text


def fold(text: str) -> str:
    """Case-folded, cleaned, single-spaced: the form keys and comparisons use."""
    text = _DASH_RE.sub("-", clean(text)).casefold()
    # Case folding can make a mixed-case pair ("oÀ") into one that takes the tone move.
    text = _TONE_RE.sub(_retone, text)
    return " ".join(text.split())


def fold_cleaned(text: str) -> str:
    """:func:`fold` for text that has been through :func:`clean` already (a document's text and
    its substrings, gazetteer entries): the same result without repeating the cleaning."""
    if text.isascii():  # no dash or tone mark to change
        return " ".join(text.casefold().split())
    # (casefold and the dash substitution commute: case folding leaves dashes alone)
    text = text.casefold()
    if _FOLD_WORK.search(text):  # most keys have nothing for either substitution: one search spares both
        text = _TONE_RE.sub(_retone, _DASH_RE.sub("-", text))
    return " ".join(text.split())


def strip_marks(text: str) -> str:
    """Without diacritics ("Nguyễn Thị Tuyến" -> "Nguyen Thi Tuyen"), for matching English spellings."""
    decomposed = unicodedata.normalize("NFD", clean(text).replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def has_marks(text: str) -> bool:
    """True when the text carries Vietnamese diacritics (so they can decide identity)."""
    return strip_marks(text) != clean(text)
