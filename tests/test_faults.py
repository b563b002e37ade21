"""Bad input, end to end: real files through ``interparty ingest`` run as a process.

A researcher's folder of scraped pages holds every kind of damage. For each kind there is
one file and one test. A file that cannot be read is *skipped*: one line on stderr names
it and says why, the ``--log`` file has it as a JSON line, the exit code is 0 (1 with
``--strict``), no traceback reaches the user, and the graph is exactly as it was. A file
that can be read in part or in an odd encoding is *read as well as it can be*, and its
facts are in the graph. Names carrying Cypher or HTML are stored as text.

The graph first holds two ordinary articles; the damaged files are then ingested into it.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
from pathlib import Path
from typing import Any

import pytest
from interparty.loaders.sources import MAX_TEXT_CHARS
from test_crash import ingest_cmd, run, snapshot, write_corpus
from test_sources import windows_1258

import interparty

GUEST = "do đồng chí Khamphan Phommathat, Bí thư Thành ủy Viêng Chăn, dẫn đầu."


def article(host: str, when: str = "Sáng 4/4") -> str:
    return (f"{when}, Bí thư Thành ủy Hà Nội {host} tiếp đoàn đại biểu cấp cao Thành ủy Viêng Chăn {GUEST}\n\n"
            "Cùng dự có Phó Bí thư Thường trực Thành ủy Hà Nội Đặng Ngọc Lan.\n\n"
            "Hai bên đã ký biên bản thỏa thuận hợp tác giai đoạn 2024-2027.\n")


def pdf_without_text() -> bytes:
    """A scanned page: a PDF whose page holds only graphics, no text layer."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    drawing = DecodedStreamObject()
    drawing.set_data(b"0.5 g 72 72 451 698 re f")  # a grey rectangle where the scanned image would be
    page[NameObject("/Contents")] = writer._add_object(drawing)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def big_page(host: str) -> bytes:
    """A 50 MB saved page: the article, an inline script state, an inline image and a giant results table."""
    rng = random.Random(50)
    rows = "\n".join(f"{i} {rng.randint(0, 99999)} {rng.randint(0, 999)},{rng.randint(0, 9)}"
                     for i in range(1_500_000))
    blob = "iVBORw0KGgoAAAANSUhEUgAA" * 400_000
    html = (f"<html><head><title>Kết quả</title><script>window.__STATE__ = {{\"img\": \"{blob}\"}};</script>"
            f"</head><body><article><h1>Tiếp đoàn Viêng Chăn</h1><p>{article(host)}</p>"
            f"<img src=\"data:image/png;base64,{blob}\"><pre>{rows}</pre></article></body></html>")
    data = html.encode("utf-8")
    return data + b" " * max(0, 50_000_000 - len(data))


def long_line(host: str) -> str:
    """A page whose paragraphs were collapsed into one line of a million characters."""
    rng = random.Random(1)
    parts = [article(host).replace("\n", " ")]
    while sum(map(len, parts)) < 1_000_000:
        parts.append(f"Chiều {rng.randint(1, 28)}/{rng.randint(1, 12)}, đoàn thăm khu công nghiệp số "
                     f"{rng.randint(1, 99)} và nghe báo cáo về tình hình sản xuất, kinh doanh của địa phương.")
    return " ".join(parts)[:1_000_000]


HOSTILE_CYPHER = "Nguyễn Văn A'}) DETACH DELETE n //"
HOSTILE_HTML = "<img src=x onerror=alert(1)>"
HOSTILE_TITLE = "<script>alert('x')</script> '}) MATCH (n) DETACH DELETE n //"

# kind -> (file name, content, a phrase of the one-line reason)
SKIPPED: dict[str, tuple[str, Any, str]] = {
    "empty file": ("trong.txt", b"", "empty file"),
    "only white space": ("khoang-trang.html", b" \r\n\t\n  ", "empty file"),
    "binary file": ("anh-chup.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4000),
                    "binary file"),
    "JSON of the wrong shape": ("bai-viet.json", json.dumps({"articles": [{"headline": "Tiếp đoàn"}]}),
                                "no 'text' string"),
    "JSON list of numbers": ("so-lieu.json", "[1, 2, 3]", "expected an object with a 'text' field"),
    "JSON cut off": ("cat-ngang.json", '{"url": "https://tin.example.vn/x", "text": "Sáng 4/4, Bí th',
                     "not valid JSON"),
    "PDF with no text layer": ("ban-scan.pdf", pdf_without_text, "no text layer"),
    "DOCX that is not one": ("ke-hoach.docx", b"PK\x03\x04 this zip is broken", "not a readable DOCX"),
    "bidi mark in the file name": ("tin\u202etxt.html", b"", "empty file"),
}

