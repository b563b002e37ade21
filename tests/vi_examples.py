"""Helpers for the Vietnamese example tests: a sentence in, the facts of interest out."""

from __future__ import annotations

from interparty.graph.model import Extraction, SourceDoc
from interparty.graph.normalize import clean
from interparty.loaders.vi import extract


def run(text: str, date: str | None = "2024-07-15", title: str = "") -> Extraction:
    """The extraction of ``text`` as an article of ``date`` titled ``title``."""
    return extract(SourceDoc(key="t", text=clean(text), date=date, title=title))


def positions(ex: Extraction, name: str) -> dict[str, tuple[str, str]]:
    """title -> (body name, resolution) for one official."""
    names = {n.ref: n.props["name"] for n in ex.nodes}
    off = next(n for n in ex.of_kind("Official") if n.props["name"] == name)
    return {r.props["title"]: (names[r.end], r.props["resolution"]) for r in ex.rels_of("HOLDS_POSITION")
            if r.start == off.ref}


def country(ex: Extraction, name: str) -> str:
    return next(n.props["country"] for n in ex.of_kind("Official") if n.props["name"] == name)
