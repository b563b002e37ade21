"""The English extractor, one idiom per test: a sentence written in news English, the facts out.

The sentences are made up in the style of the articles the extractor reads; none is copied.
"""

from __future__ import annotations

from typing import Any

import pytest
from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.en import extract
from interparty.loaders.en_dates import find_dates
from interparty.loaders.evalfmt import to_eval
from interparty.loaders.facts import name_key


def read(text: str, date: str | None = "2024-04-26") -> Extraction:
    return extract(SourceDoc(key="t", text=clean(text), lang="en", date=date))


def ev(text: str, date: str | None = "2024-04-26") -> dict[str, Any]:
    return to_eval(read(text, date))


def positions(out: dict[str, Any]) -> dict[str, set[tuple[str, str, str]]]:
    return {o["name"]: {(p["title"], p["body"], p["role"]) for p in o["positions"]} for o in out["officials"]}


def test_title_chain_before_the_name() -> None:
    out = ev("Politburo member and Secretary of the Hanoi Party Committee Bui Thi Minh Hoai chaired the meeting.")
    assert positions(out) == {"Bui Thi Minh Hoai": {
        ("Politburo member", "Politburo", "member"),
        ("Secretary of the Hanoi Party Committee", "Hanoi Party Committee", "secretary")}}
    assert out["officials"][0]["country"] == "VN"


def test_body_keyed_by_its_vietnamese_name_with_english_alias() -> None:
    ex = read("Secretary of the Vientiane Party Committee Anouphap Tounalom hosted the guests.")
    body = ex.of_kind("Body")[0]
    assert body.key == name_key("Thành ủy Viêng Chăn")
    assert body.props["name"] == "Vientiane Party Committee"
    assert "Vientiane Party Committee" in body.props["aliases"]
    assert body.props["country"] == "LA"
    official = ex.of_kind("Official")[0]
    assert official.props["country"] == "LA"


def test_name_then_title_between_commas() -> None:
    out = ev("The talks were attended by Anouphap Tounalom, Secretary of the Vientiane Party Committee, and "
             "other guests.")
    assert positions(out) == {"Anouphap Tounalom": {
        ("Secretary of the Vientiane Party Committee", "Vientiane Party Committee", "secretary")}}


def test_honorific_and_comma_chain_after_the_name() -> None:
    out = ev("The delegation led by Mr. Nguyen Van Phong, member of the Politburo, Secretary of the Hanoi Party "
             "Committee, head of the National Assembly delegation of Hanoi, arrived on Monday.")
    assert positions(out)["Nguyen Van Phong"] == {
        ("member of the Politburo", "Politburo", "member"),
        ("Secretary of the Hanoi Party Committee", "Hanoi Party Committee", "secretary"),
        ("head of the National Assembly delegation of Hanoi", "National Assembly delegation of Hanoi", "head")}


def test_country_adjective_and_state_office() -> None:
    ex = read("Lao Prime Minister Sonexay Siphandone met the visitors.")
    o = ex.of_kind("Official")[0]
    assert (o.props["name"], o.props["country"]) == ("Sonexay Siphandone", "LA")
    (pos,) = ex.rels_of("HOLDS_POSITION")
    assert (pos.props["title"], pos.props["role"], pos.props["resolution"]) == ("Prime Minister", "prime minister",
                                                                                "context")
    assert pos.mentions[0].confidence < 0.9  # the government is inferred, not written


def test_party_central_committee_and_president_of_a_country() -> None:
    out = ev("General Secretary of the LPRP Central Committee and President of Laos Thongloun Sisoulith spoke.")
    assert positions(out)["Thongloun Sisoulith"] == {
        ("General Secretary of the LPRP Central Committee", "LPRP Central Committee", "general secretary"),
        ("President of Laos", "State", "president")}
    bodies = {b["name"] for b in out["bodies"]}
    assert "Lao People's Revolutionary Party" in bodies  # the parent of the central committee


