"""Classes of errors a fourth blind set (``tests/data/blind4``) showed, as examples.

Every sentence is written for these tests (none is taken from the evaluation sets); the negative
cases show where the rules hold back.
"""

from __future__ import annotations

import pytest
from test_vi_events_agreements import kinds, run
from vi_examples import positions

# 1. Family names of the northern uplands (Hmong, Thái) open a name like any other


@pytest.mark.parametrize("name", ["Vừ A Dính", "Cà Văn Pấng", "Điêu Thị Xuân", "Đèo Văn Khiêm"])
def test_a_family_name_of_the_uplands_opens_a_name(name: str) -> None:
    ex = run(f"Dự buổi làm việc có đồng chí {name}, Phó Chủ tịch Hội Nông dân tỉnh Lai Châu.")
    assert positions(ex, name)["Phó Chủ tịch Hội Nông dân tỉnh Lai Châu"][0] == "Hội Nông dân tỉnh Lai Châu"


# 2. Associations and unions written with their abbreviations


@pytest.mark.parametrize(("title", "body"), [
    ("Chủ tịch Hội CCB tỉnh Hà Tĩnh", "Hội CCB tỉnh Hà Tĩnh"),
    ("Phó Chủ tịch LĐLĐ tỉnh Nghệ An", "LĐLĐ tỉnh Nghệ An"),
])
def test_an_abbreviated_association_is_a_body(title: str, body: str) -> None:
    ex = run(f"Đồng chí Phan Văn Tuấn, {title} phát biểu.")
    assert positions(ex, "Phan Văn Tuấn")[title][0] == body


# 3. A field trip on a delegation's programme is an event on its day; one in a course's summary is not


def test_a_dated_field_trip_is_an_event() -> None:
    ex = run("Sáng 12-4, Đoàn đã tham quan Khu di tích Kim Liên tại huyện Nam Đàn.")
    assert kinds(ex)["field_trip"] == "2024-04-12"


def test_a_field_trip_on_the_day_of_the_talks_is_that_days() -> None:
    ex = run("Sáng 3-4, hai đoàn đã hội đàm tại Vinh. Chiều cùng ngày, Đoàn đã tham quan thực tế mô hình "
             "trồng chè của hợp tác xã.")
    assert kinds(ex) == {"talks": "2024-04-03", "field_trip": "2024-04-03"}


@pytest.mark.parametrize("text", [
    "Sau 10 tháng, học viên đã hoàn thành chương trình và đi nghiên cứu thực tế tại tỉnh Hà Tĩnh.",
    "Chiều nay, Đoàn sẽ tham quan Khu di tích Kim Liên.",
])
def test_an_undated_or_planned_field_trip_is_no_event(text: str) -> None:
    assert "field_trip" not in kinds(run(text))


# 4. Where a title or a body's name ends: before a predicate, before a document's subject


def test_a_title_ends_before_its_predicate_after_a_countrys_commission() -> None:
    ex = run("Đoàn đại biểu Ban Đối ngoại Trung ương do đồng chí Lê Hồng Sơn, Phó Trưởng Ban Đối ngoại Trung ương "
             "dẫn đầu đã thăm tỉnh Hủa Phăn.")
    assert positions(ex, "Lê Hồng Sơn") == {
        "Phó Trưởng Ban Đối ngoại Trung ương": ("Ban Đối ngoại Trung ương", "explicit")}


def test_a_decisions_issuer_is_not_the_organiser_of_what_it_decides() -> None:
    ex = run("Thực hiện Quyết định số 120-QĐ/TU ngày 9-1-2024 của Ban Thường vụ Tỉnh ủy Hà Tĩnh về việc mở lớp "
             "bồi dưỡng cho cán bộ tỉnh Bô-ly-khăm-xay, Trường Chính trị Trần Phú khai giảng lớp học.")
    names = {b.props["name"] for b in ex.of_kind("Body")}
    assert not any("về việc" in n for n in names)
    organisers = {r.start for r in ex.rels_of("ORGANIZED")}
    assert ("Body", "ban thường vụ tỉnh ủy hà tĩnh") not in organisers


