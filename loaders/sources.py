"""Reading sources from files: plain text, HTML pages and JSON records.

A reader turns bytes into :class:`~interparty.graph.model.SourceDoc` s with
normalised text. Anything unreadable becomes a :class:`Problem` naming the file
and the reason, so one bad file never stops a folder from loading.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interparty.graph.model import SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.dates import parse_article_date
from interparty.loaders.documents import DOCX_SUFFIXES, PDF_SUFFIXES, read_docx, read_pdf
from interparty.loaders.facts import ASTRAL, bmp_letters

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES

# Longer texts are cut: no news article or plan is this long, and the extractors' cost grows with it.
MAX_TEXT_CHARS = 2_000_000
_HEADER_RE = re.compile(r"^(URL|DATE|TITLE|LANG|BASED_ON):[ \t]*(.*)$", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")
# Control bytes but tab, line feed and carriage return: what marks a binary file.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13))
_VI_LOWER = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
# A word (_WORD_RE) holding a Vietnamese letter, matched from its first such letter to its end: one
# match per such word. The letters in both cases are exactly what an IGNORECASE class of them
# matches, and a class without IGNORECASE lets the engine skip ahead to the next one in C.
_VI_WORD_RE = re.compile("[" + _VI_LOWER + _VI_LOWER.upper() + r"][^\W\d_]*")


@dataclass(frozen=True)
class Problem:
    """A source that could not be read, and why."""

    path: str
    reason: str
    partial: bool = False  # the source was read, but not all of it

    def __str__(self) -> str:
        """One line, whatever the file name or the reason holds (line breaks, controls, bidi marks)."""
        return f"{_printable(self.path)}: {_printable(' '.join(self.reason.split()))}"


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class SourceError(ValueError):
    """Raised by readers; becomes a :class:`Problem`."""


def guess_lang(text: str) -> str:
    """"vi" when a fifth of the words carry Vietnamese letters (Vietnamese text: over half; English: under 5%).

    Words, not characters: digits, tables and punctuation (a results table under an article,
    a 50 MB page of figures) do not dilute the signal.
    """
    head = text[:4000]
    word_re, vi_word_re = (_WORD_RE, _VI_WORD_RE) if ASTRAL.search(head) else _bmp_counters()
    vi = len(vi_word_re.findall(head))
    # vi / words > 0.2 is 5 * vi > words; and runs of letters have a character between them, so
    # words <= (len(head) + 1) // 2: enough Vietnamese words (or none) decide without counting the rest.
    if not vi:
        return "en"
    if 5 * vi > (len(head) + 1) // 2:
        return "vi"
    words = len(word_re.findall(head))
    return "vi" if words and vi / words > 0.2 else "en"


@functools.cache
def _bmp_counters() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_WORD_RE and _VI_WORD_RE for text within the BMP, counted in about half the time: the letters
    spelt out (see :func:`char_class`; ``[^\\W\\d_]`` is what ``str.isalnum`` and not
    ``str.isdecimal`` say, the engine's definitions of ``\\w`` and ``\\d``) and an empty group, so
    that findall lists the one empty string per match rather than a copy of each word."""
    letter = bmp_letters()
    return (re.compile(letter + letter + "*()"),
            re.compile("[" + _VI_LOWER + _VI_LOWER.upper() + "]" + letter + "*()"))


def decode(raw: bytes) -> str:
    """Bytes to text: BOMs, UTF-8, UTF-16 without BOM, then the Vietnamese Windows code page."""
    if not raw.strip():
        raise SourceError("empty file")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    head = raw[:4096]
    even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
    if max(even, odd) > len(head) // 3 and min(even, odd) < len(head) // 50:  # UTF-16 without a BOM
        try:
            return raw.decode("utf-16-le" if odd > even else "utf-16-be")
        except UnicodeDecodeError:
            pass
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if b"\x00" in head or controls > len(head) // 10:
        raise SourceError("binary file (not text, HTML or JSON)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1258")
    except UnicodeDecodeError:
        raise SourceError("not UTF-8, UTF-16 or Windows-1258 text") from None


def _doc(path: Path, key: str, text: str, *, title: str = "", url: str = "", date: str | None = None,
         lang: str | None = None) -> SourceDoc:
    if len(text) > MAX_TEXT_CHARS * 2:  # cut before cleaning too: a 50 MB page need not be cleaned whole
        text = text[:MAX_TEXT_CHARS * 2]
    text = clean(text).strip()
    if not text:
        raise SourceError("no text")
    return SourceDoc(
        key=key, text=text, title=clean(title).strip(), url=url.strip(), date=date,
        lang=lang or guess_lang(text), path=str(path),
    )


