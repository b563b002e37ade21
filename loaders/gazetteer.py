"""Gazetteers for the rule-based extractors: titles, bodies, places and names.

They live as YAML in ``interparty.data/gazetteers`` so that linguists can extend
them without touching code; they are read once per process and cached, because
the extractor must stay fast (hundreds of articles per second).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from interparty.graph.normalize import clean, fold, strip_marks
from interparty.loaders.facts import memo


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
    named: bool = False  # a name follows the head ("Sở Ngoại vụ", "Học viện Chính trị ...")
    text: bool = True  # read as a body where running text names it (not "Báo", a source)


@dataclass(frozen=True)
class BodyName:
    """A body known by its full name, which may hold a comma, "và" or a dash ("Sở Văn hóa, Thể
    thao và Du lịch"): the body grammar takes it whole. ``country``: empty when the official's
    (or the place written after it) says which country's body it is."""

    name: str
    kind: str
    scope: str  # national | local | own, as for heads
    country: str = ""


@dataclass
class Gazetteer:
    """Everything the Vietnamese extractor looks up, cleaned once."""

    titles: list[TitleHead] = field(default_factory=list)
    ranks: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    body_heads: list[BodyHead] = field(default_factory=list)
    body_names: list[BodyName] = field(default_factory=list)
    parties: dict[str, str] = field(default_factory=dict)
    #: country -> the state's name; the kinds of body that are a state's ("Chính phủ", "Quốc hội")
    states: dict[str, str] = field(default_factory=dict)
    state_kinds: frozenset[str] = frozenset()
    #: folded title head -> "party" | "state": where a national post written without a body is
    implied_bodies: dict[str, str] = field(default_factory=dict)
    #: folded title head -> the kinds of body it can hold a post in when the next title writes the body
    shared_bodies: dict[str, frozenset[str]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    place_prefixes: dict[str, list[str]] = field(default_factory=dict)
    district_prefixes: list[str] = field(default_factory=list)
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
def _unnamed_heads() -> frozenset[str]:
    return frozenset(fold(h.head) for h in gazetteer().body_heads if h.scope != "national")


@memo(1 << 12)
def is_unnamed(name: str) -> bool:
    """Whether ``name`` is only a body head that says which body only with more words after it: a
    name ("Học viện", "Bộ", "Sở"), a place ("Tỉnh ủy", "UBND") or a committee ("Ban Thường vụ").

    Such a body is not identified by what the article calls it: it is that article's academy,
    not every article's, so it is keyed by its source and names alone never merge it with another.
    A national head alone ("Bộ Chính trị", "Ban Bí thư") is a country's, and identified by it.
    """
    return fold(name) in _unnamed_heads()


@functools.cache
def gazetteer() -> Gazetteer:
    """The gazetteers, read and cleaned once per process."""
    t, b, p, n = (load_yaml(f"{x}.yaml") for x in ("titles", "bodies", "places", "names"))
    places: list[Place] = []
    for kind, key in (("country", "countries"), ("city", "cities"), ("province", "provinces")):
        for e in p.get(key, []) or []:
            country = e.get("code") or e.get("country", "")
            aliases = [clean(a) for a in e.get("aliases", []) or []]
            if country not in ("VN", "") and kind != "country":
                aliases += [v for a in [clean(e["name"]), *aliases] for v in spelling_variants(a)]
            places.append(Place(name=clean(e["name"]), kind=kind, country=country,
                                aliases=tuple(dict.fromkeys(a for a in aliases if a != clean(e["name"]))),
                                requires_prefix=bool(e.get("requires_prefix", False))))
    noise = n.get("noise", {}) or {}
    roles().check((e["role"] for e in t.get("titles", [])), "titles.yaml")
    return Gazetteer(
        titles=[TitleHead(**{k: clean(v) if isinstance(v, str) else v for k, v in e.items()})
                for e in t.get("titles", [])],
        ranks=[clean(x) for x in t.get("ranks", [])],
        degrees=[clean(x) for x in t.get("degrees", [])],
        honorifics=[clean(x) for x in t.get("honorifics", [])],
        body_heads=[BodyHead(**{k: clean(v) if isinstance(v, str) else v for k, v in e.items()})
                    for e in b.get("heads", [])],
        body_names=_body_names(b),
        parties={k: clean(v) for k, v in (b.get("parties") or {}).items()},
        states={k: clean(v) for k, v in (b.get("states") or {}).items()},
        state_kinds=frozenset(b.get("state_kinds") or ()),
        implied_bodies={fold(k): str(v) for k, v in (t.get("implied_bodies") or {}).items()},
        shared_bodies=_shared_bodies(t),
        abbreviations={clean(k): clean(v) for k, v in (b.get("abbreviations") or {}).items()},
        places=places,
        place_prefixes={k: [clean(x) for x in v] for k, v in (p.get("prefixes") or {}).items()},
        district_prefixes=[clean(x) for x in p.get("district_prefixes") or []],
        surnames=frozenset(clean(x) for x in n.get("surnames", [])),
        not_name_words=frozenset(clean(x) for x in n.get("not_name_words", [])),
        eponyms=frozenset(fold(x) for x in n.get("eponyms", [])),
        credit_markers=[clean(x) for x in noise.get("credit_markers", [])],
        image_suffixes=list(noise.get("image_suffixes", [])),
    )


def _shared_bodies(t: dict[str, Any]) -> dict[str, frozenset[str]]:
    """titles.yaml's ``shared_bodies`` groups as folded title head -> body kinds (a title in several
    groups takes the kinds of all)."""
    out: dict[str, frozenset[str]] = {}
    for group in t.get("shared_bodies") or ():
        for title in group.get("titles") or ():
            out[fold(title)] = out.get(fold(title), frozenset()) | frozenset(group.get("kinds") or ())
    return out


def _body_names(b: dict[str, Any]) -> list[BodyName]:
    """bodies.yaml's full names: the fields of government as "Bộ X" and "Sở X", the listed
    names, and the parties; a name with a dash also with the other ways of writing it."""
    out: list[BodyName] = []
    for key, heads in (("fields", ("Bộ", "Sở")), ("ministry_fields", ("Bộ",)), ("department_fields", ("Sở",))):
        for f in b.get(key) or []:
            for h in heads:
                out.append(BodyName(f"{h} {clean(f)}", "ministry" if h == "Bộ" else "government department",
                                    "own" if h == "Bộ" else "local"))
    for e in b.get("names") or []:
        out.append(BodyName(clean(e["name"]), e["kind"], e.get("scope", "own"), e.get("country", "")))
    for code, name in (b.get("parties") or {}).items():
        out.append(BodyName(clean(name), "party", "national", code))
    for code, names in (b.get("party_aliases") or {}).items():
        out += [BodyName(clean(n), "party", "national", code) for n in names]
    dashed = []
    for n in out:
        if " - " in n.name:
            dashed += [BodyName(n.name.replace(" - ", d), n.kind, n.scope, n.country) for d in ("-", " – ", "–")]
    return out + dashed


_SX_RE = re.compile(r"(?:(?<=^)|(?<=[\s-]))[SsXx]")
_LY_RE = re.compile(r"(?<=[Ll])[yi](?=$|[\s-])")


def spelling_variants(name: str) -> list[str]:
    """Other spellings of a Vietnamese phonetic rendering of a Lao or Khmer name: syllables joined
    by hyphens or spaces ("Xa-van-na-khệt", "Xa Van Na Khệt"), a syllable-initial s or x swapped
    ("Phông-xa-lỳ", "Phông-sa-lỳ"), a final "ly" or "li" swapped. Romanisations without Vietnamese
    marks are left as listed (they vary too freely to be spelt out)."""
    if strip_marks(name) == name and "-" not in name:
        return []
    forms = {name}
    if "-" in name:
        words = name.split(" ")
        forms.add(" ".join("-".join(x[:1].upper() + x[1:] for x in w.split("-")) for w in words))
        forms.add(" ".join(x[:1].upper() + x[1:] for w in words for x in w.split("-")))
        forms.add(" ".join(w.replace("-", "") for w in words))
    elif " " in name:
        words = name.split(" ")
        forms.add(words[0] + "-" + "-".join(w.lower() for w in words[1:]))
    for form in list(forms):
        spots = [m.start() for m in _SX_RE.finditer(form)]
        swap = {"s": "x", "x": "s", "S": "X", "X": "S"}
        for k in range(1, 2 ** min(len(spots), 3)):
            chars = list(form)
            for i, at in enumerate(spots[:3]):
                if k >> i & 1:
                    chars[at] = swap[chars[at]]
            forms.add("".join(chars))
    for form in list(forms):
        forms.add(_LY_RE.sub(lambda m: "i" if m.group(0) == "y" else "y", form))
    forms.discard(name)
    return sorted(forms)
