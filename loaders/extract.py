"""The loader: a document in, facts out, by the extractor for its language."""

from __future__ import annotations

from collections.abc import Callable

from interparty.graph.model import Extraction, SourceDoc

Extractor = Callable[[SourceDoc], Extraction]


def extractor_for(lang: str) -> Extractor:
    if lang == "vi":
        from interparty.loaders.vi import extract as vi

        return vi
    from interparty.loaders.en import extract as en

    return en


def extract(doc: SourceDoc) -> Extraction:
    """Facts read from one document, every one with its mention."""
    return extractor_for(doc.lang)(doc)
