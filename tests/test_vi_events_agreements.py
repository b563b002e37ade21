"""Events, agreements, courses and plans in Vietnamese articles, case by case, on sentences written for these tests."""

from __future__ import annotations

from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.dates import find_dates
from interparty.loaders.vi import extract


def run(text: str, date: str | None = "2024-04-05") -> Extraction:
    return extract(SourceDoc(key="t", text=clean(text), date=date, title=""))


def events(ex: Extraction) -> list[tuple[str, str | None, str | None]]:
    """(kind, name, date) of each event, in the order made."""
    return [(e.props["kind"], e.props.get("name"), e.props.get("date")) for e in ex.of_kind("Event")]


def kinds(ex: Extraction) -> dict[str, str | None]:
    """kind (or, for kind "other", the name's first word pair) -> date."""
    out = {}
    for kind, name, date in events(ex):
        key = kind if kind != "other" else " ".join((name or "").split()[:2])
        out[key] = date
    return out


def agreements(ex: Extraction) -> list[dict[str, object]]:
    return sorted((a.props for a in ex.of_kind("Agreement")), key=lambda p: str(p.get("name")))


def ends(ex: Extraction, rel: str) -> list[tuple[str, str]]:
    names = {n.ref: n.props.get("name") or n.props.get("number") for n in ex.nodes}
    return [(names[r.start], names[r.end]) for r in ex.rels_of(rel)]


# ---------------------------------------------------------------- event kinds


def test_courtesy_call_is_a_reception_and_same_day_takes_the_day_reported_last() -> None:
    ex = run("Sáng 4/4, Đoàn đã hội đàm với lãnh đạo tỉnh Xiêng Khoảng. "
             "Trước đó, sáng cùng ngày, Đoàn đã đến chào xã giao đồng chí Giàng A Tính, Bí thư Tỉnh ủy Điện Biên.")
    assert kinds(ex) == {"talks": "2024-04-04", "reception": "2024-04-04"}
    reception = next(e for e in ex.of_kind("Event") if e.props["kind"] == "reception")
    assert reception.props["date_text"] == "sáng cùng ngày"
    # "thăm xã giao" is the same call, not a visit of its own
    assert [k for k, _, _ in events(run("Sáng 30/8, Đoàn đã đến thăm xã giao đồng chí Ngô Đình Thuận."))] == [
        "reception"]


def test_tributes_handovers_donations_and_fairs_are_other_events_when_they_happened() -> None:
    ex = run("Sáng 12-3, Đoàn dự lễ bàn giao công trình Trường Phổ thông dân tộc nội trú huyện Viêng Xay. "
             "Chiều cùng ngày, Đoàn đã dâng hoa tại Đài tưởng niệm liệt sĩ. "
             "Nhân dịp này, Bộ Chỉ huy Bộ đội Biên phòng tỉnh trao tặng lực lượng bảo vệ biên giới 2 tấn gạo. "
             "Vừa qua, hai tỉnh đã phối hợp tổ chức thành công Hội chợ thương mại tại thành phố Thà Khẹc.")
    evs = events(ex)
    assert {k for k, _, _ in evs} == {"other"}
    assert kinds(ex) == {"lễ bàn": "2024-03-12", "dâng hoa": "2024-03-12", "trao tặng": None, "hội chợ": None}
    fair = next(e for e in ex.of_kind("Event") if e.props["name"].startswith("hội chợ"))
    assert fair.props["date_text"] == "Vừa qua"


def test_proposed_or_summed_up_happenings_are_not_events() -> None:
    ex = run("Đồng chí đề nghị hai bên sớm hoàn thành thủ tục để khởi công công trình trong quý IV. "
             "Năm 2023, hai tỉnh đã tổ chức thành công Hội chợ thương mại. "
             "Các đại biểu cắt băng bàn giao công trình. "
             "Hai bên nhất trí tổ chức hội chợ thương mại vào cuối năm.")
    assert events(ex) == []
    # the fair opened is one happening: the opening
    assert [k for k, _, _ in events(run("Tối 10-3, khai mạc Hội chợ thương mại Việt - Lào."))] == ["opening"]


def test_lecture_right_after_the_opening() -> None:
    ex = run("Sáng 3-9, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức khai giảng Lớp bồi dưỡng lý luận chính trị "
             "cho cán bộ Lào. Ngay sau lễ khai giảng, đồng chí Đỗ Thị Thanh Hương, Viện trưởng Viện Xây dựng Đảng đã "
             "trình bày chuyên đề đầu tiên.")
    assert kinds(ex) == {"opening": "2024-09-03", "lecture": None}


