"""Held-out error classes (two-day dates, visits with gifts, foreign ministries, Ê Đê names, delegations),
each as a sentence written for the test and the facts it must give, with cases where the rules hold back.
"""

from __future__ import annotations

from interparty.graph.model import Extraction
from interparty.loaders.dates import find_dates
from vi_examples import positions, run


def events(ex: Extraction) -> list[tuple[str, str | None]]:
    return sorted((e.props["kind"], e.props.get("date")) for e in ex.of_kind("Event"))


def bodies(ex: Extraction) -> set[str]:
    return {n.props["name"] for n in ex.of_kind("Body")}


def officials(ex: Extraction) -> set[str]:
    return {n.props["name"] for n in ex.of_kind("Official")}


# 1. "hai ngày D1 và D2-M": a range, taken by the visit; a visit on its first day is another event


def test_two_days_joined_by_and_are_a_range() -> None:
    for text in ("Trong hai ngày 3 và 4-5, đoàn làm việc tại tỉnh.", "Trong hai ngày 3 và 4/5, đoàn làm việc."):
        (dm,) = find_dates(text)
        assert (dm.day, dm.month, dm.end_day, dm.end_month) == (3, 5, 4, 5)


def test_visit_on_the_first_day_of_a_two_day_trip_is_its_own_event() -> None:
    ex = run("Trong hai ngày 3 và 4-5, Đoàn đại biểu tỉnh Nghệ An đã thăm và làm việc tại tỉnh Bô-li-khăm-xay. "
             "Chiều 3-5, Đoàn đã thăm, tặng quà học sinh Trường Hữu nghị.")
    assert events(ex) == [("visit", "2024-05-03"), ("visit", "2024-05-03")]


# 2. "thăm, tặng quà": a visit with gifts stays a visit


def test_visit_with_gifts_is_a_visit_not_a_donation() -> None:
    ex = run("Sáng 12-3, đoàn công tác đã thăm hỏi, tặng quà các gia đình chính sách tại huyện biên giới.")
    assert events(ex) == [("visit", "2024-03-12")]


def test_gifts_without_a_visit_stay_a_donation() -> None:
    ex = run("Sáng 12-3, đoàn công tác đã trao tặng 50 suất quà cho học sinh nghèo.")
    assert [k for k, _ in events(ex)] == ["other"]


# 3. A bare title in a foreign ministry's delegation: the ministry of the official's own country


def test_bare_deputy_minister_of_a_foreign_ministry_delegation() -> None:
    ex = run("Sáng 5-3, Thứ trưởng Bộ Tư pháp Nguyễn Văn An đã hội đàm với Đoàn đại biểu Bộ Tư pháp Lào do "
             "Thứ trưởng Khăm-ma Xỉ-phăn-đon dẫn đầu.")
    assert positions(ex, "Khăm-ma Xỉ-phăn-đon") == {"Thứ trưởng": ("Bộ Tư pháp Lào", "context")}
    assert positions(ex, "Nguyễn Văn An") == {"Thứ trưởng Bộ Tư pháp": ("Bộ Tư pháp", "explicit")}


def test_bare_deputy_minister_without_a_named_ministry_gets_no_body() -> None:
    ex = run("Sáng 5-3, ông Trần Văn Bình đã tiếp Thứ trưởng Khăm-ma Xỉ-phăn-đon tại Hà Nội.")
    assert positions(ex, "Khăm-ma Xỉ-phăn-đon") == {}


def test_vietnamese_ministry_with_and_without_the_country_is_one_body() -> None:
    ex = run("Bộ trưởng Bộ Tư pháp Nguyễn Văn An cảm ơn Bộ Tư pháp Việt Nam và Bộ Tư pháp Lào.")
    names = bodies(ex)
    assert "Bộ Tư pháp Lào" in names
    assert len([n for n in names if n.startswith("Bộ Tư pháp") and "Lào" not in n]) == 1


# 4. Ê Đê and Gia Rai names ("H'Nhi Mlô", "Y Biêr Niê"), and a counted title before "là" and the names


def test_ede_names_in_a_counted_title_list() -> None:
    ex = run("Phía Gia Lai có hai Phó Chủ tịch UBND tỉnh Gia Lai là Nguyễn Văn Lâm và H'Nhi Mlô.")
    assert positions(ex, "Nguyễn Văn Lâm") == {"Phó Chủ tịch UBND tỉnh Gia Lai": ("UBND tỉnh Gia Lai", "explicit")}
    assert positions(ex, "H'Nhi Mlô") == {"Phó Chủ tịch UBND tỉnh Gia Lai": ("UBND tỉnh Gia Lai", "explicit")}


def test_ede_names_with_apostrophe_space_and_particle() -> None:
    ex = run("Dự có bà H' Hen Niê, Phó Chủ tịch UBND tỉnh Đắk Lắk và ông Y Biêr Niê, Chủ tịch HĐND tỉnh Đắk Lắk.")
    assert {"H' Hen Niê", "Y Biêr Niê"} <= officials(ex)


def test_singular_title_before_la_is_not_a_list() -> None:
    ex = run("Người phát biểu đầu tiên tại hội nghị là Nguyễn Văn Lâm.")
    assert officials(ex) == set()


# 5. A delegation is not a standing body: what it is of is read, and its name is not cut at a place


def test_delegation_name_is_not_cut_at_a_place_inside_a_body_name() -> None:
    ex = run("Chiều 10/6, ông Trần Văn Bình đã hội đàm với Đoàn đại biểu Ủy ban Trung ương Mặt trận Lào xây "
             "dựng đất nước tại Hà Nội.")
    names = bodies(ex)
    assert "Đoàn đại biểu Ủy ban Trung ương Mặt trận Lào" not in names
    assert "Ủy ban Trung ương Mặt trận Lào xây dựng đất nước" in names


def test_central_youth_union_of_a_lao_official_is_not_his_party() -> None:
    ex = run("Đi cùng đoàn Lào có đồng chí Xổm-xạ-nít Keo-bun-hương, Phó Bí thư Trung ương Đoàn.")
    assert positions(ex, "Xổm-xạ-nít Keo-bun-hương") == {
        "Phó Bí thư Trung ương Đoàn": ("Trung ương Đoàn Thanh niên Nhân dân Cách mạng Lào", "context")}
    assert not any("Đoàn Đảng" in n for n in bodies(ex))
