"""Bodies and places in Vietnamese articles, case by case: a sentence in, the bodies and places out."""

from __future__ import annotations

import pytest
from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.extract import extract
from interparty.loaders.gazetteer import gazetteer, spelling_variants
from interparty.loaders.vi_lexicon import body_key, lexicon
from vi_examples import positions, run


def bodies(ex: Extraction) -> dict[str, str]:
    """Body name -> country."""
    return {b.props["name"]: b.props["country"] for b in ex.of_kind("Body")}


def officials(ex: Extraction) -> set[str]:
    return {n.props["name"] for n in ex.of_kind("Official")}


def place(text: str) -> tuple[str, str, str] | None:
    """(canonical name, kind, country) of the first place named in ``text``."""
    ps = lexicon().places_in(clean(text))
    if not ps or ps[0].place is None:
        return None
    return ps[0].place.name, ps[0].level, ps[0].place.country


# ---------------------------------------------------------------- places


def test_every_vietnamese_province_and_centrally_run_city_is_known() -> None:
    vn = [p for p in gazetteer().places if p.country == "VN" and p.kind in ("city", "province")]
    names = {p.name for p in vn}
    assert len({p.name for p in vn if p.kind == "province"}) == 58
    assert {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"} <= names
    # the units after the July 2025 merger keep names from the list
    assert {"Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình", "Quảng Trị",
            "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh", "Vĩnh Long",
            "Đồng Tháp", "Cà Mau", "An Giang"} <= names


@pytest.mark.parametrize("text", ["tỉnh Thanh Hoá", "tỉnh Khánh Hoà", "tỉnh Bà Rịa - Vũng Tàu", "tỉnh Trà Vinh"])
def test_vietnamese_provinces_in_either_tone_placement(text: str) -> None:
    found = place(text)
    assert found is not None and found[2] == "VN"


def test_all_lao_provinces_and_the_capital() -> None:
    la = {p.name for p in gazetteer().places if p.country == "LA" and p.kind == "province"}
    assert len(la) == 17
    assert place("Thủ đô Viêng Chăn") == ("Viêng Chăn", "city", "LA")
    # Vientiane province is not the capital; Luang Prabang is both a province and its town
    assert place("tỉnh Viêng Chăn") == ("tỉnh Viêng Chăn", "province", "LA")
    assert place("tỉnh Luông Pha-bang")[1:] == ("province", "LA")  # type: ignore[index]


@pytest.mark.parametrize(("text", "name"), [
    ("tỉnh Phông-xa-lỳ", "Phongsaly"), ("tỉnh Phông-sa-lỳ", "Phongsaly"), ("tỉnh Phông Xa Lỳ", "Phongsaly"),
    ("tỉnh Chăm-pa-xắc", "Champasak"), ("tỉnh Chăm-pa-sắc", "Champasak"), ("tỉnh Sê Kông", "Sekong"),
    ("tỉnh Xê Kông", "Sekong"), ("tỉnh Át-tạ-pư", "Attapeu"), ("tỉnh Sa-van-na-khệt", "Savannakhet"),
    ("tỉnh Bô-li-khăm-xay", "Bolikhamxay"), ("tỉnh Hủa Phăn", "Houaphanh"), ("tỉnh U-đôm-xay", "Oudomxay"),
    ("tỉnh Xay-nha-bu-ly", "Xayabouly"), ("tỉnh Xay-xổm-bun", "Xaysomboun"), ("tỉnh Bò Kẹo", "Bokeo"),
    ("tỉnh Luông Nặm Thà", "Luang Namtha"), ("tỉnh Khăm Muộn", "Khammouane"), ("thành phố Pắc-xế", "Pakse"),
    ("thành phố Thà Khẹc", "Thakhek"),
])
def test_lao_spellings(text: str, name: str) -> None:
    assert place(text) is not None and place(text)[0] == name  # type: ignore[index]


@pytest.mark.parametrize(("text", "name"), [
    ("tỉnh Svay Rieng", "Svay Rieng"), ("tỉnh Xvay Riêng", "Svay Rieng"), ("tỉnh Tbong Khmum", "Tbong Khmum"),
    ("tỉnh Kampong Cham", "Kampong Cham"), ("tỉnh Công-pông Chàm", "Kampong Cham"), ("tỉnh Kra-chê", "Kratie"),
    ("tỉnh Mondulkiri", "Mondulkiri"), ("tỉnh Mônđunkiri", "Mondulkiri"), ("tỉnh Ratanakiri", "Ratanakiri"),
    ("tỉnh Stung Treng", "Stung Treng"), ("tỉnh Ta-keo", "Takeo"), ("tỉnh Prey Veng", "Prey Veng"),
])
def test_cambodian_provinces(text: str, name: str) -> None:
    assert place(text) == (name, "province", "KH")


def test_all_cambodian_provinces_are_listed() -> None:
    kh = [p for p in gazetteer().places if p.country == "KH" and p.kind == "province"]
    assert len(kh) == 24


def test_spelling_variants_of_phonetic_names() -> None:
    forms = set(spelling_variants("Phông-xa-lỳ"))
    assert {"Phông-sa-lỳ", "Phông Xa Lỳ", "Phông Sa Lỳ"} <= forms
    assert spelling_variants("Svay Rieng") == []  # a romanisation is left as listed


def test_a_name_after_a_place_prefix_is_a_place_not_a_person() -> None:
    ex = run("Ngày 9-4, tại thành phố Svay Rieng, Đoàn đại biểu tỉnh Tây Ninh đã hội đàm với lãnh đạo tỉnh bạn.")
    assert officials(ex) == set()
    ex = run("Sáng 11-3, tại thị trấn Phôn-hông, đồng chí Lê Văn Tùng, Giám đốc Sở Ngoại vụ tỉnh Thanh Hóa "
             "làm việc với huyện Nhôm-ma-lạt.")
    assert officials(ex) == {"Lê Văn Tùng"}
    assert place("huyện Viêng Xay do") == ("Viêng Xay", "district", "")


def test_a_person_after_an_elided_province_stays_a_person() -> None:
    ex = run("Cùng tiếp đoàn có các Phó Chủ tịch UBND tỉnh Phạm Văn Luận, Nguyễn Thị Hải Yến.")
    assert {"Phạm Văn Luận", "Nguyễn Thị Hải Yến"} <= officials(ex)


# ---------------------------------------------------------------- names with "và", commas and dashes


def test_department_names_with_va_and_commas_are_whole() -> None:
    ex = run("Tham gia đoàn có các đồng chí: Lê Văn Tùng - Giám đốc Sở Ngoại vụ tỉnh Thanh Hóa; Phạm Thị Ngọc - "
             "Giám đốc Sở Giáo dục và Đào tạo; Đoàn Hữu Lộc - Phó Giám đốc Sở Kế hoạch và Đầu tư.")
    assert positions(ex, "Phạm Thị Ngọc")["Giám đốc Sở Giáo dục và Đào tạo"][0] == "Sở Giáo dục và Đào tạo Thanh Hóa"
    assert positions(ex, "Đoàn Hữu Lộc")["Phó Giám đốc Sở Kế hoạch và Đầu tư"][0] == "Sở Kế hoạch và Đầu tư Thanh Hóa"


def test_comma_inside_a_department_name() -> None:
    ex = run("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị và Sở Thông tin, Văn hóa và Du lịch tỉnh "
             "Xa-van-na-khệt đã ký biên bản ghi nhớ.")
    found = bodies(ex)
    assert found["Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị"] == "VN"
    assert found["Sở Thông tin, Văn hóa và Du lịch tỉnh Xa-van-na-khệt"] == "LA"


def test_ministry_names_with_a_dash() -> None:
    ex = run("Đồng chí Lê Văn Thanh, Thứ trưởng Bộ Lao động - Thương binh và Xã hội, dự hội nghị cùng đại diện "
             "Vụ Tổ chức - Biên chế và Cục Văn thư và Lưu trữ nhà nước.")
    assert positions(ex, "Lê Văn Thanh")["Thứ trưởng Bộ Lao động - Thương binh và Xã hội"][0] == (
        "Bộ Lao động - Thương binh và Xã hội")
    assert {"Vụ Tổ chức - Biên chế", "Cục Văn thư và Lưu trữ nhà nước"} <= set(bodies(ex))


# ---------------------------------------------------------------- kinds of bodies


def test_military_and_border_guard_bodies() -> None:
    ex = run("Ngày 26-6, Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum tổ chức hội đàm với Bộ Chỉ huy Quân sự tỉnh "
             "Át-tạ-pư (Lào). Dự có đại diện Công an tỉnh Kon Tum và Đồn Biên phòng Cửa khẩu quốc tế Bờ Y. "
             "Theo báo cáo, thực hiện chỉ đạo của Bộ Quốc phòng và Bộ Tư lệnh Bộ đội Biên phòng, hai bên tuần tra.")
    found = bodies(ex)
    assert found["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Kon Tum"] == "VN"
    assert found["Bộ Chỉ huy Quân sự tỉnh Át-tạ-pư"] == "LA"
    assert {"Công an tỉnh Kon Tum", "Đồn Biên phòng Cửa khẩu quốc tế Bờ Y", "Bộ Quốc phòng",
            "Bộ Tư lệnh Bộ đội Biên phòng"} <= set(found)
    # the force inside the command's name is not a body of its own
    assert "Bộ đội Biên phòng" not in found


def test_mass_organisations() -> None:
    ex = run("Ủy ban Trung ương MTTQ Việt Nam phối hợp với Mặt trận Lào xây dựng đất nước tổ chức hội nghị. "
             "Dự có đại diện Hội Liên hiệp Phụ nữ Việt Nam, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, "
             "Liên hiệp các tổ chức hữu nghị Việt Nam và Hội Hữu nghị Việt Nam - Lào; phía bạn có Đoàn Thanh niên "
             "Nhân dân Cách mạng Lào.")
    found = bodies(ex)
    assert found["Ủy ban Trung ương MTTQ Việt Nam"] == "VN"
    assert found["Mặt trận Lào xây dựng đất nước"] == "LA"
    assert found["Hội Hữu nghị Việt Nam - Lào"] == "VN"
    assert found["Đoàn Thanh niên Nhân dân Cách mạng Lào"] == "LA"
    assert {"Hội Liên hiệp Phụ nữ Việt Nam", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh",
            "Liên hiệp các tổ chức hữu nghị Việt Nam"} <= set(found)


def test_lao_front_official() -> None:
    ex = run("Phía Lào có đồng chí Xay-xổm-phon Phôm-vi-hản, Chủ tịch Ủy ban Trung ương Mặt trận Lào xây dựng "
             "đất nước.")
    assert positions(ex, "Xay-xổm-phon Phôm-vi-hản")[
        "Chủ tịch Ủy ban Trung ương Mặt trận Lào xây dựng đất nước"][0] == (
        "Ủy ban Trung ương Mặt trận Lào xây dựng đất nước")


def test_ministry_departments_and_academies() -> None:
    ex = run("Dự hội đàm có đồng chí Đinh Quốc Bảo, Vụ trưởng Vụ Đông Nam Á; đại diện Vụ Hợp tác quốc tế. "
             "Viện Xây dựng Đảng và Học viện Chính trị quốc gia Hồ Chí Minh tổ chức hội thảo.")
    assert {"Vụ Đông Nam Á", "Vụ Hợp tác quốc tế", "Viện Xây dựng Đảng",
            "Học viện Chính trị quốc gia Hồ Chí Minh"} <= set(bodies(ex))


def test_cambodian_provincial_council_and_governor() -> None:
    ex = run("Chủ trì hội đàm phía bạn có Ngài Chea Sophal, Ủy viên Trung ương Đảng Nhân dân Campuchia, Tỉnh trưởng "
             "tỉnh Svay Rieng và Ngài Kim Sothea, Chủ tịch Hội đồng tỉnh Svay Rieng.")
    assert positions(ex, "Kim Sothea")["Chủ tịch Hội đồng tỉnh Svay Rieng"][0] == "Hội đồng tỉnh Svay Rieng"
    # a governor's body is the province (its administration), named as written
    assert positions(ex, "Chea Sophal")["Tỉnh trưởng tỉnh Svay Rieng"][0] == "tỉnh Svay Rieng"
    assert bodies(ex)["Đảng Nhân dân Campuchia"] == "KH"


def test_parties_named_in_the_text_are_bodies() -> None:
    ex = run("Đồng chí Khamphan Phommathat, Ủy viên Trung ương Đảng Nhân dân Cách mạng Lào, Bí thư Tỉnh ủy tỉnh "
             "Phông-xa-lỳ phát biểu. Hai bên ký biên bản giữa Ban Đối ngoại Trung ương Đảng Cộng sản Việt Nam và "
             "Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào.")
    found = bodies(ex)
    assert found["Đảng Nhân dân Cách mạng Lào"] == "LA"
    assert found["Đảng Cộng sản Việt Nam"] == "VN"
    assert found["Trung ương Đảng Nhân dân Cách mạng Lào"] == "LA"
    # unnamed, the party is not a body of its own
    assert "Đảng Nhân dân Cách mạng Lào" not in bodies(run("Bí thư Trung ương Đảng Trần Văn An phát biểu."))


def test_the_cpv_central_bodies_are_one_whatever_the_spelling() -> None:
    assert body_key("Ban Đối ngoại Trung ương Đảng Cộng sản Việt Nam") == body_key("Ban Đối ngoại Trung ương")
    assert body_key("Trung ương Đảng Cộng sản Việt Nam") == body_key("Trung ương Đảng")
    assert body_key("Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào") != body_key("Ban Đối ngoại Trung ương")


# ---------------------------------------------------------------- elided bodies


def test_a_bare_head_is_the_body_named_in_full_before() -> None:
    ex = run("Học viện Chính trị quốc gia Hồ Chí Minh tổ chức khai giảng. Phát biểu tại buổi lễ, đồng chí "
             "Nguyễn Văn Bình, Phó Giám đốc Học viện, chúc mừng học viên.")
    assert positions(ex, "Nguyễn Văn Bình")["Phó Giám đốc Học viện"] == (
        "Học viện Chính trị quốc gia Hồ Chí Minh", "context")


def test_a_bare_head_with_two_candidates_is_the_articles_own_unnamed_body() -> None:
    text = ("Học viện Chính trị quốc gia Hồ Chí Minh và Học viện Chính trị khu vực I ký kết thỏa thuận hợp tác. "
            "Phó Giám đốc Học viện Nguyễn Văn Long phát biểu.")
    ex = run(text)
    # which academy is not said: neither is guessed, and the post is marked as such
    assert positions(ex, "Nguyễn Văn Long")["Phó Giám đốc Học viện"] == ("Học viện", "unnamed")
    post = next(r for r in ex.rels_of("HOLDS_POSITION"))
    assert [m.confidence for m in post.mentions] == [0.5]
    # keyed by its article: another article's "Học viện" is another node
    other = extract(SourceDoc(key="u", text=clean(text), date="2024-07-15"))
    body = {n.key for n in ex.of_kind("Body") if n.props["name"] == "Học viện"}
    assert body == {f"t|{body_key('Học viện')}"}
    assert body.isdisjoint(n.key for n in other.of_kind("Body"))


@pytest.mark.parametrize(("text", "name", "body", "resolution"), [
    # the party committee is written once, at the end of the chain
    ("Đồng chí Ramón Pérez Soto, Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Thành ủy La Habana cảm ơn.",
     "Ramón Pérez Soto", "Ban Thường vụ Thành ủy La Habana", "same_chain"),
    # a province's standing committee is its Tỉnh ủy's, never another country's
    ("Phía Lào có đồng chí Khăm-phăn Xỉ-xổm-phon, Ủy viên Ban Thường vụ, Phó Tỉnh trưởng tỉnh Xiêng Khoảng.",
     "Khăm-phăn Xỉ-xổm-phon", "Ban Thường vụ Tỉnh ủy Xiêng Khoảng", "same_chain"),
    # the chain's committee from the article's province: no surer than the article's context
    ("Tỉnh ủy Nghệ An tiếp đoàn. Dự có đồng chí Trần Thị Mai, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy.",
     "Trần Thị Mai", "Ban Thường vụ Tỉnh ủy Nghệ An", "context"),
])
def test_a_standing_committee_written_bare_is_the_committees_the_chain_names(text, name, body, resolution) -> None:
    assert positions(run(text), name)["Ủy viên Ban Thường vụ"] == (body, resolution)


@pytest.mark.parametrize(("text", "name", "title"), [
    ("Phát biểu tại hội nghị, đồng chí Nguyễn Văn An, Ủy viên Ban Thường vụ, nhấn mạnh yêu cầu đổi mới.",
     "Nguyễn Văn An", "Ủy viên Ban Thường vụ"),
    ("Đồng chí Lê Thị Hoa, Phó Bí thư Tỉnh ủy phát biểu.", "Lê Thị Hoa", "Phó Bí thư Tỉnh ủy"),
    ("Đồng chí Đỗ Văn Khang, Phó Trưởng ban Tuyên giáo Tỉnh ủy trình bày báo cáo.", "Đỗ Văn Khang",
     "Phó Trưởng ban Tuyên giáo Tỉnh ủy"),
])
def test_a_committee_the_article_never_places_is_its_own(text, name, title) -> None:
    ex = run(text)
    body, resolution = positions(ex, name)[title]
    assert resolution == "unnamed"
    assert [n.key for n in ex.of_kind("Body") if n.props["name"] == body] == [f"t|{body_key(body)}"]


def test_a_unit_of_a_body_named_before_is_that_bodys() -> None:
    ex = run("Học viện Chính trị khu vực I khai giảng lớp bồi dưỡng. Chiều cùng ngày, TS Lê Thị Hồng, Trưởng khoa "
             "Xây dựng Đảng của Học viện, giảng chuyên đề.")
    assert positions(ex, "Lê Thị Hồng")["Trưởng khoa Xây dựng Đảng của Học viện"] == (
        "Khoa Xây dựng Đảng Học viện Chính trị khu vực I", "context")
    faculty = next(n.ref for n in ex.of_kind("Body") if n.props["name"].startswith("Khoa"))
    academy = next(n.ref for n in ex.of_kind("Body") if n.props["name"] == "Học viện Chính trị khu vực I")
    assert [(r.start, r.end) for r in ex.rels_of("PART_OF")] == [(faculty, academy)]


def test_a_foreign_senate_is_that_countrys() -> None:
    ex = run("Ngài Chea Sokha, Phó Chủ tịch Thượng viện Campuchia tiếp đoàn.")
    assert positions(ex, "Chea Sokha")["Phó Chủ tịch Thượng viện Campuchia"] == ("Thượng viện Campuchia", "explicit")


def test_a_lao_deputy_minister_is_in_the_lao_ministry() -> None:
    ex = run("Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà tiếp Đoàn đại biểu Bộ Nội vụ Lào do đồng chí Vilayvong "
             "Bouddakham, Bộ trưởng Bộ Nội vụ Lào làm Trưởng đoàn. Cùng dự có Thứ trưởng Vũ Đăng Minh. Phía Lào có "
             "Thứ trưởng Bounmy Phanthavong.")
    assert positions(ex, "Bounmy Phanthavong")["Thứ trưởng"] == ("Bộ Nội vụ Lào", "context")
    assert positions(ex, "Vũ Đăng Minh")["Thứ trưởng"] == ("Bộ Nội vụ", "context")
    # "Bộ trưởng Bộ Nội vụ" is of the "Bộ Nội vụ", not of a "Bộ Bộ Nội vụ"
    assert positions(ex, "Phạm Thị Thanh Trà")["Bộ trưởng Bộ Nội vụ"][0] == "Bộ Nội vụ"


def test_a_department_without_its_province_is_the_articles() -> None:
    ex = run("Sáng 8-7, Trường Chính trị tỉnh Sơn La khai giảng lớp học. Dự lễ có lãnh đạo Sở Ngoại vụ, Sở Giáo dục "
             "và Đào tạo cùng Ban Giám hiệu nhà trường. Phát biểu khai giảng, TS Hà Thị Lan, Hiệu trưởng Trường "
             "Chính trị tỉnh đề nghị học viên chăm chỉ.")
    found = bodies(ex)
    assert {"Sở Ngoại vụ Sơn La", "Sở Giáo dục và Đào tạo Sơn La"} <= set(found)
    assert "Ban Giám hiệu nhà trường" not in found  # a part of a body not named
    assert positions(ex, "Hà Thị Lan")["Hiệu trưởng Trường Chính trị tỉnh"][0] == "Trường Chính trị tỉnh Sơn La"


def test_a_lao_governor_without_the_province_written() -> None:
    ex = run("Đoàn công tác tỉnh Thanh Hóa hội đàm với lãnh đạo tỉnh Hủa Phăn. Cùng tham dự có các Phó Tỉnh "
             "trưởng Xổm-xạ-ạt Kẹo-phăn-nha, Bun-xẳn Chăn-tha-vông.")
    assert positions(ex, "Xổm-xạ-ạt Kẹo-phăn-nha")["Phó Tỉnh trưởng"] == ("tỉnh Hủa Phăn", "context")


# ---------------------------------------------------------------- shared qualifiers, placeless bodies


def test_bodies_sharing_one_place() -> None:
    ex = run("Tối 17-7, Tỉnh ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam tỉnh Quảng Trị tổ chức Lễ kỷ niệm. Thay mặt học "
             "viên, đồng chí Vông-xay Phim-ma-sỏn cảm ơn Tỉnh ủy, UBND tỉnh Sơn La.")
    found = bodies(ex)
    assert {"Tỉnh ủy Quảng Trị", "HĐND tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "Ủy ban MTTQ Việt Nam tỉnh Quảng Trị",
            "Tỉnh ủy Sơn La", "UBND tỉnh Sơn La"} <= set(found)
    assert "HĐND" not in found and "Tỉnh ủy" not in found


def test_a_comma_inside_one_body_does_not_make_two() -> None:
    ex = run("Có mặt Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn "
             "Khamphet Sisouk.")
    assert "Thanh tra Chính phủ Thủ đô Viêng Chăn" not in bodies(ex)
    assert "Chính phủ Thủ đô Viêng Chăn" not in bodies(ex)


def test_no_placeless_administration() -> None:
    ex = run("Đồng chí Bun-mi Phăn-thạ-vông, Phó Tỉnh trưởng, phát biểu.")
    assert positions(ex, "Bun-mi Phăn-thạ-vông") == {}
    assert not any(n.startswith("Chính quyền") for n in bodies(ex))


def test_a_body_followed_by_its_predicate_ends_there() -> None:
    ex = run("Bộ Ngoại giao giao Cục Lãnh sự phối hợp. Sở Y tế tỉnh Bình Phước trao tặng trang thiết bị. "
             "Hai bên ký Biên bản giữa Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào giai đoạn 2025-2029.")
    found = set(bodies(ex))
    assert {"Bộ Ngoại giao", "Cục Lãnh sự", "Sở Y tế tỉnh Bình Phước"} <= found
    assert not any("giai đoạn" in n or " giao Cục" in n for n in found)


def test_a_newspaper_cited_is_no_body() -> None:
    ex = run("Báo Nhân Dân đưa tin, Trường Phổ thông dân tộc nội trú huyện Viêng Xay đã được bàn giao.")
    assert bodies(ex) == {}


def test_embassy_belongs_to_the_sending_country() -> None:
    ex = run("Đại sứ quán Việt Nam tại Campuchia tổ chức lễ kỷ niệm.")
    assert bodies(ex) == {"Đại sứ quán Việt Nam tại Campuchia": "VN"}
