"""Crash safety and concurrent use: ``interparty ingest`` killed with SIGKILL, then run again.

A folder of generated Vietnamese news items is loaded by real ``interparty ingest``
processes that are killed (``kill -9``) at moments drawn from a seeded random generator
(once the store holds a random number of sources, plus a random fraction of a second),
several times in a row; a last run completes. The graph must then be the graph of one
clean run: the same node and relationship counts and the same keys, with no source
half-loaded after any kill and none duplicated. The same is done on Neo4j, and for a
folder whose sources changed after they were loaded (their old facts are replaced).
Two writers at once: the embedded store refuses the second, Neo4j takes both.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from interparty.graph.schema import schema
from interparty.graph.store import counts
from interparty.graph.writes import source_prefix

import interparty

SEED = 20250404
SOURCES = 24
KILLS = 3

SURNAMES = ["Trần", "Nguyễn", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công"]
GIVEN = ["Xuân", "Hùng", "Lan", "Bình", "Dũng", "Tuấn", "Hải", "Phương", "Sơn", "Thắng", "Hà", "Long", "Khoa"]
CITIES = ["Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"]
LAO = [("Viêng Chăn", "Thủ đô Viêng Chăn"), ("Luang Prabang", "tỉnh Luang Prabang"),
       ("Chăm-pa-xắc", "tỉnh Chăm-pa-xắc"), ("Xiêng Khoảng", "tỉnh Xiêng Khoảng")]
NEW_HOSTS = ["Lò Văn Páo", "Quàng Thị Mai", "Giàng A Lử"]  # surnames the generator never uses
LAO_NAMES = ["Khamphan Phommathat", "Anouphap Tounalom", "Sinlavong Khoutphaythoune", "Phet Phomphiphak",
             "Vilay Phommachanh", "Bounthong Chitmany"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def article(rng: random.Random, i: int) -> str:
    """One news item in the idiom of the party press: a reception, who attended, what was signed."""
    city = rng.choice(CITIES)
    lao_place, lao_body = rng.choice(LAO)
    host = person(rng)
    deputy, guest = person(rng), rng.choice(LAO_NAMES)
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2022, 2023, 2024])
    when = rng.choice(["Sáng", "Chiều", "Tối"])
    return (f"URL: https://tin.example.vn/bai-{i:04d}\nDATE: {day:02d}/{month:02d}/{year} 08:00\n"
            f"TITLE: Bí thư Thành ủy {city} tiếp đoàn {lao_body}\n\n"
            f"{when} {day}/{month}, Bí thư Thành ủy {city} {host} tiếp đoàn đại biểu cấp cao Thành ủy "
            f"{lao_place} do đồng chí {guest}, Bí thư Thành ủy {lao_place}, dẫn đầu.\n\n"
            f"Cùng dự có Phó Bí thư Thường trực Thành ủy {city} {deputy}.\n\n"
            f"Hai bên đã ký biên bản thỏa thuận hợp tác giai đoạn {year}-{year + 3}.\n")


def write_corpus(folder: Path, n: int = SOURCES, seed: int = SEED) -> Path:
    """``n`` generated news items, one text file each, the same for the same seed."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        (folder / f"bai_{i:04d}.txt").write_text(article(rng, i), encoding="utf-8")
    return folder


def ingest_cmd(store: list[str], judgements: Path, *paths: Path | str) -> list[str]:
    return [sys.executable, "-m", "interparty.cli", *store, "--judgements", str(judgements), "ingest",
            *map(str, paths)]


