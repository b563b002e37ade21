"""Officials in Vietnamese articles: names, title chains, ranks; examples written for these tests."""

from __future__ import annotations

from interparty.graph.model import Extraction
from interparty.graph.normalize import clean
from interparty.loaders.evalfmt import to_eval
from interparty.loaders.vi_lexicon import lexicon
from interparty.loaders.vi_titles import find_names
from vi_examples import run


def officials(ex: Extraction) -> dict[str, str]:
    return {n.props["name"]: n.props["country"] for n in ex.of_kind("Official")}


def positions(ex: Extraction, name: str) -> dict[str, str]:
    """title -> body name for one official."""
    names = {n.ref: n.props["name"] for n in ex.nodes}
    off = next(n for n in ex.of_kind("Official") if n.props["name"] == name)
    return {r.props["title"]: names[r.end] for r in ex.rels_of("HOLDS_POSITION") if r.start == off.ref}


def eval_positions(ex: Extraction, name: str) -> list[tuple[str, str | None]]:
    off = next(o for o in to_eval(ex)["officials"] if o["name"] == name)
    return [(p["title"], p["body"]) for p in off["positions"]]


def names_in(sentence: str) -> list[str]:
    return [n.text for n in find_names(clean(sentence), lexicon())]


# ---------------------------------------------------------------- names


def test_ethnic_minority_names_are_vietnamese_officials() -> None:
    ex = run("Cùng dự có Thượng tá Y Biên Niê, Phó Chính ủy Bộ đội Biên phòng tỉnh Đắk Lắk; bà H'Hen Niê, "
             "Phó Chủ tịch UBND tỉnh Đắk Lắk; đồng chí Ksor Phước Hà, Phó Chủ tịch HĐND tỉnh Gia Lai; "
             "Trung tá A Blêu, Chính trị viên Đồn Biên phòng Cửa khẩu quốc tế Bờ Y.")
    assert officials(ex) == {"Y Biên Niê": "VN", "H'Hen Niê": "VN", "Ksor Phước Hà": "VN", "A Blêu": "VN"}
    assert positions(ex, "Ksor Phước Hà") == {"Phó Chủ tịch HĐND tỉnh Gia Lai": "HĐND tỉnh Gia Lai"}
    assert positions(ex, "A Blêu") == {
        "Chính trị viên Đồn Biên phòng Cửa khẩu quốc tế Bờ Y": "Đồn Biên phòng Cửa khẩu quốc tế Bờ Y"}


def test_clan_first_names_and_names_with_van_or_thi_second() -> None:
    found = names_in("Có Rơ Châm Long, Bhling Mia, Zơ Râm Thị Hoa, Siu Hương và Quàng Văn Hải, Mã Điền Cư.")
    assert found == ["Rơ Châm Long", "Bhling Mia", "Zơ Râm Thị Hoa", "Siu Hương", "Quàng Văn Hải", "Mã Điền Cư"]


def test_a_family_name_missing_from_the_old_list_does_not_join_the_body_before_it() -> None:
    ex = run("Cùng đi có đồng chí Nguyễn Thị Thanh Bình, Trưởng ban Tuyên giáo Tỉnh ủy Nghệ An; Chủ nhiệm "
             "Ủy ban Kiểm tra Tỉnh ủy Lữ Văn Hiền.")
    assert positions(ex, "Nguyễn Thị Thanh Bình") == {"Trưởng ban Tuyên giáo Tỉnh ủy Nghệ An":
                                                     "Ban Tuyên giáo Tỉnh ủy Nghệ An"}
    assert positions(ex, "Lữ Văn Hiền") == {"Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy": "Ủy ban Kiểm tra Tỉnh ủy Nghệ An"}


def test_a_name_glued_to_an_eponym_or_an_unknown_place_is_split_off() -> None:
    ex = run("Dự lễ có Hiệu trưởng Trường Chính trị Lê Hồng Phong Trịnh Thu Hằng.")
    assert positions(ex, "Trịnh Thu Hằng") == {"Hiệu trưởng Trường Chính trị Lê Hồng Phong":
                                              "Trường Chính trị Lê Hồng Phong"}
    assert names_in("Tổng Lãnh sự Việt Nam tại Mường Xay-nha Lê Thị Kim Oanh phát biểu.") == ["Lê Thị Kim Oanh"]
    assert names_in("Bí thư Huyện ủy A Lưới Nguyễn Văn Hải phát biểu.") == ["Nguyễn Văn Hải"]


def test_historical_figures_in_any_spelling_are_not_officials() -> None:
    ex = run("Tình hữu nghị do Chủ tịch Hồ Chí Minh và Chủ tịch Cay-xỏn Phôm-vi-hản dày công vun đắp. "
             "Đoàn dâng hoa tại Đường Hồ Chí Minh.")
    assert officials(ex) == {}


