"""Facts as loaders produce them and stores consume them.

A loader turns one document into an :class:`Extraction`: the :class:`SourceDoc`
plus node and relationship facts, each carrying the :class:`Mention` s that
support it. Stores take extractions; nothing else crosses that boundary.
"""

from __future__ import annotations

import hashlib
from typing import Any

from interparty.graph.normalize import fold
from interparty.graph.schema import schema, validate_props
from pydantic import BaseModel, Field, model_validator


class Mention(BaseModel):
    """Where a fact was read: the source, the sentence, the span, the rule and how sure it is."""

    source: str
    sentence: str
    start: int = Field(ge=0, description="Offset of the mention in the source's normalised text.")
    end: int = Field(ge=0)
    method: str
    confidence: float = Field(ge=0.0, le=1.0)


class SourceDoc(BaseModel):
    """A document as read: text normalised with :func:`interparty.graph.normalize.clean`."""

    key: str
    text: str
    title: str = ""
    url: str = ""
    date: str | None = None
    lang: str = "vi"
    path: str = ""
    kind: str = "article"

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def props(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "lang": self.lang,
            "path": self.path,
            "kind": self.kind,
            "content_hash": self.content_hash,
        }


class NodeFact(BaseModel):
    kind: str
    key: str
    props: dict[str, Any] = Field(default_factory=dict)
    mentions: list[Mention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> NodeFact:
        self.props = validate_props(self.kind, {**self.props, "key": self.key})
        return self

    @property
    def ref(self) -> tuple[str, str]:
        return (self.kind, self.key)


class RelFact(BaseModel):
    type: str
    start: tuple[str, str] = Field(description="(kind, key) of the start node")
    end: tuple[str, str]
    key: str = ""
    props: dict[str, Any] = Field(default_factory=dict)
    mentions: list[Mention] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> RelFact:
        schema().check_endpoints(self.type, self.start[0], self.end[0])
        identity = schema().rel(self.type).identity
        if identity:  # declared in the schema: the same for every extractor
            self.key = "|".join(fold(str(self.props.get(p) or "")) for p in identity) or "-"
        elif not self.key:
            self.key = "-"
        self.props = validate_props(self.type, {**self.props, "key": self.key})
        return self


class Extraction(BaseModel):
    """Everything read from one source."""

    source: SourceDoc
    nodes: list[NodeFact] = Field(default_factory=list)
    rels: list[RelFact] = Field(default_factory=list)

    def node(self, kind: str, key: str) -> NodeFact | None:
        return next((n for n in self.nodes if n.kind == kind and n.key == key), None)

    def of_kind(self, kind: str) -> list[NodeFact]:
        return [n for n in self.nodes if n.kind == kind]

    def rels_of(self, rel_type: str) -> list[RelFact]:
        return [r for r in self.rels if r.type == rel_type]


def evidence_key(fact_id: str, mention: Mention) -> str:
    """One Evidence node per fact and mention; stable across re-ingests."""
    raw = f"{fact_id}\x1f{mention.source}\x1f{mention.start}\x1f{mention.end}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def consolidate(ex: Extraction) -> Extraction:
    """One fact per identity: repeated nodes and relationships in a document are merged.

    Props from the first occurrence win, later ones only fill gaps; mentions are pooled.
    """
    nodes: dict[tuple[str, str], NodeFact] = {}
    for n in ex.nodes:
        have = nodes.get(n.ref)
        if have is None:
            nodes[n.ref] = n.model_copy(deep=True)
            continue
        for k, v in n.props.items():
            if k == "aliases":
                have.props[k] = list(dict.fromkeys([*have.props.get(k, []), *v]))
            elif have.props.get(k) is None:
                have.props[k] = v
        have.mentions.extend(m for m in n.mentions if m not in have.mentions)
    rels: dict[tuple[str, tuple[str, str], tuple[str, str], str], RelFact] = {}
    for r in ex.rels:
        ident = (r.type, r.start, r.end, r.key)
        have_r = rels.get(ident)
        if have_r is None:
            rels[ident] = r.model_copy(deep=True)
            continue
        for k, v in r.props.items():
            if have_r.props.get(k) is None:
                have_r.props[k] = v
        have_r.mentions.extend(m for m in r.mentions if m not in have_r.mentions)
    missing = {end for r in rels.values() for end in (r.start, r.end)} - set(nodes)
    if missing:
        raise ValueError(f"{ex.source.key}: relationships point at nodes not in the extraction: {sorted(missing)}")
    return Extraction(source=ex.source, nodes=list(nodes.values()), rels=list(rels.values()))
