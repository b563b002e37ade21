"""The graph model, read from ``schema.yaml``.

Everything that depends on the model (pydantic validation, the embedded store's
DDL, Neo4j constraints, the docs) is derived here from the one declaration, so
adding a node kind or a property is a one-line change in the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, create_model

_PY_TYPES: dict[str, Any] = {
    "STRING": str,
    "INT64": int,
    "DOUBLE": float,
    "BOOL": bool,
    "STRING[]": list[str],
}


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    doc: str = ""


@dataclass(frozen=True)
class NodeKind:
    name: str
    doc: str
    properties: tuple[Property, ...]
    provenance: bool = True

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.properties)


@dataclass(frozen=True)
class RelType:
    name: str
    doc: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[Property, ...]
    identity: tuple[str, ...] = ()

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.properties)


@dataclass(frozen=True)
class Schema:
    nodes: dict[str, NodeKind]
    relationships: dict[str, RelType]
    common: tuple[Property, ...] = field(default=())

    def node(self, kind: str) -> NodeKind:
        try:
            return self.nodes[kind]
        except KeyError:
            raise ValueError(f"unknown node kind {kind!r}; the schema has {sorted(self.nodes)}") from None

    def rel(self, rel_type: str) -> RelType:
        try:
            return self.relationships[rel_type]
        except KeyError:
            raise ValueError(
                f"unknown relationship type {rel_type!r}; the schema has {sorted(self.relationships)}"
            ) from None

    def check_endpoints(self, rel_type: str, start_kind: str, end_kind: str) -> None:
        rel = self.rel(rel_type)
        if start_kind not in rel.sources or end_kind not in rel.targets:
            raise ValueError(
                f"{rel_type} goes from {'|'.join(rel.sources)} to {'|'.join(rel.targets)}, "
                f"not from {start_kind} to {end_kind}"
            )


def _props(spec: dict[str, Any] | None) -> tuple[Property, ...]:
    out = []
    for name, p in (spec or {}).items():
        if p["type"] not in _PY_TYPES:
            raise ValueError(f"schema.yaml: property {name!r} has unknown type {p['type']!r}")
        out.append(Property(name, p["type"], p.get("doc", "")))
    return tuple(out)


def parse_schema(raw: dict[str, Any]) -> Schema:
    common = _props(raw.get("common"))
    nodes: dict[str, NodeKind] = {}
    for name, spec in raw["nodes"].items():
        prov = spec.get("provenance", True)
        base = common if prov else tuple(p for p in common if p.name == "key")
        nodes[name] = NodeKind(name, spec.get("doc", ""), base + _props(spec.get("properties")), prov)
    rels: dict[str, RelType] = {}
    for name, spec in raw["relationships"].items():
        for end in (*spec["from"], *spec["to"]):
            if end not in nodes:
                raise ValueError(f"schema.yaml: {name} names unknown node kind {end!r}")
        props = common + _props(spec.get("properties"))
        identity = tuple(spec.get("identity", ()))
        if unknown := set(identity) - {p.name for p in props}:
            raise ValueError(f"schema.yaml: {name} identity names unknown properties {sorted(unknown)}")
        rels[name] = RelType(name, spec.get("doc", ""), tuple(spec["from"]), tuple(spec["to"]), props, identity)
    return Schema(nodes, rels, common)


@cache
def schema() -> Schema:
    """The packaged schema (read once)."""
    text = resources.files("interparty.graph").joinpath("schema.yaml").read_text(encoding="utf-8")
    return parse_schema(yaml.safe_load(text))


# ---------------------------------------------------------------- derived: pydantic


@cache
def model_for(kind: str) -> type[BaseModel]:
    """A pydantic model of a node kind's or relationship type's properties, for validating facts."""
    s = schema()
    props = s.nodes[kind].properties if kind in s.nodes else s.rel(kind).properties
    fields: dict[str, Any] = {p.name: (_PY_TYPES[p.type] | None, None) for p in props}
    return create_model(kind, __config__=ConfigDict(extra="forbid"), **fields)


def validate_props(kind: str, props: dict[str, Any]) -> dict[str, Any]:
    """Check props against the schema; returns them without None values."""
    model = model_for(kind)
    return {k: v for k, v in model.model_validate(props).model_dump().items() if v is not None}


# ---------------------------------------------------------------- derived: docs


def markdown() -> str:
    """The model as a Markdown reference (for the README and docs/)."""
    s = schema()
    lines = ["| node kind | properties | what it is |", "|---|---|---|"]
    common = {p.name for p in s.common}
    for n in s.nodes.values():
        props = ", ".join(p.name for p in n.properties if p.name not in common)
        lines.append(f"| `{n.name}` | {props} | {n.doc} |")
    lines += ["", "| relationship | from → to | properties | what it says |", "|---|---|---|---|"]
    for r in s.relationships.values():
        props = ", ".join(p.name for p in r.properties if p.name not in common) or "–"
        ends = f"{'/'.join(r.sources)} → {'/'.join(r.targets)}"
        lines.append(f"| `{r.name}` | {ends} | {props} | {r.doc} |")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m interparty.graph.schema > docs/model.md
    print("# The graph model\n\nGenerated from `graph/schema.yaml` by `python -m interparty.graph.schema`; "
          "do not edit by hand.\n")
    print(markdown())