def test_a_name_is_not_cut_by_a_look_alike() -> None:
    # "Tám" is an eponym, "Tâm" another person; "Nga" is Russia, but not in "Hà Thị Nga"
    assert names_in("Dự có đồng chí Lê Văn Tâm và đồng chí Hà Thị Nga, Chủ tịch Hội Nông dân.") == [
        "Lê Văn Tâm", "Hà Thị Nga"]


def test_words_that_only_look_like_names() -> None:
    assert names_in("Trường Đại học Y Dược Huế ký kết với Đường Hồ Chí Minh.") == []
    assert names_in("Sáng Nay Tại Hà Nội, Ông Nguyễn Văn Bình và Từ Minh Thiện dự.") == ["Nguyễn Văn Bình",
                                                                                           "Từ Minh Thiện"]
    assert names_in("Vụ trưởng Vụ Đông Nam Á phát biểu.") == []


def test_a_byline_with_a_rank_is_the_author() -> None:
    ex = run("Đồng chủ trì hội đàm có Đại tá Nguyễn Hữu Nghĩa, Chỉ huy trưởng Bộ đội Biên phòng tỉnh Kon Tum.\n\n"
             "Hai bên thống nhất tăng cường tuần tra song phương.\n\nThiếu tá Nguyễn Thành Luân")
    assert officials(ex) == {"Nguyễn Hữu Nghĩa": "VN"}
    ex = run("Dự có đồng chí Lê Văn Hòa, Bí thư Tỉnh ủy Sơn La.\n\nHoàng Yến - Hữu Ngọc (Phóng viên TTXVN tại Lào)")
    assert officials(ex) == {"Lê Văn Hòa": "VN"}


# ---------------------------------------------------------------- titles


def test_military_titles_and_ranks() -> None:
    ex = run("Tiếp đoàn có Đại tá Nguyễn Văn Long, Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh Nghệ An; Thượng tá "
             "Trần Minh Khang, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum và đồng chí Phạm Văn Minh, "
             "Trung tá, Đồn trưởng Đồn Biên phòng Nậm Cắn.")
    assert positions(ex, "Nguyễn Văn Long") == {"Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh Nghệ An":
                                               "Bộ Chỉ huy Quân sự tỉnh Nghệ An"}
    assert positions(ex, "Trần Minh Khang") == {"Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Kon Tum":
                                               "Bộ Chỉ huy Quân sự tỉnh Kon Tum"}
    # a rank is the person's, not a post in a body
    ranks = {n.props["name"]: n.props.get("rank") for n in ex.of_kind("Official")}
    assert ranks == {"Nguyễn Văn Long": "Đại tá", "Trần Minh Khang": "Thượng tá", "Phạm Văn Minh": "Trung tá"}
    assert all(r.props["title"] not in ("Đại tá", "Thượng tá", "Trung tá") for r in ex.rels_of("HOLDS_POSITION"))
    # the evaluation format lists it as a title without a body
    assert ("Trung tá", None) in eval_positions(ex, "Phạm Văn Minh")
    assert ("Đồn trưởng Đồn Biên phòng Nậm Cắn", "Đồn Biên phòng Nậm Cắn") in eval_positions(ex, "Phạm Văn Minh")


def test_diplomats_of_an_embassy() -> None:
    ex = run("Tham dự có Tham tán Công sứ Đại sứ quán Việt Nam tại Campuchia Phạm Hải Nam; đồng chí Lưu Văn Tám, "
             "Tùy viên Quốc phòng Việt Nam tại Lào và đồng chí Đặng Thị Hải Vân, Tổng Lãnh sự Việt Nam tại "
             "Xa-van-na-khệt.")
    assert positions(ex, "Phạm Hải Nam") == {"Tham tán Công sứ Đại sứ quán Việt Nam tại Campuchia":
                                            "Đại sứ quán Việt Nam tại Campuchia"}
    # the graph keeps the implied mission; the evaluation format gives no body and lists only the named one
    assert positions(ex, "Lưu Văn Tám") == {"Tùy viên Quốc phòng Việt Nam tại Lào": "Đại sứ quán Việt Nam tại Lào"}
    assert eval_positions(ex, "Lưu Văn Tám") == [("Tùy viên Quốc phòng Việt Nam tại Lào", None)]
    assert eval_positions(ex, "Đặng Thị Hải Vân") == [("Tổng Lãnh sự Việt Nam tại Xa-van-na-khệt", None)]
    assert eval_positions(ex, "Phạm Hải Nam") == [("Tham tán Công sứ Đại sứ quán Việt Nam tại Campuchia",
                                                   "Đại sứ quán Việt Nam tại Campuchia")]
    assert [b["name"] for b in to_eval(ex)["bodies"]] == ["Đại sứ quán Việt Nam tại Campuchia"]


