"""Building an :class:`Extraction` from spans of a document.

Extractors call :meth:`FactBuilder.node` and :meth:`FactBuilder.rel` with the
character span they read a fact from; the builder finds the sentence, records
the mention and merges repeats, so provenance is never an afterthought.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from interparty.graph.model import (
    Extraction,
    FactSet,
    Mention,
    NodeFact,
    RelFact,
    SourceDoc,
    check_props,
    make_mention,
)
from interparty.graph.normalize import fold_cleaned
from interparty.graph.schema import schema

_F = TypeVar("_F", bound=Callable[..., Any])
_MEMOS: list[Any] = []


def memo(maxsize: int = 1 << 15) -> Callable[[_F], _F]:
    """``functools.lru_cache`` for pure text functions on the extraction path, registered so that
    :func:`clear_memos` can empty them all (the benchmark does, to measure new text honestly)."""

    def wrap(fn: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_memos() -> None:
    """Empty every cache registered with :func:`memo` (and the lexicon's place cache)."""
    for c in _MEMOS:
        c.cache_clear()
    for hook in _CLEAR_HOOKS:
        hook()


_CLEAR_HOOKS: list[Callable[[], None]] = []


def on_clear(hook: Callable[[], None]) -> None:
    """Run ``hook`` whenever :func:`clear_memos` is called."""
    _CLEAR_HOOKS.append(hook)


#: :func:`~interparty.graph.normalize.fold`, memoised: extractors fold the same words again and again.
# Extractors fold substrings of a document's text (already cleaned), so the cheap variant is exact.
cfold = memo(1 << 16)(fold_cleaned)

class Cued:
    """A compiled regex with its cues: lower-case literals at least one of which every match contains.

    Rules run over every sentence, and most sentences hold none of a rule's words: a
    substring test on the lower-cased sentence (shared by all rules, see ``low``) rules the
    sentence out without running the regex. Results are exactly the regex's own.

    ``cased``: the cues are literals as written, tested on the text itself (``low`` is not
    used); for a case-sensitive regex, whose callers need not lower-case anything.
    """

    __slots__ = ("cased", "cues", "rx")

    def __init__(self, pattern: str | re.Pattern[str], cues: tuple[str, ...], flags: int = 0, *,
                 cased: bool = False) -> None:
        self.rx = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
        self.cased = cased
        self.cues = tuple(cues) if cased else tuple(c.lower() for c in cues)

    @property
    def pattern(self) -> str:
        return self.rx.pattern

    def cued(self, text: str, low: str | None = None) -> bool:
        """Whether ``text`` holds a cue (``low``: the text lower-cased, when the caller has it)."""
        if self.cased:
            low = text
        elif low is None:
            low = text.lower()
        for c in self.cues:  # noqa: SIM110 - a loop: any() over a generator costs more than the test
            if c in low:
                return True
        return False

    def search(self, text: str, low: str | None = None, pos: int = 0) -> re.Match[str] | None:
        return self.rx.search(text, pos) if self.cued(text, low) else None

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text) if self.cued(text, low) else iter(())


def word_start_alternation(branches: list[str]) -> str:
    """``(?<![\\w-])(?:b1|b2|...)`` for regex branches that each open with a letter (not escaped),
    written with that letter first and the look-behind after it: the engine then skips ahead in C
    to a letter a branch opens with, where a pattern opening with a look-behind is tried at every
    position. Branches keep their order among those opening with the same letter (the only ones
    that can match there). Not for case-insensitive patterns (the letters would not be skipped to)."""
    groups: dict[str, list[str]] = {}
    for b in branches:
        groups.setdefault(b[0], []).append(b[1:])
    return "|".join(first + r"(?<![\w-].)(?:" + "|".join(rest) + ")" for first, rest in groups.items())


@functools.cache
def bmp_letters() -> str:
    """``[^\\W\\d_]`` (what ``str.isalnum`` and not ``str.isdecimal`` say, the engine's ``\\w`` and
    ``\\d``) spelt out for the BMP (see :func:`char_class`): one table lookup per character where the
    category asks the Unicode database several times. Only for text without :data:`ASTRAL` characters."""
    return char_class(c for c in map(chr, range(0x10000)) if c.isalnum() and not c.isdecimal())


