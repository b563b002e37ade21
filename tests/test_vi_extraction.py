"""The Vietnamese extractor, case by case, on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import fold
from interparty.loaders.vi import extract
from vi_examples import positions, run


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


# ---------------------------------------------------------------- one identity in both languages


def _positions(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(r.start[1], r.end[1], r.props["role"]) for r in ex.rels_of("HOLDS_POSITION")}


def test_politburo_and_standing_committee_members_are_role_member_of_the_body() -> None:
    ex = run("Dự lễ có đồng chí Trần Quốc Bảo, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội và đồng chí "
             "Lê Văn Hưng, Ủy viên Ban Thường vụ Thành ủy Hà Nội.")
    pos = _positions(ex)
    assert ("trần quốc bảo", "bộ chính trị", "member") in pos
    assert ("lê văn hưng", "ban thường vụ thành ủy hà nội", "member") in pos
    # the relationship is keyed by the role alone (with its ends): one post, one relationship
    assert {r.key for r in ex.rels_of("HOLDS_POSITION")} <= {"member", "secretary"}


def test_same_post_read_in_vietnamese_and_english_has_one_identity() -> None:
    from interparty.loaders.en import extract as en_extract

    vi_ex = run("Sáng 3/5, đồng chí Trần Quốc Bảo, Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội, tiếp đoàn. "
                "Đồng chí Somchai Keola, Bí thư Thành ủy Vientiane, cảm ơn.")
    en_ex = en_extract(SourceDoc(key="e", lang="en", date="2024-05-03", text=(
        "Politburo member and Secretary of the Hanoi Party Committee Tran Quoc Bao received the guests. "
        "Secretary of the Vientiane Party Committee Somchai Keola thanked the city.")))
    strip = {"trần quốc bảo": "tran quoc bao"}
    vi_pos = {(strip.get(o, o), b, r) for o, b, r in _positions(vi_ex)}
    assert vi_pos == _positions(en_ex)
    assert ("somchai keola", "thành ủy viêng chăn", "secretary") in vi_pos


def test_every_role_either_extractor_can_emit_is_in_the_vocabulary() -> None:
    from interparty.loaders.en_gazetteer import gazetteer as en_gazetteer
    from interparty.loaders.gazetteer import gazetteer, load_yaml, roles

    vocab = roles()
    assert {t.role for t in gazetteer().titles} <= vocab.positions
    assert set(load_yaml("en_titles.yaml")["roles"].values()) <= vocab.positions
    assert set(load_yaml("en_titles.yaml")["state_roles"]) <= vocab.positions
    assert en_gazetteer().party_roles <= vocab.positions
    # what the extractors write on ATTENDED
    ex = run("Sáng 3/5, đồng chí Trần Quốc Bảo, Bí thư Thành ủy Hà Nội, tiếp Đoàn đại biểu tỉnh Sơn La.")
    assert {r.props["role"] for r in ex.rels_of("ATTENDED")} <= vocab.attendance
    with pytest.raises(ValueError, match=r"roles\.yaml"):
        vocab.check(["politburo member"], "test")


def test_body_keys_do_not_depend_on_spelling() -> None:
    from interparty.loaders.vi_lexicon import body_key

    assert body_key("Thành ủy Vientiane") == body_key("Thành ủy Viêng Chăn") == body_key("Thành ủy thủ đô Viêng Chăn")
    assert body_key("HĐND Thủ đô Viêng Chăn") == body_key("Hội đồng nhân dân thành phố Viêng Chăn")
    assert body_key("UBND tỉnh Sơn La") == body_key("Ủy ban nhân dân tỉnh Sơn La")
    assert body_key("Ủy ban MTTQ tỉnh Sơn La") == body_key("Ủy ban Mặt trận Tổ quốc tỉnh Sơn La")
    assert body_key("Thành ủy Hà Nội") != body_key("Thành ủy Viêng Chăn")


def test_two_spellings_of_one_body_are_one_node_named_as_first_written() -> None:
    ex = run("Đồng chí Somchai Keola, Bí thư Thành ủy Vientiane, phát biểu. "
             "Đồng chí Bounmy Sisouk, Phó Bí thư Thành ủy Viêng Chăn, dự.")
    bodies = [b for b in ex.of_kind("Body") if b.key == "thành ủy viêng chăn"]
    assert len(bodies) == 1
    assert bodies[0].props["name"] == "Thành ủy Vientiane"
    assert "Thành ủy Viêng Chăn" in bodies[0].props["aliases"]


# ---------------------------------------------------------------- agreements and courses: who


def _parties(ex: Extraction) -> set[str]:
    names = {n.ref: n.props["name"] for n in ex.nodes}
    return {names[r.start] for r in ex.rels_of("PARTY_TO")}


def test_parties_between_two_localities() -> None:
    ex = run("Ngày 9/4, tại Sơn La đã diễn ra lễ ký kết biên bản hợp tác giữa tỉnh Sơn La và tỉnh Hủa Phăn "
             "giai đoạn 2024-2026.")
    assert _parties(ex) == {"Tỉnh Sơn La", "Tỉnh Hủa Phăn"}
    keys = {r.start[1] for r in ex.rels_of("PARTY_TO")}
    assert keys == {"sơn la", "houaphanh"}  # the canonical place names: any spelling meets here


def test_parties_are_the_localities_party_committees_when_named() -> None:
    ex = run("Đồng chí Trần Quốc Bảo, Bí thư Thành ủy Hà Nội, tiếp đồng chí Somchai Keola, Bí thư Thành ủy "
             "Viêng Chăn. Thủ đô Hà Nội và Thủ đô Viêng Chăn đã ký kết biên bản thỏa thuận hợp tác giai đoạn "
             "2024-2026.")
    assert _parties(ex) == {"Thành ủy Hà Nội", "Thành ủy Viêng Chăn"}


def test_hai_ben_means_the_two_sides_of_the_article_only_when_unambiguous() -> None:
    text = ("Đoàn đại biểu thành phố Hà Nội thăm Thủ đô Viêng Chăn từ ngày 3 đến ngày 5/5. Dịp này, hai bên đã "
            "ký biên bản hợp tác giai đoạn 2024-2026.")
    assert _parties(run(text)) == {"Hà Nội", "Viêng Chăn"}
    # a third city of one side: which two are meant is not said
    assert _parties(run(text + " Đoàn cũng làm việc với thành phố Hải Phòng và thành phố Đà Nẵng.")) == set()


def test_course_trains_the_cadres_of_a_locality_with_their_number() -> None:
    ex = run("Sáng 4/3, Trường Chính trị tỉnh Sơn La khai giảng lớp bồi dưỡng lý luận chính trị cho cán bộ "
             "tỉnh Hủa Phăn. Lớp học có 30 học viên.")
    trains = ex.rels_of("TRAINS")
    assert len(trains) == 1
    assert trains[0].end == ("Body", "houaphanh")
    assert trains[0].props["count"] == 30


def test_course_trains_the_cadres_of_a_named_body() -> None:
    ex = run("Ngày 2/6, Học viện Chính trị khu vực I khai giảng lớp bồi dưỡng nghiệp vụ công tác tuyên giáo "
             "cho cán bộ Ban Tuyên giáo Thành ủy Viêng Chăn.")
    names = {n.ref: n.props["name"] for n in ex.nodes}
    assert [names[r.end] for r in ex.rels_of("TRAINS")] == ["Ban Tuyên giáo Thành ủy Viêng Chăn"]


# ---------------------------------------------------------------- facts: fast checks keep the schema's rules


def test_fact_builder_checks_props_and_merges_repeats() -> None:
    from interparty.loaders.facts import FactBuilder
    from pydantic import ValidationError

    fb = FactBuilder(SourceDoc(key="k", text="Một câu. Câu hai."))
    m1, m2 = fb.mention(0, 3, "t"), fb.mention(9, 12, "t")
    fb.node("Course", "c", m1, name="Lớp A", trainees="27")  # coerced by the schema's model
    fb.node("Course", "c", m2, name="Lớp B", duration="12 ngày")  # fills a gap; the first name wins
    fb.node("Course", "c", m1)  # the same mention again: not repeated
    with pytest.raises(ValidationError):
        fb.node("Course", "x", m1, colour="red")  # unknown property
    with pytest.raises(ValueError):
        fb.node("Colour", "x", m1)  # unknown kind
    with pytest.raises(ValueError):
        fb.rel("TRAINS", ("Body", "b"), ("Course", "c"), m1)  # wrong direction
    ex = fb.build()
    (c,) = ex.nodes
    assert c.props == {"key": "c", "name": "Lớp A", "trainees": 27, "duration": "12 ngày"}
    assert [(m.start, m.sentence) for m in c.mentions] == [(0, "Một câu."), (9, "Câu hai.")]
    assert ex.model_dump()["nodes"][0]["props"]["trainees"] == 27


def test_also_present_sentence_adds_people_to_the_event_just_named() -> None:
    ex = run("Sáng 4-9, Thành ủy Bắc Ninh tổ chức khai giảng lớp bồi dưỡng cán bộ tỉnh Luang Prabang. "
             "Dự lễ khai giảng có Phó Bí thư Thường trực Tỉnh ủy Bắc Ninh Trần Văn Hòa. "
             "Cùng dự còn có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy Bắc Ninh: Trưởng ban Tổ chức Tỉnh ủy "
             "Lê Minh Tâm, Trưởng ban Tuyên giáo Tỉnh ủy Đỗ Thị Hoa.")
    opening = next(n for n in ex.of_kind("Event") if n.props["kind"] == "opening")
    names = {n.ref: n.props["name"] for n in ex.nodes}
    attended = {names[r.start] for r in ex.rels_of("ATTENDED") if r.end == opening.ref}
    assert attended == {"Trần Văn Hòa", "Lê Minh Tâm", "Đỗ Thị Hoa"}


def test_cadres_of_a_sector_of_a_place_are_trained() -> None:
    ex = run("Sáng 2-10, Thành ủy Hà Nội khai giảng lớp bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô "
             "Viêng Chăn năm 2024 (25 học viên).")
    names = {n.ref: n.props["name"] for n in ex.nodes}
    trains = [names[r.end] for r in ex.rels_of("TRAINS")]
    assert trains and "Viêng Chăn" in trains[0]


def test_historical_figures_are_not_officials() -> None:
    ex = run("Mối quan hệ đặc biệt do Chủ tịch Hồ Chí Minh và Chủ tịch Kay-xỏn Phôm-vi-hẳn dày công vun đắp "
             "được Phó Bí thư Thành ủy Hà Nội Trần Thu Hà nhắc lại tại buổi tiếp.")
    assert officials(ex) == {"Trần Thu Hà": "VN"}
