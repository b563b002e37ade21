"""Extraction quality, scored by the shared scorer on both gold sets.

The development set (``../shared/eval``) must meet the targets of the extraction issue. Two
self-written sets guard against rules that fit the development articles only:
``tests/data/heldout``, ``tests/data/blind``, ``tests/data/blind3`` and ``tests/data/blind4`` (whose failures
were read while the rules were improved) and ``tests/data/blind2`` (scored before anyone read its failures).
Their floors sit under the figures measured when they were set, so a change that loses quality on them
fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from interparty.loaders.evalfmt import to_eval
from interparty.loaders.sources import Problem

from interparty.pipeline import extractions

DATA = Path(__file__).parent / "data"

# The table: F1 at least, per category.
TARGETS = {"officials": 0.95, "positions": 0.85, "bodies": 0.80, "events": 0.70, "agreements": 0.70,
           "courses": 0.80, "plans": 0.95}
# Under the figures measured (heldout: 1, 0.997, 0.997, 0.991, 0.974, 1, 1; blind, read since blind2
# was written: 0.991, 0.963, 0.986, 1, 1, 1, 1; blind3, read once scored: 1, 0.987, 0.962, 0.915, 1, 1, 1;
# blind4, read once scored: 0.992, 0.964, 0.895, 0.892, 0.857, 0.800, 1; blind2, scored blind: 0.969, 0.950,
# 0.891, 0.827, 0.917, 0.857, 1 (its events were 0.861 before field trips became events: the issue counts
# them, and so do blind4's gold and the shared scorer; blind2's annotator seems not to have).
FLOORS = {
    "heldout": {"officials": 0.97, "positions": 0.95, "bodies": 0.95, "events": 0.92, "agreements": 0.92,
                "courses": 0.95, "plans": 0.95},
    "blind": {"officials": 0.95, "positions": 0.92, "bodies": 0.95, "events": 0.95, "agreements": 0.95,
              "courses": 0.95, "plans": 0.95},
    "blind3": {"officials": 0.97, "positions": 0.95, "bodies": 0.93, "events": 0.88, "agreements": 0.95,
               "courses": 0.95, "plans": 0.95},
    "blind4": {"officials": 0.97, "positions": 0.94, "bodies": 0.86, "events": 0.86, "agreements": 0.83,
               "courses": 0.78, "plans": 0.95},
    "blind2": {"officials": 0.95, "positions": 0.90, "bodies": 0.86, "events": 0.81, "agreements": 0.88,
               "courses": 0.80, "plans": 0.95},
}


def scores(eval_dir: Path, articles: Path, gold: Path, out: Path) -> dict[str, float]:
    out.mkdir()
    for item in extractions([articles]):
        assert not isinstance(item, Problem), item
        stem = Path(item.source.path).stem
        (out / f"{stem}.json").write_text(json.dumps(to_eval(item), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(eval_dir / "score.py"), "--gold", str(gold), "--pred", str(out),
                          "--json"], capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    assert result["missing"] == 0
    return {cat: result[cat]["f1"] for cat in TARGETS}


def below(f1: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {cat: (f1[cat], floor) for cat, floor in floors.items() if f1[cat] < floor}


def test_development_set_meets_the_targets(eval_dir, tmp_path):
    f1 = scores(eval_dir, eval_dir / "articles", eval_dir / "gold", tmp_path / "pred")
    assert below(f1, TARGETS) == {}


@pytest.mark.parametrize("name", FLOORS)
def test_self_written_sets_keep_their_floors(eval_dir, tmp_path, name):
    f1 = scores(eval_dir, DATA / name / "articles", DATA / name / "gold", tmp_path / "pred")
    assert below(f1, FLOORS[name]) == {}