#: A character beyond the BMP: where regexes over a :func:`char_class` of BMP characters only do not hold.
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def char_class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars``, as ranges of consecutive code points.

    Spelt out for a BMP subset of a Unicode category ("letters", "capitals"), it is tested with
    one table lookup per character, where ``[^\\W\\d_]`` asks the Unicode database twice and
    a class reaching beyond the BMP tries dozens of ranges; use such a class only on text
    without :data:`ASTRAL` characters.
    """
    cs = sorted(set(chars))
    out, i = [], 0
    while i < len(cs):
        j = i
        while j + 1 < len(cs) and ord(cs[j + 1]) == ord(cs[j]) + 1:
            j += 1
        out.append(re.escape(cs[i]) + ("-" + re.escape(cs[j]) if j > i else ""))
        i = j + 1
    return "[" + "".join(out) + "]"


_NODE_KINDS = frozenset(schema().nodes)
# Relationship endpoints already checked against the schema, and each type's identity props
# (:func:`~interparty.graph.model.rel_key`): looked up once, not for every fact.
_ENDPOINTS_OK: set[tuple[str, str, str]] = set()
_IDENTITY: dict[str, tuple[str, ...]] = {}
# The closing mark is matched (not looked behind for: the engine then skips ahead to it) and the
# break starts after it, at group 1. Both kinds of break open with one set of characters, so
# the engine skips ahead to the next of them in C.
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|(?<!\n)([\"”’)]*\s+)(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9]))")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs always end one."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        a = m.start(1) if m.group(1) is not None else m.start()
        if a > start:
            spans.append((start, a))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    # spans are never empty (most open with a non-space: no need to cut them out to test them)
    return [(s, e) for s, e in spans if not (text[s].isspace() and text[s:e].isspace())]


# Confidences as given -> as recorded (clamped, rounded): extractors use a handful of values,
# and round() costs more than the rest of a mention.
_ROUNDED: dict[float, float] = {}


def name_key(name: str) -> str:
    """The key of a named entity before resolution: its folded name."""
    return cfold(name)


class FactBuilder:
    """Collects facts read from one document."""

    def __init__(self, doc: SourceDoc) -> None:
        self.doc = doc
        self.spans = sentence_spans(doc.text)
        self._starts = [s for s, _ in self.spans]
        self.facts = FactSet()
        # the stripped text of each sentence, cut when a fact is first read from it
        self._texts: list[str | None] = [None] * len(self.spans)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self._starts, pos) - 1, 0)
        return self.spans[i] if self.spans else (0, len(self.doc.text))

    def sentence_text(self, pos: int) -> str:
        """The stripped sentence around ``pos`` (cached: many facts rest on one sentence)."""
        if not self.spans:
            return self.doc.text.strip()
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            i = 0
        text = self._texts[i]
        if text is None:
            a, b = self.spans[i]
            text = self._texts[i] = self.doc.text[a:b].strip()
        return text

    def mention(self, start: int, end: int, method: str, confidence: float = 0.9) -> Mention:
        conf = _ROUNDED.get(confidence) if type(confidence) is float else None
        if conf is None:
            conf = round(min(max(float(confidence), 0.0), 1.0), 3)
            if type(confidence) is float and conf == conf and len(_ROUNDED) < 256:  # (NaN is no key)
                _ROUNDED[confidence] = conf
        return make_mention(self.doc.key, self.sentence_text(start), start, max(end, start), method, conf)

    @property
    def nodes(self) -> list[NodeFact]:
        """The node facts so far, merged by identity."""
        return list(self.facts.nodes.values())

    @property
    def rels(self) -> list[RelFact]:
        """The relationship facts so far, merged by identity."""
        return list(self.facts.rels.values())

    def node(self, kind: str, key: str, mention: Mention | None, /, **props: Any) -> tuple[str, str]:
        """Record a node fact read at ``mention``; repeats of (kind, key) merge into the first."""
        if kind not in _NODE_KINDS:
            schema().node(kind)  # raises: unknown kind
        props["key"] = key  # what {**props, "key": key} gives: the keyword dict is this call's own
        self.facts.add_node(kind, key, check_props(kind, props), [mention] if mention else [])
        return (kind, key)

    def rel(self, rel_type: str, start: tuple[str, str], end: tuple[str, str], mention: Mention | None, /,
            key: str = "", **props: Any) -> None:
        """Record a relationship fact; its key comes from the schema's identity props when declared."""
        if (rel_type, start[0], end[0]) not in _ENDPOINTS_OK:
            schema().check_endpoints(rel_type, start[0], end[0])  # raises when wrong
            _ENDPOINTS_OK.add((rel_type, start[0], end[0]))
        identity = _IDENTITY.get(rel_type)
        if identity is None:
            identity = _IDENTITY[rel_type] = schema().rel(rel_type).identity
        # what rel_key does, with the memoised fold
        if not identity:
            key = key or "-"
        elif len(identity) == 1:
            key = cfold(str(props.get(identity[0]) or "")) or "-"
        else:
            key = "|".join(cfold(str(props.get(p) or "")) for p in identity) or "-"
        props["key"] = key  # what {**props, "key": key} gives: the keyword dict is this call's own
        self.facts.add_rel(rel_type, start, end, key, check_props(rel_type, props), [mention] if mention else [])

    def build(self) -> Extraction:
        """The extraction: one fact per identity, each with every mention that supports it."""
        return self.facts.extraction(self.doc)
