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
