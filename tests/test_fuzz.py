"""A bounded fuzz of the readers and extractors with Hypothesis.

Random bytes under every reader's suffix, random Vietnamese and English text built from the
words, titles, dates and punctuation of the party press, random JSON and random HTML
fragments go through ``read_sources`` and then ``extract``. Neither may raise: a file is a
SourceDoc or a Problem, and a SourceDoc gives an Extraction. Each input is also timed.

It runs in CI on fixed examples (``derandomize``) in well under a minute; set
``INTERPARTY_FUZZ_RANDOM=1`` to explore new ones and ``INTERPARTY_FUZZ_EXAMPLES=N`` for more.
The counts (inputs tried, crashes, the slowest input) are printed at the end of the module.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interparty.graph.model import Extraction, SourceDoc
from interparty.loaders.extract import extract
from interparty.loaders.sources import Problem, read_sources

EXAMPLES = int(os.environ.get("INTERPARTY_FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("INTERPARTY_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.large_base_example], database=None)
SLOW_SECONDS = 5.0  # an input this slow is reported (a few-kilobyte input has no business taking longer)

TRIED: Counter[str] = Counter()
CRASHES: Counter[str] = Counter()
SLOWEST: dict[str, tuple[float, str]] = {}

WORDS = [w for line in (
    "Sáng Chiều Tối ngày tháng năm đồng chí Bí thư Phó Thường trực Thành ủy Tỉnh ủy Đảng ủy Ban Chấp hành",
    "Trung ương Bộ Chính trị Ủy viên Trưởng ban Tuyên giáo Đối ngoại Tổ chức Chủ tịch Ủy ban nhân dân",
    "Mặt trận Tổ quốc Hà Nội Hải Phòng Viêng Chăn Lào Việt Nam Campuchia Cuba Trung Quốc tiếp hội đàm",
    "thăm làm việc đoàn đại biểu cấp cao do dẫn đầu dự lễ ký biên bản thỏa thuận hợp tác giai đoạn",
    "khai giảng lớp đào tạo bồi dưỡng cán bộ Học viện Chính trị quốc gia Hồ Chí Minh và của các với",
    "Nhân dân Cách mạng Cộng sản KẾ HOẠCH QUYẾT ĐỊNH Số: 230-KH/TU the General Secretary met",
    "Politburo member Party Central Committee delegation led by visited signed agreement in on",
) for w in line.split(" ")]
NAMES = ["Trần Văn Xuân", "Nguyễn Thị Tuyến", "Đinh Tiến Dũng", "Khamphan Phommathat", "Lê Minh Hưng",
         "Nguyễn Văn A'}) DETACH DELETE n //", "<img src=x onerror=alert(1)>", "Ngô Thị Thanh Hằng", "To Lam"]
DATES = ["4/4", "15-7", "ngày 3/9/2025", "2022-2025", "04/09/2025 09:43", "tháng 4 năm 2024", "1945", "31/2",
         "0/0/0", "2024-13-45", "March 4, 2024"]
PUNCT = [*".,;:!?-–—()[]\"“”'…/%", "\n", "\n\n", " - ", "\t", "\u200b", "\u202e", "\x07", "\ufeff"]

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(DATES),
                  st.sampled_from(PUNCT), st.integers(0, 10**6).map(str),
                  st.text(st.characters(codec="utf-8"), max_size=8))


SEPARATORS = st.sampled_from([" ", "", "\n"])
press_text = st.tuples(st.lists(token, min_size=1, max_size=150), SEPARATORS).map(lambda t: t[1].join(t[0]))
# Thousands of words: a few hundred drawn tokens, repeated and shuffled (Hypothesis draws at most a few KB).
long_press_text = st.tuples(st.lists(token, min_size=20, max_size=300), st.integers(5, 40),
                            st.randoms(use_true_random=False), SEPARATORS).map(
    lambda t: t[3].join(t[2].sample(t[0] * t[1], len(t[0]) * t[1])))

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | press_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "content", "body", "url", "title", "date", "lang", "x"]), inner, max_size=5),
    max_leaves=12)

TAGS = ["p", "div", "article", "main", "section", "span", "h1", "h2", "a", "br", "li", "ul", "table", "td",
        "script", "style", "nav", "footer", "time", "meta", "title", "pre", "figure", "iframe", "svg"]
ATTRS = ['class="menu"', 'class="related-news"', 'id="main"', 'itemprop="articleBody"', 'datetime="2024-04-04"',
         'property="og:title" content="Tiếp đoàn"', 'property="article:published_time" content="2025-99-99"',
         'rel="canonical" href="https://tin.example.vn/a"', "onerror=alert(1)", 'href="javascript:x"', ""]
html_piece = st.one_of(
    st.builds(lambda t, a: f"<{t} {a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
    press_text, st.sampled_from(["<!--", "-->", "<![CDATA[", "&amp;", "&#x110;", "&nbsp;", "<", ">", "&"]))
html_page = st.lists(html_piece, max_size=60).map("".join)


def check_file(tmp: Path, name: str, data: bytes, kind: str) -> None:
    """Read ``data`` as the file ``name`` and extract every source read: nothing may raise."""
    path = tmp / name
    path.write_bytes(data)
    with tried(kind, f"{len(data):,} bytes: {data[:80]!r}"):
        for item in read_sources([path]):
            assert isinstance(item, SourceDoc | Problem)
            if isinstance(item, Problem):
                assert item.path == str(path) and item.reason and "\n" not in str(item)
            else:
                assert isinstance(extract(item), Extraction)


def check_text(text: str, lang: str, kind: str) -> None:
    with tried(kind, f"{len(text):,} characters: {text[:80]!r}"):
        assert isinstance(extract(SourceDoc(key="fuzz", text=text, lang=lang)), Extraction)


@contextmanager
def tried(kind: str, sample: str) -> Iterator[None]:
    """Count one input of ``kind``, a crash if the body raises, and keep the slowest input."""
    TRIED[kind] += 1
    start = time.perf_counter()
    try:
        yield
    except BaseException:
        CRASHES[kind] += 1
        raise
    finally:
        took = time.perf_counter() - start
        if took > SLOWEST.get(kind, (0.0, ""))[0]:
            SLOWEST[kind] = (took, sample)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest):
    yield tmp_path_factory.mktemp("fuzz")
    report = request.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"fuzz: {sum(TRIED.values())} inputs tried, {sum(CRASHES.values())} crashes"]
    lines += [f"fuzz:   {k}: {n} tried, {CRASHES[k]} crashes, slowest {SLOWEST[k][0]:.2f} s ({SLOWEST[k][1]})"
              for k, n in sorted(TRIED.items())]
    for line in lines:
        if report is not None:
            report.write_line(line)
        else:
            print(line)
    slow = {k: v for k, v in SLOWEST.items() if v[0] > SLOW_SECONDS}
    assert not slow, f"inputs slower than {SLOW_SECONDS} s: {slow}"


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".html", ".json", ".pdf", ".docx"]))
def test_random_bytes_under_every_suffix(tmp, data, suffix):
    check_file(tmp, f"bytes{suffix}", data, f"bytes{suffix}")


@FUZZ
@given(text=press_text, header=st.booleans(), encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-8-sig"]))
def test_random_press_text_files(tmp, text, header, encoding):
    if header:
        text = f"URL: https://tin.example.vn/x\nDATE: {text[:12]}\nTITLE: {text[:40]}\n\n{text}"
    check_file(tmp, "tin.txt", text.encode(encoding, "surrogatepass"), "text file")


@FUZZ
@given(text=press_text, lang=st.sampled_from(["vi", "en"]))
def test_random_press_text_through_both_extractors(tmp, text, lang):
    from interparty.graph.normalize import clean

    text = clean(text).strip() or "x"
    check_text(text, lang, f"extractor {lang}")


@settings(FUZZ, max_examples=max(1, EXAMPLES // 10))
@given(text=long_press_text, lang=st.sampled_from(["vi", "en"]))
def test_long_random_press_text_through_both_extractors(tmp, text, lang):
    """Some thousands of words, one line or many: a cost that grows faster than the text shows here."""
    from interparty.graph.normalize import clean

    check_text(clean(text).strip() or "x", lang, f"long text, extractor {lang}")


@FUZZ
@given(value=json_value)
def test_random_json(tmp, value):
    check_file(tmp, "ban-tin.json", json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"),
               "JSON")


@FUZZ
@given(page=html_page)
def test_random_html_fragments(tmp, page):
    check_file(tmp, "trang.html", page.encode("utf-8", "surrogatepass"), "HTML")
