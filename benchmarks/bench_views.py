"""How long a 2,000-node view takes to become interactive in headless Chromium.

Interactive = from the start of navigation to the moment a real mouse-wheel event
over the canvas has changed the zoom (so the network is drawn and the main thread
is free). The issue's bar is 5 seconds. Also times building the page in Python.

    .venv/bin/python benchmarks/bench_views.py [--nodes 2000] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from interparty.viz import views
from interparty.viz.browser import Chromium, inspect
from viz_fixtures import synthetic_graph

LIMIT_S = 5.0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--nodes", type=int, default=2000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    ns = p.parse_args(argv)
    g = synthetic_graph(ns.nodes)
    out: dict[str, object] = {"nodes": ns.nodes}
    with tempfile.TemporaryDirectory() as tmp:
        pages = {}
        for kind, build in (("ego", lambda: views.ego(g, "Body:b0", hops=50)),
                            ("bilateral", lambda: views.bilateral(g)),
                            ("hierarchy", lambda: views.hierarchy(g)),
                            ("timeline", lambda: views.timeline(g))):
            t = time.perf_counter()
            v = build()
            out[f"{kind}_build_s"] = round(time.perf_counter() - t, 3)
            out[f"{kind}_nodes"] = v.nodes
            pages[kind] = v.save(Path(tmp) / f"{kind}.html")
        out["ego_html_bytes"] = pages["ego"].stat().st_size
        with Chromium() as b:
            for kind, page in pages.items():
                ready, inter = [], []
                for _ in range(ns.runs if kind == "ego" else 1):
                    r = inspect(page, browser=b)
                    if r["problems"]:
                        raise SystemExit(f"{kind}: {r['problems']}")
                    ready.append(r["seconds_to_ready"])
                    inter.append(r["seconds_to_interactive"])
                out[f"{kind}_interactive_s"] = {"median": round(statistics.median(inter), 2),
                                                "min": round(min(inter), 2), "max": round(max(inter), 2)}
    if ns.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:28} {v}")
    med = out["ego_interactive_s"]["median"]  # type: ignore[index]
    print(f"{'verdict':28} {'ok' if med < LIMIT_S else 'TOO SLOW'} (median {med}s, limit {LIMIT_S}s)")
    return 0 if med < LIMIT_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
