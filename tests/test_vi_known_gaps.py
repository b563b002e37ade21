"""Known classes of Vietnamese extraction error, as examples: a sentence in, the facts expected out.

Each sentence is written for these tests (none is taken from the evaluation sets). The negative
cases show where the rules hold back: a title never takes a body across a person's name, and a
national body is not put on an official whose country is a guess.
"""

from __future__ import annotations

from interparty.graph.model import Extraction
from interparty.loaders.evalfmt import to_eval
from interparty.loaders.vi_lexicon import body_key
from vi_examples import positions, run


def eval_positions(ex: Extraction, name: str) -> list[tuple[str, str | None]]:
    off = next(o for o in to_eval(ex)["officials"] if o["name"] == name)
    return [(p["title"], p["body"]) for p in off["positions"] if p["role"] != "rank"]


# 1. A title without a body before a comma and a title whose body is written


def test_deputy_commander_shares_the_military_region_of_the_next_title() -> None:
    ex = run("Tham dự có Thiếu tướng Nguyễn Văn Hùng, Phó Tư lệnh, Tham mưu trưởng Quân khu 2.")
    assert positions(ex, "Nguyễn Văn Hùng") == {
        "Phó Tư lệnh": ("Quân khu 2", "same_chain"),
        "Tham mưu trưởng Quân khu 2": ("Quân khu 2", "explicit"),
    }


def test_shared_body_before_the_name() -> None:
    ex = run("Phó Tư lệnh, Tham mưu trưởng Quân khu 4 Nguyễn Văn Hòa dự lễ.")
    assert positions(ex, "Nguyễn Văn Hòa")["Phó Tư lệnh"] == ("Quân khu 4", "same_chain")


def test_three_titles_share_one_body() -> None:
    ex = run("Đồng chí Vũ Văn Hải, Phó Chính ủy, Phó Tư lệnh, Tham mưu trưởng Quân khu 1 dự.")
    pos = positions(ex, "Vũ Văn Hải")
    assert pos["Phó Chính ủy"] == ("Quân khu 1", "same_chain")
    assert pos["Phó Tư lệnh"] == ("Quân khu 1", "same_chain")


def test_vice_chair_shares_the_association_of_the_secretary_general() -> None:
    ex = run("Ông Trần Văn Minh, Phó Chủ tịch, Tổng Thư ký Hội Hữu nghị Việt Nam - Lào cho biết.")
    assert positions(ex, "Trần Văn Minh")["Phó Chủ tịch"] == ("Hội Hữu nghị Việt Nam - Lào", "same_chain")


def test_lao_deputy_commander_shares_the_lao_military_region() -> None:
    ex = run("Thiếu tướng Khamlieng Outhakaysone, Phó Tư lệnh, Tham mưu trưởng Quân khu 4 (Lào) dự.")
    assert positions(ex, "Khamlieng Outhakaysone")["Phó Tư lệnh"] == ("Quân khu 4", "same_chain")


def test_no_shared_body_across_a_name() -> None:
    ex = run("Có mặt Phó Tư lệnh Nguyễn Văn An, Tham mưu trưởng Quân khu 2 Trần Văn Bình.")
    assert positions(ex, "Nguyễn Văn An") == {}
    assert positions(ex, "Trần Văn Bình") == {"Tham mưu trưởng Quân khu 2": ("Quân khu 2", "explicit")}


def test_no_shared_body_when_another_person_stands_between() -> None:
    ex = run("Đồng chí Nguyễn Văn An, Phó Tư lệnh, Trần Văn Bình, Tham mưu trưởng Quân khu 2 cùng dự.")
    assert positions(ex, "Nguyễn Văn An") == {}


def test_no_shared_body_of_a_kind_the_title_is_no_post_in() -> None:
    # the office of a people's committee has no vice chair; a company is no association
    ex = run("Ông Lê Văn Cường, Phó Chủ tịch, Chánh Văn phòng UBND tỉnh Nghệ An dự.")
    assert "Phó Chủ tịch" not in positions(ex, "Lê Văn Cường")
    ex = run("Ông Lê Văn Cường, Chủ tịch, Tổng Giám đốc Tập đoàn Viettel phát biểu.")
    assert positions(ex, "Lê Văn Cường") == {}


