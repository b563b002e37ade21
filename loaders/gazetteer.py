"""Gazetteers for the rule-based extractors: titles, bodies, places and names.

They live as YAML in ``interparty.data/gazetteers`` so that linguists can extend
them without touching code; they are read once per process and cached, because
the extractor must stay fast (hundreds of articles per second).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from interparty.graph.normalize import clean, fold


def _gazetteer_dir() -> Traversable:
    """The packaged gazetteer folder (``interparty.data`` is a regular package)."""
    return resources.files("interparty.data") / "gazetteers"


def load_yaml(name: str) -> dict[str, Any]:
    """One gazetteer file as a dict (empty when missing): the one way gazetteers are read."""
    f = _gazetteer_dir() / name
    if not f.is_file():
        return {}
    return yaml.safe_load(f.read_text(encoding="utf-8")) or {}


@dataclass(frozen=True)
class Roles:
    """The controlled vocabulary of roles (roles.yaml): what HOLDS_POSITION and ATTENDED say."""

    positions: frozenset[str]
    attendance: frozenset[str]

    def check(self, roles: Iterable[str], where: str, kind: str = "positions") -> None:
        """Raise when a gazetteer maps a title to a role outside the vocabulary."""
        allowed = self.positions if kind == "positions" else self.attendance
        unknown = sorted(set(roles) - allowed)
        if unknown:
            raise ValueError(f"{where}: roles not in roles.yaml `{kind}`: {unknown}")


@functools.cache
def roles() -> Roles:
    """The role vocabulary, read once."""
    r = load_yaml("roles.yaml")
    return Roles(frozenset(r.get("positions") or ()), frozenset(r.get("attendance") or ()))


@dataclass(frozen=True)
class Place:
    """A place as the gazetteer knows it."""

    name: str
    kind: str  # country | city | province
    country: str
    aliases: tuple[str, ...] = ()
    requires_prefix: bool = False


@dataclass(frozen=True)
class TitleHead:
    head: str
    role: str
    body: str = ""
    fixed_body: str = ""
    no_body: bool = False
    ambassador: bool = False


@dataclass(frozen=True)
class BodyHead:
    head: str
    kind: str
    scope: str  # sub | national | local | own
    level: str = ""


@dataclass
class Gazetteer:
    """Everything the Vietnamese extractor looks up, cleaned once."""

    titles: list[TitleHead] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    body_heads: list[BodyHead] = field(default_factory=list)
    parties: dict[str, str] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    place_prefixes: dict[str, list[str]] = field(default_factory=dict)
    surnames: frozenset[str] = frozenset()
    not_name_words: frozenset[str] = frozenset()
    eponyms: frozenset[str] = frozenset()
    credit_markers: list[str] = field(default_factory=list)
    image_suffixes: list[str] = field(default_factory=list)

    def place_by_alias(self) -> dict[str, Place]:
        """Folded spelling -> place."""
        out: dict[str, Place] = {}
        for p in self.places:
            for a in (p.name, *p.aliases):
                out.setdefault(fold(a), p)
        return out


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteers, read and cleaned once per process."""
    t, b, p, n = (load_yaml(f"{x}.yaml") for x in ("titles", "bodies", "places", "names"))
    places: list[Place] = []
    for kind, key in (("country", "countries"), ("city", "cities"), ("province", "provinces")):
        for e in p.get(key, []) or []:
            places.append(Place(name=clean(e["name"]), kind=kind, country=e.get("code") or e.get("country", ""),
                                aliases=tuple(clean(a) for a in e.get("aliases", []) or []),
                                requires_prefix=bool(e.get("requires_prefix", False))))
    noise = n.get("noise", {}) or {}
    roles().check((e["role"] for e in t.get("titles", [])), "titles.yaml")
    return Gazetteer(
        titles=[TitleHead(**{k: clean(v) if isinstance(v, str) else v for k, v in e.items()})
                for e in t.get("titles", [])],
        ranks=[clean(x) for x in t.get("ranks", [])],
        degrees=[clean(x) for x in t.get("degrees", [])],
        honorifics=[clean(x) for x in t.get("honorifics", [])],
        body_heads=[BodyHead(**{k: clean(v) for k, v in e.items()}) for e in b.get("heads", [])],
        parties={k: clean(v) for k, v in (b.get("parties") or {}).items()},
        abbreviations={clean(k): clean(v) for k, v in (b.get("abbreviations") or {}).items()},
        places=places,
        place_prefixes={k: [clean(x) for x in v] for k, v in (p.get("prefixes") or {}).items()},
        surnames=frozenset(clean(x) for x in n.get("surnames", [])),
        not_name_words=frozenset(clean(x) for x in n.get("not_name_words", [])),
        eponyms=frozenset(fold(x) for x in n.get("eponyms", [])),
        credit_markers=[clean(x) for x in noise.get("credit_markers", [])],
        image_suffixes=list(noise.get("image_suffixes", [])),
    )
