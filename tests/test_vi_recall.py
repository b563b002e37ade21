"""Classes of Vietnamese extraction misses, as examples: a sentence in, the facts expected out.

Every sentence is written for these tests (none is taken from the evaluation sets). The negative
cases show where the rules hold back.
"""

from __future__ import annotations

from interparty.loaders.evalfmt import to_eval
from vi_examples import country, positions, run

# 1. Courts, procuracies and provincial trade unions are bodies


def test_court_and_its_deputy_chief_justice() -> None:
    ex = run("Dự buổi làm việc có ông Trần Văn Bình, Chánh án Tòa án nhân dân tỉnh Nghệ An và ông Bun-thong "
             "Xay-nha-vông, Phó Chánh án Tòa án nhân dân tỉnh Xiêng Khoảng.")
    assert positions(ex, "Trần Văn Bình") == {
        "Chánh án Tòa án nhân dân tỉnh Nghệ An": ("Tòa án nhân dân tỉnh Nghệ An", "explicit")}
    assert positions(ex, "Bun-thong Xay-nha-vông") == {
        "Phó Chánh án Tòa án nhân dân tỉnh Xiêng Khoảng": ("Tòa án nhân dân tỉnh Xiêng Khoảng", "explicit")}


def test_supreme_procuracy_is_national_not_a_province() -> None:
    ex = run("Tại tỉnh Nghệ An, bà Lê Thị Hoa, Phó Viện trưởng Viện Kiểm sát nhân dân tối cao phát biểu.")
    assert positions(ex, "Lê Thị Hoa") == {
        "Phó Viện trưởng Viện Kiểm sát nhân dân tối cao": ("Viện Kiểm sát nhân dân tối cao", "explicit")}


def test_provincial_trade_union_federation_of_laos() -> None:
    ex = run("Văn bản do ông Khăm-sỉ Pheng-xa-vẳn, Chủ tịch Liên hiệp Công đoàn tỉnh Chăm-pa-xắc ký.")
    assert positions(ex, "Khăm-sỉ Pheng-xa-vẳn") == {
        "Chủ tịch Liên hiệp Công đoàn tỉnh Chăm-pa-xắc": ("Liên hiệp Công đoàn tỉnh Chăm-pa-xắc", "explicit")}


# 2. "Tham mưu trưởng Bộ đội Biên phòng" with no province is the national command


def test_border_guard_chief_of_staff_without_a_province_is_national() -> None:
    ex = run("Đoàn tỉnh Hủa Phăn làm việc tại tỉnh Thanh Hóa. Tiếp đoàn có Thiếu tướng Phạm Văn Hưng, "
             "Tham mưu trưởng Bộ đội Biên phòng.")
    assert positions(ex, "Phạm Văn Hưng") == {
        "Tham mưu trưởng Bộ đội Biên phòng": ("Bộ Tư lệnh Bộ đội Biên phòng", "explicit")}


def test_border_guard_chief_of_staff_of_a_province_stays_the_provinces() -> None:
    ex = run("Đại tá Lê Văn Tâm, Phó Tham mưu trưởng Bộ đội Biên phòng tỉnh Điện Biên phát biểu.")
    (body, _), = positions(ex, "Lê Văn Tâm").values()
    assert body == "Bộ đội Biên phòng tỉnh Điện Biên"  # not the national command


# 3. The official's country written after the name ("... của Campuchia")


def test_country_written_after_the_name_with_cua() -> None:
    ex = run("Đoàn đại biểu tỉnh Luông Pha-bang (Lào) thăm Phnôm Pênh. Tại Viêng Chăn và Luông Pha-bang, "
             "Thủ tướng Hun Manet của Campuchia đã tiếp Đoàn.")
    assert country(ex, "Hun Manet") == "KH"
    assert positions(ex, "Hun Manet") == {"Thủ tướng": ("Chính phủ Campuchia", "context")}


def test_without_cua_the_guess_gives_no_government() -> None:
    ex = run("Đoàn đại biểu Việt Nam thăm Lào và Campuchia. Thủ tướng Hun Manet đã tiếp Đoàn.")
    assert positions(ex, "Hun Manet") == {}  # whose government is a guess: none is given


