"""Facts as loaders produce them and stores consume them.

A loader turns one document into an :class:`Extraction`: the :class:`SourceDoc`
plus node and relationship facts, each carrying the :class:`Mention` s that
support it. Stores take extractions; nothing else crosses that boundary.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any, TypeVar

from interparty.graph.normalize import fold
from interparty.graph.schema import schema, validate_props
from pydantic import BaseModel, Field, model_validator

_M = TypeVar("_M", bound=BaseModel)

# Python types a value must have *exactly* to pass the fast check; anything else (a numeric
# string, an int for a DOUBLE, a tuple for a list) goes through the pydantic model, which
# coerces it or rejects it.
_EXACT: dict[str, type] = {"STRING": str, "INT64": int, "DOUBLE": float, "BOOL": bool}


@cache
def _prop_types(kind: str) -> dict[str, str]:
    """Property name -> schema type of a node kind or relationship type (computed once)."""
    s = schema()
    props = s.nodes[kind].properties if kind in s.nodes else s.rel(kind).properties
    return {p.name: p.type for p in props}


@cache
def _prop_checks(kind: str) -> dict[str, type]:
    """Property name -> the exact Python type its values must have (``list`` for STRING[])."""
    return {k: list if t == "STRING[]" else _EXACT[t] for k, t in _prop_types(kind).items()}


def check_props(kind: str, props: dict[str, Any]) -> dict[str, Any]:
    """:func:`~interparty.graph.schema.validate_props` with a fast path.

    Props whose values already have their schema type are checked against a precomputed
    table and returned without None values (lists copied); anything else, an unknown
    property included, goes to the pydantic model, which coerces it or raises.
    """
    types = _prop_checks(kind)
    out: dict[str, Any] = {}
    for k, v in props.items():
        t = types.get(k)
        if t is None:
            return validate_props(kind, props)  # unknown property: pydantic says so
        if v is None:
            continue
        if type(v) is not t:
            return validate_props(kind, props)
        if t is list:
            for x in v:
                if type(x) is not str:
                    return validate_props(kind, props)
            v = list(v)
        out[k] = v
    return out


_set = object.__setattr__
# BaseModel's slots, set through their descriptors: cheaper than object.__setattr__ by name.
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """An instance of a model from values already checked, every field given.

    What :meth:`BaseModel.model_construct` does, without its per-field alias and default
    handling (which costs more than the facts themselves on the hot path).
    """
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set_fields_set(m, set(values))
    _set_extra(m, None)
    _set_private(m, None)
    return m


def make_mention(source: str, sentence: str, start: int, end: int, method: str, confidence: float) -> Mention:
    """A :class:`Mention` from values of the right types (a loader's hot path); offsets are checked."""
    if start < 0 or end < 0:
        raise ValueError(f"{method}: a mention's offsets cannot be negative ({start}, {end})")
    confidence = float(confidence)
    if not 0.0 <= confidence <= 1.0:  # (the clamp, only when it can change something: NaN stays NaN)
        confidence = min(max(confidence, 0.0), 1.0)
    return _trusted(Mention, {"source": source, "sentence": sentence, "start": start, "end": end, "method": method,
                              "confidence": confidence})


def rel_key(rel_type: str, props: dict[str, Any], key: str = "") -> str:
    """A relationship's identity key: from the schema's ``identity`` props (folded) when declared, else ``key``."""
    identity = schema().rel(rel_type).identity
    if identity:  # declared in the schema: the same for every extractor
        return "|".join(fold(str(props.get(p) or "")) for p in identity) or "-"
    return key or "-"


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
        self.props = check_props(self.kind, {**self.props, "key": self.key})
        return self

    @classmethod
    def make(cls, kind: str, key: str, props: dict[str, Any], mentions: list[Mention]) -> NodeFact:
        """A node fact from trusted parts: props checked against the schema, no other validation."""
        schema().node(kind)
        return _trusted(cls, {"kind": kind, "key": key, "props": check_props(kind, {**props, "key": key}),
                              "mentions": mentions})

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
        self.key = rel_key(self.type, self.props, self.key)
        self.props = check_props(self.type, {**self.props, "key": self.key})
        return self

    @classmethod
    def make(cls, rel_type: str, start: tuple[str, str], end: tuple[str, str], key: str, props: dict[str, Any],
             mentions: list[Mention]) -> RelFact:
        """A relationship fact from trusted parts: endpoints and props checked against the schema."""
        schema().check_endpoints(rel_type, start[0], end[0])
        key = rel_key(rel_type, props, key)
        return _trusted(cls, {"type": rel_type, "start": start, "end": end, "key": key,
                              "props": check_props(rel_type, {**props, "key": key}), "mentions": mentions})


class Extraction(BaseModel):
    """Everything read from one source."""

    source: SourceDoc
    nodes: list[NodeFact] = Field(default_factory=list)
    rels: list[RelFact] = Field(default_factory=list)

    @classmethod
    def make(cls, source: SourceDoc, nodes: list[NodeFact], rels: list[RelFact]) -> Extraction:
        """An extraction of facts already checked (as :class:`NodeFact.make` and :class:`RelFact.make` build them)."""
        return _trusted(cls, {"source": source, "nodes": nodes, "rels": rels})

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


def _mention_id(m: Mention) -> tuple[Any, ...]:
    return (m.source, m.start, m.end, m.method, m.confidence, m.sentence)


def _copy_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if type(v) is list else v for k, v in props.items()}


