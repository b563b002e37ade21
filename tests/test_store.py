"""The embedded store: idempotent loading, whole-source transactions, provenance on every fact."""

import subprocess
import sys
from pathlib import Path

import pytest
from interparty.graph.model import Extraction, SourceDoc
from interparty.loaders.facts import FactBuilder, name_key

import interparty

TEXT = "Sáng 15-7, Bí thư Thành ủy Hà Nội Nguyễn Văn Ba dự lễ khai giảng."


def extraction(key: str = "s1", text: str = TEXT, date: str = "2024-07-15", title: str = "Bí thư") -> Extraction:
    b = FactBuilder(SourceDoc(key=key, text=text, date=date))
    start = text.index("Bí thư")
    m = b.mention(start, text.index(" dự"), "test.chain", 0.9)
    official = b.node("Official", name_key("Nguyễn Văn Ba"), m, name="Nguyễn Văn Ba", country="VN")
    body = b.node("Body", name_key("Thành ủy Hà Nội"), m, name="Thành ủy Hà Nội", country="VN")
    b.rel("HOLDS_POSITION", official, body, m, key=title, title=title, role="secretary", resolution="explicit")
    return b.build()


def test_writing_the_same_source_twice_changes_nothing(kg):
    kg.store.write([extraction()])
    once = kg.counts()
    kg.store.write([extraction()], replace=["s1"])
    assert kg.counts() == once
    assert once["Official"] == 1 and once["HOLDS_POSITION"] == 1 and once["Source"] == 1


def test_every_edge_leads_back_to_its_sentence(kg):
    kg.store.write([extraction()])
    rows = kg.query("sources_of_position", official="Nguyễn Văn Ba")
    assert rows["sentence"].tolist() == [TEXT]
    assert rows["method"].tolist() == ["test.chain"]
    assert rows["source"].tolist() == ["s1"]


def test_a_changed_source_replaces_its_old_facts(kg):
    kg.store.write([extraction()])
    changed = extraction(text=TEXT.replace("Bí thư", "Phó Bí thư"), title="Phó Bí thư")
    kg.store.write([changed], replace=["s1"])
    titles = kg.query("positions_of_official", official="Nguyễn Văn Ba")["title"].tolist()
    assert titles == ["Phó Bí thư"]


def test_positions_keep_the_dates_of_every_source(kg):
    kg.store.write([extraction("a", date="2024-01-10")])
    kg.store.write([extraction("b", date="2024-09-01")])
    row = kg.query("positions_of_official", official="Nguyễn Văn Ba").iloc[0]
    assert (row["first_seen"], row["last_seen"], row["sources"]) == ("2024-01-10", "2024-09-01", 2)
    on = kg.query("officials_of_body", body="Thành ủy Hà Nội", on_date="2024-05")
    assert on["official"].tolist() == ["Nguyễn Văn Ba"]
    assert kg.query("officials_of_body", body="Thành ủy Hà Nội", on_date="2025").empty


def test_a_failed_write_leaves_the_graph_as_it_was(kg):
    kg.store.write([extraction("a")])
    before = kg.counts()

    def boom(run):
        run("MATCH (o:Official) SET o.country = $c", {"c": "XX"})
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        kg.store.transaction(boom)
    assert kg.counts() == before
    assert kg.cypher("MATCH (o:Official) RETURN o.country AS c")["c"].tolist() == ["VN"]


def test_a_second_writer_is_refused_and_readers_are_allowed(tmp_path: Path):
    path = tmp_path / "g.lbdb"
    other = ("import sys, interparty; g = interparty.open(sys.argv[1], read_only=sys.argv[2] == 'r'); "
             "print(g.counts()['Official'])")
    with interparty.open(path) as first:
        first.store.write([extraction()])
        writer = subprocess.run([sys.executable, "-c", other, str(path), "w"], capture_output=True, text=True)
        reader = subprocess.run([sys.executable, "-c", other, str(path), "r"], capture_output=True, text=True)
    assert writer.returncode != 0
    assert "open for writing by another process" in writer.stderr
    assert reader.returncode == 0, reader.stderr