def test_no_shared_body_for_a_title_not_listed() -> None:
    ex = run("Bà Nguyễn Thị Lan, Phó Bí thư, Chủ tịch Hội Nông dân tỉnh Hà Tĩnh phát biểu.")
    assert "Phó Bí thư" not in positions(ex, "Nguyễn Thị Lan")


def test_a_title_with_its_own_body_keeps_it() -> None:
    ex = run("Đồng chí Lê Văn Hòa, Phó Tư lệnh Quân khu 1, Tham mưu trưởng Quân khu 2 dự.")
    assert positions(ex, "Lê Văn Hòa")["Phó Tư lệnh Quân khu 1"] == ("Quân khu 1", "explicit")


# 2. Abbreviated bodies


def test_abbreviated_military_commands() -> None:
    ex = run("Đại tá Phạm Văn Cường, Chính ủy Bộ CHQS tỉnh Sơn La, phát biểu.")
    assert positions(ex, "Phạm Văn Cường") == {"Chính ủy Bộ CHQS tỉnh Sơn La": ("Bộ CHQS tỉnh Sơn La", "explicit")}
    ex = run("Đại tá Nguyễn Văn Tùng, Phó Chỉ huy trưởng Bộ Chỉ huy BĐBP tỉnh Quảng Trị dự.")
    assert positions(ex, "Nguyễn Văn Tùng")["Phó Chỉ huy trưởng Bộ Chỉ huy BĐBP tỉnh Quảng Trị"][0] == (
        "Bộ Chỉ huy BĐBP tỉnh Quảng Trị")


def test_abbreviated_party_bodies() -> None:
    ex = run("Đồng chí Lò Văn Tiến, Ủy viên BTV Tỉnh ủy, Chủ nhiệm UBKT Tỉnh ủy Sơn La dự.")
    assert positions(ex, "Lò Văn Tiến") == {
        "Ủy viên BTV Tỉnh ủy": ("BTV Tỉnh ủy Sơn La", "same_chain"),
        "Chủ nhiệm UBKT Tỉnh ủy Sơn La": ("UBKT Tỉnh ủy Sơn La", "explicit"),
    }
    ex = run("Đồng chí Nguyễn Đức Trung, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An dự.")
    assert positions(ex, "Nguyễn Đức Trung")["Ủy viên BCH Trung ương Đảng"][0] == "BCH Trung ương Đảng"


def test_abbreviated_womens_union() -> None:
    ex = run("Bà Nguyễn Thị Hoa, Chủ tịch Hội LHPN tỉnh Nghệ An dự buổi lễ.")
    assert positions(ex, "Nguyễn Thị Hoa") == {"Chủ tịch Hội LHPN tỉnh Nghệ An": ("Hội LHPN tỉnh Nghệ An", "explicit")}


