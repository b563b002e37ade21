"""Benchmark: the whole loader (read, normalise, extract, build the Extraction), one process.

Loads every article under ``../shared/eval/articles`` (or ``--articles``), repeats the set
until about ``--docs`` documents, and runs them through the loader one by one, timing each
stage with ``time.process_time()`` (CPU time of this process: articles per second *per
core*) and the whole run with wall time. Each repetition of the set is a pass, timed on its
own, with a short fixed loop of pure Python run before and after it.

Per core means one core working alone. The machine this project is developed on is a virtual
one whose cores other jobs share at times: then every Python step runs about 1.5x slower, the
fixed loop as much as the loader (the loop times cluster in two groups). A pass between two
loops as quick as the run's quick ones (see :data:`QUIET`) ran on a core of its own: the target
is judged on the median of those *quiet passes* (``--judge all``: on the median of every pass,
as earlier versions did); the median, fastest and whole-run rates of all passes are printed too.
When the whole run is slowed the quick loops are slow as well, every pass counts as quiet and
the judgement is as strict as ``--judge all``.

Memo caches keyed by text (places in a sentence, dates in a sentence, folded strings, body
keys) would make a repeated set look faster than new articles: ``--modes`` says when they are
emptied. ``stream`` (judged against ``--target``): before each repetition of the set, so each
article is new to the process, as in one ingest of a folder of different articles; ``cold``:
before every document, each article read as if it were the process's first. Both run by
default, pass about pass, and their ratio is printed.

Run::

    .venv/bin/python benchmarks/bench_extract.py
    .venv/bin/python benchmarks/bench_extract.py --docs 4000 --target 200
    .venv/bin/python benchmarks/bench_extract.py --modes cold            # only the per-document figure
    .venv/bin/python benchmarks/bench_extract.py --docs 500 --profile 40   # where the time goes

Stages: ``read`` is reading the file, decoding and normalising the text (a SourceDoc);
``extract`` the extractor's rules; ``build`` FactBuilder.build (merging repeats into one
fact per identity). The last line says whether the judged median met the target rate (exit 1
if not).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from interparty.loaders import facts
from interparty.loaders.extract import extract
from interparty.loaders.sources import read_file

DEFAULT_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"


class StageClock:
    """CPU time spent in FactBuilder.build, so that it can be told apart from the rules."""

    def __init__(self) -> None:
        self.build = 0.0
        self._orig = facts.FactBuilder.build

    def __enter__(self) -> StageClock:
        orig, clock = self._orig, self

        def timed(fb: facts.FactBuilder):  # type: ignore[no-untyped-def]
            t = time.process_time()
            try:
                return orig(fb)
            finally:
                clock.build += time.process_time() - t

        facts.FactBuilder.build = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        facts.FactBuilder.build = self._orig  # type: ignore[method-assign]


def clear_caches() -> None:
    """Empty the memo caches keyed by text (older trees without ``clear_memos``: the ones they had)."""
    clear = getattr(facts, "clear_memos", None)
    if clear is not None:
        clear()
        return
    from interparty.loaders import dates, vi_lexicon

    vi_lexicon.lexicon()._place_cache.clear()
    dates.find_dates.cache_clear()  # type: ignore[attr-defined]


def calibrate(steps: int = 2_000_000) -> float:
    """CPU seconds for a fixed pure-Python loop: compares this machine (and its load) with others."""
    t = time.process_time()
    n = 0
    for i in range(steps):
        n += i & 7
    return time.process_time() - t


#: The short loop run between passes: how fast the machine ran Python just then. This machine is a
#: virtual one whose core other jobs share at times; they slow the loop and the passes alike.
PASS_LOOP = 100_000
#: A pass is "quiet" when the loops on both sides of it ran within this factor of the run's quick
#: loops (the 5th percentile: the very fastest loop can be a fluke of a few milliseconds).
QUIET = 1.15


MODES = {
    "stream": "memo caches emptied before each repetition of the set: every article is new to the "
              "process and may reuse what earlier, different articles left (body names, words), as in "
              "one `interparty ingest` of a folder",
    "cold": "memo caches emptied before every document: each article as if it were the first the "
            "process reads",
    "warm": "memo caches never emptied: repeats of the set hit them (an upper bound, not a figure)",
}


@dataclass
class ModeStats:
    """CPU seconds by stage and per-pass rates of one cache mode."""

    docs: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    read: float = 0.0
    extract: float = 0.0
    build: float = 0.0
    facts: int = 0
    passes: list[float] = field(default_factory=list)
    around: list[float] = field(default_factory=list)  # the slower of the two loops around each pass
    per_lang: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


def run(paths: list[Path], n_docs: int, modes: list[str], passes: int = 0) -> tuple[dict[str, ModeStats], list[float]]:
    """Time passes over the set repeated to about ``n_docs`` documents, in each mode; also the CPU
    seconds of the :data:`PASS_LOOP` run before the first pass and after each one.

    ``passes``: how many (0: one per repetition of the set, each short enough to fall within one
    spell of the machine's load). The modes take turns pass by pass (stream, cold, stream, ...), so
    that a slow spell falls on both and their ratio holds within one run. A pass is a whole number
    of repetitions of the set, so that "stream" empties the caches at the same places in every
    pass. Emptying the caches and the loops are not timed.
    """
    # warm-up: compile the lexicons and regexes once, as a long-running loader would
    for p in paths:
        for d in read_file(p):
            extract(d)
    reps = max(1, round(n_docs / len(paths)))
    passes = reps if passes <= 0 else min(passes, reps)
    one_pass = paths * max(1, round(reps / passes))
    stats = {m: ModeStats() for m in modes}
    gc.collect()
    loops = [calibrate(PASS_LOOP)]
    with StageClock() as clock:
        for _ in range(passes):
            for mode in modes:
                st, built = stats[mode], clock.build
                wall0, cpu0, idle = time.perf_counter(), time.process_time(), 0.0
                for i, p in enumerate(one_pass):
                    if mode == "cold" or (mode == "stream" and i % len(paths) == 0):
                        t = time.process_time()
                        clear_caches()
                        idle += time.process_time() - t
                    t0 = time.process_time()
                    docs = read_file(p)
                    t1 = time.process_time()
                    st.read += t1 - t0
                    for d in docs:
                        t2 = time.process_time()
                        ex = extract(d)
                        t3 = time.process_time()
                        st.extract += t3 - t2
                        st.per_lang[d.lang].append(t3 - t2 + (t1 - t0) / len(docs))
                        st.facts += len(ex.nodes) + len(ex.rels)
                cpu = time.process_time() - cpu0 - idle
                loops.append(calibrate(PASS_LOOP))
                st.passes.append(len(one_pass) / cpu)
                st.around.append(max(loops[-2:]))
                st.docs += len(one_pass)
                st.cpu += cpu
                st.wall += time.perf_counter() - wall0 - idle
                st.build += clock.build - built
                st.extract -= clock.build - built
    return stats, loops


def quick_loop(loops: list[float]) -> float:
    """The run's quick loops: the 5th percentile of its loop times."""
    return statistics.quantiles(loops, n=20)[0] if len(loops) > 1 else loops[0]


def quiet_passes(st: ModeStats, loops: list[float]) -> list[float]:
    """The rates of the passes that ran between two loops within :data:`QUIET` of the run's quick loops."""
    limit = quick_loop(loops) * QUIET
    return [r for r, t in zip(st.passes, st.around, strict=True) if t <= limit]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--docs", type=int, default=2000, help="documents to run in each mode (the set repeated)")
    ap.add_argument("--modes", default="stream,cold",
                    help="cache modes, comma-separated; the first is judged against --target "
                         "(stream, cold, warm: see the module's docstring)")
    ap.add_argument("--target", type=float, default=200.0, help="articles/second per core to meet")
    ap.add_argument("--passes", type=int, default=0,
                    help="time the documents in this many equal passes (default: one per repetition of the set)")
    ap.add_argument("--judge", choices=("quiet", "all"), default="quiet",
                    help="judge the median of the quiet passes (default) or of all passes against --target")
    ap.add_argument("--profile", type=int, nargs="?", const=30, metavar="N",
                    help="also print the N functions (default 30) with the most CPU time of their own (cProfile)")
    args = ap.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not modes or any(m not in MODES for m in modes):
        ap.error(f"--modes: choose among {', '.join(MODES)}")
    paths = sorted(p for p in args.articles.iterdir() if p.is_file() and not p.name.startswith("."))
    if not paths:
        print(f"no articles in {args.articles}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in paths) / len(paths)
    cal = min(calibrate() for _ in range(3))
    print(f"{len(paths)} articles (mean {size / 1024:.1f} KB), repeated to about {args.docs} documents per mode")
    for m in modes:
        print(f"  {m}: {MODES[m]}")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    stats, loops = run(paths, args.docs, modes, args.passes)
    if profiler is not None:
        import pstats

        profiler.disable()
        print("\nprofile (times inflated by the profiler; compare shares, not the rates below):")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    first = stats[modes[0]]
    n, cpu = first.docs, first.cpu
    print(f"\n{modes[0]}: {n} documents")
    print(f"{'stage':<10} {'ms/doc':>8} {'share':>7}")
    for stage in ("read", "extract", "build"):
        t = getattr(first, stage)
        print(f"{stage:<10} {t / n * 1000:8.2f} {t / cpu:7.1%}")
    print(f"{'total':<10} {cpu / n * 1000:8.2f} {1:7.1%}")
    print(f"\n{'language':<10} {'docs':>6} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for lang, ts in sorted(first.per_lang.items()):
        q = statistics.quantiles(ts, n=20) if len(ts) > 1 else ts * 19
        print(f"{lang:<10} {len(ts):6d} {statistics.fmean(ts) * 1000:8.2f} {statistics.median(ts) * 1000:8.2f} "
              f"{q[18] * 1000:8.2f}")
    print(f"\nloop between passes ({PASS_LOOP:,} steps): 5th percentile {quick_loop(loops) * 1000:.1f} ms, "
          f"median {statistics.median(loops) * 1000:.1f} ms, slowest {max(loops) * 1000:.1f} ms; a pass is quiet "
          f"when the loops on both sides of it ran within {QUIET:.2f}x of the 5th percentile")
    print(f"\narticles/s per core (CPU time)  {'quiet passes':>14} {'median pass':>12} {'fastest':>8} {'whole':>8} "
          f"{'wall':>8}")
    for m in modes:
        st = stats[m]
        quiet = quiet_passes(st, loops)
        q = f"{statistics.median(quiet):.1f} ({len(quiet)}/{len(st.passes)})" if quiet else "none"
        print(f"  {m:<29} {q:>14} {statistics.median(st.passes):12.1f} {max(st.passes):8.1f} "
              f"{st.docs / st.cpu:8.1f} {st.docs / st.wall:8.1f}")
    median = statistics.median(first.passes)
    for m in modes[1:]:
        print(f"  {modes[0]} / {m} (median passes): {median / statistics.median(stats[m].passes):.3f}")
    print(f"facts per article:              {first.facts / n:8.1f}")
    print(f"calibration loop (CPU s):       {cal:8.3f}  (same loop, other runs: compare machines and load)")
    quiet = quiet_passes(first, loops)
    judge = args.judge
    if judge == "quiet" and len(quiet) < 3:
        print(f"fewer than 3 quiet passes: judging all {len(first.passes)} passes")
        judge = "all"
    rate = statistics.median(quiet) if judge == "quiet" else median
    ok = rate >= args.target
    which = "median of the quiet passes" if judge == "quiet" else "median pass"
    print(f"target {args.target:.0f}/s per core ({modes[0]}, {which}): {rate:.1f}/s, {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
