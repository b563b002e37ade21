"""The Vietnamese extractor, case by case, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import clean, fold
from interparty.loaders.vi import extract


def run(text: str, date: str | None = "2024-07-15", title: str = "") -> Extraction:
    return extract(SourceDoc(key="t", text=clean(text), date=date, title=title))


def positions(ex: Extraction, name: str) -> dict[str, tuple[str, str]]:
    """title -> (body name, resolution) for one official."""
    names = {n.ref: n.props["name"] for n in ex.nodes}
    off = next(n for n in ex.of_kind("Official") if n.props["name"] == name)
    return {r.props["title"]: (names[r.end], r.props["resolution"]) for r in ex.rels_of("HOLDS_POSITION")
            if r.start == off.ref}


def officials(ex: Extraction) -> dict[str, str]:
    return {n.props["name"]: n.props["country"] for n in ex.of_kind("Official")}


def test_title_chain_before_name() -> None:
    ex = run("Dự buổi lễ có đồng chí Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội "
             "Trần Văn Khải.")
    assert officials(ex) == {"Trần Văn Khải": "VN"}
    pos = positions(ex, "Trần Văn Khải")
    assert pos["Phó Bí thư Thường trực Thành ủy Hà Nội"] == ("Thành ủy Hà Nội", "explicit")
    assert pos["Ủy viên Trung ương Đảng"][0] == "Trung ương Đảng"  # national: never the city's


def test_shared_place_closes_the_chain() -> None:
    ex = run("Tiếp đồng chí Bounmy Phanthavong, Bí thư Thành ủy, Chủ tịch HĐND Thủ đô Viêng Chăn.")
    pos = positions(ex, "Bounmy Phanthavong")
    assert pos["Bí thư Thành ủy"] == ("Thành ủy Viêng Chăn", "same_chain")
    assert pos["Chủ tịch HĐND Thủ đô Viêng Chăn"] == ("HĐND Thủ đô Viêng Chăn", "explicit")
    assert officials(ex)["Bounmy Phanthavong"] == "LA"


def test_comma_inside_one_body_name() -> None:
    ex = run("Có mặt Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô "
             "Viêng Chăn Khamphet Sisouk.")
    pos = positions(ex, "Khamphet Sisouk")
    assert pos["Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn"][0] == (
        "Ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn")
    # The Lao official's standing committee is Vientiane's, never Hanoi's.
    assert pos["Ủy viên Ban Thường vụ Thành ủy"][0] == "Ban Thường vụ Thành ủy Viêng Chăn"


def test_lao_member_of_standing_committee_in_hanoi_article_gets_vientiane() -> None:
    ex = run("Thành ủy Hà Nội đón đoàn Thủ đô Viêng Chăn. Ủy viên Ban Thường vụ Thành ủy Somsak Vongsa "
             "cảm ơn Hà Nội. Thành ủy Hà Nội và Thủ đô Viêng Chăn hợp tác.")
    assert positions(ex, "Somsak Vongsa")["Ủy viên Ban Thường vụ Thành ủy"][0] == "Ban Thường vụ Thành ủy Viêng Chăn"


def test_list_header_title_covers_every_name() -> None:
    ex = run("Cùng dự có các đồng chí Ủy viên Ban Thường vụ Thành ủy Hà Nội: Trưởng ban Dân vận Thành ủy "
             "Lê Thị Hạnh, Trưởng ban Nội chính Thành ủy Phạm Quốc Bình - Phó Trưởng ban Tổ chức sự kiện.")
    for name in ("Lê Thị Hạnh", "Phạm Quốc Bình"):
        pos = positions(ex, name)
        assert pos["Ủy viên Ban Thường vụ Thành ủy Hà Nội"] == ("Ban Thường vụ Thành ủy Hà Nội", "list_header")
    assert positions(ex, "Lê Thị Hạnh")["Trưởng ban Dân vận Thành ủy"][0] == "Ban Dân vận Thành ủy Hà Nội"
    # The role after the dash belongs to the name before it, not to the next one.
    assert "Phó Trưởng ban Tổ chức sự kiện" in positions(ex, "Phạm Quốc Bình")
    assert "Phó Trưởng ban Tổ chức sự kiện" not in positions(ex, "Lê Thị Hạnh")


def test_name_then_titles_after_comma() -> None:
    ex = run("Đoàn do đồng chí Hoàng Minh Đức, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội dẫn đầu.")
    pos = positions(ex, "Hoàng Minh Đức")
    assert pos["Ủy viên Bộ Chính trị"][0] == "Bộ Chính trị"
    assert pos["Bí thư Thành ủy Hà Nội"][0] == "Thành ủy Hà Nội"


def test_plural_title_before_several_names() -> None:
    ex = run("Tham dự có các Phó Chủ tịch UBND thành phố Hà Nội Đỗ Văn Tâm, Ngô Thị Lan.")
    for name in ("Đỗ Văn Tâm", "Ngô Thị Lan"):
        assert positions(ex, name)["Phó Chủ tịch UBND thành phố Hà Nội"][0] == "UBND thành phố Hà Nội"


def test_elided_city_comes_from_context() -> None:
    ex = run("Thành ủy Hà Nội tổ chức hội nghị. Trưởng ban Tuyên giáo Thành ủy Vũ Thị Mai phát biểu.")
    assert positions(ex, "Vũ Thị Mai")["Trưởng ban Tuyên giáo Thành ủy"] == ("Ban Tuyên giáo Thành ủy Hà Nội",
                                                                             "context")
    body = next(b for b in ex.of_kind("Body") if b.props["name"] == "Ban Tuyên giáo Thành ủy Hà Nội")
    parent = [r.end for r in ex.rels_of("PART_OF") if r.start == body.ref]
    assert parent == [("Body", fold("Thành ủy Hà Nội"))]


def test_rank_and_ambassador() -> None:
    ex = run("Tham gia có Thiếu tướng Đặng Văn Hòa, Giám đốc Công an thành phố Hà Nội và Đại sứ Việt Nam tại "
             "Lào Lý Văn Sơn.")
    assert positions(ex, "Đặng Văn Hòa") == {"Giám đốc Công an thành phố Hà Nội": ("Công an thành phố Hà Nội",
                                                                                   "explicit")}
    assert positions(ex, "Lý Văn Sơn")["Đại sứ Việt Nam tại Lào"][0] == "Đại sứ quán Việt Nam tại Lào"
    assert officials(ex)["Lý Văn Sơn"] == "VN"


def test_hyphenated_lao_spelling_is_a_foreign_name() -> None:
    ex = run("Đồng chí Xổm-xạ-vạt Lềnh-xa-vắt, Phó Chủ tịch HĐND Thủ đô Viêng Chăn, phát biểu.")
    assert officials(ex) == {"Xổm-xạ-vạt Lềnh-xa-vắt": "LA"}


def test_byline_photo_credit_and_file_names_are_not_officials() -> None:
    text = ("Minh Châu 12/05/2024 08:15\n\nSáng 12-5, Thành ủy Hà Nội tiếp đoàn. Ảnh: Trọng Tùng\n"
            "anh-1.jpg\nBí thư Thành ủy Hà Nội Lê Văn An phát biểu. (Ảnh: Hải Yến)")
    assert set(officials(run(text, date="2024-05-12"))) == {"Lê Văn An"}


def test_unrelated_headline_lines_are_ignored() -> None:
    text = ("Bí thư Thành ủy Hà Nội Lê Văn An tiếp đoàn Viêng Chăn.\n"
            "Tỉnh Nghệ An và Thủ đô Viêng Chăn ký kết thỏa thuận hợp tác giai đoạn 2025-2028\n"
            "Chiều 3/9, hai bên đã hội đàm.")
    ex = run(text, date="2025-09-04")
    assert ex.of_kind("Agreement") == []


def test_text_variants_meet() -> None:
    ex = run("Phó Bí thư Thành uỷ Hà Nội Ðinh Thị Hoà dự lễ.")
    assert officials(ex) == {"Đinh Thị Hoà": "VN"} or officials(ex) == {"Đinh Thị Hòa": "VN"}
    assert positions(ex, next(iter(officials(ex))))["Phó Bí thư Thành ủy Hà Nội"][0] == "Thành ủy Hà Nội"


def test_abbreviated_title() -> None:
    ex = run("Dự lễ có đồng chí Trịnh Văn Lâm, UVTVTU, Chánh Văn phòng Tỉnh ủy.")
    pos = positions(ex, "Trịnh Văn Lâm")
    assert pos["UVTVTU"][0] == "Ban Thường vụ Tỉnh ủy"


def test_events_dates_and_looking_back() -> None:
    text = ("Sáng 15-7, Thành ủy Hà Nội tổ chức khai giảng lớp bồi dưỡng cán bộ Thủ đô Viêng Chăn.\n"
            "Trong chuyến thăm và làm việc tại Lào hai ngày 20 và 21-9 vừa qua, hai bên đã ký 5 biên bản hợp tác.")
    ex = run(text, date="2024-07-15")
    ev = {e.props["kind"]: e.props for e in ex.of_kind("Event")}
    assert ev["opening"]["date"] == "2024-07-15" and ev["opening"]["year_inferred"] is True
    assert ev["visit"]["date"] == "2023-09-20" and ev["visit"]["end_date"] == "2023-09-21"
    ag = ex.of_kind("Agreement")[0].props
    assert ag["kind"] == "minutes" and ag["count"] == 5
    assert ex.rels_of("SIGNED_AT")


def test_anniversary_of_a_treaty_is_not_a_signing() -> None:
    ex = run("Hai bên dự lễ kỷ niệm 45 năm ký Hiệp ước hữu nghị và hợp tác.")
    assert ex.of_kind("Agreement") == []


def test_period_and_plan_and_course_counts() -> None:
    text = ("Ngày 2-3-2024, Ban Thường vụ Thành ủy Hà Nội đã ban hành Kế hoạch số 101-KH/TU về tổ chức "
            "2 Lớp bồi dưỡng cho cán bộ tỉnh Savannakhet (gồm 40 đồng chí: 36 học viên, 4 cán bộ quản lý lớp).\n"
            "Hai bên ký biên bản thỏa thuận hợp tác giai đoạn 2024-2026.")
    ex = run(text)
    plan = ex.of_kind("Plan")[0].props
    assert (plan["number"], plan["kind"], plan["date"]) == ("101-KH/TU", "plan", "2024-03-02")
    assert ex.rels_of("ISSUED")
    course = ex.of_kind("Course")[0].props
    assert (course["participants"], course["trainees"], course["managers"]) == (40, 36, 4)
    assert ex.of_kind("Agreement")[0].props["period"] == "2024-2026"


def test_every_fact_has_a_mention_inside_the_text() -> None:
    ex = run("Sáng 15-7, Phó Bí thư Thành ủy Hà Nội Lê Văn An tiếp đoàn đại biểu Thủ đô Viêng Chăn.")
    for fact in [*ex.nodes, *ex.rels]:
        assert fact.mentions
        for m in fact.mentions:
            assert 0 <= m.start <= m.end <= len(ex.source.text)


EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.mark.skipif(not EVAL.is_dir(), reason="shared eval set not present")
def test_no_byline_or_photographer_on_shared_articles() -> None:
    """Read in place (never copied): no credit or byline name becomes an official."""
    from interparty.loaders.sources import read_file

    for f in sorted((EVAL / "articles").glob("*_vi_*.txt")):
        doc = read_file(f)[0]
        credits = {fold(x) for x in __import__("re").findall(r"Ảnh:\s*([^)|\n/]+)", doc.text)}
        names = {fold(n.props["name"]) for n in extract(doc).of_kind("Official")}
        assert not names & {c.strip() for c in credits}, f.name
        json.dumps([n.props for n in extract(doc).nodes], ensure_ascii=False)