# kind -> (file name, content, the official whose name must be read, partly read?)
READ: dict[str, tuple[str, Any, str, bool]] = {
    "Windows-1258": ("cp1258.txt", lambda: windows_1258(article("Phạm Quang Hưng")), "Phạm Quang Hưng", False),
    "UTF-16 with BOM": ("utf16-bom.txt", lambda: article("Lê Thị Hồng").encode("utf-16"), "Lê Thị Hồng", False),
    "UTF-16 LE without BOM": ("utf16-le.txt", lambda: article("Đỗ Minh Khoa").encode("utf-16-le"),
                              "Đỗ Minh Khoa", False),
    "UTF-16 BE without BOM": ("utf16-be.txt", lambda: article("Vũ Đức Thắng").encode("utf-16-be"),
                              "Vũ Đức Thắng", False),
    "truncated HTML": ("cut.html", lambda: (f"<html><head><title>Tiếp đoàn</title></head><body><article><p>"
                                            f"{article('Bùi Hữu Long')}</p><p>Hai bên đã trao đổi về công tác "
                                            f"đào tạo cán bộ và <a href=\"/tin/12").encode(),
                       "Bùi Hữu Long", False),
    "50 MB page": ("trang-50mb.html", lambda: big_page("Ngô Xuân Hải"), "Ngô Xuân Hải", True),
    "million-character line": ("mot-dong.txt", lambda: long_line("Dương Công Tuấn"), "Dương Công Tuấn", False),
    "control characters and bidi marks": (
        "ky-tu-an.txt",
        lambda: article("L\u200fý Ngọc Phư\u202eơng").replace("Hai bên", "\x07Hai\u200b bên\x1b[0m"),
        "Lý Ngọc Phương", False),
    "names carrying Cypher and HTML": (
        "ten-doc-hai.txt",
        lambda: (f"URL: https://tin.example.vn/doc-hai\nTITLE: {HOSTILE_TITLE}\n\n"
                 + article(HOSTILE_CYPHER) + article(HOSTILE_HTML, "Chiều 5/4")),
        "Nguyễn Văn A", False),
}


