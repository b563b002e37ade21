"""The researcher's entry point: ``kg = interparty.open()``; then ingest, query, analyse.

>>> import interparty, tempfile, pathlib
>>> kg = interparty.open(pathlib.Path(tempfile.mkdtemp()) / "demo.lbdb")
>>> kg.query("officials").empty
True
>>> kg.close()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from interparty.graph.resolve import Judgements, Merge, explain, reconcile
from interparty.graph.store import Store, counts, default_judgements_path, open_store
from interparty.pipeline import IngestReport, ingest
from interparty.queries.library import get
from interparty.research import ResearchMixin

__all__ = ["Graph", "open"]


class Graph(ResearchMixin):
    """A store with the operations researchers use; a thin layer over plain functions.

    The research questions (``officials``, ``positions``, ``events``, ``to_networkx``) come from
    :class:`~interparty.research.ResearchMixin`."""

    def __init__(self, store: Store, judgements: Path | None = None) -> None:
        self.store = store
        self.judgements_path = judgements or default_judgements_path()

    def judgements(self) -> Judgements:
        """The researcher's merge / do-not-merge decisions (a YAML file they may edit)."""
        return Judgements.load(self.judgements_path)

    @property
    def location(self) -> str:
        return self.store.location

    def ingest(self, paths: str | Path | Iterable[str | Path], *, batch: int = 1,
               on_item: Callable[[Any], None] | None = None) -> IngestReport:
        """Load files or folders; returns what was added, replaced, skipped and what could not be read."""
        if isinstance(paths, str | Path):
            paths = [paths]
        return ingest(self.store, paths, judgements=self.judgements(), on_item=on_item, batch=batch)

    def merge(self, a: str, b: str) -> list[Merge]:
        """Record that ``a`` and ``b`` name one entity, and apply it."""
        j = self.judgements()
        j.merge(a, b)
        j.save()
        return reconcile(self.store, j)

    def split(self, a: str, b: str) -> None:
        """Record that ``a`` and ``b`` are different entities. Nodes already merged are separated
        when their sources are ingested again (the store keeps no per-spelling facts to split by)."""
        j = self.judgements()
        j.split(a, b)
        j.save()

    def explain(self, name: str) -> dict[str, Any]:
        """Spellings, sources and the rule behind each join for the entity called ``name``."""
        return explain(self.store, name, self.judgements())

    def query(self, name: str, **params: Any) -> pd.DataFrame:
        """Run a named query from ``queries/`` (``interparty query --list`` shows them)."""
        q = get(name)
        return self.store.read(q.cypher, q.bind(params))

    def cypher(self, text: str, **params: Any) -> pd.DataFrame:
        """Run ad-hoc Cypher; pass every value as a parameter."""
        return self.store.read(text, params)

    def counts(self) -> dict[str, int]:
        """Nodes per kind and relationships per type."""
        return counts(self.store)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(path: str | Path | None = None, *, neo4j: str | None = None, read_only: bool = False,
         judgements: str | Path | None = None) -> Graph:
    """Open the embedded graph at ``path`` (default: ``$INTERPARTY_DB`` or the user data folder),
    or a Neo4j database when ``neo4j`` (or ``path``) is a ``bolt://``/``neo4j://`` URI.

    ``judgements`` is the researcher's merge / do-not-merge file (default: ``$INTERPARTY_JUDGEMENTS``
    or ``judgements.yaml`` in the user data folder)."""
    return Graph(open_store(path, neo4j, read_only=read_only), Path(judgements) if judgements else None)