class FactSet:
    """Facts merged by identity as they arrive: one node per (kind, key), one relationship per
    (type, start, end, key). Props from the first occurrence win, later ones only fill gaps
    (``aliases`` are pooled); mentions are pooled without repeats.

    :func:`consolidate` runs an extraction through one; :class:`~interparty.loaders.facts.FactBuilder`
    fills one as the extractor reads, so a document's facts are merged once, never copied.
    """

    def __init__(self) -> None:
        self.nodes: dict[tuple[str, str], NodeFact] = {}
        self.rels: dict[tuple[str, tuple[str, str], tuple[str, str], str], RelFact] = {}
        self._seen: dict[Any, set[tuple[Any, ...]]] = {}

    def _pool(self, ident: Any, have: list[Mention], new: list[Mention]) -> None:
        ids = self._seen.get(ident)
        if ids is None:
            ids = self._seen[ident] = {_mention_id(m) for m in have}
        for m in new:
            mid = _mention_id(m)
            if mid not in ids:
                ids.add(mid)
                have.append(m)

    def add_node(self, kind: str, key: str, props: dict[str, Any], mentions: list[Mention]) -> NodeFact:
        """Add a node fact; ``props`` (already checked) and ``mentions`` are taken over, not copied."""
        ref = (kind, key)
        have = self.nodes.get(ref)
        if have is None:
            have = self.nodes[ref] = _trusted(NodeFact, {"kind": kind, "key": key, "props": props,
                                                         "mentions": mentions})
            return have
        hp = have.props
        for k, v in props.items():
            if k == "aliases":
                hp[k] = list(dict.fromkeys([*hp.get(k, []), *v]))
            elif hp.get(k) is None:
                hp[k] = v
        if mentions:
            self._pool(ref, have.mentions, mentions)
        return have

    def add_rel(self, rel_type: str, start: tuple[str, str], end: tuple[str, str], key: str, props: dict[str, Any],
                mentions: list[Mention]) -> RelFact:
        """Add a relationship fact; ``props`` (already checked) and ``mentions`` are taken over, not copied."""
        ident = (rel_type, start, end, key)
        have = self.rels.get(ident)
        if have is None:
            have = self.rels[ident] = _trusted(RelFact, {"type": rel_type, "start": start, "end": end, "key": key,
                                                         "props": props, "mentions": mentions})
            return have
        hp = have.props
        for k, v in props.items():
            if hp.get(k) is None:
                hp[k] = v
        if mentions:
            self._pool(ident, have.mentions, mentions)
        return have

    def extraction(self, source: SourceDoc) -> Extraction:
        """The merged facts as an :class:`Extraction`; every relationship's ends must be among the nodes."""
        nodes = self.nodes
        missing = {e for r in self.rels.values() for e in (r.start, r.end) if e not in nodes}
        if missing:
            raise ValueError(f"{source.key}: relationships point at nodes not in the extraction: {sorted(missing)}")
        return Extraction.make(source, list(nodes.values()), list(self.rels.values()))


def consolidate(ex: Extraction) -> Extraction:
    """One fact per identity: repeated nodes and relationships in a document are merged.

    Props from the first occurrence win, later ones only fill gaps; mentions are pooled.
    The input is left as it was: merged facts are new objects (mentions are shared).
    """
    fs = FactSet()
    for n in ex.nodes:
        fs.add_node(n.kind, n.key, _copy_props(n.props), list(n.mentions))
    for r in ex.rels:
        fs.add_rel(r.type, r.start, r.end, r.key, _copy_props(r.props), list(r.mentions))
    return fs.extraction(ex.source)
