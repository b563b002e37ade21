"""Building an :class:`Extraction` from spans of a document.

Extractors call :meth:`FactBuilder.node` and :meth:`FactBuilder.rel` with the
character span they read a fact from; the builder finds the sentence, records
the mention and merges repeats, so provenance is never an afterthought.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from interparty.graph.model import Extraction, Mention, NodeFact, RelFact, SourceDoc, consolidate
from interparty.graph.normalize import fold

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs always end one."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def name_key(name: str) -> str:
    """The key of a named entity before resolution: its folded name."""
    return fold(name)


class FactBuilder:
    """Collects facts read from one document."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.spans = sentence_spans(doc.text)
        self._starts = [s for s, _ in self.spans]
        self.nodes: list[NodeFact] = []
        self.rels: list[RelFact] = []

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self._starts, pos) - 1, 0)
        return self.spans[i] if self.spans else (0, len(self.doc.text))

    def mention(self, start: int, end: int, method: str, confidence: float = 0.9) -> Mention:
        s, e = self.sentence_at(start)
        return Mention(source=self.doc.key, sentence=self.doc.text[s:e].strip(), start=start, end=max(end, start),
                       method=method, confidence=round(min(max(confidence, 0.0), 1.0), 3))

    def node(self, kind: str, key: str, mention: Mention | None, /, **props: Any) -> tuple[str, str]:
        self.nodes.append(NodeFact(kind=kind, key=key, props=props, mentions=[mention] if mention else []))
        return (kind, key)

    def rel(self, rel_type: str, start: tuple[str, str], end: tuple[str, str], mention: Mention | None, /,
            key: str = "", **props: Any) -> None:
        self.rels.append(RelFact(type=rel_type, start=start, end=end, key=key, props=props,
                                 mentions=[mention] if mention else []))

    def build(self) -> Extraction:
        return consolidate(Extraction(source=self.doc, nodes=self.nodes, rels=self.rels))
