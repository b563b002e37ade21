"""Neo4j as the store of record: a real server, the same answers as the embedded store."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import DATA
from interparty.graph.transfer import copy_graph
from interparty.queries.library import library

import interparty

pytestmark = pytest.mark.neo4j

EXAMPLES = {"body": "Thành ủy Hà Nội", "official": "Nguyễn Thị Tuyến", "a": "Nguyễn Thị Tuyến",
            "b": "Virasack Nammountry", "event": "x"}


def _canonical(df: pd.DataFrame) -> list[tuple]:
    """Rows as comparable tuples: lists as sorted tuples, numbers as floats, missing as None."""
    def cell(v):
        if isinstance(v, list | tuple) or (hasattr(v, "tolist") and not isinstance(v, str)):
            items = v.tolist() if hasattr(v, "tolist") else v
            return tuple(sorted(str(x) for x in items if x is not None))
        if v is None or (isinstance(v, float) and pd.isna(v)):
            return None
        if isinstance(v, bool | str):
            return v
        return float(v)
    return sorted((tuple(cell(v) for v in row) for row in df.itertuples(index=False)), key=repr)


def test_constraints_come_from_the_schema(neo4j_kg):
    rows = neo4j_kg.cypher("SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes, properties")
    constrained = {labels[0] for labels, props in zip(rows["labelsOrTypes"], rows["properties"], strict=True)
                   if props == ["key"]}
    assert {"Official", "Body", "Event", "Course", "Plan", "Source", "Evidence"} <= constrained


def test_ingest_is_idempotent(neo4j_kg):
    first = neo4j_kg.ingest(DATA)
    assert not first.problems
    counts = neo4j_kg.counts()
    again = neo4j_kg.ingest(DATA)
    assert len(again.unchanged) == len(first.added)
    assert neo4j_kg.counts() == counts


def test_both_stores_give_the_same_answers(neo4j_kg, tmp_path):
    neo4j_kg.ingest(DATA)
    with interparty.open(tmp_path / "g.lbdb") as embedded:
        embedded.ingest(DATA)
        assert neo4j_kg.counts() == embedded.counts()
        for q in library().values():
            params = {p.name: EXAMPLES.get(p.name, "x") for p in q.params if p.required}
            if q.name == "events_between_bodies":
                params = {"a": "Thành ủy Hà Nội", "b": "Thành ủy Viêng Chăn"}
            got = _canonical(neo4j_kg.query(q.name, **params))
            want = _canonical(embedded.query(q.name, **params))
            assert got == want, q.name


def test_push_copies_the_embedded_graph(neo4j_kg, tmp_path):
    with interparty.open(tmp_path / "g.lbdb") as embedded:
        embedded.ingest(DATA)
        copy_graph(embedded.store, neo4j_kg.store)
        assert neo4j_kg.counts() == embedded.counts()
        copy_graph(embedded.store, neo4j_kg.store)  # twice: nothing new
        assert neo4j_kg.counts() == embedded.counts()


def test_a_source_lands_whole_or_not_at_all(neo4j_kg):
    before = neo4j_kg.counts()

    def half_then_fail(run):
        run("CREATE (:Official {key: $k, name: $k})", {"k": "half-written"})
        raise RuntimeError("connection lost mid-source")

    with pytest.raises(RuntimeError):
        neo4j_kg.store.transaction(half_then_fail)
    assert neo4j_kg.counts() == before


def test_two_ingests_at_once_make_no_duplicates(neo4j_kg, neo4j_uri, tmp_path):
    neo4j_kg.ingest(DATA)
    expected = neo4j_kg.counts()
    neo4j_kg.store.run_write("MATCH (n) DETACH DELETE n")
    cmd = [sys.executable, "-m", "interparty.cli", "--neo4j", neo4j_uri,
           "--judgements", str(tmp_path / "j.yaml"), "ingest", str(DATA)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert neo4j_kg.counts() == expected


def test_cli_commands_take_the_same_neo4j_option(neo4j_kg, neo4j_uri, tmp_path: Path):
    neo4j_kg.ingest(DATA)
    out = subprocess.run([sys.executable, "-m", "interparty.cli", "query", "plans", "--neo4j", neo4j_uri,
                          "--format", "csv"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "230-KH/TU" in out.stdout