def test_abbreviated_and_spelt_out_bodies_are_one_body() -> None:
    for short, full in [("Bộ CHQS tỉnh Sơn La", "Bộ Chỉ huy Quân sự tỉnh Sơn La"),
                        ("Bộ Chỉ huy BĐBP tỉnh Quảng Trị", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị"),
                        ("BTV Tỉnh ủy Sơn La", "Ban Thường vụ Tỉnh ủy Sơn La"),
                        ("BTVTU Sơn La", "Ban Thường vụ Tỉnh ủy Sơn La"),
                        ("UBKT Tỉnh ủy Sơn La", "Ủy ban Kiểm tra Tỉnh ủy Sơn La"),
                        ("BCH Trung ương Đảng", "Ban Chấp hành Trung ương Đảng"),
                        ("BCĐ 35 tỉnh Điện Biên", "Ban Chỉ đạo 35 tỉnh Điện Biên"),
                        ("Hội LHPN tỉnh Nghệ An", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An"),
                        ("QĐND Lào", "Quân đội nhân dân Lào"),
                        ("Ban CHQS huyện Mường Tè", "Ban Chỉ huy Quân sự huyện Mường Tè")]:
        assert body_key(short) == body_key(full), short


def test_border_guard_commander_is_of_the_national_command() -> None:
    # a bare "BĐBP" after "Tư lệnh" is not the province the article is about
    ex = run("Trung tướng Lê Đức Thái, Tư lệnh BĐBP, tiếp đoàn Lào tại tỉnh Quảng Trị.")
    assert positions(ex, "Lê Đức Thái") == {"Tư lệnh BĐBP": ("Bộ Tư lệnh BĐBP", "explicit")}


# 3. National posts written without a body


def test_general_secretary_and_president_hold_their_posts_without_a_written_body() -> None:
    ex = run("Chiều 5/3, Tổng Bí thư Tô Lâm tiếp đồng chí Thongloun Sisoulith, Tổng Bí thư, Chủ tịch nước Lào.")
    assert positions(ex, "Tô Lâm") == {"Tổng Bí thư": ("Đảng Cộng sản Việt Nam", "implied")}
    lao = positions(ex, "Thongloun Sisoulith")
    assert lao["Tổng Bí thư"] == ("Đảng Nhân dân Cách mạng Lào", "implied")
    assert lao["Chủ tịch nước Lào"] == ("Nhà nước Cộng hòa Dân chủ Nhân dân Lào", "implied")
    # the gold convention: the title alone, and no body the text does not name
    assert eval_positions(ex, "Tô Lâm") == [("Tổng Bí thư", None)]
    assert to_eval(ex)["bodies"] == []


def test_vice_president() -> None:
    ex = run("Phó Chủ tịch nước Võ Thị Ánh Xuân tiếp Phó Chủ tịch nước Lào Pany Yathotou.")
    assert positions(ex, "Võ Thị Ánh Xuân") == {
        "Phó Chủ tịch nước": ("Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam", "implied")}
    assert positions(ex, "Pany Yathotou")["Phó Chủ tịch nước Lào"][0] == "Nhà nước Cộng hòa Dân chủ Nhân dân Lào"


def test_no_implied_body_when_the_country_is_a_guess() -> None:
    # Laos and Cambodia are both named once: whose party, whose government?
    ex = run("Đoàn đại biểu tỉnh Hủa Phăn do Tổng Bí thư Thongloun Sisoulith và Thủ tướng Hun Manet của "
             "Campuchia gặp gỡ.")
    assert positions(ex, "Thongloun Sisoulith") == {}
    # "của Campuchia" right after his name says whose government (tests/test_vi_recall.py)
    assert positions(ex, "Hun Manet") == {"Thủ tướng": ("Chính phủ Campuchia", "context")}


def test_foreign_government_is_the_state_not_the_party() -> None:
    ex = run("Chủ tịch nước Lương Cường hội kiến Thủ tướng Lào Sonexay Siphandone.")
    assert positions(ex, "Sonexay Siphandone") == {"Thủ tướng Lào": ("Chính phủ Lào", "explicit")}
    ex = run("Thủ tướng Sonexay Siphandone tiếp đoàn tại Viêng Chăn, Lào.")
    assert positions(ex, "Sonexay Siphandone") == {"Thủ tướng": ("Chính phủ Lào", "context")}


# 4. Of the same family


def test_prime_minister_named_chinh_is_read() -> None:
    ex = run("Thủ tướng Chính phủ Phạm Minh Chính tiếp Thủ tướng Campuchia Hun Manet.")
    assert positions(ex, "Phạm Minh Chính") == {"Thủ tướng Chính phủ": ("Chính phủ", "explicit")}
    assert positions(ex, "Hun Manet") == {"Thủ tướng Campuchia": ("Chính phủ Campuchia", "explicit")}


def test_name_ending_in_a_place_word_after_an_honorific() -> None:
    ex = run("Bà Hà Thị Nga, Ủy viên BCH Trung ương Đảng, Chủ tịch Hội LHPN Việt Nam tiếp đoàn.")
    assert positions(ex, "Hà Thị Nga")["Chủ tịch Hội LHPN Việt Nam"][0] == "Hội LHPN Việt Nam"


def test_central_military_commission_and_political_department() -> None:
    ex = run("Đại tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc "
             "phòng dự.")
    assert positions(ex, "Phan Văn Giang")["Phó Bí thư Quân ủy Trung ương"][0] == "Quân ủy Trung ương"
    ex = run("Đại tá Lê Văn Bình, Phó Chính ủy, Chủ nhiệm Chính trị Bộ Chỉ huy Quân sự tỉnh Điện Biên phát biểu.")
    pos = positions(ex, "Lê Văn Bình")
    assert pos["Chủ nhiệm Chính trị Bộ Chỉ huy Quân sự tỉnh Điện Biên"][0] == "Bộ Chỉ huy Quân sự tỉnh Điện Biên"
    assert pos["Phó Chính ủy"] == ("Bộ Chỉ huy Quân sự tỉnh Điện Biên", "same_chain")