def test_visits_over_several_days_carry_the_first() -> None:
    for text, day in [("Trong hai ngày 11 và 12-3, Đoàn công tác tỉnh Thanh Hóa đã thăm và làm việc tại tỉnh Hủa Phăn.",
                       "2024-03-11"),
                      ("Từ 9 đến 11/4, Đoàn đại biểu tỉnh Nghệ An đã sang thăm tỉnh Xiêng Khoảng.", "2024-04-09"),
                      ("Đoàn đại biểu tỉnh Sơn La đã sang thăm, làm việc tại tỉnh Luông Pha-bang hai ngày 24 và 25-2.",
                       "2024-02-24")]:
        assert kinds(run(text)) == {"visit": day}, text
    # a delegation come to congratulate is a visit (its days are not given)
    ex = run("Tối 29/8, đồng chí Hoàng Trung Kiên đã tiếp Đoàn đại biểu tỉnh Khăm Muộn sang chúc mừng Quốc khánh.")
    assert kinds(ex) == {"reception": "2024-08-29", "visit": None}


def test_dates_as_the_press_writes_them() -> None:
    for text, want in [("Từ 9 đến 11/4, đoàn thăm", (9, 4, 11, 4)),
                       ("Từ ngày 9-11/4, Đoàn đại biểu", (9, 4, 11, 4)),
                       ("Sáng nay (15/3), tại Hà Nội", (15, 3, None, None)),
                       ("Chiều qua (14-3), Đoàn", (14, 3, None, None))]:
        (d,) = find_dates(text)
        assert (d.day, d.month, d.end_day, d.end_month) == want, text
    assert find_dates("kéo dài từ 3 đến 5-7 ngày") == ()
    assert [(d.day, d.month, d.year, d.end_day) for d in find_dates("ngày 9-4-2024")] == [(9, 4, 2024, None)]


def test_what_is_to_come_after_a_past_event_does_not_cancel_it() -> None:
    ex = run("Sáng 4/4, Đoàn đã hội đàm với lãnh đạo tỉnh Xiêng Khoảng, hai bên sẽ tiếp tục phối hợp.")
    assert kinds(ex) == {"talks": "2024-04-04"}
    assert events(run("Hội nghị sẽ diễn ra vào ngày 5/4.")) == []
    assert events(run("Đoàn đã thống nhất sẽ tổ chức hội nghị vào tháng 5.")) == []


def test_a_conference_centre_or_an_old_resolution_is_no_conference() -> None:
    ex = run("Sáng 4/4, tại Trung tâm Hội nghị Quốc gia, đồng chí Trần Văn An đã tiếp Đoàn.")
    assert kinds(ex) == {"reception": "2024-04-04"}
    assert events(run("Hai bên ủng hộ lẫn nhau trên các diễn đàn quốc tế.")) == []
    ex = run("Thực hiện Nghị quyết Hội nghị Trung ương 4, Tỉnh ủy tổ chức hội nghị tổng kết vào sáng 4/4.")
    assert kinds(ex) == {"conference": "2024-04-04"}


# ---------------------------------------------------------------- signings and agreements


def test_several_named_documents_of_one_signing() -> None:
    ex = run("Sau hội đàm, hai bên đã ký kết 3 văn bản hợp tác, gồm: Biên bản hội đàm năm 2024 giữa hai tỉnh; "
             "Bản ghi nhớ về phối hợp phòng, chống tội phạm ma túy qua biên giới; Thỏa thuận hợp tác trong lĩnh vực "
             "giáo dục - đào tạo giai đoạn 2024-2027.")
    got = [(a["kind"], a["name"], a.get("period")) for a in agreements(ex)]
    assert got == [
        ("minutes", "Biên bản hội đàm năm 2024 giữa hai tỉnh", None),
        ("memorandum", "Bản ghi nhớ về phối hợp phòng, chống tội phạm ma túy qua biên giới", None),
        ("agreement", "Thỏa thuận hợp tác trong lĩnh vực giáo dục - đào tạo giai đoạn 2024-2027", "2024-2027"),
    ]
    assert len(ex.rels_of("SIGNED_AT")) == 3
    # two documents joined by "và"
    ex = run("Sau hội đàm, hai bên đã ký Biên bản hội đàm và Bản ghi nhớ về hợp tác y tế giai đoạn 2024-2026.")
    assert [(a["kind"], a.get("period")) for a in agreements(ex)] == [("minutes", None), ("memorandum", "2024-2026")]


def test_a_count_of_documents_and_a_one_year_memorandum() -> None:
    ex = run("Sau hội đàm, đồng chí Phan Đình Toàn đã ký Biên bản thỏa thuận hợp tác giai đoạn 2024-2028. "
             "Cũng dịp này, các sở, ngành của hai tỉnh đã ký 5 văn bản hợp tác trong các lĩnh vực giáo dục, y tế.")
    got = {(a["kind"], a.get("period"), a.get("count")) for a in agreements(ex)}
    assert got == {("minutes", "2024-2028", None), ("agreement", None, 5)}
    ex = run("Kết thúc hội nghị, hai bên đã ký Biên bản ghi nhớ hợp tác năm 2024 giữa hai tỉnh.")
    assert agreements(ex)[0]["period"] == "2024"


