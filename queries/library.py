"""The named research queries: ``queries/*.cypher``, each with a header saying what it answers.

The header is the query's documentation and its signature::

    // One line saying what it answers.
    // @param body (key): the body, by name or key
    // @param on_date (text) = "": a date, month or year; "" for any time

``key`` parameters accept a name as written and are folded to the key form the
graph stores, so ``"Thành uỷ Hà Nội"`` finds ``thành ủy hà nội``. Optional
parameters default to ``""`` (never null: a null parameter has no type in the
embedded store).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from interparty.graph.normalize import fold

_PARAM_RE = re.compile(r"^//\s*@param\s+(\w+)\s*\((key|text|int)\)\s*(?:=\s*(\"[^\"]*\"|-?\d+))?\s*:\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str
    default: str | int | None = None

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[Param, ...]
    cypher: str

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Parameters for a run: defaults filled in, keys folded, ints converted, unknown names refused."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"query {self.name!r} has no parameter {', '.join(unknown)}; "
                             f"it takes {', '.join(known) or 'none'}")
        out: dict[str, Any] = {}
        for p in self.params:
            value = values.get(p.name, p.default)
            if value is None:
                raise QueryError(f"query {self.name!r} needs -p {p.name}=… ({p.description})")
            if p.type == "int":
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    raise QueryError(f"query {self.name!r}: {p.name} must be a whole number, not {value!r}") from None
            else:
                value = str(value)
                if p.type == "key":
                    value = fold(value)
            out[p.name] = value
        return out


class QueryError(ValueError):
    """A named query that does not exist or was given the wrong parameters."""


def parse(name: str, text: str) -> NamedQuery:
    header: list[str] = []
    params: list[Param] = []
    body: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not body and stripped.startswith("//"):
            if m := _PARAM_RE.match(stripped):
                default: str | int | None = None
                if m[3] is not None:
                    default = m[3][1:-1] if m[3].startswith('"') else int(m[3])
                params.append(Param(m[1], m[2], m[4].strip(), default))
            else:
                header.append(stripped[2:].strip())
        elif stripped or body:
            body.append(line)
    used = set(re.findall(r"\$(\w+)", "\n".join(body)))
    declared = {p.name for p in params}
    if used != declared:
        raise ValueError(f"{name}.cypher: parameters used {sorted(used)} but declared {sorted(declared)}")
    return NamedQuery(name, " ".join(header), tuple(params), "\n".join(body).strip())


@cache
def library() -> dict[str, NamedQuery]:
    """Every packaged query by name."""
    root = resources.files("interparty.queries")
    out = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            out[name] = parse(name, entry.read_text(encoding="utf-8"))
    return out


def get(name: str) -> NamedQuery:
    try:
        return library()[name]
    except KeyError:
        raise QueryError(f"no query named {name!r}; `interparty query --list` shows them") from None
