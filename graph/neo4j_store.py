"""Neo4j, the store of record, through the official driver.

Writes are managed transactions (``execute_write``), which the driver retries
with back-off on transient errors (a leader switch, a deadlock, a restarting
server); one call is one transaction, so a source lands whole or not at all.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from interparty.graph.dialect import NEO4J, neo4j_ddl
from interparty.graph.model import Extraction
from interparty.graph.schema import schema
from interparty.graph.store import StoreError, StoreUnavailable
from interparty.graph.writes import Run, loaded_hashes, write_extractions
from neo4j import GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

ENV_USER = "NEO4J_USER"
ENV_PASSWORD = "NEO4J_PASSWORD"
ENV_DATABASE = "NEO4J_DATABASE"
ENV_RETRY = "INTERPARTY_NEO4J_RETRY_SECONDS"
DEFAULT_RETRY_SECONDS = 60.0

# The server went away, or stayed busy, for longer than the driver's retry window: stop and resume later.
# (TransientError covers a database that is starting or stopping; DatabaseUnavailable is one of them.)
GONE = (ServiceUnavailable, SessionExpired, TransientError)


def retry_seconds() -> float:
    """How long the driver retries a transaction on transient errors (``$INTERPARTY_NEO4J_RETRY_SECONDS``)."""
    raw = os.environ.get(ENV_RETRY, "").strip()
    if not raw:
        return DEFAULT_RETRY_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"{ENV_RETRY} must be a number of seconds, got {raw!r}") from None
    if not value >= 0:
        raise StoreError(f"{ENV_RETRY} must be a number of seconds, got {raw!r}")
    return value


def _one_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())[:300]


def _plain(value: Any) -> Any:
    """Driver values as plain Python (nodes and relationships as property dicts)."""
    if hasattr(value, "items") and hasattr(value, "element_id"):
        return dict(value.items())
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Neo4jStore:
    dialect = NEO4J

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, setup: bool = True) -> None:
        self.location = uri
        self.database = database or os.environ.get(ENV_DATABASE) or None
        auth = (user or os.environ.get(ENV_USER, "neo4j"), password or os.environ.get(ENV_PASSWORD, ""))
        self.retry_seconds = retry_seconds()
        try:
            # Notifications (hints such as "property key does not exist" on an empty graph) are not
            # errors; the driver would log each one as a multi-line warning.
            self._driver = GraphDatabase.driver(uri, auth=auth, max_transaction_retry_time=self.retry_seconds,
                                                notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except AuthError:
            raise StoreError(f"{uri}: Neo4j refused the credentials; set {ENV_USER} and {ENV_PASSWORD}") from None
        except (*GONE, OSError) as exc:
            raise StoreError(f"{uri}: cannot reach Neo4j ({_one_line(exc)}); is the server running? "
                             "(scripts/neo4j-local start runs one here)") from None
        except ValueError as exc:
            raise StoreError(f"{uri}: not a Neo4j URI ({exc})") from None
        if setup:
            self.setup()

    def setup(self) -> None:
        """Constraints and indexes from the schema (idempotent)."""
        for rel in schema().relationships:  # created by earlier versions; they mislead the planner
            self._driver.execute_query(f"DROP INDEX {rel.lower()}_key IF EXISTS", database_=self.database)
        for stmt in neo4j_ddl(schema()):
            try:
                self._driver.execute_query(stmt, database_=self.database)
            except ClientError as exc:
                if "EquivalentSchemaRule" not in (exc.code or ""):
                    raise

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
        try:
            records, _summary, keys = self._driver.execute_query(
                self.dialect.rewrite(cypher), params or {}, database_=self.database, routing_=RoutingControl.READ)
        except GONE as exc:
            raise StoreUnavailable(f"{self.location}: Neo4j went away ({_one_line(exc)}); "
                                   "run the same command again to resume") from None
        except Neo4jError as exc:
            raise StoreError(f"{self.location}: {exc.message or exc}") from None
        return pd.DataFrame([[_plain(v) for v in r.values()] for r in records], columns=list(keys))

    def loaded(self, keys: Sequence[str]) -> dict[str, str]:
        return loaded_hashes(self, keys)

    def write(self, extractions: Sequence[Extraction], replace: Sequence[str] = ()) -> None:
        write_extractions(self, extractions, replace)

    def transaction(self, work: Callable[[Run], None]) -> None:
        """Run ``work(run)`` in one managed transaction, retried as a whole on transient errors."""

        def unit(tx: ManagedTransaction) -> None:
            work(lambda cypher, params: tx.run(cypher, params).consume())

        try:
            with self._driver.session(database=self.database) as session:
                for attempt in range(5):
                    try:
                        session.execute_write(unit)
                        break
                    except ConstraintError:
                        # Two writers MERGEd the same new key at once; the constraint kept the
                        # graph clean and a retry now MATCHes the node the other one created.
                        if attempt == 4:
                            raise
                        time.sleep(0.05 * (attempt + 1))
        except GONE as exc:
            raise StoreUnavailable(f"{self.location}: Neo4j unavailable after {self.retry_seconds:g} s of retries "
                                   f"({_one_line(exc)}); "
                                   "run the same command again to resume") from None

    def run_write(self, cypher: str, params: dict[str, Any] | None = None) -> None:
        """One write statement in its own managed transaction (used by push and benchmarks)."""
        with self._driver.session(database=self.database) as session:
            session.execute_write(lambda tx: tx.run(cypher, params or {}).consume())

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
