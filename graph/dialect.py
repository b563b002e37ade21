"""What differs between the embedded store (Ladybug) and Neo4j, in one place.

Queries are written once in the portable Cypher subset; the few things that
cannot be (DDL, list set-operations, the rewrite table for named queries) live
here, one :class:`Dialect` per store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interparty.graph.schema import Schema


@dataclass(frozen=True)
class Dialect:
    name: str
    empty_list: str
    # {a}: a list expression, {b}: a list parameter without repeats -> a + the items of b not in a
    union_tpl: str
    # {a}: a list expression, {p}: a string parameter -> a without the items starting with p
    without_prefix_tpl: str
    # {a}: a list expression, {v}: a parameter -> a without v
    without_tpl: str = ""
    # schema type -> template for a parameter field of that type ({e}); a batch whose values are all
    # null gives Ladybug no type to infer, so it is told.
    value_tpl: tuple[tuple[str, str], ...] = field(default=())
    # regex -> replacement applied to named queries (the declared rewrite table)
    rewrites: tuple[tuple[str, str], ...] = field(default=())

    def union(self, a: str, b: str) -> str:
        return self.union_tpl.format(a=a, b=b, empty=self.empty_list)

    def without_prefix(self, a: str, p: str) -> str:
        return self.without_prefix_tpl.format(a=a, p=p, empty=self.empty_list)

    def without(self, a: str, v: str) -> str:
        return self.without_tpl.format(a=a, v=v, empty=self.empty_list)

    def value(self, expr: str, type_: str) -> str:
        """A parameter field as a value of a schema type (typed explicitly where the store cannot infer it)."""
        return dict(self.value_tpl).get(type_, "{e}").format(e=expr)

    def rewrite(self, cypher: str) -> str:
        for pattern, repl in self.rewrites:
            cypher = re.sub(pattern, repl, cypher)
        return cypher


LADYBUG = Dialect(
    name="ladybug",
    empty_list="CAST([] AS STRING[])",
    union_tpl="list_distinct(list_concat(coalesce({a}, {empty}), {b}))",
    without_prefix_tpl="list_filter(coalesce({a}, {empty}), item -> NOT starts_with(item, {p}))",
    without_tpl="list_filter(coalesce({a}, {empty}), item -> item <> {v})",
    value_tpl=(("STRING", "CAST({e} AS STRING)"), ("INT64", "CAST({e} AS INT64)"), ("DOUBLE", "CAST({e} AS DOUBLE)"),
               ("BOOL", "CAST({e} AS BOOLEAN)"), ("STRING[]", "CAST({e} AS STRING[])")),
)

NEO4J = Dialect(
    name="neo4j",
    empty_list="[]",
    union_tpl="coalesce({a}, []) + [item IN {b} WHERE NOT item IN coalesce({a}, [])]",
    without_prefix_tpl="[item IN coalesce({a}, []) WHERE NOT item STARTS WITH {p}]",
    without_tpl="[item IN coalesce({a}, []) WHERE item <> {v}]",
    rewrites=(
        # Ladybug names a node's table with label(); Neo4j has labels(), one label per node here.
        (r"\blabel\((\w+)\)", r"labels(\1)[0]"),
    ),
)


_LB_TYPES = {"STRING": "STRING", "INT64": "INT64", "DOUBLE": "DOUBLE", "BOOL": "BOOLEAN", "STRING[]": "STRING[]"}


def ladybug_ddl(s: Schema) -> list[str]:
    """CREATE NODE/REL TABLE statements for the embedded store."""
    out = []
    for n in s.nodes.values():
        cols = ", ".join(f"{p.name} {_LB_TYPES[p.type]}" for p in n.properties)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {n.name}({cols}, PRIMARY KEY (key))")
    for r in s.relationships.values():
        pairs = ", ".join(f"FROM {a} TO {b}" for a in r.sources for b in r.targets)
        cols = ", ".join(f"{p.name} {_LB_TYPES[p.type]}" for p in r.properties)
        out.append(f"CREATE REL TABLE IF NOT EXISTS {r.name}({pairs}, {cols})")
    return out


def neo4j_ddl(s: Schema) -> list[str]:
    """Uniqueness constraints on every node kind's key, and indexes the named queries use."""
    out = [
        f"CREATE CONSTRAINT {n.name.lower()}_key IF NOT EXISTS FOR (n:{n.name}) REQUIRE n.key IS UNIQUE"
        for n in s.nodes.values()
    ]
    for n in s.nodes.values():
        for prop in ("name", "date", "source", "number"):
            if prop in n.prop_names:
                out.append(f"CREATE INDEX {n.name.lower()}_{prop} IF NOT EXISTS FOR (n:{n.name}) ON (n.{prop})")
    # No index on relationship keys: with one, the planner answers MERGE (a)-[x {key}]->(b) by
    # scanning every relationship of the type instead of expanding from the two bound nodes.
    return out