def test_ministry_departments_and_a_dash_inside_a_body_name() -> None:
    ex = run("Tham dự có các đồng chí: Vũ Thị Mai Anh, Phó Trưởng Ban Đối ngoại Trung ương; Đinh Quốc Bảo, "
             "Vụ trưởng Vụ Đông Nam Á. Dự còn có Phó Vụ trưởng Vụ Tổ chức - Biên chế Trần Văn Hải và đồng chí "
             "Lê Thị Hoa, Chủ tịch Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An.")
    assert positions(ex, "Đinh Quốc Bảo") == {"Vụ trưởng Vụ Đông Nam Á": "Vụ Đông Nam Á"}
    assert positions(ex, "Trần Văn Hải") == {"Phó Vụ trưởng Vụ Tổ chức - Biên chế": "Vụ Tổ chức - Biên chế"}
    assert positions(ex, "Lê Thị Hoa") == {"Chủ tịch Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An":
                                          "Hội Hữu nghị Việt Nam - Lào tỉnh Nghệ An"}


def test_head_of_a_group_written_with_a_lower_case_noun() -> None:
    ex = run("Dự lễ có đồng chí Vông-xay Phim-ma-sỏn, Tỉnh ủy viên, Phó Trưởng ban Tổ chức Tỉnh ủy Hủa Phăn - "
             "Trưởng đoàn học viên tỉnh Hủa Phăn.")
    assert positions(ex, "Vông-xay Phim-ma-sỏn")["Trưởng đoàn học viên tỉnh Hủa Phăn"] == (
        "Đoàn học viên tỉnh Hủa Phăn")
    ex = run("Đoàn học viên Lào do đồng chí Souksavanh Keomanivong, Phó Trưởng ban Tổ chức Tỉnh ủy Luông Pha-bang "
             "làm Trưởng đoàn.")
    assert positions(ex, "Souksavanh Keomanivong")["Trưởng đoàn"] == "Đoàn học viên Lào"


# ---------------------------------------------------------------- lists


def test_a_list_header_covers_items_cut_by_semicolons() -> None:
    ex = run("Dự buổi lễ có đồng chí Lê Đức Thịnh, Bí thư Tỉnh ủy Quảng Trị; các đồng chí Phó Bí thư Tỉnh ủy: "
             "Võ Thị Minh Nguyệt, Chủ tịch UBND tỉnh; Trần Quang Dũng, Chủ tịch HĐND tỉnh.")
    for name, own in (("Võ Thị Minh Nguyệt", "Chủ tịch UBND tỉnh"), ("Trần Quang Dũng", "Chủ tịch HĐND tỉnh")):
        pos = positions(ex, name)
        assert pos["Phó Bí thư Tỉnh ủy"] == "Tỉnh ủy Quảng Trị"
        assert own in pos
    assert "Phó Bí thư Tỉnh ủy" not in positions(ex, "Lê Đức Thịnh")


def test_a_comma_list_still_ends_at_the_semicolon() -> None:
    ex = run("Cùng đi có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Phó Chủ tịch UBND tỉnh Phan Đình Toàn, "
             "Trưởng ban Tuyên giáo Tỉnh ủy Nguyễn Thị Bình; đồng chí Cao Minh Đức, Phó Trưởng ban Đối ngoại "
             "Trung ương.")
    assert "Ủy viên Ban Thường vụ Tỉnh ủy" in positions(ex, "Nguyễn Thị Bình")
    assert positions(ex, "Cao Minh Đức") == {"Phó Trưởng ban Đối ngoại Trung ương": "Ban Đối ngoại Trung ương"}


def test_a_plural_title_after_cac_dong_chi_covers_each_name() -> None:
    ex = run("Cùng dự có các đồng chí Phó Bí thư Tỉnh ủy Sơn La Nguyễn Văn Hùng, Trần Thị Mai.")
    for name in ("Nguyễn Văn Hùng", "Trần Thị Mai"):
        assert positions(ex, name) == {"Phó Bí thư Tỉnh ủy Sơn La": "Tỉnh ủy Sơn La"}


def test_the_title_before_va_ngai_belongs_to_the_first_name() -> None:
    ex = run("Chủ trì hội đàm phía bạn có Ngài Chea Sophal, Ủy viên Trung ương Đảng Nhân dân Campuchia, Tỉnh "
             "trưởng tỉnh Svay Rieng và Ngài Kim Sothea, Chủ tịch Hội đồng tỉnh Svay Rieng.")
    assert "Tỉnh trưởng tỉnh Svay Rieng" in positions(ex, "Chea Sophal")
    assert positions(ex, "Kim Sothea") == {"Chủ tịch Hội đồng tỉnh Svay Rieng": "Hội đồng tỉnh Svay Rieng"}
    ex = run("Tiếp đoàn có đồng chí Lê Văn An, Phó Chủ tịch UBND tỉnh Sơn La cùng đồng chí Trần Văn Bình, Giám đốc "
             "Sở Ngoại vụ tỉnh Sơn La.")
    assert positions(ex, "Lê Văn An") == {"Phó Chủ tịch UBND tỉnh Sơn La": "UBND tỉnh Sơn La"}
    assert positions(ex, "Trần Văn Bình") == {"Giám đốc Sở Ngoại vụ tỉnh Sơn La": "Sở Ngoại vụ tỉnh Sơn La"}
