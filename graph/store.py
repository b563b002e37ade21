"""What every store offers, and the choice of store from a path or URI.

A store takes extractions (one transaction per call: a source lands whole or
not at all) and answers Cypher with pandas DataFrames. The embedded store needs
nothing running; Neo4j is the store of record.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import pandas as pd
from interparty.graph.dialect import Dialect
from interparty.graph.model import Extraction

ENV_DB = "INTERPARTY_DB"
ENV_NEO4J = "NEO4J_URI"


class StoreError(RuntimeError):
    """A store could not be opened or written; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The store went away (a server down or restarting) after retries: stop, and resume later."""


class Store(Protocol):
    dialect: Dialect
    location: str

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> pd.DataFrame: ...

    def loaded(self, keys: Sequence[str]) -> dict[str, str]:
        """Content hash of each of these sources already in the store."""
        ...

    def write(self, extractions: Sequence[Extraction], replace: Sequence[str] = ()) -> None:
        """Retract the sources in ``replace``, then write ``extractions``, in one transaction."""
        ...

    def transaction(self, work: Callable[[Callable[[str, dict[str, Any]], Any]], None]) -> None:
        """Run ``work(run)`` in one transaction."""
        ...

    def close(self) -> None: ...


def default_db_path() -> Path:
    """``$INTERPARTY_DB``, else a file in the user's data folder (``$XDG_DATA_HOME/interparty``)."""
    if env := os.environ.get(ENV_DB):
        return Path(env).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "interparty" / "graph.lbdb"


def default_judgements_path() -> Path:
    """``$INTERPARTY_JUDGEMENTS``, else ``judgements.yaml`` in the user data folder."""
    if env := os.environ.get("INTERPARTY_JUDGEMENTS"):
        return Path(env).expanduser()
    return default_db_path().parent / "judgements.yaml"


def open_store(db: str | Path | None = None, neo4j: str | None = None, *, read_only: bool = False) -> Store:
    """Neo4j when a bolt/neo4j URI is given (argument or ``$NEO4J_URI``), else the embedded file."""
    uri = neo4j or (str(db) if db and str(db).startswith(("bolt://", "neo4j://", "bolt+s://", "neo4j+s://"))
                    else None)
    if uri:
        from interparty.graph.neo4j_store import Neo4jStore

        return Neo4jStore(uri)
    from interparty.graph.embedded import EmbeddedStore

    return EmbeddedStore(Path(db) if db else default_db_path(), read_only=read_only)


def counts(store: Store) -> dict[str, int]:
    """Nodes per kind and relationships per type (zeros included), for summaries and idempotency checks."""
    from interparty.graph.schema import schema

    out: dict[str, int] = {}
    for kind in schema().nodes:
        out[kind] = int(store.read(f"MATCH (n:{kind}) RETURN count(n) AS c").iloc[0, 0])
    for rel in schema().relationships:
        out[rel] = int(store.read(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS c").iloc[0, 0])
    return out
