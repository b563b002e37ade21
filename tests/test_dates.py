"""Article dates and dates written in Vietnamese sentences."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from interparty.loaders.dates import find_dates, iso, parse_article_date, resolve_year


def test_article_dates() -> None:
    assert parse_article_date("15/07/2024 10:21") == "2024-07-15"
    assert parse_article_date("09:43 | 04/09/2025 GMT+7") == "2025-09-04"
    assert parse_article_date("ngày 3 tháng 5 năm 2023") == "2023-05-03"
    assert parse_article_date("not given") is None


def one(text: str) -> tuple[int, int, int | None, int | None, int | None]:
    (d,) = find_dates(text)
    return d.day, d.month, d.year, d.end_day, d.end_month


def test_vietnamese_date_shapes() -> None:
    assert one("Sáng 21-6, đoàn đến") == (21, 6, None, None, None)
    assert one("tối 29/8 hai bên") == (29, 8, None, None, None)
    assert one("ngày 7-10-2023, Ban") == (7, 10, 2023, None, None)
    assert one("hai ngày 8 và 9-5 vừa qua") == (8, 5, None, 9, 5)
    assert one("từ ngày 14 đến ngày 17/6") == (14, 6, None, 17, 6)
    assert one("từ ngày 28/11 đến 2/12") == (28, 11, None, 2, 12)
    assert one("chiều ngày 5/1/2022") == (5, 1, 2022, None, None)


def test_not_dates() -> None:
    assert find_dates("giai đoạn 2021-2025") == ()
    assert find_dates("đạt tỷ lệ 3/4 số phiếu, 1.056 tiết học") == ()


def test_year_from_the_article_and_looking_back() -> None:
    assert resolve_year(15, 7, None, "2024-07-15") == ("2024-07-15", True)
    assert resolve_year(20, 9, None, "2024-07-15", looks_back=True) == ("2023-09-20", True)
    assert resolve_year(20, 9, 2021, "2024-07-15", looks_back=True) == ("2021-09-20", False)
    assert resolve_year(20, 9, None, None) == ("--09-20", False)


@given(st.integers(1, 28), st.integers(1, 12), st.sampled_from(["Sáng", "Chiều", "tối", "ngày"]),
       st.sampled_from(["-", "/"]))
def test_any_cued_day_month_is_read(day: int, month: int, cue: str, sep: str) -> None:
    (d,) = find_dates(f"Hôm đó, {cue} {day}{sep}{month}, hai bên gặp nhau.")
    assert (d.day, d.month, d.year) == (day, month, None)


@given(st.integers(1, 31), st.integers(1, 12), st.one_of(st.none(), st.integers(1990, 2030)))
def test_iso_round_trip(day: int, month: int, year: int | None) -> None:
    out = iso(year, month, day)
    if out is not None:
        assert out.endswith(f"{month:02d}-{day:02d}")


@given(st.text(max_size=80))
def test_find_dates_never_fails_and_spans_hold(text: str) -> None:
    for d in find_dates(text):
        assert 0 <= d.start < d.end <= len(text)
        assert 1 <= d.day <= 31 and 1 <= d.month <= 12


def test_cue_gated_rules_find_what_the_bare_regexes_find() -> None:
    """The cues only skip sentences a rule cannot match: results are the regex's own."""
    from interparty.loaders import dates, vi_events
    from interparty.loaders.facts import Cued

    sentences = [
        "Sáng 15-7, tại Hà Nội, Thành ủy khai giảng lớp bồi dưỡng.",
        "Chiều 3/4/2024 hai bên ký kết 8 biên bản hợp tác giai đoạn 2024-2026.",
        "Từ ngày 3 đến ngày 5/4, đoàn sẽ sang thăm và làm việc với tỉnh bạn.",
        "HỘI ĐÀM giữa hai đoàn diễn ra ngày 9.4.2024; Kế hoạch số 12-KH/TU được ban hành.",
        "Lớp học có 27 học viên, trong thời gian 12 ngày, hồi tháng trước.",
        "Tối 29/8, Đoàn công tác tiếp xã giao Đại sứ; lễ kỷ niệm diễn ra vừa qua.",
        "Không có gì ở đây cả.",
        "",
    ]
    rules = [rx for _, rx in vi_events._KINDS] + [
        vi_events._FUTURE, vi_events._AGREEMENT_RE, vi_events._COURSE_RE, vi_events._COUNTS_RE,
        vi_events._TRAINEES_RE, vi_events._DURATION_RE, vi_events._PLAN_RE, vi_events._DELEGATION_RE,
        dates._DAY_RANGE, dates._SINGLE, dates._FULL, dates._SINGLE_DOT, dates._WORDY, dates._LOOKS_BACK,
    ]
    for rule in rules:
        assert isinstance(rule, Cued)
        for s in sentences:
            assert [m.span() for m in rule.finditer(s)] == [m.span() for m in rule.rx.finditer(s)], (rule.pattern, s)
            got, want = rule.search(s), rule.rx.search(s)
            assert (got and got.span()) == (want and want.span())