def test_the_second_signatory_ends_where_its_predicate_begins() -> None:
    ex = run("Ban Tuyên giáo Tỉnh ủy Hà Giang và Ban Tuyên truyền Tỉnh ủy Vân Nam đã hội đàm, trao đổi kinh nghiệm "
             "và ký Biên bản ghi nhớ hợp tác giai đoạn 2024-2026.")
    parties = {r.start[1] for r in ex.rels_of("PARTY_TO")}
    assert parties == {"ban tuyên giáo tỉnh ủy hà giang", "ban tuyên truyền tỉnh ủy vân nam"}


def test_an_abbreviation_introduced_in_brackets_is_no_part_of_the_name() -> None:
    ex = run("Sở Giáo dục và Đào tạo (GD&ĐT) tỉnh Quảng Ngãi và Sở Giáo dục và Thể thao tỉnh Sê-kông ký Biên bản "
             "ghi nhớ hợp tác năm 2024.")
    names = {b.ref: b.props["name"] for b in ex.of_kind("Body")}
    assert not any("(" in n for n in names.values())
    assert {names[r.start] for r in ex.rels_of("PARTY_TO")} == {"Sở Giáo dục và Đào tạo Quảng Ngãi",
                                                                 "Sở Giáo dục và Thể thao tỉnh Sê-kông"}


# 5. A committee of the National Assembly; a foreign official's party body, never Vietnam's


def test_a_committee_of_the_national_assembly() -> None:
    ex = run("Dự buổi tiếp có đồng chí Đinh Thị Hương, Phó Chủ nhiệm Ủy ban Đối ngoại của Quốc hội.")
    assert positions(ex, "Đinh Thị Hương")["Phó Chủ nhiệm Ủy ban Đối ngoại của Quốc hội"][0] == (
        "Ủy ban Đối ngoại Quốc hội")


def test_an_official_of_a_country_the_gazetteer_lacks_is_on_no_vietnamese_body() -> None:
    ex = run("Phía bạn có ông Ramón Ortega Vidal, Ủy viên Ban Chấp hành Trung ương, Bộ trưởng Bộ Nông nghiệp "
             "nước Cộng hòa Đô-mi-ni-ca.")
    assert "Ủy viên Ban Chấp hành Trung ương" not in positions(ex, "Ramón Ortega Vidal")
    assert not any(b.props["name"] == "Ban Chấp hành Trung ương" for b in ex.of_kind("Body"))


def test_a_mozambican_central_committee_member_is_on_frelimos() -> None:
    ex = run("Đoàn đại biểu Đảng FRELIMO của nước Cộng hòa Mô-dăm-bích thăm Việt Nam. Cùng đi có ông Ernesto "
             "Cossa, Ủy viên Ban Chấp hành Trung ương Đảng FRELIMO, và ông Alberto Mondlane, Ủy viên Ban Chấp "
             "hành Trung ương.")
    assert positions(ex, "Alberto Mondlane")["Ủy viên Ban Chấp hành Trung ương"] == (
        "Ban Chấp hành Trung ương Đảng FRELIMO", "context")


def test_a_bare_association_in_a_sides_list_is_that_sides() -> None:
    ex = run("Về phía Hội Cựu chiến binh tỉnh Khăm Muồn có các đồng chí: Đại tá Xổm-phon Keo-la, Chủ tịch Hội; "
             "Thượng tá Bun-mi Xay-xa-na, Phó Chủ tịch Hội.")
    assert positions(ex, "Bun-mi Xay-xa-na")["Phó Chủ tịch Hội"] == (
        "Hội Cựu chiến binh tỉnh Khăm Muồn", "context")


# 6. Days: an anniversary's span dates no event; "Sáng nay" is the article's day


def test_the_end_of_an_anniversarys_span_dates_no_visit() -> None:
    ex = run("Đoàn sang thăm Việt Nam đúng dịp kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao "
             "(5-9-1964 – 5-9-2024).", date="2024-09-10")
    assert kinds(ex).get("visit") is None


def test_this_morning_is_the_articles_day() -> None:
    ex = run("Sáng nay, tại thành phố Vinh, Tỉnh ủy Nghệ An đã tiếp Đoàn đại biểu tỉnh Xiêng Khoảng.",
             date="2024-07-18")
    assert kinds(ex)["reception"] == "2024-07-18"
    (event,) = ex.of_kind("Event")
    assert event.props["year_inferred"] is True
