"""Shared fixtures: temporary graphs, the sample data, and real servers where a test needs one.

``INTERPARTY_REQUIRE=neo4j,browser`` (set by ``.ci/run``) turns a missing Neo4j
server or browser into a failure instead of a skip, so CI cannot pass by
skipping the tests that matter.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import interparty

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "articles"
EVAL = ROOT.parent / "shared" / "eval"


def required(what: str) -> bool:
    return what in {w.strip() for w in os.environ.get("INTERPARTY_REQUIRE", "").split(",")}


def unavailable(what: str, reason: str) -> None:
    """Skip, or fail when this component is required in this run."""
    if required(what):
        pytest.fail(f"{what} is required in this run but unavailable: {reason}")
    pytest.skip(reason)


@pytest.fixture
def kg(tmp_path: Path) -> Iterator[interparty.Graph]:
    with interparty.open(tmp_path / "graph.lbdb") as g:
        yield g


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data ingested once into an embedded graph (open it read-only in tests)."""
    path = tmp_path_factory.mktemp("sample") / "graph.lbdb"
    with interparty.open(path) as g:
        report = g.ingest(DATA)
    assert not report.problems, report.problems
    return path


@pytest.fixture
def sample(sample_db: Path) -> Iterator[interparty.Graph]:
    with interparty.open(sample_db, read_only=True) as g:
        yield g


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not (EVAL / "articles").is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    return EVAL


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """A real Neo4j 5: ``$NEO4J_URI`` when set, else the local server of ``scripts/neo4j-local``.

    The tests empty that database: do not point ``NEO4J_URI`` at data you want to keep.
    """
    import shutil
    import subprocess

    uri = os.environ.get("NEO4J_URI")
    started = False
    if not uri:
        if not (shutil.which("java") and shutil.which("mvn")):
            unavailable("neo4j", "no NEO4J_URI and no Java/Maven to start scripts/neo4j-local")
        result = subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "start"], capture_output=True, text=True)
        if result.returncode != 0:
            unavailable("neo4j", f"scripts/neo4j-local start failed: {result.stderr.strip()[-500:]}")
        started = "already running" not in result.stdout
        uri = f"bolt://127.0.0.1:{os.environ.get('NEO4J_BOLT_PORT', '7687')}"
        os.environ.setdefault("NEO4J_PASSWORD", "interparty-dev")
    yield uri
    if started:
        subprocess.run([str(ROOT / "scripts" / "neo4j-local"), "stop"], capture_output=True, text=True)


@pytest.fixture
def neo4j_kg(neo4j_uri: str) -> Iterator[interparty.Graph]:
    """An empty Neo4j graph (everything in the database is deleted first)."""
    from interparty.graph.store import StoreError

    try:
        g = interparty.open(neo4j=neo4j_uri)
    except StoreError as exc:
        unavailable("neo4j", str(exc))
    g.store.run_write("MATCH (n) DETACH DELETE n")
    yield g
    g.close()