def test_period_after_the_two_parties() -> None:
    ex = run("Kết thúc hội đàm, hai Trưởng ban đã ký Biên bản thỏa thuận hợp tác giữa Ban Đối ngoại Trung ương Đảng "
             "Cộng sản Việt Nam và Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào giai đoạn 2025-2029.")
    (ag,) = agreements(ex)
    assert ag["period"] == "2025-2029"
    assert {p for p, _ in ends(ex, "PARTY_TO")} == {"Ban Đối ngoại Trung ương Đảng Cộng sản Việt Nam",
                                                    "Ban Đối ngoại Trung ương Đảng Nhân dân Cách mạng Lào"}


def test_signing_at_the_meeting_takes_its_day_after_it_stays_undated() -> None:
    ex = run("Trước đó, chiều 17-7, đồng chí Võ Thị Minh Nguyệt đã tiếp và làm việc với Đoàn. Tại buổi làm việc, "
             "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị đã ký Biên bản ghi nhớ hợp tác giai đoạn 2024-2026.",
             date="2024-07-18")
    signing = next(e.props for e in ex.of_kind("Event") if e.props["kind"] == "signing")
    assert (signing["date"], signing["date_text"]) == ("2024-07-17", "Tại buổi làm việc")
    assert agreements(ex)[0]["date"] == "2024-07-17"
    ex = run("Sáng 11-3, Đoàn đã hội đàm với lãnh đạo tỉnh Hủa Phăn. Kết thúc hội đàm, hai bên đã ký Biên bản "
             "thỏa thuận hợp tác giai đoạn 2025-2030.")
    assert kinds(ex)["signing"] is None


def test_agreements_named_as_signed() -> None:
    ex = run("Hai bên đánh giá cao kết quả thực hiện Thỏa thuận hợp tác giai đoạn 2024-2028 được ký kết ngày "
             "15-1-2024 giữa tỉnh Nghệ An và tỉnh Xiêng Khoảng.")
    (ag,) = agreements(ex)
    assert (ag["period"], ag["date"]) == ("2024-2028", "2024-01-15")
    ex = run("Biên bản thỏa thuận hợp tác giai đoạn 2024-2026 vừa được ký kết là cơ sở để hai bên triển khai.")
    assert [a["period"] for a in agreements(ex)] == ["2024-2026"]


def test_history_and_intentions_are_not_agreements() -> None:
    for text in ["Trên cơ sở Thỏa thuận hợp tác được ký kết ngày 10-5-2019, hai bên phối hợp chặt chẽ.",
                 "Bản Hiệp ước ký ngày 18-7-1977 đã tạo khuôn khổ pháp lý lâu dài.",
                 "Ngày 18-7-1977, hai nước đã ký Hiệp ước Hữu nghị và Hợp tác.",
                 "Dự kiến trong tháng 5, hai bên sẽ ký kết Thỏa thuận hợp tác giai đoạn 2025-2030.",
                 "Thỏa thuận hợp tác đã được ký kết là cơ sở quan trọng."]:
        ex = run(text)
        assert agreements(ex) == [], text
        assert "signing" not in kinds(ex), text


def test_documents_said_to_be_signed_earlier_are_not_a_signing() -> None:
    ex = run("Hai bên thống nhất tiếp tục triển khai các nội dung hợp tác đã ký kết, trong đó có đào tạo cán bộ.")
    assert events(ex) == []
    assert kinds(run("Sáng 5/4, hai bên đã ký kết các văn bản hợp tác.")) == {"signing": "2024-04-05"}


# ---------------------------------------------------------------- plans and decisions


def test_issuer_after_the_number_and_date() -> None:
    ex = run("Nhiệm vụ năm 2024 đã được cụ thể hóa tại Kế hoạch số 115/KH-UBND ngày 20-2-2024 của UBND tỉnh "
             "Điện Biên về hợp tác với các tỉnh Bắc Lào.")
    (plan,) = ex.of_kind("Plan")
    assert (plan.props["kind"], plan.props["date"]) == ("plan", "2024-02-20")
    assert ends(ex, "ISSUED") == [("UBND tỉnh Điện Biên", "Kế hoạch số 115/KH-UBND")]
    # a post signing for its body: the body issues
    ex = run("Lớp được mở theo Quyết định số 2468-QĐ/HVCTQG ngày 20-8-2024 của Giám đốc Học viện Chính trị quốc gia "
             "Hồ Chí Minh.")
    assert ex.of_kind("Plan")[0].props["kind"] == "decision"
    assert ends(ex, "ISSUED") == [("Học viện Chính trị quốc gia Hồ Chí Minh", "Quyết định số 2468-QĐ/HVCTQG")]


