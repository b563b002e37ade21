"""One person, one node: deciding which stored nodes are the same entity, and merging them.

Resolution is a function of the *set* of names in the store and of the
researcher's judgements, never of the order sources arrived in: after every
ingest, :func:`reconcile` clusters the officials (and places and bodies) and
merges each cluster into the node whose key is the cluster's canonical key.

The rules, strongest first:

* a researcher's judgement (``same`` clusters are transitive; ``different`` blocks);
* the same folded name (NFC, one tone placement, Ð→Đ, case);
* an unmarked spelling (English text) and exactly one marked spelling with the
  same letters ("Nguyen Thi Tuyen" ↔ "Nguyễn Thị Tuyến"); two marked spellings
  that differ are different people (Hưng ≠ Hùng, Toản ≠ Toàn);
* foreign (non-Vietnamese) names whose loose spelling agrees ("Viphavan" ↔
  "Viphavanh", "Sous" ↔ "Suos", "Phôm-vi-hẳn" ↔ "Phômvihẳn"), never a
  Vietnamese name;
* a known country on both sides must agree.

A body keyed by its article (``<source>|…``: a delegation, a body written without what says
which one it is, see :func:`~interparty.loaders.gazetteer.is_unnamed`) is never joined by its name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from interparty.graph.dialect import Dialect
from interparty.graph.normalize import fold, has_marks, strip_marks
from interparty.graph.schema import schema
from interparty.graph.store import Store
from interparty.graph.writes import LIST_PROPS, Run

RESOLVED_KINDS = ("Official", "Body", "Place")
_VOWELS = re.compile(r"[aeiouy]+")


@cache
def _vi_surnames() -> frozenset[str]:
    """Vietnamese family names, from the names gazetteer (folded, and without diacritics)."""
    from interparty.loaders.gazetteer import load_yaml

    names = [fold(n) for n in load_yaml("names.yaml").get("surnames", [])]
    return frozenset(names) | frozenset(strip_marks(n) for n in names)


# ---------------------------------------------------------------- keys


def ascii_key(name: str) -> str:
    """The name's letters without diacritics, folded: what an English text writes."""
    return fold(strip_marks(name))


def loose_key(name: str) -> str:
    """A spelling-tolerant key for romanised foreign names.

    Hyphens between syllables go, silent ``h`` after a consonant goes, doubled
    letters collapse and vowel runs are sorted, so common Lao romanisation
    variants meet.
    """
    words = []
    for word in re.split(r"\s+", ascii_key(name)):
        w = re.sub(r"[^a-z]", "", word)
        w = w[:1] + re.sub(r"(?<=[^aeiouy])h", "", w[1:])
        w = re.sub(r"(.)\1+", r"\1", w)
        w = _VOWELS.sub(lambda m: "".join(sorted(m.group(0))), w)
        if w:
            words.append(w)
    return " ".join(words)


def is_vietnamese_name(name: str) -> bool:
    """Opens with a Vietnamese family name and is not a hyphenated phonetic spelling of a foreign one.

    For such names diacritics decide identity, so loose spelling rules never apply to them."""
    folded = fold(name)
    return "-" not in folded and folded.split(" ", 1)[0] in _vi_surnames()


# ---------------------------------------------------------------- judgements


@dataclass
class Judgements:
    """A researcher's decisions: names that are one entity, and pairs that are not."""

    same: list[list[str]] = field(default_factory=list)
    different: list[list[str]] = field(default_factory=list)
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None) -> Judgements:
        if path is None or not path.exists():
            return cls(path=path)
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: not valid YAML ({exc})") from None
        if not isinstance(raw, dict):
            raise ValueError(f"{path}: expected 'same:' and 'different:' lists")
        def groups(name: str) -> list[list[str]]:
            items = raw.get(name) or []
            if not all(isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) for x in g) for g in items):
                raise ValueError(f"{path}: every entry of '{name}' must be a list of two or more names")
            return [list(g) for g in items]

        return cls(same=groups("same"), different=groups("different"), path=path)

    def save(self) -> None:
        if self.path is None:
            raise ValueError("no judgements file to save to")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        header = ("# Researcher judgements for interparty's entity resolution.\n"
                  "# same: names of one entity (transitive). different: names that must never be merged.\n"
                  "# Edited by `interparty merge A B` and `interparty split A B`; safe to edit by hand.\n")
        body = yaml.safe_dump({"same": self.same, "different": self.different}, allow_unicode=True, sort_keys=False)
        self.path.write_text(header + body, encoding="utf-8")

    def merge(self, a: str, b: str) -> None:
        self.different = [g for g in self.different if {fold(a), fold(b)} != {fold(x) for x in g}]
        self.same.append([a, b])

    def split(self, a: str, b: str) -> None:
        self.same = [g for g in self.same if not {fold(a), fold(b)} <= {fold(x) for x in g}]
        self.different.append([a, b])

    def blocked(self, a: str, b: str) -> bool:
        fa, fb = fold(a), fold(b)
        return any(fa in {fold(x) for x in g} and fb in {fold(x) for x in g} for g in self.different)


