"""Reading sources: text with and without a header, saved news pages, JSON records, and bad files."""

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from interparty.loaders.sources import Problem, read_sources

ARTICLE = "Chiều 3/9, Bí thư Thành ủy Hà Nội tiếp Đoàn đại biểu cấp cao Thủ đô Viêng Chăn."


def read_one(path: Path):
    items = list(read_sources([path]))
    assert len(items) == 1
    return items[0]


def test_text_with_the_header_of_the_evaluation_set(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"URL: https://example.org/a\nDATE: 04/09/2025 09:43\nTITLE: Tiếp đoàn\n\n{ARTICLE}\n", "utf-8")
    doc = read_one(f)
    assert (doc.key, doc.url, doc.date, doc.title, doc.lang) == (
        "https://example.org/a", "https://example.org/a", "2025-09-04", "Tiếp đoàn", "vi")
    assert doc.text == ARTICLE


def test_plain_text_without_a_header_is_keyed_by_its_file_name(tmp_path):
    f = tmp_path / "bai-viet.txt"
    f.write_text(ARTICLE, "utf-8")
    doc = read_one(f)
    assert (doc.key, doc.date, doc.text) == ("bai-viet", None, ARTICLE)


def test_a_saved_news_page_gives_the_article_without_the_site_furniture(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(f"""<html><head><title>Site | Tin</title>
        <meta property="og:title" content="Tiếp Đoàn Viêng Chăn">
        <meta property="article:published_time" content="2025-09-04T09:43:00+07:00">
        <link rel="canonical" href="https://example.org/tiep-doan"><script>var x = "Nguyễn Văn Menu";</script></head>
        <body><nav class="menu"><a>Trang chủ</a><a>Chính trị</a></nav>
        <article><h1>Tiếp Đoàn Viêng Chăn</h1><p>{ARTICLE}</p></article>
        <div class="related-news"><a>Bí thư Tỉnh ủy Trần Văn Khác thăm nhà máy</a></div>
        <footer>Liên hệ</footer></body></html>""", "utf-8")
    doc = read_one(f)
    assert doc.text == ARTICLE
    assert (doc.title, doc.date, doc.url) == ("Tiếp Đoàn Viêng Chăn", "2025-09-04", "https://example.org/tiep-doan")


def test_json_records_one_or_many(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"url": "https://example.org/1", "title": "T", "date": "2024-03-12", "text": ARTICLE}))
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE + " Hai bên ký biên bản."}]))
    docs = list(read_sources([one, many]))
    assert [d.key for d in docs] == ["https://example.org/1", "many#0", "many#1"]
    assert docs[0].date == "2024-03-12"


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty file"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
    (b'{"articles": 3}', "no 'text'"),
    (b"[1, 2]", "expected an object"),
    (b"{not json", "not valid JSON"),
])
def test_bad_files_become_problems_that_name_the_file(tmp_path, content, reason):
    f = tmp_path / ("bad.json" if content.startswith((b"{", b"[")) else "bad.txt")
    f.write_bytes(content)
    item = read_one(f)
    assert isinstance(item, Problem)
    assert item.path == str(f) and reason in item.reason


def test_a_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.pdf.bak").write_bytes(b"ignored: no reader for this suffix")
    items = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    assert [type(i).__name__ for i in items] == ["SourceDoc", "Problem", "Problem"]
    assert items[2].reason == "no such file or directory"


def windows_1258(text: str) -> bytes:
    """Vietnamese Windows code page: base letters precomposed, tone marks as combining characters."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tones = "".join(m for m in d if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(m for m in d if m not in tones))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1258"])
def test_common_encodings_are_read(tmp_path, encoding):
    f = tmp_path / "enc.txt"
    f.write_bytes(windows_1258(ARTICLE) if encoding == "cp1258" else ARTICLE.encode(encoding))
    doc = read_one(f)
    assert doc.text == ARTICLE


@given(st.text(min_size=1, max_size=300))
def test_any_text_file_is_read_or_reported_never_raises(text):
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "x.txt"
        f.write_bytes(text.encode("utf-8", "replace"))
        items = list(read_sources([f]))
        assert len(items) == 1
