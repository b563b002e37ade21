"""The embedded default store: Ladybug, in-process, one file, nothing to start."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ladybug
import pandas as pd
from interparty.graph.dialect import LADYBUG, ladybug_ddl
from interparty.graph.model import Extraction
from interparty.graph.schema import schema
from interparty.graph.store import StoreError
from interparty.graph.writes import Run, loaded_hashes, write_extractions

READER_RETRIES = 6
# What a reader meets while a writer works on the same graph, gone a moment later: the WAL
# record being appended, a checkpoint in progress.
_TRANSIENT = re.compile(r"checksum|checkpoint recovery is pending", re.IGNORECASE)
_CHECKPOINT_PENDING = re.compile(r"checkpoint recovery is pending", re.IGNORECASE)


class EmbeddedStore:
    dialect = LADYBUG

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no graph here yet; run `interparty ingest` first")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = self._open(read_only)
        self._conn = ladybug.Connection(self._db)
        if not read_only:
            for stmt in ladybug_ddl(schema()):
                self._conn.execute(stmt)

    def _open(self, read_only: bool) -> ladybug.Database:
        # A writer killed mid-transaction leaves a torn last WAL record (its commit never
        # written): replay stops there and keeps every committed transaction before it, instead
        # of refusing to open the graph. A reader can also meet the record a live writer is
        # appending, or the writer's checkpoint, at that instant: it tries again a moment later.
        # A checkpoint whose writer was killed stays pending until a writer opens the graph, so
        # the reader finishes it itself when nobody holds the graph for writing.
        attempt, finished = 0, False
        while True:
            try:
                return ladybug.Database(str(self.path), read_only=read_only, throw_on_wal_replay_failure=False)
            except RuntimeError as exc:
                msg = str(exc)
                if read_only and not finished and _CHECKPOINT_PENDING.search(msg):
                    finished = self._finish_checkpoint()
                    if finished:
                        continue
                if read_only and _TRANSIENT.search(msg) and attempt < READER_RETRIES:
                    time.sleep(0.1 * 2 ** attempt)  # 0.1 s, then doubling: about 6 s in all
                    attempt += 1
                    continue
                if "lock" in msg.casefold():
                    raise StoreError(f"{self.path}: the graph is open for writing by another process; "
                                     "wait for it to finish (readers can open it with read_only=True)") from None
                raise StoreError(f"{self.path}: cannot open the embedded graph ({msg})") from None

    def _finish_checkpoint(self) -> bool:
        """Complete a checkpoint left by a killed writer; False while a live writer holds the graph."""
        try:
            ladybug.Database(str(self.path), throw_on_wal_replay_failure=False).close()
        except RuntimeError as exc:
            if "lock" in str(exc).casefold():
                return False
            raise StoreError(f"{self.path}: cannot finish the checkpoint a killed writer left ({exc})") from None
        return True

    def read(self, cypher: str, params: dict[str, Any] | None = None) -> pd.DataFrame:
        result = self._conn.execute(self.dialect.rewrite(cypher), params or {})
        if isinstance(result, list):  # several statements: the last one answers
            result = result[-1]
        return result.get_as_df()

    def loaded(self, keys: Sequence[str]) -> dict[str, str]:
        return loaded_hashes(self, keys)

    def _run(self, cypher: str, params: dict[str, Any]) -> None:
        self._conn.execute(cypher, params)

    def write(self, extractions: Sequence[Extraction], replace: Sequence[str] = ()) -> None:
        write_extractions(self, extractions, replace)

    def transaction(self, work: Callable[[Run], None]) -> None:
        """Run ``work(run)`` in one transaction: all of it lands, or none."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        self._conn.execute("BEGIN TRANSACTION")
        try:
            work(self._run)
        except BaseException:
            # Ladybug has already rolled back when a statement failed; an interrupt leaves it open.
            with contextlib.suppress(RuntimeError):
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()
        self._db.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
