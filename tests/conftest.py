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