def run(cmd: list[str], **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


def snapshot(store: Any) -> dict[str, Any]:
    """What two graphs must share to be "the same graph": counts, every node key, every edge."""
    s = schema()
    nodes = {k: sorted(store.read(f"MATCH (n:{k}) RETURN n.key AS k")["k"]) for k in s.nodes}
    rels = {r: sorted(map(tuple, store.read(f"MATCH (a)-[x:{r}]->(b) RETURN a.key AS a, x.key AS k, b.key AS b")
                          .itertuples(index=False)))
            for r in s.relationships}
    return {"counts": counts(store), "nodes": nodes, "rels": rels}


def assert_no_half_loaded_source(store: Any) -> int:
    """Each loaded source is whole: its Evidence nodes are exactly the evidence its facts cite.

    A write puts the Source, then its Evidence, then nodes, then relationships; a source cut
    part-way would show a Source without evidence, or evidence that no fact cites, or a fact
    citing evidence that is not there. Returns how many sources the store holds.
    """
    s = schema()
    keys = list(store.read("MATCH (s:Source) RETURN s.key AS k")["k"])
    assert len(keys) == len(set(keys)), "a source is loaded twice"
    df = store.read("MATCH (e:Evidence) RETURN e.source AS s, e.key AS k")
    stored: dict[str, set[str]] = {}
    for src, key in df.itertuples(index=False):
        stored.setdefault(src, set()).add(key)
    cited: set[str] = set()
    for kind in (k for k, nk in s.nodes.items() if nk.provenance):
        cited.update(k for ev in store.read(f"MATCH (n:{kind}) RETURN n.evidence AS ev")["ev"] for k in ev)
    for rel in s.relationships:
        cited.update(k for ev in store.read(f"MATCH ()-[x:{rel}]->() RETURN x.evidence AS ev")["ev"] for k in ev)
    assert set(stored) <= set(keys), "evidence of a source that is not loaded"
    for key in keys:
        mine = {k for k in cited if k.startswith(source_prefix(key))}
        assert stored.get(key), f"{key} is loaded without its evidence"
        assert stored[key] == mine, f"{key} is half-loaded"
    return len(keys)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "tin")


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The reference: one uninterrupted ``interparty ingest`` of the corpus into a new embedded graph."""
    d = tmp_path_factory.mktemp("clean")
    out = run(ingest_cmd(["--db", str(d / "g.lbdb")], d / "j.yaml", corpus))
    assert out.returncode == 0, out.stderr
    assert f"{SOURCES} added" in out.stdout
    with interparty.open(d / "g.lbdb", read_only=True) as g:
        snap = snapshot(g.store)
    return snap


def kill_and_resume(cmd: list[str], loaded: Any, inspect: Any, seed: int = SEED) -> list[dict[str, Any]]:
    """Start ``cmd`` and SIGKILL it at a random moment, ``KILLS`` times; then let it finish.

    The moments are drawn with a fixed seed: once ``loaded()`` (how many sources the store
    holds, polled) reaches a random target, the process gets a further random few milliseconds
    (a source of this corpus loads in well under a tenth of a second), landing mid-source, and
    is killed. The last target is all of them, so the last
    kill falls in the final reconciliation (or after the process ended: then it was not
    killed). After each kill ``inspect()`` checks the store: no source half-loaded.
    """
    rng = random.Random(seed)
    targets = [*sorted(rng.sample(range(1, SOURCES * 2 // 3), KILLS - 1)), SOURCES]
    rounds = []
    for target in targets:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 300
        while proc.poll() is None and loaded() < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.05))
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stderr = proc.stderr.read() if proc.stderr else ""
        assert "Traceback" not in stderr, stderr
        rounds.append({"target": target, "killed": killed, "loaded": inspect()})
    final = run(cmd)
    assert final.returncode == 0, final.stderr
    assert "Traceback" not in final.stderr
    rounds.append({"final": final.stdout.splitlines()[0]})
    print("kill rounds:", rounds)
    assert sum(r.get("killed", False) for r in rounds) >= KILLS - 1, rounds
    assert any(0 < r.get("loaded", 0) < SOURCES for r in rounds), "no kill fell mid-load"
    return rounds


def count_sources(open_graph: Any) -> Any:
    def loaded() -> int:
        try:
            with open_graph() as g:
                return int(g.cypher("MATCH (s:Source) RETURN count(s) AS n")["n"].iloc[0])
        except Exception:  # not created yet, or the writer holds it at this instant
            return -1
    return loaded


def test_sigkill_at_random_moments_then_rerun_gives_the_clean_graph_embedded(corpus, clean, tmp_path):
    db = tmp_path / "g.lbdb"
    cmd = ingest_cmd(["--db", str(db)], tmp_path / "j.yaml", corpus)

    def inspect() -> int:
        if not db.exists():
            return 0
        with interparty.open(db, read_only=True) as g:
            return assert_no_half_loaded_source(g.store)

    kill_and_resume(cmd, count_sources(lambda: interparty.open(db, read_only=True)), inspect)
    with interparty.open(db, read_only=True) as g:
        got = snapshot(g.store)
    assert got["counts"] == clean["counts"]
    assert got["nodes"] == clean["nodes"]
    assert got["rels"] == clean["rels"]


@pytest.mark.neo4j
def test_sigkill_at_random_moments_then_rerun_gives_the_clean_graph_neo4j(corpus, clean, neo4j_kg, neo4j_uri,
                                                                           tmp_path):
    cmd = ingest_cmd(["--neo4j", neo4j_uri], tmp_path / "j.yaml", corpus)
    kill_and_resume(cmd, count_sources(lambda: contextlib.nullcontext(neo4j_kg)),
                    lambda: assert_no_half_loaded_source(neo4j_kg.store), seed=SEED + 1)
    got = snapshot(neo4j_kg.store)
    assert got["counts"] == clean["counts"]
    assert got["nodes"] == clean["nodes"]
    assert got["rels"] == clean["rels"]


def test_a_reader_opens_a_graph_whose_writer_was_killed_mid_checkpoint(corpus, clean, tmp_path):
    """The killed checkpoint is finished by the reader, which then sees every committed source."""
    db = tmp_path / "g.lbdb"
    shadow = db.with_name(db.name + ".shadow")  # Ladybug's checkpoint pages: present only while one runs
    proc = subprocess.Popen(ingest_cmd(["--db", str(db)], tmp_path / "j.yaml", corpus),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while proc.poll() is None and not shadow.exists() and time.monotonic() < deadline:
        time.sleep(0.001)
    assert proc.poll() is None, "the writer ended before it checkpointed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert shadow.exists()

    with interparty.open(db, read_only=True) as g:
        loaded = assert_no_half_loaded_source(g.store)
    assert not shadow.exists()
    assert loaded > 0
    cmd = ingest_cmd(["--db", str(db)], tmp_path / "j.yaml", corpus)
    final = run(cmd)
    assert final.returncode == 0, final.stderr
    assert f"sources: {SOURCES - loaded} added" in final.stdout  # nothing committed before the kill was lost
    with interparty.open(db, read_only=True) as g:
        assert snapshot(g.store) == clean


def test_a_changed_source_replaces_its_old_facts_even_when_the_reload_is_killed(corpus, tmp_path):
    """Hosts renamed in three items: their old names go, no fact is doubled, even across a SIGKILL."""
    db, judgements = tmp_path / "g.lbdb", tmp_path / "j.yaml"
    folder = tmp_path / "tin"
    folder.mkdir()
    for f in sorted(corpus.iterdir())[:8]:
        (folder / f.name).write_bytes(f.read_bytes())
    with interparty.open(db, judgements=judgements) as g:
        assert len(g.ingest(folder).added) == 8
        before = snapshot(g.store)

    renamed = {}
    for i, new in zip((1, 4, 6), NEW_HOSTS, strict=True):
        f = folder / f"bai_{i:04d}.txt"
        text = f.read_text("utf-8")
        old = re.search(rf"Bí thư Thành ủy (?:{'|'.join(CITIES)}) (.+?) tiếp đoàn", text)[1]
        f.write_text(text.replace(old, new), "utf-8")
        renamed[old] = new

    # A reload killed part-way (once the first changed source is replaced), then completed.
    def first_replaced() -> bool:
        try:
            with interparty.open(db, read_only=True) as g:
                now = g.cypher("MATCH (s:Source {key: $k}) RETURN s.content_hash AS h", k=first)["h"].tolist()
        except Exception:  # the writer holds the file at this instant
            return False
        return now != hashes

    first = "https://tin.example.vn/bai-0001"
    with interparty.open(db, read_only=True) as g:
        hashes = g.cypher("MATCH (s:Source {key: $k}) RETURN s.content_hash AS h", k=first)["h"].tolist()
    cmd = ingest_cmd(["--db", str(db)], judgements, folder)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while proc.poll() is None and not first_replaced() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(random.Random(SEED).uniform(0.0, 0.4))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with interparty.open(db, read_only=True) as g:
        assert_no_half_loaded_source(g.store)
    final = run(cmd)
    assert final.returncode == 0, final.stderr
    assert "0 added" in final.stdout, final.stdout

    with interparty.open(tmp_path / "reference.lbdb", judgements=tmp_path / "j2.yaml") as ref:
        ref.ingest(folder)
        want = snapshot(ref.store)
    with interparty.open(db, read_only=True) as g:
        got = snapshot(g.store)
        names = set(g.cypher("MATCH (o:Official) RETURN o.name AS n")["n"])
    assert got == want
    assert got["counts"]["Source"] == before["counts"]["Source"] == 8
    for old, new in renamed.items():
        assert new in names
        assert old not in names or any(old in f.read_text("utf-8") for f in folder.iterdir()), old


def test_a_second_writer_is_refused_clearly_while_readers_read(corpus, tmp_path):
    """Embedded: while one ingest writes, another is refused in one line (exit 2); a query still answers."""
    db = tmp_path / "g.lbdb"
    cmd = ingest_cmd(["--db", str(db)], tmp_path / "j.yaml", corpus)
    writer = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stderr is not None
        assert writer.stderr.readline().startswith("graph: ")  # the graph is open for writing now
        second = run(cmd)
        reader = run([sys.executable, "-m", "interparty.cli", "cypher", "--db", str(db), "--format", "csv",
                      "MATCH (s:Source) RETURN count(s) AS n"])
        out, err = writer.communicate(timeout=600)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert second.returncode == 2
    assert "Traceback" not in second.stderr
    assert second.stderr.strip().splitlines()[-1].startswith(f"interparty: error: {db}: the graph is open for "
                                                             "writing by another process")
    assert reader.returncode == 0, reader.stderr
    assert int(reader.stdout.split()[-1]) <= SOURCES
    assert writer.returncode == 0, err
    assert f"{SOURCES} added" in out


@pytest.mark.neo4j
def test_two_ingests_into_one_neo4j_at_once_make_no_duplicates(corpus, clean, neo4j_kg, neo4j_uri, tmp_path):
    """The same folder, twice at once: the key constraints hold, the graph is the clean one."""
    cmd = ingest_cmd(["--neo4j", neo4j_uri], tmp_path / "j.yaml", corpus)
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all("Traceback" not in err for _, err in outs)
    got = snapshot(neo4j_kg.store)
    assert got["counts"] == clean["counts"]
    assert got["nodes"] == clean["nodes"]
    assert got["rels"] == clean["rels"]