def write(folder: Path, name: str, content: Any) -> Path:
    content = content() if callable(content) else content
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def cli(db: Path, judgements: Path, folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run([*ingest_cmd(["--db", str(db)], judgements, folder), *extra])


def graph(db: Path) -> dict[str, Any]:
    with interparty.open(db, read_only=True) as g:
        snap = snapshot(g.store)
        snap["officials"] = set(g.cypher("MATCH (o:Official) RETURN o.name AS n")["n"])
        snap["sentences"] = list(g.cypher("MATCH (e:Evidence) RETURN e.sentence AS s")["s"])
        snap["titles"] = set(g.cypher("MATCH (s:Source) RETURN s.title AS t")["t"])
    return snap


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The graph before, and the ingests (plain and --strict) of the skipped and the read files."""
    d = tmp_path_factory.mktemp("faults")
    db, judgements = d / "g.lbdb", d / "j.yaml"
    with interparty.open(db, judgements=judgements) as g:
        assert len(g.ingest(write_corpus(d / "before", 2)).added) == 2
    out: dict[str, Any] = {"before": graph(db)}

    bad = d / "bad"
    bad.mkdir()
    out["bad_files"] = {kind: write(bad, name, content) for kind, (name, content, _) in SKIPPED.items()}
    out["bad"] = cli(db, judgements, bad, "--log", str(d / "bad.jsonl"))
    out["bad_log"] = [json.loads(line) for line in (d / "bad.jsonl").read_text("utf-8").splitlines()]
    out["bad_strict"] = cli(db, judgements, bad, "--strict")
    out["after_bad"] = graph(db)

    odd = d / "odd"
    odd.mkdir()
    out["odd_files"] = {kind: write(odd, name, content) for kind, (name, content, *_) in READ.items()}
    out["odd"] = cli(db, judgements, odd, "--strict", "--log", str(d / "odd.jsonl"))
    out["odd_log"] = [json.loads(line) for line in (d / "odd.jsonl").read_text("utf-8").splitlines()]
    out["odd_again"] = cli(db, judgements, odd)
    out["after_odd"] = graph(db)
    for name in ("bad", "bad_strict", "odd", "odd_again"):
        print(f"--- interparty ingest ({name}): exit {out[name].returncode}\n{out[name].stdout}{out[name].stderr}")
    return out


def no_traceback(*results: subprocess.CompletedProcess[str]) -> None:
    for r in results:
        assert "Traceback" not in r.stderr and "Traceback" not in r.stdout, r.stderr


@pytest.mark.parametrize("kind", SKIPPED)
def test_an_unreadable_file_is_skipped_with_one_line_naming_it(runs, kind):
    path = runs["bad_files"][kind]
    phrase = SKIPPED[kind][2]
    no_traceback(runs["bad"], runs["bad_strict"])
    assert runs["bad"].returncode == 0, runs["bad"].stderr
    assert runs["bad_strict"].returncode == 1, runs["bad_strict"].stderr

    shown = str(path).encode("unicode_escape").decode("ascii") if not str(path).isprintable() else str(path)
    for result in (runs["bad"], runs["bad_strict"]):
        lines = [ln for ln in result.stderr.splitlines() if ln.startswith(f"skipped {shown}: ")]
        assert len(lines) == 1, result.stderr
        assert phrase in lines[0]
    assert f"{len(SKIPPED)} not read" in runs["bad"].stdout  # the summary at the end

    logged = [x for x in runs["bad_log"] if x["path"] == str(path)]
    assert len(logged) == 1
    assert logged[0]["status"] == "skipped" and phrase in logged[0]["reason"]
    assert "\n" not in logged[0]["reason"]

    assert runs["after_bad"] == runs["before"]  # the graph is exactly as it was


@pytest.mark.parametrize("kind", READ)
def test_an_odd_file_is_read_as_well_as_it_can_be(runs, kind):
    path = runs["odd_files"][kind]
    official, partial = READ[kind][2], READ[kind][3]
    no_traceback(runs["odd"], runs["odd_again"])
    assert runs["odd"].returncode == 0, runs["odd"].stderr  # even with --strict: nothing was skipped
    assert runs["odd_again"].returncode == 0
    assert f"{len(READ)} added" in runs["odd"].stdout
    assert f"{len(READ)} unchanged" in runs["odd_again"].stdout

    assert official in runs["after_odd"]["officials"]
    logged = [x for x in runs["odd_log"] if x["path"] == str(path)]
    partly = [ln for ln in runs["odd"].stderr.splitlines() if ln.startswith(f"partly read {path}: ")]
    if partial:
        assert len(partly) == 1 and f"read the first {MAX_TEXT_CHARS:,}" in partly[0]
        assert [x["status"] for x in logged] == ["partial"]
    else:
        assert partly == [] and logged == []
    before, after = runs["after_bad"], runs["after_odd"]
    for k, keys in before["nodes"].items():  # nothing that was there is gone
        assert set(keys) <= set(after["nodes"][k]), k
    for r, edges in before["rels"].items():
        assert set(edges) <= set(after["rels"][r]), r


def test_names_carrying_cypher_and_html_are_stored_as_text(runs):
    after = runs["after_odd"]
    assert HOSTILE_TITLE in after["titles"]
    assert any(HOSTILE_CYPHER in s for s in after["sentences"])
    assert any(HOSTILE_HTML in s for s in after["sentences"])
    assert not any("<img" in n or "DETACH" in n for n in after["officials"])
    assert after["counts"]["Source"] == runs["before"]["counts"]["Source"] + len(READ)


def test_a_graph_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path):
    """Not a source's fault but the store's (here: the graph path is a folder): one line, exit 2."""
    (tmp_path / "g.lbdb").mkdir()
    (tmp_path / "a.txt").write_text(article("Trần Văn Xuân"), "utf-8")
    out = cli(tmp_path / "g.lbdb", tmp_path / "j.yaml", tmp_path / "a.txt")
    assert out.returncode == 2
    no_traceback(out)
    assert out.stderr.splitlines()[-1].startswith("interparty: error: ")