def test_lower_case_municipal_committee_resolves_to_the_city_named_before() -> None:
    ex = read("A delegation of Hanoi arrived in Vientiane. It was led by secretary of the municipal Party "
              "Committee Nguyen Duy Ngoc.")
    (pos,) = ex.rels_of("HOLDS_POSITION")
    assert pos.end == ("Body", name_key("Thành ủy Hà Nội"))
    assert pos.props["resolution"] == "context"


def test_the_vietnamese_commission_refers_back() -> None:
    ex = read("The Central Commission for External Relations and its Lao counterpart held a seminar. Head of the "
              "Vietnamese commission Le Hoai Nam opened it.")
    (pos,) = ex.rels_of("HOLDS_POSITION")
    assert pos.end == ("Body", name_key("Ban Đối ngoại Trung ương"))
    assert (pos.props["role"], pos.props["resolution"]) == ("head", "context")


def test_general_secretary_without_a_body_takes_the_party_named_in_the_article() -> None:
    out = ev("The meeting between the Communist Party of Vietnam and the Lao People's Revolutionary Party was "
             "co-chaired by General Secretary Nguyen Van Truong and General Secretary, President of Laos "
             "Bounmy Keomany.")
    assert positions(out)["Nguyen Van Truong"] == {("General Secretary", "Communist Party of Vietnam",
                                                    "general secretary")}
    assert ("General Secretary", "Lao People's Revolutionary Party", "general secretary") in positions(out)[
        "Bounmy Keomany"]


def test_counterpart_is_an_official_without_a_title() -> None:
    out = ev("He briefed his hosts on his talks with his Vientiane counterpart Somphone Keola.")
    assert out["officials"] == [{"name": "Somphone Keola", "country": "LA", "positions": []}]


@pytest.mark.parametrize("text", [
    "Vientiane (VNA) – The two sides met on Monday. Photo: VNA",
    "—VNA/VNS Photo",
    "Home | News | Politics | World Business Culture",
])
def test_no_officials_from_datelines_credits_or_menus(text: str) -> None:
    assert ev(text)["officials"] == []


def test_caption_glued_to_text_and_possessive_name() -> None:
    out = ev("Secretary of Hanoi Party Committee Tran Van Minh (left) meets Lao leaders in Vientiane on Monday. "
             "—VNA/VNS Photo\nMinh's visit was his first.")
    assert list(positions(out)) == ["Tran Van Minh"]


def test_coordinated_councils_are_split() -> None:
    names = {b["name"] for b in ev("Deputies of the Hà Nội and Vientiane People's Councils exchanged "
                                   "views.")["bodies"]}
    assert names == {"Hà Nội People's Council", "Vientiane People's Council"}


def test_relative_weekday_resolves_against_the_article_date() -> None:
    (d,) = find_dates("on Monday", "2022-04-05")
    assert (d.date, d.year_inferred) == ("2022-04-04", True)
    (d,) = find_dates("On Wednesday", "2024-03-13")
    assert d.date == "2024-03-13"  # the same weekday as the article is that day


def test_day_ranges_and_missing_years() -> None:
    (d,) = find_dates("on March 11 and 12, 2024", None)
    assert (d.date, d.end_date, d.year_inferred) == ("2024-03-11", "2024-03-12", False)
    (d,) = find_dates("on April 25", "2022-05-02")
    assert (d.date, d.year_inferred) == ("2022-04-25", True)
    (d,) = find_dates("on April 25", None)
    assert d.date == "--04-25"


def test_visit_event_with_date_participants_and_place() -> None:
    ex = read("Secretary of the Hanoi Party Committee Dang Van Quy paid a working visit to Laos on May 6 and 7, "
              "2025.")
    (event,) = ex.of_kind("Event")
    assert (event.props["kind"], event.props["date"], event.props["date_text"]) == (
        "visit", "2025-05-06", "May 6 and 7, 2025")
    assert event.key == "t|visit|2025-05-06"
    assert [r.start[1] for r in ex.rels_of("ATTENDED")] == [name_key("Dang Van Quy")]
    assert [r.end for r in ex.rels_of("HELD_IN")] == [("Place", name_key("Lào"))]


