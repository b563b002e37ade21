"""Ingest: read sources, extract facts, write them, one source (or batch) per transaction.

A source whose content hash is already in the store is skipped; a source whose
text changed has its old facts retracted in the same transaction that writes
the new ones. A source that cannot be read or extracted is reported and
skipped; nothing already loaded is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.resolve import Judgements, Merge, reconcile
from interparty.graph.resolve_courses import reconcile_courses
from interparty.graph.resolve_events import reconcile_events
from interparty.graph.store import Store, StoreUnavailable, counts
from interparty.loaders.extract import extract
from interparty.loaders.sources import Problem, read_sources


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


def extractions(paths: Iterable[str | Path]) -> Iterator[Extraction | Problem]:
    """Facts from every source under ``paths``; a source the extractor fails on becomes a Problem."""
    for item in read_sources(paths):
        yield item if isinstance(item, Problem) else _extract(item)


def ingest(store: Store, paths: Iterable[str | Path], *, judgements: Judgements | None = None,
           on_item: Callable[[Extraction | Problem | SourceDoc], None] | None = None) -> IngestReport:
    """Load every source under ``paths``, then resolve entities across all sources in the store.

    ``on_item`` sees each Problem, each Extraction, and each SourceDoc skipped as unchanged.
    """
    report = IngestReport(before=counts(store))
    for doc in read_sources(paths):
        if isinstance(doc, Problem):
            if on_item:
                on_item(doc)
            (report.warnings if doc.partial else report.problems).append(doc)
            continue
        key = doc.key
        try:
            have = store.loaded([key]).get(key)
        except StoreUnavailable as exc:
            report.stopped = str(exc)
            break
        if have == doc.content_hash:  # checked before extracting: a resumed run skips what is done cheaply
            if on_item:
                on_item(doc)
            report.unchanged.append(key)
            continue
        item = _extract(doc)
        if on_item:
            on_item(item)
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        try:
            store.write([item], replace=[key] if have else [])
        except StoreUnavailable as exc:
            report.stopped = str(exc)
            break
        except Exception as exc:
            reason = " ".join(str(exc).split())[:300]
            report.problems.append(Problem(item.source.path or key, f"could not be stored ({reason})"))
            continue
        (report.replaced if have else report.added).append(key)
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