def source_key(path: Path, url: str = "", index: int | None = None) -> str:
    """The URL when there is one (the same article saved twice is one source), else the file's stem."""
    if url.startswith(("http://", "https://", "sample://")):
        return url.strip()
    return path.stem if index is None else f"{path.stem}#{index}"


def read_text(path: Path, raw: bytes) -> list[SourceDoc]:
    """Plain text, optionally opening with ``URL:``/``DATE:``/``TITLE:`` lines and a blank line."""
    text = decode(raw)
    lines = text.lstrip("\ufeff").splitlines()
    header: dict[str, str] = {}
    i = 0
    while i < len(lines) and (m := _HEADER_RE.match(lines[i].strip())):
        header[m[1].upper()] = m[2].strip()
        i += 1
    body = "\n".join(lines[i:]) if header else text
    url = header.get("URL", "")
    return [_doc(path, source_key(path, url), body, title=header.get("TITLE", ""), url=url,
                 date=parse_article_date(header.get("DATE")), lang=header.get("LANG") or None)]


def read_json(path: Path, raw: bytes) -> list[SourceDoc]:
    """``{url, title, date, text}``, a list of them, or JSON Lines of them."""
    text = decode(raw)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except json.JSONDecodeError:
            raise SourceError(f"not valid JSON ({exc.msg}: line {exc.lineno}, column {exc.colno})") from None
    records = data if isinstance(data, list) else [data]
    docs = []
    for i, rec in enumerate(records):
        where = "" if len(records) == 1 else f"record {i}: "
        if not isinstance(rec, dict):
            raise SourceError(f"{where}expected an object with a 'text' field, got {type(rec).__name__}")
        body = rec.get("text") or rec.get("content") or rec.get("body")
        if not isinstance(body, str) or not body.strip():
            raise SourceError(f"{where}no 'text' string")
        url = rec.get("url") if isinstance(rec.get("url"), str) else ""
        title = rec.get("title") if isinstance(rec.get("title"), str) else ""
        date = parse_article_date(str(rec.get("date") or "")) if rec.get("date") else None
        key = source_key(path, url, None if len(records) == 1 else i)
        lang = rec.get("lang") if isinstance(rec.get("lang"), str) and rec.get("lang", "").strip() else None
        docs.append(_doc(path, key, body, title=title, url=url, date=date, lang=lang))
    return docs


def read_html(path: Path, raw: bytes) -> list[SourceDoc]:
    from interparty.loaders.html import parse_page

    page = parse_page(decode(raw))
    return [_doc(path, source_key(path, page.url), page.text, title=page.title, url=page.url, date=page.date)]


READERS = {**dict.fromkeys(TEXT_SUFFIXES, read_text), **dict.fromkeys(HTML_SUFFIXES, read_html),
           **dict.fromkeys(JSON_SUFFIXES, read_json), **dict.fromkeys(DOCX_SUFFIXES, read_docx),
           **dict.fromkeys(PDF_SUFFIXES, read_pdf)}


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files under the given paths, sorted, with the suffixes a reader exists for."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and not x.name.startswith(".")):
                if f.suffix.lower() in READERS:
                    yield f
        elif p.is_file():
            yield p if p.suffix.lower() in READERS else Problem(str(p), f"unsupported file type {p.suffix or '(none)'}")
        else:
            yield Problem(str(p), "no such file or directory")


def read_file(path: Path) -> list[SourceDoc]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(f"unsupported file type {path.suffix or '(none)'}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read ({exc.strerror})") from None
    return reader(path, raw)


def read_sources(paths: Iterable[str | Path]) -> Iterator[SourceDoc | Problem]:
    """Every source under ``paths``; unreadable ones come out as :class:`Problem` s, in order."""
    for item in expand(paths):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            docs = read_file(item)
        except (SourceError, UnicodeError, RecursionError, MemoryError) as exc:
            yield Problem(str(item), str(exc) or type(exc).__name__)
            continue
        except Exception as exc:  # a reader's bug must not stop a folder from loading either
            yield Problem(str(item), f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
            continue
        for doc in docs:
            if len(doc.text) > MAX_TEXT_CHARS:
                yield Problem(str(item), f"{doc.key}: text of more than {MAX_TEXT_CHARS:,} characters; read the "
                                         f"first {MAX_TEXT_CHARS:,}", partial=True)
                doc = doc.model_copy(update={"text": doc.text[:MAX_TEXT_CHARS]})
            yield doc
