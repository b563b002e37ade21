"""Ingest: read sources, extract facts, write them, one source (or batch) per transaction.

A source whose content hash is already in the store is skipped; a source whose
text changed has its old facts retracted in the same transaction that writes
the new ones. A source that cannot be read or extracted is reported and
skipped; nothing already loaded is lost.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.resolve import Judgements, Merge, reconcile
from interparty.graph.resolve_courses import reconcile_courses
from interparty.graph.resolve_events import reconcile_events
from interparty.graph.store import Store, StoreUnavailable, counts
from interparty.loaders.extract import extract
from interparty.loaders.sources import Problem, read_sources

T = TypeVar("T")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # read, but not all of it
    merges: list[Merge] = field(default_factory=list)
    stopped: str | None = None  # why ingest stopped early (the store went away); a re-run resumes
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)

    @property
    def delta(self) -> dict[str, int]:
        return {k: self.after.get(k, 0) - self.before.get(k, 0) for k in self.after
                if self.after.get(k, 0) != self.before.get(k, 0)}


def _extract(doc: SourceDoc) -> Extraction | Problem:
    try:
        return extract(doc)
    except Exception as exc:  # an extractor bug must not stop a folder from loading
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return Problem(doc.path or doc.key, f"extraction failed ({reason})")


def extractions(paths: Iterable[str | Path], known: dict[str, str] | None = None,
                ) -> Iterator[Extraction | Problem | Unchanged]:
    """Facts from every source under ``paths``; a source the extractor fails on becomes a Problem.

    ``known`` maps source keys to content hashes already stored: those sources are not extracted
    again (a resumed run over ten thousand pages skips the ones it has done)."""
    for item in read_sources(paths):
        if isinstance(item, Problem):
            yield item
        elif known and known.get(item.key) == item.content_hash:
            yield Unchanged(item.key)
        else:
            yield _extract(item)


@dataclass(frozen=True)
class Unchanged:
    """A source whose text is stored already, as it is."""

    key: str


def prefetch(items: Iterable[T], depth: int = 16) -> Iterator[T]:
    """Iterate ``items`` in a background thread, ``depth`` ahead, so that reading and extraction
    (CPU in Python) overlap with the store's writes (I/O or native code)."""
    q: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        q.put((True, item), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put((False, None))
        except BaseException as exc:  # re-raised in the consumer
            q.put((False, exc))

    worker = threading.Thread(target=produce, name="interparty-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            more, item = q.get()
            if not more:
                if isinstance(item, BaseException):
                    raise item
                return
            yield item
    finally:
        stop.set()


def load(store: Store, items: Iterable[Extraction | Problem | Unchanged], report: IngestReport, *, batch: int = 1,
         on_item: Callable[[Extraction | Problem | Unchanged], None] | None = None) -> None:
    """Write extractions, ``batch`` sources per transaction; skip unchanged ones, replace changed ones."""
    pending: list[Extraction] = []

    def flush() -> bool:
        if not pending:
            return True
        keys = [ex.source.key for ex in pending]
        try:
            have = store.loaded(keys)
        except StoreUnavailable as exc:
            report.stopped = str(exc)
            return False
        todo = []
        for ex in pending:
            old = have.get(ex.source.key)
            if old == ex.source.content_hash:
                report.unchanged.append(ex.source.key)
            else:
                todo.append(ex)
        groups = [todo] if len(todo) > 1 else [[ex] for ex in todo]
        while groups:
            group = groups.pop(0)
            replace = [ex.source.key for ex in group if ex.source.key in have]
            try:
                store.write(group, replace=replace)
            except StoreUnavailable as exc:
                report.stopped = str(exc)
                return False
            except Exception as exc:
                if len(group) > 1:  # find the source that failed; the others still land
                    groups = [[ex] for ex in group] + groups
                    continue
                ex = group[0]
                report.problems.append(Problem(ex.source.path or ex.source.key, f"could not be stored ({exc})"))
                continue
            for ex in group:
                (report.replaced if ex.source.key in have else report.added).append(ex.source.key)
        pending.clear()
        return True

    for item in items:
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            (report.warnings if item.partial else report.problems).append(item)
            continue
        if isinstance(item, Unchanged):
            report.unchanged.append(item.key)
            continue
        if any(ex.source.key == item.source.key for ex in pending) and not flush():
            return
        pending.append(item)
        if len(pending) >= batch and not flush():
            return
    flush()


def ingest(store: Store, paths: Iterable[str | Path], *, judgements: Judgements | None = None,
           on_item: Callable[[Extraction | Problem | Unchanged], None] | None = None, batch: int = 1,
           ) -> IngestReport:
    """Load every source under ``paths`` (``batch`` per transaction), then resolve entities across
    all sources in the store."""
    report = IngestReport(before=counts(store))
    try:
        known = dict(store.read("MATCH (s:Source) RETURN s.key AS key, s.content_hash AS hash").values.tolist())
    except StoreUnavailable as exc:
        report.stopped = str(exc)
        return report
    load(store, prefetch(extractions(paths, known)), report, batch=batch, on_item=on_item)
    if report.stopped is None:
        try:
            # Always, not only when something was added: an ingest killed before this step
            # left its sources loaded but not yet resolved, and a re-run must finish the job.
            report.merges = reconcile(store, judgements or Judgements())
            # After officials and bodies, so courses compare by resolved keys.
            report.merges += reconcile_courses(store)
            report.merges += reconcile_events(store)
            report.after = counts(store)
        except StoreUnavailable as exc:
            report.stopped = str(exc)
    return report
