"""Reading office documents: Word (DOCX) and PDF files.

Plans and decisions of party committees circulate as DOCX and PDF far more
often than as web pages, so they are sources like any other: a reader turns the
bytes into one :class:`~interparty.graph.model.SourceDoc` with normalised text,
one paragraph a line (the extractors and sentence splitter rely on line breaks
ending paragraphs, never cutting a sentence). A document that looks like an
administrative plan ("KẾ HOẠCH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", or a "Số: 230-KH/TU"
line) is marked ``kind="plan"`` so that :mod:`interparty.loaders.extract` hands it
to the plan extractor instead of the news-article rules.

Documents are keyed by their file *name* (``ke_hoach_230_KH_TU.pdf``), not the
stem the text readers use: the same plan is often kept as both DOCX and PDF, and
two sources with one key would replace each other on every ingest.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from interparty.graph.model import SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.dates import parse_article_date

# sources.py registers these readers, so it is imported inside the functions, never at module level.

DOCX_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}

# The heading words of Vietnamese administrative documents, in capitals as they are set.
_PLAN_HEADING = re.compile(r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH)\b")
_PLAN_TITLE = re.compile(r"^(?:kế hoạch|quyết định|chương trình)\b", re.IGNORECASE)
# "Số: 230-KH/TU", "Số 15/QĐ-UBND": the number line every such document carries under its header.
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*\d+(?:/\d{4})?[-/][A-ZĐ]{2,4}(?:[-/][A-ZĐ]+)+\s*$")
# "Hà Nội, ngày 09 tháng 4 năm 2024": the place-and-date line of an administrative document.
_PLACE_DATE_LINE = re.compile(r"^[^\W\d_][^,\n]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}",
                              re.IGNORECASE)
_HEAD_LINES = 25  # the header, number, date and title all sit in the first lines of the first page


def looks_like_plan(text: str, title: str = "") -> bool:
    """True for a plan, decision or programme document (its heading, its title, or its number line).

    Headings are matched in capitals only: an article's sentence that opens with "Kế hoạch"
    is not a document heading, but "KẾ HOẠCH" set on its own line is.
    """
    if title and _PLAN_TITLE.match(title.strip()):
        return True
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]
    return any(_PLAN_HEADING.match(ln) or _NUMBER_LINE.match(ln) for ln in lines)


def document_date(text: str) -> str | None:
    """The ISO date of the "Hà Nội, ngày 09 tháng 4 năm 2024" line, if the document has one near its top."""
    for line in [ln.strip() for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]:
        if _PLACE_DATE_LINE.match(line):
            return parse_article_date(line)
    return None


def _heading_title(text: str) -> str:
    """The title under the heading word: "KẾ HOẠCH" and the subject lines after it, until the "-----" rule."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_HEAD_LINES]
    for i, line in enumerate(lines):
        if _PLAN_HEADING.match(line):
            subject = []
            rest = line[len(_PLAN_HEADING.match(line).group(0)):].strip()  # type: ignore[union-attr]
            if rest:
                subject.append(rest)
            for nxt in lines[i + 1:i + 4]:
                if not re.search(r"[^\W\d_]", nxt) or _PLAN_HEADING.match(nxt) or re.match(r"^[IVX]+\.", nxt):
                    break
                subject.append(nxt)
            word = line.split()[0:2]
            return " ".join([" ".join(word).capitalize(), *subject]).strip()
    return ""


def _make(path: Path, text: str, title: str = "") -> list[SourceDoc]:
    """One SourceDoc, marked as a plan when it reads like one, dated from its place-and-date line."""
    from interparty.loaders.sources import _doc

    plan = looks_like_plan(text, title)
    title = title or (_heading_title(text) if plan else "")
    doc = _doc(path, path.name, text, title=title, date=document_date(text))
    return [doc.model_copy(update={"kind": "plan"})] if plan else [doc]


# ------------------------------------------------------------------ DOCX