# ---------------------------------------------------------------- clustering


@dataclass(frozen=True)
class Entity:
    kind: str
    key: str
    name: str
    country: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    rule: str


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _names(e: Entity) -> set[str]:
    return {n for n in (e.name, *e.aliases) if n}


def links(entities: list[Entity], judgements: Judgements) -> list[Link]:
    """Every pair of entities the rules join, with the rule that joins them."""
    out: list[Link] = []
    by_fold: dict[str, list[Entity]] = defaultdict(list)
    by_ascii: dict[str, list[tuple[Entity, str]]] = defaultdict(list)
    by_loose: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.kind == "Body" and "|" in e.key:
            continue  # keyed by its article ("<source>|..."): another article's "Học viện" is another academy
        for n in _names(e):
            by_fold[fold(n)].append(e)
            by_ascii[ascii_key(n)].append((e, n))
            if e.kind == "Official" and not is_vietnamese_name(n):
                by_loose[loose_key(n)].append(e)

    def ok(a: Entity, b: Entity) -> bool:
        if a.key == b.key:
            return False
        if a.country and b.country and a.country != b.country:
            return False
        return not any(judgements.blocked(x, y) for x in _names(a) for y in _names(b))

    for group in by_fold.values():
        out += [Link(group[0].key, e.key, "same name") for e in group[1:] if ok(group[0], e)]
    for group_n in by_ascii.values():
        marked = {e.key: e for e, n in group_n if has_marks(n)}
        plain = [e for e, n in group_n if not has_marks(n)]
        if len({fold(n) for e, n in group_n if has_marks(n)}) == 1 and plain:
            target = next(iter(marked.values()))
            out += [Link(target.key, e.key, "same letters without diacritics") for e in plain if ok(target, e)]
    for group in by_loose.values():
        out += [Link(group[0].key, e.key, "variant romanisation") for e in group[1:] if ok(group[0], e)]
    names_to_keys: dict[str, set[str]] = defaultdict(set)
    for e in entities:
        for n in _names(e):
            names_to_keys[fold(n)].add(e.key)
    for g in judgements.same:
        keys = sorted({k for n in g for k in names_to_keys.get(fold(n), set())})
        out += [Link(keys[0], k, f"judgement: same ({' = '.join(g)})") for k in keys[1:]]
    return out


def canonical(members: list[Entity]) -> Entity:
    """The cluster's representative, chosen from the set alone: marked Vietnamese spelling first, then
    the most often seen spelling, then alphabetical; its key is the cluster's key."""
    return min(members, key=lambda e: (not has_marks(e.name), e.key))


def clusters(entities: list[Entity], judgements: Judgements) -> list[list[Entity]]:
    uf = _UnionFind(e.key for e in entities)
    by_key = {e.key: e for e in entities}
    for link in links(entities, judgements):
        ra, rb = uf.find(link.a), uf.find(link.b)
        if ra == rb:
            continue
        # A "different" judgement between any members of the two clusters blocks the join.
        members_a = [by_key[k] for k in by_key if uf.find(k) == ra]
        members_b = [by_key[k] for k in by_key if uf.find(k) == rb]
        if any(judgements.blocked(x, y) for a in members_a for b in members_b for x in _names(a) for y in _names(b)):
            continue
        uf.union(ra, rb)
    groups: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        groups[uf.find(e.key)].append(e)
    return [sorted(g, key=lambda e: e.key) for g in groups.values()]


# ---------------------------------------------------------------- merging in the store


def _union(d: Dialect, a: str, b: str) -> str:
    return d.union(a, f"coalesce({b}, {d.empty_list})")


