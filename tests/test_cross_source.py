"""Across sources and languages: one event per occasion, one node per person, time-aware questions."""

import pytest

import interparty


@pytest.fixture(scope="module")
def eval_graph(eval_dir, tmp_path_factory):
    path = tmp_path_factory.mktemp("eval") / "g.lbdb"
    with interparty.open(path, judgements=path.parent / "j.yaml") as g:
        report = g.ingest(eval_dir / "articles")
        assert not report.problems
    with interparty.open(path, read_only=True) as g:
        yield g


def test_events_reported_in_both_languages_are_one_event(eval_graph):
    rows = eval_graph.cypher("MATCH (e:Event) WHERE size(e.sources) > 1 RETURN e.kind AS kind, e.date AS date, "
                             "e.sources AS sources")
    by_kind = {(r.kind, r.date): r.sources for r in rows.itertuples()}
    # The March 2024 visit of the Hanoi delegation to Laos (the seed article and an English report),
    # the Hanoi-Vientiane talks of 4 April 2022 (a Vietnamese and an English report), and the signing at them.
    assert ("visit", "2024-03-11") in by_kind
    assert ("talks", "2022-04-04") in by_kind
    assert any(kind == "signing" for kind, _ in by_kind)
    for sources in by_kind.values():
        langs = eval_graph.cypher("MATCH (s:Source) WHERE s.key IN $keys RETURN DISTINCT s.lang AS lang",
                                  keys=list(sources))["lang"]
        assert set(langs) == {"vi", "en"}


def test_people_in_several_articles_are_one_node(eval_graph):
    rows = eval_graph.cypher("MATCH (o:Official) WHERE size(o.sources) > 1 RETURN o.name AS name, "
                             "size(o.sources) AS n ORDER BY n DESC, name")
    several = dict(zip(rows["name"], rows["n"], strict=True))
    assert several.get("Anouphap Tounalom", 0) >= 4
    assert several.get("Đinh Tiến Dũng", 0) >= 3   # Vietnamese and English spellings
    assert {"Nguyễn Thị Tuyến", "Thongloun Sisoulith", "Nguyễn Lan Hương"} <= set(several)
    names = set(eval_graph.query("officials")["official"])
    assert "Dinh Tien Dung" not in names


def test_who_has_anouphap_tounalom_met_since_2022(eval_graph):
    met = eval_graph.query("met_since", official="Anouphap Tounalom", since="2022")
    assert {"Đinh Tiến Dũng", "Nguyễn Duy Ngọc"} <= set(met["official"])
    assert (met["first_met"] >= "2022").all()


def test_who_was_on_the_hanoi_standing_committee_in_july_2024(sample):
    rows = sample.query("officials_of_body", body="Ban Thường vụ Thành ủy Hà Nội", on_date="2024-07")
    assert {"Nguyễn Lan Hương", "Vũ Đức Bảo", "Hoàng Trọng Quyết", "Nguyễn Doãn Toản"} <= set(rows["official"])
    assert "Virasack Nammountry" not in set(rows["official"])  # Vientiane's standing committee, not Hanoi's


def test_an_event_written_again_after_its_merge_joins_the_merged_event():
    # Two ingests at once: one merged b's talks into a's while the other wrote b's article again.
    from interparty.graph.resolve_events import EventInfo, plan_merges

    merged = EventInfo("a|talks|2024-04-04", "talks", "2024-04-04", frozenset({"a", "b"}), {"o"})
    again = EventInfo("b|talks|2024-04-04", "talks", "2024-04-04", frozenset({"b"}), {"o"})
    signing = EventInfo("a|signing|#1", "signing", None, frozenset({"a", "b"}))
    signing_again = EventInfo("b|signing|#2", "signing", None, frozenset({"b"}))
    other_day = EventInfo("b|talks|2024-04-05", "talks", "2024-04-05", frozenset({"b"}), {"o"})
    merges = {(m.keep, m.drop) for m in plan_merges([merged, again, signing, signing_again, other_day])}
    assert merges == {("a|talks|2024-04-04", "b|talks|2024-04-04"), ("a|signing|#1", "b|signing|#2")}