def _docx_blocks(document: Any) -> Iterator[str]:
    """Paragraph texts in reading order, tables included (administrative headers are two-column tables).

    python-docx's ``Document.paragraphs`` skips tables, so the body is walked element by
    element; a merged cell is visited once.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any, elements: Any) -> Iterator[str]:
        for el in elements:
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield Paragraph(el, parent).text
            elif tag == "tbl":
                table = Table(el, parent)
                for row in table.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc.iterchildren())

    yield from walk(document, document.element.body.iterchildren())


def read_docx(path: Path, raw: bytes) -> list[SourceDoc]:
    """A Word document: its paragraphs and table cells in reading order, one a line."""
    from interparty.loaders.sources import SourceError

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a missing dependency is an install problem, reported per file
        raise SourceError("reading DOCX needs python-docx (pip install python-docx)") from None
    if not raw.strip():
        raise SourceError("empty file")
    try:
        document = docx.Document(io.BytesIO(raw))
        blocks = list(_docx_blocks(document))
        title = document.core_properties.title or ""
    except (PackageNotFoundError, zipfile.BadZipFile):
        raise SourceError("not a readable DOCX (not a Word package: corrupt, or another format renamed)") from None
    except Exception as exc:  # a zip without a Word document's parts, broken XML: lxml and python-docx raise many kinds
        raise SourceError(f"not a readable DOCX ({type(exc).__name__}: {exc})") from None
    text = "\n".join(b.strip() for b in blocks if b.strip())
    if not text.strip():
        raise SourceError("DOCX has no text")
    return _make(path, text, clean(title).strip())


# ------------------------------------------------------------------ PDF

_LIST_START = re.compile(r"^(?:[-–•+*]\s|\(?\d{1,2}[.)]\s|[a-zđ][.)]\s|[IVX]{1,4}\.\s|Số\b)")
_ENDS_BLOCK = re.compile(r"[.:;!?…\"”)]$")
_SENTENCE_DONE = re.compile(r"[.:!?…]$")


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def unwrap(lines: list[str]) -> str:
    """Join the lines a PDF wrapped back into paragraphs.

    PDF text comes out one *printed* line at a time; a paragraph wrapped over three
    lines would be three sentences to the extractors ("tổng số 62 | đồng chí ..."). A
    line that opens in lower case continues the one before (unless that ended a
    sentence or opened a list); otherwise a break is kept where a paragraph plausibly
    ends: after closing punctuation, before a list marker or a heading, around
    headings and header-table lines, and after a line much shorter than the text block.
    """
    lines = [ln.strip() for ln in lines]
    widths = sorted(len(ln) for ln in lines if ln)
    full = widths[int(len(widths) * 0.9)] if widths else 0  # a full line of the text block
    out: list[str] = []
    prev = ""
    for line in lines:
        if not line:
            prev = ""
            continue
        if not prev or _LIST_START.match(line) or _SENTENCE_DONE.search(prev):
            join = False
        elif line[0].islower():
            join = True
        else:
            join = (not _ENDS_BLOCK.search(prev) and not _is_heading(line) and not _is_heading(prev)
                    and len(prev) >= 0.7 * full)
        if join:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        prev = line
    return "\n".join(out)


def read_pdf(path: Path, raw: bytes) -> list[SourceDoc]:
    """A PDF's text layer, wrapped lines joined into paragraphs. A scan without text is refused, not guessed at."""
    from interparty.loaders.sources import SourceError

    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover
        raise SourceError("reading PDF needs pypdf (pip install pypdf)") from None
    if not raw.strip():
        raise SourceError("empty file")
    if b"%PDF-" not in raw[:1024]:
        raise SourceError("not a readable PDF (no %PDF header: corrupt, or another format renamed)")
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("PDF is encrypted (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except SourceError:
        raise
    except PdfReadError as exc:
        raise SourceError(f"not a readable PDF ({exc})") from None
    except Exception as exc:  # pypdf raises assorted errors on damaged streams and xref tables
        raise SourceError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise SourceError("PDF has no pages")
    if not any(re.search(r"[^\W\d_]", p) for p in pages):
        raise SourceError("PDF has no text layer (scanned?)")
    text = "\n".join(unwrap(clean(p).splitlines()) for p in pages)
    return _make(path, text, clean(str(meta_title)).strip())


__all__ = ["DOCX_SUFFIXES", "PDF_SUFFIXES", "document_date", "looks_like_plan", "read_docx",
           "read_pdf", "unwrap"]