def _merge_props(var: str, other: str, props: Iterable[str], d: Dialect) -> str:
    sets = []
    for p in props:
        if p == "key":
            continue
        if p in LIST_PROPS:
            sets.append(f"{var}.{p} = {_union(d, f'{var}.{p}', f'{other}.{p}')}")
        elif p == "first_seen":
            sets.append(f"{var}.{p} = CASE WHEN {var}.{p} IS NULL OR ({other}.{p} IS NOT NULL AND "
                        f"{other}.{p} < {var}.{p}) THEN {other}.{p} ELSE {var}.{p} END")
        elif p == "last_seen":
            sets.append(f"{var}.{p} = CASE WHEN {var}.{p} IS NULL OR ({other}.{p} IS NOT NULL AND "
                        f"{other}.{p} > {var}.{p}) THEN {other}.{p} ELSE {var}.{p} END")
        elif p == "confidence":
            sets.append(f"{var}.{p} = CASE WHEN {var}.{p} IS NULL OR {other}.{p} > {var}.{p} "
                        f"THEN {other}.{p} ELSE {var}.{p} END")
        else:
            sets.append(f"{var}.{p} = coalesce({var}.{p}, {other}.{p})")
    return ", ".join(sets)


def merge_statements(kind: str, d: Dialect) -> list[str]:
    """Move every relationship of ($drop) onto ($keep), fold the properties in, delete ($drop).

    ($keep) is created when it does not exist yet (a rename)."""
    s = schema()
    nk = s.node(kind)
    out = [f"MATCH (d:{kind} {{key: $drop}}) MERGE (k:{kind} {{key: $keep}}) "
           f"SET {_merge_props('k', 'd', nk.prop_names, d)}"]
    for rt in s.relationships.values():
        props = _merge_props("x", "r", rt.prop_names, d)
        if kind in rt.sources:
            for other in rt.targets:
                where = "WHERE o.key <> $keep " if other == kind else ""
                out.append(f"MATCH (d:{kind} {{key: $drop}})-[r:{rt.name}]->(o:{other}), (k:{kind} {{key: $keep}}) "
                           f"{where}MERGE (k)-[x:{rt.name} {{key: r.key}}]->(o) SET {props} DELETE r")
        if kind in rt.targets:
            for other in rt.sources:
                where = "WHERE o.key <> $keep " if other == kind else ""
                out.append(f"MATCH (o:{other})-[r:{rt.name}]->(d:{kind} {{key: $drop}}), (k:{kind} {{key: $keep}}) "
                           f"{where}MERGE (o)-[x:{rt.name} {{key: r.key}}]->(k) SET {props} DELETE r")
    out.append("MATCH (e:Evidence) WHERE e.fact = $old_fact SET e.fact = $new_fact")
    out.append("MATCH (e:Evidence) WHERE e.fact CONTAINS $old_from OR e.fact CONTAINS $old_to "
               "SET e.fact = replace(replace(e.fact, $old_from, $new_from), $old_to, $new_to)")
    out.append(f"MATCH (d:{kind} {{key: $drop}}) DETACH DELETE d")
    return out


def merge_nodes(run: Run, d: Dialect, kind: str, keep: str, drop: str) -> None:
    if keep == drop:
        return
    params = {"keep": keep, "drop": drop, "old_fact": f"{kind}:{drop}", "new_fact": f"{kind}:{keep}",
              # relationship facts read "TYPE:from>to:key"
              "old_from": f":{drop}>", "new_from": f":{keep}>", "old_to": f">{drop}:", "new_to": f">{keep}:"}
    for stmt in merge_statements(kind, d):
        run(stmt, {k: v for k, v in params.items() if f"${k}" in stmt})


@dataclass(frozen=True)
class Merge:
    kind: str
    keep: str
    drop: str


def apply_merges(store: Store, merges: list[Merge]) -> None:
    """Carry out ``merges`` in one transaction (nothing to do for none)."""
    if not merges:
        return

    def work(run: Run) -> None:
        for m in merges:
            merge_nodes(run, store.dialect, m.kind, m.keep, m.drop)

    store.transaction(work)


