"""The named query library: documented, parameterised, and answering on the sample data."""

import pytest
from interparty.queries.library import QueryError, get, library, parse


def test_at_least_twelve_documented_queries():
    queries = library()
    assert len(queries) >= 12
    for q in queries.values():
        assert q.description, q.name
        assert "$" not in q.description


def test_every_query_runs_on_the_sample_graph(sample):
    examples = {"body": "Thành ủy Hà Nội", "official": "Nguyễn Thị Tuyến", "a": "Nguyễn Thị Tuyến",
                "b": "Virasack Nammountry"}
    for q in library().values():
        params = {p.name: examples.get(p.name, "x") for p in q.params if p.required}
        if q.name == "events_between_bodies":
            params = {"a": "Thành ủy Hà Nội", "b": "Thành ủy Viêng Chăn"}
        sample.query(q.name, **params)  # raises on a query the store cannot run


@pytest.mark.parametrize(("name", "params", "column", "expected"), [
    ("officials_of_body", {"body": "Ban Thường vụ Thành ủy Hà Nội"}, "official",
     {"Nguyễn Lan Hương", "Vũ Đức Bảo", "Hoàng Trọng Quyết", "Nguyễn Doãn Toản"}),
    ("positions_of_official", {"official": "Nguyễn Thị Tuyến"}, "body", {"Thành ủy Hà Nội", "Trung ương Đảng"}),
    ("shared_events", {"a": "Nguyễn Thị Tuyến", "b": "Virasack Nammountry"}, "kind", {"opening"}),
    ("plans", {}, "number", {"230-KH/TU"}),
    ("courses", {}, "organiser", {"Thành ủy Hà Nội", "Ban Thường vụ Thành ủy Hà Nội"}),
])
def test_research_questions_on_the_seed_article(sample, name, params, column, expected):
    rows = sample.query(name, **params)
    assert expected <= set(rows[column])


def test_sources_lead_from_a_position_to_its_sentence(sample):
    rows = sample.query("sources_of_position", official="Virasack Nammountry")
    assert not rows.empty
    assert all("Virasack Nammountry" in s for s in rows["sentence"])


def test_key_parameters_accept_names_as_written():
    q = get("positions_of_official")
    assert q.bind({"official": "Nguyễn Thị Tuyến"}) == q.bind({"official": "nguyễn thị tuyến"})
    assert q.bind({"official": "Thành uỷ"})["official"] == "thành ủy"


def test_wrong_parameters_are_named_in_the_error():
    with pytest.raises(QueryError, match="no parameter colour"):
        get("officials").bind({"colour": "red"})
    with pytest.raises(QueryError, match="needs -p body"):
        get("officials_of_body").bind({})
    with pytest.raises(QueryError, match="no query named"):
        get("who_is_the_best")


def test_a_query_must_declare_the_parameters_it_uses():
    with pytest.raises(ValueError, match="declared"):
        parse("bad", "// Says what it does.\nMATCH (n:Official {key: $official}) RETURN n.name AS name")
