"""Benchmark: the whole loader (read, normalise, extract, build the Extraction), one process.

Loads every article under ``../shared/eval/articles`` (or ``--articles``), repeats the set
until about ``--docs`` documents, and runs them through the loader one by one, timing each
stage with ``time.process_time()`` (CPU time of this process: articles per second *per
core*) and the whole run with wall time. The documents run in ``--passes`` equal passes, each
timed on its own: on a shared machine a pass can be slowed by other work (never sped up), so
the rate is given for the median pass and the fastest one as well as for the whole run.
Memo caches keyed by text (places in a sentence, dates in a sentence, folded strings) are
cleared before every document unless ``--warm``, so repeating the set does not make the
figures look better than new articles would.

Run::

    .venv/bin/python benchmarks/bench_extract.py
    .venv/bin/python benchmarks/bench_extract.py --docs 4000 --target 200
    .venv/bin/python benchmarks/bench_extract.py --docs 500 --profile 40   # where the time goes

Stages: ``read`` is reading the file, decoding and normalising the text (a SourceDoc);
``extract`` the extractor's rules; ``build`` FactBuilder.build (merging repeats into one
fact per identity). The last line says whether the median pass met the target rate (exit 1
if not).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import defaultdict
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


def calibrate() -> float:
    """CPU seconds for a fixed pure-Python loop: compares this machine (and its load) with others."""
    t = time.process_time()
    n = 0
    for i in range(2_000_000):
        n += i & 7
    return time.process_time() - t


def run(paths: list[Path], n_docs: int, warm: bool, passes: int = 5) -> dict[str, object]:
    # warm-up: compile the lexicons and regexes once, as a long-running loader would
    for p in paths:
        for d in read_file(p):
            extract(d)
    order = [paths[i % len(paths)] for i in range(n_docs)]
    pass_size = max(1, len(order) // max(1, passes))
    pass_rates: list[float] = []
    pass_cpu, pass_docs = 0.0, 0
    per_lang: dict[str, list[float]] = defaultdict(list)
    read_t = extract_t = 0.0
    n_facts = 0
    gc.collect()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    with StageClock() as clock:
        for p in order:
            if not warm:
                clear_caches()
            t0 = time.process_time()
            docs = read_file(p)
            t1 = time.process_time()
            read_t += t1 - t0
            for d in docs:
                t2 = time.process_time()
                ex = extract(d)
                t3 = time.process_time()
                extract_t += t3 - t2
                per_lang[d.lang].append(t3 - t2 + (t1 - t0) / len(docs))
                n_facts += len(ex.nodes) + len(ex.rels)
            pass_cpu += time.process_time() - t0
            pass_docs += 1
            if pass_docs == pass_size:
                pass_rates.append(pass_docs / pass_cpu)
                pass_cpu, pass_docs = 0.0, 0
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {"docs": len(order), "wall": wall, "cpu": cpu, "read": read_t, "extract": extract_t - clock.build,
            "build": clock.build, "per_lang": per_lang, "facts": n_facts, "passes": pass_rates}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    ap.add_argument("--docs", type=int, default=2000, help="documents to run (the set repeated)")
    ap.add_argument("--warm", action="store_true", help="keep memo caches between documents")
    ap.add_argument("--target", type=float, default=200.0, help="articles/second per core to meet")
    ap.add_argument("--passes", type=int, default=5, help="time the documents in this many equal passes")
    ap.add_argument("--profile", type=int, nargs="?", const=30, metavar="N",
                    help="also print the N functions (default 30) with the most CPU time of their own (cProfile)")
    args = ap.parse_args(argv)
    paths = sorted(p for p in args.articles.iterdir() if p.is_file() and not p.name.startswith("."))
    if not paths:
        print(f"no articles in {args.articles}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in paths) / len(paths)
    cal = min(calibrate() for _ in range(3))
    print(f"{len(paths)} articles (mean {size / 1024:.1f} KB) repeated to {args.docs} documents; "
          f"memo caches {'kept' if args.warm else 'cleared per document'}")
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    r = run(paths, args.docs, args.warm, args.passes)
    if profiler is not None:
        import pstats

        profiler.disable()
        print("\nprofile (times inflated by the profiler; compare shares, not the rates below):")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    n = r["docs"]
    assert isinstance(n, int)
    cpu, wall = float(r["cpu"]), float(r["wall"])  # type: ignore[arg-type]
    print(f"\n{'stage':<10} {'ms/doc':>8} {'share':>7}")
    for stage in ("read", "extract", "build"):
        t = float(r[stage])  # type: ignore[arg-type]
        print(f"{stage:<10} {t / n * 1000:8.2f} {t / cpu:7.1%}")
    print(f"{'total':<10} {cpu / n * 1000:8.2f} {1:7.1%}")
    print(f"\n{'language':<10} {'docs':>6} {'mean ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    per_lang = r["per_lang"]
    assert isinstance(per_lang, dict)
    for lang, ts in sorted(per_lang.items()):
        q = statistics.quantiles(ts, n=20) if len(ts) > 1 else ts * 19
        print(f"{lang:<10} {len(ts):6d} {statistics.fmean(ts) * 1000:8.2f} {statistics.median(ts) * 1000:8.2f} "
              f"{q[18] * 1000:8.2f}")
    rate_cpu, rate_wall = n / cpu, n / wall
    rates = r["passes"]
    assert isinstance(rates, list)
    median = statistics.median(rates) if rates else rate_cpu
    print(f"\narticles/s per core (CPU time): {rate_cpu:8.1f}  whole run")
    print(f"                                {median:8.1f}  median of {len(rates)} passes")
    print(f"                                {max(rates, default=rate_cpu):8.1f}  fastest pass")
    print(f"articles/s (wall time):         {rate_wall:8.1f}")
    print(f"facts per article:              {int(r['facts']) / n:8.1f}")  # type: ignore[call-overload]
    print(f"calibration loop (CPU s):       {cal:8.3f}  (same loop, other runs: compare machines and load)")
    ok = median >= args.target
    print(f"target {args.target:.0f}/s per core (median pass): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