def test_issuer_from_the_number_only_when_the_article_names_that_body() -> None:
    text = "Thực hiện Quyết định số 41/QĐ-UBND, tỉnh Nghệ An hỗ trợ tỉnh Xiêng Khoảng xây trường."
    assert ends(run(text), "ISSUED") == []
    ex = run("Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An dự lễ. " + text)
    assert ends(ex, "ISSUED") == [("UBND tỉnh Nghệ An", "Quyết định số 41/QĐ-UBND")]
    # two Vietnamese provinces: whose committee numbered it is not said
    ex = run("Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh Nghệ An dự lễ. Thực hiện Quyết định số 41/QĐ-UBND, tỉnh "
             "Nghệ An hỗ trợ tỉnh Hà Tĩnh và tỉnh Quảng Bình.")
    assert ends(ex, "ISSUED") == []


# ---------------------------------------------------------------- courses


def test_course_trainees_counted_as_cadres_and_its_length() -> None:
    ex = run("Sáng 8-7, Trường Chính trị tỉnh Sơn La khai giảng lớp bồi dưỡng kiến thức quản lý cho 30 cán bộ tỉnh "
             "Hủa Phăn, trong thời gian 10 tháng.")
    (course,) = ex.of_kind("Course")
    assert (course.props["trainees"], course.props["duration"]) == (30, "10 tháng")
    assert course.props["name"] == "lớp bồi dưỡng kiến thức quản lý cho 30 cán bộ tỉnh Hủa Phăn"
    assert ends(ex, "ORGANIZED")[0][0] == "Trường Chính trị tỉnh Sơn La"
    ex = run("Sáng 8-7, Trường Chính trị tỉnh Sơn La khai giảng lớp bồi dưỡng kiến thức quản lý. Lớp học kéo dài "
             "3 tháng. Trong 6 tháng đầu năm, tỉnh đã đào tạo 100 cán bộ.")
    assert ex.of_kind("Course")[0].props["duration"] == "3 tháng"


def test_a_body_read_from_the_first_words_of_a_longer_name_does_not_organise() -> None:
    # (a name no gazetteer holds: only its head "Trung ương" is known)
    ex = run("Ngày 2/6, Trung ương Câu lạc bộ Hữu nghị Xanh khai giảng lớp bồi dưỡng nghiệp vụ công tác "
             "thanh niên cho 40 cán bộ tỉnh Hủa Phăn.")
    (course,) = ex.of_kind("Course")
    assert course.props["trainees"] == 40
    assert ends(ex, "ORGANIZED") == []  # not "Trung ương"


def test_the_trainees_head_is_no_organiser_and_a_course_named_again_is_one_course() -> None:
    ex = run("Sáng 8-7, Trường Chính trị tỉnh Sơn La khai giảng lớp bồi dưỡng kiến thức quản lý cho cán bộ tỉnh "
             "Hủa Phăn. Thay mặt học viên, đồng chí Vông-xay Phim-ma-sỏn, Phó Trưởng ban Tổ chức Tỉnh ủy Hủa Phăn - "
             "Trưởng đoàn học viên tỉnh Hủa Phăn cảm ơn nhà trường đã tổ chức lớp bồi dưỡng kiến thức quản lý "
             "nhà nước.")
    assert len(ex.of_kind("Course")) == 1
    assert [o for o, c in ends(ex, "ORGANIZED") if c.startswith("lớp")] == ["Trường Chính trị tỉnh Sơn La"]
    ex = run("Sáng 8-7, đồng chí Vông-xay, Trưởng đoàn học viên Ban Tổ chức Tỉnh ủy Hủa Phăn tổ chức lớp bồi dưỡng "
             "kiến thức quản lý.")
    assert ends(ex, "ORGANIZED") == []


def test_a_date_years_before_the_article_is_no_event_date() -> None:
    ex = run("Sáng 22/5, đồng chí Lê Văn Hùng đã tiếp Đoàn đại biểu tỉnh Khăm Muộn. Tại buổi tiếp, hai bên đã trao đổi "
             "về kết quả thực hiện Biên bản ghi nhớ hợp tác giai đoạn 2021-2025 được ký kết ngày 10-3-2021. "
             "Chiều cùng ngày, Đoàn đã dâng hương tại Nghĩa trang liệt sĩ quốc tế Việt - Lào.", date="2024-05-22")
    assert kinds(ex) == {"reception": "2024-05-22", "dâng hương": "2024-05-22"}
    assert agreements(ex) == []  # a document of 2021 only mentioned