def entities(store: Store, kind: str) -> list[Entity]:
    df = store.read(f"MATCH (n:{kind}) RETURN n.key AS key, n.name AS name, n.country AS country, "
                    f"n.aliases AS aliases")
    out = []
    for row in df.itertuples(index=False):
        aliases = tuple(a for a in (row.aliases if isinstance(row.aliases, list | tuple) else []) if a)
        country = row.country if isinstance(row.country, str) and row.country else None
        out.append(Entity(kind, row.key, row.name if isinstance(row.name, str) else row.key, country, aliases))
    return out


def plan(store: Store, judgements: Judgements, kinds: Iterable[str] = RESOLVED_KINDS) -> list[Merge]:
    """The merges that bring the store to one node per entity (nothing is changed)."""
    merges: list[Merge] = []
    for kind in kinds:
        for members in clusters(entities(store, kind), judgements):
            target = canonical(members).key
            merges += [Merge(kind, target, e.key) for e in members if e.key != target]
    return merges


def display_names(store: Store, kinds: Iterable[str] = RESOLVED_KINDS) -> dict[str, list[dict[str, str]]]:
    """Names to set so that a node is called by its canonical spelling (the one its key folds from),
    whichever source happened to be loaded first."""
    out: dict[str, list[dict[str, str]]] = {}
    for kind in kinds:
        rows = []
        for e in entities(store, kind):
            if fold(e.name) != e.key:
                best = next((a for a in e.aliases if fold(a) == e.key), None)
                if best is not None:
                    rows.append({"key": e.key, "name": best})
        if rows:
            out[kind] = rows
    return out


def reconcile(store: Store, judgements: Judgements, kinds: Iterable[str] = RESOLVED_KINDS) -> list[Merge]:
    """Apply :func:`plan` and the canonical names in one transaction; returns what was merged."""
    kinds = tuple(kinds)
    merges = plan(store, judgements, kinds)
    apply_merges(store, merges)
    names = display_names(store, kinds)
    if names:
        def rename(run: Run) -> None:
            for kind, rows in names.items():
                run(f"UNWIND $rows AS r MATCH (n:{kind} {{key: r.key}}) SET n.name = r.name", {"rows": rows})

        store.transaction(rename)
    return merges


def explain(store: Store, name: str, judgements: Judgements) -> dict[str, Any]:
    """Why a node is what it is: its spellings, its sources, and the rule behind each join."""
    key = fold(name)
    for kind in RESOLVED_KINDS:
        ents = entities(store, kind)
        hit = next((e for e in ents if e.key == key or key in {fold(n) for n in _names(e)}), None)
        if hit is None:
            continue
        df = store.read(f"MATCH (n:{kind} {{key: $key}}) RETURN n.sources AS sources", {"key": hit.key})
        variants = sorted(_names(hit))
        pseudo = [Entity(kind, f"{i}", n, hit.country, ()) for i, n in enumerate(variants)]
        reasons = [{"a": variants[int(lk.a)], "b": variants[int(lk.b)], "rule": lk.rule}
                   for lk in links(pseudo, judgements)]
        return {"kind": kind, "key": hit.key, "name": hit.name, "country": hit.country, "variants": variants,
                "sources": list(df["sources"].iloc[0]) if len(df) else [], "joined_because": reasons}
    raise ValueError(f"no official, body or place named {name!r}")


# ---------------------------------------------------------------- measuring


def pairwise_scores(gold: list[list[str]], predicted: list[list[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering of mention ids against a gold clustering."""

    def pairs(groups: list[list[str]]) -> set[frozenset[str]]:
        return {frozenset((a, b)) for g in groups for i, a in enumerate(g) for b in g[i + 1:]}

    g, p = pairs(gold), pairs(predicted)
    precision = len(g & p) / len(p) if p else 1.0
    recall = len(g & p) / len(g) if g else 1.0
    return precision, recall


def cluster_mentions(mentions: list[tuple[str, str, str | None]], judgements: Judgements) -> list[list[str]]:
    """Cluster (mention id, name, country) mentions of officials as :func:`reconcile` would."""
    by_key: dict[str, list[str]] = defaultdict(list)
    ents: dict[str, Entity] = {}
    for mid, name, country in mentions:
        key = fold(name)
        by_key[key].append(mid)
        ents.setdefault(key, Entity("Official", key, name, country, ()))
    return [[mid for e in group for mid in by_key[e.key]] for group in clusters(list(ents.values()), judgements)]