# 4. A Lao name written as separate Vietnamese-style syllables


def test_lao_name_in_separate_syllables() -> None:
    ex = run("Đồng chí Bun Xổm Phăn Xay Ni, Bí thư Tỉnh ủy tỉnh Xiêng Khoảng phát biểu.")
    assert country(ex, "Bun Xổm Phăn Xay Ni") == "LA"
    assert positions(ex, "Bun Xổm Phăn Xay Ni") == {
        "Bí thư Tỉnh ủy tỉnh Xiêng Khoảng": ("Tỉnh ủy tỉnh Xiêng Khoảng", "explicit")}


def test_vietnamese_name_of_four_syllables_stays_vietnamese() -> None:
    ex = run("Đồng chí Nguyễn Thị Thu Hà, Bí thư Tỉnh ủy tỉnh Nghệ An phát biểu.")
    assert country(ex, "Nguyễn Thị Thu Hà") == "VN"


def test_short_capitalised_run_is_no_name() -> None:
    ex = run("Đoàn đã thăm Khu Di tích Pác Bó và dâng hoa.")
    assert ex.of_kind("Official") == []


# 5. Agreements and signings


def test_recent_earlier_signing_after_the_verb() -> None:
    ex = run("Hai bên đánh giá cao Biên bản ghi nhớ hợp tác giai đoạn 2024-2027 mà lãnh đạo hai Sở đã ký "
             "tại Viêng Chăn vừa qua, nhất là về đào tạo.")
    out = to_eval(ex)
    assert [a["period"] for a in out["agreements"]] == ["2024-2027"]
    assert [e["kind"] for e in out["events"]] == ["signing"]


def test_signing_to_come_is_no_agreement() -> None:
    ex = run("Hai bên sẽ ký Biên bản ghi nhớ hợp tác giai đoạn 2025-2030 vào cuối năm.")
    out = to_eval(ex)
    assert out["agreements"] == [] and out["events"] == []


def test_documents_joined_by_cung_are_each_read() -> None:
    ex = run("Sáng 3-5, hai bên đã ký Thỏa thuận hợp tác giữa tỉnh Nghệ An và tỉnh Xiêng Khoảng giai đoạn "
             "2024-2028 cùng 2 biên bản ghi nhớ về y tế và du lịch.")
    out = to_eval(ex)
    got = {(a["period"], a["count"]) for a in out["agreements"]}
    assert got == {("2024-2028", None), (None, 2)}


def test_later_undated_document_of_the_same_kind_is_not_a_repeat() -> None:
    ex = run("Hai Bộ trưởng nhắc lại Biên bản thỏa thuận hợp tác giai đoạn 2024-2026 đã ký vừa qua. "
             "Kết thúc hội đàm, hai Thứ trưởng đã ký Biên bản ghi nhớ về hợp tác trong lĩnh vực lưu trữ.")
    names = {a["name"] for a in to_eval(ex)["agreements"]}
    assert len(names) == 2 and any("ghi nhớ" in n for n in names)


def test_between_two_bodies_whose_first_name_holds_va() -> None:
    ex = run("Hai bên đã ký Kế hoạch hợp tác giai đoạn 2025-2030 giữa Ban Tuyên giáo và Dân vận Trung ương "
             "và Ban Tuyên huấn Trung ương Đảng Nhân dân Cách mạng Lào.")
    bodies = {b["name"] for b in to_eval(ex)["bodies"]}
    assert "Ban Tuyên giáo" not in bodies  # the name is not cut at its own "và"


def test_donation_of_houses_carried_out_under_a_numbered_plan() -> None:
    ex = run("Thực hiện Kế hoạch số 15/KH-UBND, vừa qua Hội Cựu chiến binh tỉnh đã trao 10 căn nhà tình nghĩa "
             "cho cựu chiến binh tỉnh bạn.")
    assert [e["kind"] for e in to_eval(ex)["events"]] == ["other"]


def test_planned_donation_is_no_event() -> None:
    ex = run("Hai bên thống nhất kế hoạch trao tặng 10 căn nhà tình nghĩa trong năm tới.")
    assert to_eval(ex)["events"] == []