def test_signed_minutes_with_period_and_signing_event() -> None:
    out = ev("On Tuesday the two provinces signed the minutes of their friendship agreement for 2025-2027.")
    (agreement,) = out["agreements"]
    assert (agreement["kind"], agreement["period"], agreement["date"]) == ("minutes", "2025-2027", "2024-04-23")
    assert [e["kind"] for e in out["events"]] == ["signing"]


def test_agreement_signed_earlier_is_not_a_signing_event() -> None:
    out = ev("Officials reviewed the friendship agreement for the 2021 – 2023 period signed during an earlier trip.")
    assert [a["period"] for a in out["agreements"]] == ["2021-2023"]
    assert "signing" not in {e["kind"] for e in out["events"]}


def test_course_opening_with_organiser_and_trainees() -> None:
    out = ev("The Ho Chi Minh National Academy of Politics on October 2 opened a training course on inspection "
             "work for 25 officials of the Lao People's Revolutionary Party in Hanoi.")
    (course,) = out["courses"]
    assert course["organiser"] == "Ho Chi Minh National Academy of Politics"
    assert (course["start_date"], course["trainees"]) == ("2023-10-02", 25)
    assert course["trainees_from"] == "Lao People's Revolutionary Party"
    assert [e["kind"] for e in out["events"]] == ["opening"]


def test_every_fact_records_its_sentence_and_span() -> None:
    text = "Lao President Bounnhang Vorachit received Nguyen Van Lam, Secretary of the Son La Party Committee."
    ex = read(text)
    for fact in [*ex.nodes, *ex.rels]:
        assert fact.mentions, fact
        for m in fact.mentions:
            assert m.sentence in clean(text) and 0 <= m.start <= m.end <= len(text)
    o = next(n for n in ex.of_kind("Official") if n.props["name"] == "Nguyen Van Lam")
    m = o.mentions[0]
    assert text[m.start:m.end] == "Nguyen Van Lam"


def test_agreement_parties_are_the_bodies_that_signed() -> None:
    ex = read("The Quang Tri provincial Party Committee and the Savannakhet provincial Party Committee on April 10 "
              "signed a cooperation agreement for 2024-2028.")
    parties = {r.start[1] for r in ex.rels_of("PARTY_TO")}
    assert parties == {name_key("Tỉnh ủy Quảng Trị"), name_key("Tỉnh ủy Savannakhet")}


def test_title_without_a_known_body_still_yields_the_official_but_no_position() -> None:
    out = ev("Minister of Foreign Affairs Vo Van Hai held talks with his Lao counterpart in Vientiane.")
    assert out["officials"] == [{"name": "Vo Van Hai", "country": "VN", "positions": []}]


# ---------------------------------------------------------------- one identity with the Vietnamese extractor


def test_partner_party_bodies_are_keyed_as_the_vietnamese_extractor_keys_them() -> None:
    ex = read("Somchai Keola, member of the Party Central Committee and Secretary of the Vientiane Party "
              "Committee, visited Laos and Vietnam.")
    pos = {(r.end[1], r.props["role"]) for r in ex.rels_of("HOLDS_POSITION")}
    assert pos == {("trung ương đảng nhân dân cách mạng lào", "member"), ("thành ủy viêng chăn", "secretary")}


def test_standing_deputy_secretary_is_one_role_in_both_languages() -> None:
    from interparty.loaders.gazetteer import roles

    ex = read("Permanent Deputy Secretary of the Hanoi Party Committee Tran Van Khai welcomed the guests.")
    (r,) = ex.rels_of("HOLDS_POSITION")
    assert r.props["role"] == "standing deputy secretary" == r.key
    assert r.props["role"] in roles().positions
    assert r.end == ("Body", "thành ủy hà nội")


def test_places_are_keyed_by_the_vietnamese_gazetteers_names() -> None:
    from interparty.loaders.en_gazetteer import gazetteer as en_gazetteer
    from interparty.loaders.gazetteer import gazetteer

    canonical = {p.name for p in gazetteer().places}
    en = en_gazetteer()
    assert {e.vi for e in en.countries.values()} <= canonical
    for words in en.places._by_first.values():
        assert {entry.vi for _, entry in words} <= canonical
