"""Views in a real browser: headless Chromium (Debian's package) over the DevTools pipe.

Each test opens a view from a file:// URL and checks what a person would get:
the canvas draws the nodes, nothing is requested from the network, nothing is
logged as an error, no dialog opens, visible labels do not overlap at the
default zoom, and the page answers a mouse wheel quickly.

``INTERPARTY_UPDATE_SCREENSHOTS=1`` also writes the screenshots the README
shows to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from conftest import unavailable
from interparty.viz import views
from interparty.viz.browser import Chromium, find_chromium, inspect
from viz_fixtures import HOSTILE_NAME, HOSTILE_SENTENCE, hostile_graph, sample_graph, synthetic_graph

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
ARGS = {"ego": ("Nguyễn Thị Tuyến", 2), "hierarchy": (), "bilateral": ("VN", "LA"), "timeline": (), "course": ()}
#: The issue's bar: a 2,000-node view is interactive within 5 seconds.
INTERACTIVE_LIMIT_S = 5.0


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    if not find_chromium():
        unavailable("browser", "no Chromium: apt-get install chromium")
    with Chromium() as b:
        yield b


def _ingested(tmp: Path) -> nx.MultiDiGraph | None:
    """The sample articles through the real pipeline, when extraction gives enough to draw."""
    import interparty

    for src in (ROOT / "data" / "articles", ROOT.parent / "shared" / "eval" / "articles"):
        if src.is_dir() and any(src.iterdir()):
            with interparty.open(tmp / "g.lbdb") as kg:
                kg.ingest(src)
                g = kg.to_networkx(with_evidence=True)
            kinds = {a.get("kind") for _, a in g.nodes(data=True)}
            return g if {"Official", "Body", "Event"} <= kinds else None
    return None


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """Extracted sample data if extraction yields officials, bodies and events; else the hand-made sample."""
    try:
        g = _ingested(tmp_path_factory.mktemp("ingest"))
    except Exception:  # extraction is developed in parallel; the views are tested either way
        g = None
    return g if g is not None else sample_graph()


def _check(result: dict, *, min_nodes: int = 1) -> None:
    assert result["problems"] == [], result["problems"]
    assert all(u.startswith("file:") for u in result["requests"]), result["requests"]
    assert result["nodes"] >= min_nodes
    assert result["coloured"] > 50, "the canvas shows no coloured node"
    assert result["nOverlaps"] == 0, result["overlaps"]


def _shot(tmp_path: Path, name: str) -> Path:
    if os.environ.get("INTERPARTY_UPDATE_SCREENSHOTS"):
        return SHOTS / f"{name}.png"
    return tmp_path / f"{name}.png"


@pytest.mark.parametrize("kind", sorted(ARGS))
def test_view_renders_offline_without_errors(browser: Chromium, sample: nx.MultiDiGraph, kind: str,
                                             tmp_path: Path) -> None:
    args = ARGS[kind]
    if kind == "ego" and sample is not None:
        try:
            views.resolve(sample, args[0])
        except ValueError:  # extracted data without this official: take the best connected one
            args = (max((n for n, a in sample.nodes(data=True) if a.get("kind") == "Official"),
                        key=sample.degree), 2)
    v = views.VIEWS[kind](sample, *args)
    page = v.save(tmp_path / f"{kind}.html")
    r = inspect(page, screenshot=_shot(tmp_path, kind), browser=browser)
    _check(r, min_nodes=v.nodes)
    assert r["nodes"] == v.nodes and r["edges"] == v.edges
    assert r["visibleLabels"] > 0, "no label readable at the default zoom"
    assert Path(r["screenshot"]).stat().st_size > 10_000


def test_hostile_names_show_as_text_and_run_nothing(browser: Chromium, tmp_path: Path) -> None:
    page = views.ego(hostile_graph(), "Official:evil").save(tmp_path / "hostile.html")
    r = inspect(page, screenshot=_shot(tmp_path, "hostile"), browser=browser)
    _check(r)
    assert HOSTILE_NAME in r["text"]  # the heading shows the name as typed
    assert browser.eval("document.querySelectorAll('img, svg[onload], [onerror], [onmouseover], script[src]')"
                        ".length") == 0
    # Hover the node: the tooltip shows the sentence as text.
    x, y = browser.eval("(() => { const p = network.canvasToDOM(network.getPosition('Official:evil'));"
                        " const r = document.querySelector('#ip-network').getBoundingClientRect();"
                        " return [p.x + r.left, p.y + r.top]; })()")
    browser.mouse("mouseMoved", x, y)
    browser.wait_for("!document.querySelector('.ip-tooltip').hidden", timeout=10)
    assert HOSTILE_SENTENCE in browser.eval("document.querySelector('.ip-tooltip').textContent")
    # Click it: the details panel lists the sources; the javascript: URL is not a link.
    browser.mouse("mousePressed", x, y, button="left", clickCount=1)
    browser.mouse("mouseReleased", x, y, button="left", clickCount=1)
    browser.wait_for("document.querySelector('#ip-details .ip-tip')", timeout=10)
    details = browser.eval("document.querySelector('#ip-details').textContent")
    assert HOSTILE_NAME in details and HOSTILE_SENTENCE in details
    hrefs = browser.eval("[...document.querySelectorAll('#ip-details a')].map(a => a.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    browser.eval("new Promise(r => setTimeout(r, 300))")
    assert browser.report.dialogs == [] and browser.report.problems == []


def test_search_and_filters(browser: Chromium, tmp_path: Path) -> None:
    page = views.bilateral(sample_graph()).save(tmp_path / "bilateral.html")
    _check(inspect(page, browser=browser))
    assert browser.eval("ipView.search('tuyen')") == "1 match"  # without diacritics
    assert browser.eval("network.getSelectedNodes()") == ["Official:nguyen-thi-tuyen"]
    assert "Nguyễn Thị Tuyến" in browser.eval("document.querySelector('#ip-details').textContent")
    hidden = ("network.body.data.nodes.get({filter: n => n.hidden}).length")
    browser.eval("ipView.filterState.kinds.Official = false; ipView.applyFilters()")
    n_off = browser.eval("Object.values(JSON.parse(document.getElementById('ip-data').textContent)"
                         ".node_info).filter(i => i.kind === 'Official').length")
    assert browser.eval(hidden) == n_off > 0
    browser.eval("ipView.filterState.kinds.Official = true; ipView.filterState.year = '2022'; ipView.applyFilters()")
    assert 0 < browser.eval(hidden) < browser.eval("network.body.data.nodes.length")
    assert browser.report.problems == []


def test_2000_nodes_interactive_within_limit(browser: Chromium, tmp_path: Path) -> None:
    g = synthetic_graph(2000)
    v = views.ego(g, "Body:b0", hops=50)
    assert v.nodes == 2000 and not v.truncated
    page = v.save(tmp_path / "big.html")
    times = []
    for _ in range(3):
        r = inspect(page, browser=browser, screenshot=_shot(tmp_path, "ego-2000"))
        _check(r, min_nodes=2000)
        times.append(r["seconds_to_interactive"])
        if r["seconds_to_interactive"] < INTERACTIVE_LIMIT_S:
            break
    # Best of up to three: the bar is about the page, not about other work on a shared machine.
    assert min(times) < INTERACTIVE_LIMIT_S, times
    print(f"2,000 nodes: interactive in {statistics.median(times):.2f}s (runs: {times})")


def test_oversized_graph_shows_the_most_relevant_part(browser: Chromium, tmp_path: Path) -> None:
    v = views.ego(synthetic_graph(4000), "Body:b0", hops=50)
    assert v.truncated and v.nodes == views.MAX_NODES
    r = inspect(v.save(tmp_path / "huge.html"), browser=browser)
    _check(r, min_nodes=views.MAX_NODES)
    assert r["seconds_to_interactive"] < 2 * INTERACTIVE_LIMIT_S
    assert "most relevant" in browser.eval("document.getElementById('ip-notice').textContent")
