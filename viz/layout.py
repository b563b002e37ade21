"""Deterministic layouts computed in Python before the page is written.

Why here and not in the browser: vis-network's physics on a few thousand nodes
takes minutes to settle and keeps the page busy while it does. Positions
computed once in Python make every view interactive as soon as it is drawn,
give the same picture on every open (screenshots and tests can rely on it),
and let each layout keep labels apart by construction: neighbours on a ring or
in a row are at least one label width apart, neighbours in a column at least
one wrapped label height apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import networkx as nx

Pos = dict[str, tuple[float, float]]

#: Horizontal room one label needs (labels wrap at 150 px, see render.NODE_FONT).
LABEL_W = 200.0
#: Vertical room one node with a wrapped label needs in a column.
ROW_H = 120.0


def rings(g: nx.MultiDiGraph, center: str, dist: dict[str, int], order: Sequence[str]) -> Pos:
    """Concentric rings around ``center``: hop k on ring(s) beyond hop k-1.

    A ring of radius r holds at most 2πr / LABEL_W nodes, so labels on a ring
    never touch; a hop with more nodes spills onto further rings. Within a hop,
    nodes follow the angle of the neighbour that brought them in, which keeps
    edges short and reduces crossings.
    """
    pos: Pos = {center: (0.0, 0.0)}
    angle: dict[str, float] = {center: 0.0}
    radius = 0.0
    by_hop: dict[int, list[str]] = {}
    for n in order:
        if n != center:
            by_hop.setdefault(dist[n], []).append(n)
    for hop in sorted(by_hop):
        members = by_hop[hop]

        def parent_angle(n: str, hop: int = hop) -> float:
            best = [angle[p] for p in _neighbours(g, n) if p in angle and dist.get(p, hop) < hop]
            return min(best) if best else 0.0

        members.sort(key=lambda n: (parent_angle(n), n))
        i = 0
        radius += 260.0 if hop == 1 else 220.0
        while i < len(members):
            cap = max(6, int(2 * math.pi * radius / LABEL_W))
            chunk = members[i:i + cap]
            offset = (hop % 2) * math.pi / max(len(chunk), 1)
            for j, n in enumerate(chunk):
                a = 2 * math.pi * j / len(chunk) + offset - math.pi / 2
                pos[n] = (radius * math.cos(a), radius * math.sin(a))
                angle[n] = (a + math.pi / 2) % (2 * math.pi)
            i += cap
            if i < len(members):
                radius += 130.0
    return pos


def _neighbours(g: nx.MultiDiGraph, n: str) -> Iterable[str]:
    yield from g.predecessors(n)
    yield from g.successors(n)


def tree(nodes: Sequence[str], parent: dict[str, str], sort_key: Callable[[str], object]) -> Pos:
    """A top-down tidy tree (forest): leaves one label width apart, parents over their children.

    Single nodes without parent or children are laid out in a grid under the
    trees instead of one endless row.
    """
    children: dict[str, list[str]] = {n: [] for n in nodes}
    for c, p in parent.items():
        if c in children and p in children:
            children[p].append(c)
    for kids in children.values():
        kids.sort(key=sort_key)
    roots = sorted((n for n in nodes if parent.get(n) not in children), key=sort_key)
    lone = [r for r in roots if not children[r]]
    trees = [r for r in roots if children[r]]
    pos: Pos = {}
    next_x = 0.0
    max_depth = 0

    def place(n: str, depth: int) -> float:
        nonlocal next_x, max_depth
        max_depth = max(max_depth, depth)
        kids = children[n]
        if not kids:
            x = next_x
            next_x += LABEL_W
        else:
            xs = [place(k, depth + 1) for k in kids]
            x = (xs[0] + xs[-1]) / 2
        pos[n] = (x, depth * 170.0)
        return x

    for r in trees:
        place(r, 0)
        next_x += LABEL_W / 2
    if lone:
        cols = max(4, int(math.sqrt(len(lone)) * 1.6), int(next_x / LABEL_W) if trees else 0)
        top = (max_depth + 1) * 170.0 + 120.0 if trees else 0.0
        for i, n in enumerate(lone):
            pos[n] = ((i % cols) * LABEL_W, top + (i // cols) * ROW_H)
    return pos


def columns(groups: Sequence[tuple[float, Sequence[str]]], direction: Sequence[int], max_rows: int = 30) -> Pos:
    """Vertical columns centred on y=0; a long column spills into more columns outward.

    ``groups`` is (x, nodes) per column; ``direction`` (-1, 0 or 1) says which
    way a spilling column grows, so the left side grows left, the right side right.
    """
    pos: Pos = {}
    for (x0, members), d in zip(groups, direction, strict=True):
        n_cols = max(1, math.ceil(len(members) / max_rows))
        per_col = math.ceil(len(members) / n_cols) if members else 0
        for c in range(n_cols):
            chunk = members[c * per_col:(c + 1) * per_col]
            x = x0 + (c - (n_cols - 1) / 2) * LABEL_W * 1.2 if d == 0 else x0 + d * c * LABEL_W * 1.1
            top = -(len(chunk) - 1) * ROW_H / 2
            for i, n in enumerate(chunk):
                pos[n] = (x, top + i * ROW_H)
    return pos


def row(members: Sequence[str], y: float, center_x: float = 0.0, per_row: int = 12) -> Pos:
    """Nodes in rows of ``per_row``, one label width apart, centred on ``center_x``."""
    pos: Pos = {}
    for i, n in enumerate(members):
        r, c = divmod(i, per_row)
        in_row = min(per_row, len(members) - r * per_row)
        pos[n] = (center_x + (c - (in_row - 1) / 2) * LABEL_W, y + r * ROW_H)
    return pos


def spread(targets: dict[str, float], y: float) -> Pos:
    """Place nodes on one row near their wanted x, pushed apart to one label width."""
    pos: Pos = {}
    last = -math.inf
    for n, x in sorted(targets.items(), key=lambda kv: (kv[1], kv[0])):
        x = max(x, last + LABEL_W)
        pos[n] = (x, y)
        last = x
    return pos
