"""One person, one node: spellings that must merge, and people who must stay apart."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.resolve import Entity, Judgements, clusters, loose_key
from interparty.loaders.facts import FactBuilder, name_key


def people(*names: str, country: str | None = None) -> list[Entity]:
    return [Entity("Official", name_key(n), n, country, ()) for n in names]


def grouped(ents: list[Entity], judgements: Judgements | None = None) -> set[frozenset[str]]:
    return {frozenset(e.name for e in c) for c in clusters(ents, judgements or Judgements())}


@pytest.mark.parametrize(("a", "b"), [
    ("Nguyễn Thị Tuyến", "Nguyen Thi Tuyen"),            # English text drops the diacritics
    ("Thành uỷ Hà Nội", "Thành ủy Hà Nội"),              # old and new tone placement
    ("Ðinh Tiến Dũng", "Đinh Tiến Dũng"),                # look-alike Ð
    ("Phankham Viphavan", "Phankham Viphavanh"),         # Lao romanisation variants
    ("Sous Yara", "Suos Yara"),
    ("Kay-xỏn Phôm-vi-hẳn", "Kayxỏn Phômvihẳn"),          # hyphenated phonetic spelling
])
def test_spellings_of_one_person_merge(a, b):
    assert grouped(people(a, b)) == {frozenset({a, b})}


@pytest.mark.parametrize(("a", "b"), [
    ("Nguyễn Bá Hưng", "Nguyễn Bá Hùng"),   # diacritics decide when both sides have them
    ("Nguyễn Doãn Toản", "Nguyễn Doãn Toàn"),
])
def test_different_people_stay_apart(a, b):
    assert grouped(people(a, b)) == {frozenset({a}), frozenset({b})}


def test_an_unmarked_spelling_with_two_marked_candidates_is_left_alone():
    result = grouped(people("Nguyễn Bá Hưng", "Nguyễn Bá Hùng", "Nguyen Ba Hung"))
    assert frozenset({"Nguyen Ba Hung"}) in result


def test_bodies_called_only_by_their_kind_are_never_joined_by_name():
    # two articles' "Học viện", each keyed by its article: the same two words, maybe two academies
    bare = [Entity("Body", f"{src}|học viện", "Học viện", "VN", ("Học viện",)) for src in ("a", "b")]
    named = [Entity("Body", f"{k}", "Ban Tuyên giáo Thành ủy Hà Nội", "VN", ()) for k in ("x", "y")]
    result = {frozenset(e.key for e in c) for c in clusters(bare + named, Judgements())}
    assert result == {frozenset({"a|học viện"}), frozenset({"b|học viện"}), frozenset({"x", "y"})}


def test_countries_seen_with_a_person_are_evidence():
    lao = Entity("Official", "x", "Sous Yara", "LA", ())
    khmer = Entity("Official", "y", "Suos Yara", "KH", ())
    assert len(clusters([lao, khmer], Judgements())) == 2


def test_judgements_merge_transitively_and_block(tmp_path):
    j = Judgements(path=tmp_path / "j.yaml")
    j.merge("Thongloun Sisoulith", "Thoongloun Sisoulith")
    j.merge("Thoongloun Sisoulith", "T. Sisoulith")
    j.save()
    loaded = Judgements.load(tmp_path / "j.yaml")
    names = ("Thongloun Sisoulith", "Thoongloun Sisoulith", "T. Sisoulith")
    assert grouped(people(*names), loaded) == {frozenset(names)}
    loaded.split("Phankham Viphavan", "Phankham Viphavanh")
    assert len(grouped(people("Phankham Viphavan", "Phankham Viphavanh"), loaded)) == 2


def test_a_malformed_judgements_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "j.yaml"
    bad.write_text("same: [just-a-name]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"j\.yaml"):
        Judgements.load(bad)


@given(st.lists(st.sampled_from(["a", "e", "i", "o", "u", "h", "n", "k", "s", "-", "p"]), min_size=1, max_size=12))
def test_loose_key_is_stable_under_its_own_normalisation(letters):
    name = "X" + "".join(letters)
    assert loose_key(name) == loose_key(name.upper())


def _article(key: str, name: str, date: str) -> Extraction:
    text = f"Bí thư Thành ủy Hà Nội {name} phát biểu."
    b = FactBuilder(SourceDoc(key=key, text=text, date=date))
    m = b.mention(0, len(text), "test", 0.9)
    o = b.node("Official", name_key(name), m, name=name, country="VN")
    body = b.node("Body", name_key("Thành ủy Hà Nội"), m, name="Thành ủy Hà Nội")
    b.rel("HOLDS_POSITION", o, body, m, key="bí thư", title="Bí thư")
    return b.build()


def test_ingest_order_does_not_change_the_graph(tmp_path):
    from interparty.graph.resolve import reconcile

    import interparty

    arts = [_article("a", "Nguyen Thi Tuyen", "2024-01-01"), _article("b", "Nguyễn Thị Tuyến", "2024-02-01"),
            _article("c", "Nguyễn Bá Hưng", "2024-03-01"), _article("d", "Nguyễn Bá Hùng", "2024-04-01")]
    snapshots = []
    for i, order in enumerate([arts, arts[::-1], random.Random(7).sample(arts, len(arts))]):
        with interparty.open(tmp_path / f"g{i}.lbdb") as kg:
            for a in order:
                kg.store.write([a])
                reconcile(kg.store, Judgements())
            df = kg.cypher("MATCH (o:Official)-[h:HOLDS_POSITION]->(b:Body) RETURN o.key AS k, o.name AS name, "
                           "o.sources AS s, h.first_seen AS f, h.last_seen AS l ORDER BY k")
            snapshots.append([(r.k, r.name, sorted(r.s), r.f, r.l) for r in df.itertuples()])
    assert snapshots[0] == snapshots[1] == snapshots[2]
    assert [row[0] for row in snapshots[0]] == ["nguyễn bá hùng", "nguyễn bá hưng", "nguyễn thị tuyến"]
