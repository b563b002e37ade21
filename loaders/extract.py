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
    """Facts read from one document, every one with its mention.

    Plans, decisions and programmes (marked ``kind="plan"`` by their reader, or laid out as one)
    go to the plan extractor: their facts sit in a header, a number line and numbered items,
    which the article rules would misread.
    """
    from interparty.loaders.plans import extract_plan, is_plan

    if is_plan(doc):
        return extract_plan(doc)
    return extractor_for(doc.lang)(doc)
