"""The HTML report: its analytics tables and charts, correct by hand for the seed article.

On the demo graph (the seed article's facts typed in, plus two more sources)
every number is checked against the article; on the sample data the seed
article's facts are checked as the extractors produce them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from conftest import DATA, unavailable
from interparty.graph.projections import full_graph

import interparty
import interparty.analytics as ana
from interparty.report import analytics_report, write_report
from interparty.research import demo_extractions

SEED = DATA / "00_vi_seed_hanoi_khai_giang_lop_vientiane_2024.txt"
SEED_SIX = {"Nguyễn Thị Tuyến", "Virasack Nammountry", "Nguyễn Lan Hương", "Vũ Đức Bảo", "Hoàng Trọng Quyết",
            "Nguyễn Doãn Toản"}
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("report")
    with interparty.open(base / "graph.lbdb") as kg:
        kg.store.write(demo_extractions())
        return write_report(kg, base / "out")


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _section(page: str, title: str) -> str:
    """The HTML from the <h2> called ``title`` to the next <h2>."""
    start = page.index(f"<h2>{html.escape(title)}</h2>")
    end = page.find("<h2>", start + 4)
    return page[start:end if end > 0 else None]


def _rows(section: str) -> list[list[str]]:
    return [[html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", section) if "<td>" in row]


def test_report_keeps_summary_sections_and_adds_analytics(demo_report: Path) -> None:
    page = demo_report.read_text(encoding="utf-8")
    for title in ("Officials", "Events", "Courses", "Most active bodies", "Most central officials",
                  "Most central bodies", "Cooperation per year: VN–LA", "Brokers between VN and LA: officials",
                  "Brokers between VN and LA: bodies", "Communities of officials", "Training flows"):
        assert f"<h2>{html.escape(title)}</h2>" in page, title


def test_central_officials_by_hand(demo_report: Path) -> None:
    section = _section(demo_report.read_text(encoding="utf-8"), "Most central officials")
    assert "ip.analytics.centrality(kg.to_networkx(&quot;officials&quot;), seed=0)" in section
    assert "interparty query official_links" in section
    rows = _rows(section)
    # name, country, degree, weighted degree, betweenness, sample: Tuyến met 5 at the opening and 2 at the talks
    assert rows[0] == ["Nguyễn Thị Tuyến", "VN", "7", "7", str(round(10 / 36, 4)), "10"]
    assert {r[0] for r in rows[1:6]} == SEED_SIX - {"Nguyễn Thị Tuyến"}
    assert all(r[2] == "5" for r in rows[1:6])  # each of the other five met the five others at the opening


def test_cooperation_and_training_by_hand(demo_report: Path) -> None:
    page = demo_report.read_text(encoding="utf-8")
    coop = _rows(_section(page, "Cooperation per year: VN–LA"))
    assert coop == [["2022", "VN", "LA", "1", "1", "0", "2"], ["2024", "VN", "LA", "2", "1", "1", "4"],
                    ["2025", "VN", "LA", "1", "0", "0", "1"]]
    assert "interparty query cooperation_by_year -p a=VN -p b=LA" in _section(page, "Cooperation per year: VN–LA")
    flows = _rows(_section(page, "Training flows"))
    # the course is organised by Thành ủy Hà Nội and trains 27 Vientiane cadres
    assert flows == [["Thành ủy Hà Nội", "VN", "Thành ủy Viêng Chăn", "LA", "1", "27", "2024", "2024"]]
    brokers = _rows(_section(page, "Brokers between VN and LA: officials"))
    assert brokers[0][:4] == ["Nguyễn Thị Tuyến", "VN", "2", "7"]


def test_charts_are_png_images_the_page_links(demo_report: Path) -> None:
    page = demo_report.read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert set(images) == {"central-officials.png", "central-bodies.png", "cooperation-per-year.png",
                           "training-flows.png"}
    for name in images:
        data = (demo_report.parent / name).read_bytes()
        assert data.startswith(PNG) and len(data) > 5000, name


def test_analytics_report_without_a_store(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    for i, c in enumerate(["VN", "VN", "LA"]):
        g.add_node(f"Official:o{i}", kind="Official", key=f"o{i}", name=f"O{i}", country=c)
    g.add_node("Event:e", kind="Event", key="e", name="E", date="2023-05-01")
    for i in range(3):
        g.add_edge(f"Official:o{i}", "Event:e", key=f"ATTENDED:{i}", type="ATTENDED")
    page = analytics_report(g, tmp_path).read_text(encoding="utf-8")
    assert "cooperation-per-year.png" in page and (tmp_path / "cooperation-per-year.png").exists()
    assert "<td>2023</td><td>VN</td><td>LA</td><td>1</td>" in page


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from interparty.viz.browser import Chromium, find_chromium

    if not find_chromium():
        unavailable("browser", "no Chromium: apt-get install chromium")
    b = Chromium()
    try:
        yield b
    finally:
        b.close()


@pytest.mark.browser
def test_report_opens_in_a_browser(browser: object, demo_report: Path) -> None:
    b = browser
    b.open(demo_report)  # type: ignore[attr-defined]
    b.wait_for("document.readyState === 'complete'", timeout=30)  # type: ignore[attr-defined]
    b.wait_for("[...document.images].every(i => i.complete)", timeout=30)  # type: ignore[attr-defined]
    widths = b.eval("[...document.images].map(i => i.naturalWidth)")  # type: ignore[attr-defined]
    assert len(widths) == 4 and all(w > 300 for w in widths)
    text = b.eval("document.body.innerText")  # type: ignore[attr-defined]
    assert "Most central officials" in text and "Nguyễn Thị Tuyến" in text
    assert not b.report.problems  # type: ignore[attr-defined]


# ---------------------------------------------------------------- the sample data


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[interparty.Graph]:
    path = tmp_path_factory.mktemp("seed") / "graph.lbdb"
    with interparty.open(path) as kg:
        report = kg.ingest(SEED)
        assert not report.problems, report.problems
        yield kg


def test_seed_article_analytics_follow_the_extraction(seed_graph: interparty.Graph, tmp_path: Path) -> None:
    """Whatever the extractor reads, the projections and the report say the same as the named queries."""
    g = full_graph(seed_graph.store)
    officials = ana.official_graph(g)
    events = seed_graph.query("events")
    assert not events.empty, "the seed article yields no event"
    for key in events["event"]:
        who = {f"Official:{k}" for k in seed_graph.cypher(
            "MATCH (o:Official)-[:ATTENDED]->(:Event {key: $key}) RETURN o.key AS k", key=key)["k"]}
        assert all(officials.has_edge(u, v) for u in who for v in who if u < v), key
    flows = ana.training_flows(g)
    q = seed_graph.query("training_flows")
    assert sorted(flows["trainees_of"]) == sorted(q["trainees_of"])
    page = write_report(seed_graph, tmp_path / "out").read_text(encoding="utf-8")
    for name in seed_graph.query("officials")["official"]:
        assert html.escape(name) in page


def test_seed_article_facts_in_the_report(seed_graph: interparty.Graph, tmp_path: Path) -> None:
    """The issue's check: six officials share one event; Thành ủy Hà Nội's course trains Viêng Chăn cadres.

    Asserted on the analytics as soon as the extraction yields the facts; until then the test is
    an expected failure that names what the extraction still misses.
    """
    g = full_graph(seed_graph.store)
    officials = ana.official_graph(g)
    names = {officials.nodes[n]["name"]: n for n in officials}
    missing = SEED_SIX - set(names)
    attendees = {}
    for n, d in g.nodes(data=True):
        if d["kind"] == "Event" and d.get("category") == "opening":
            attendees[n] = {g.nodes[u]["name"] for u, _, t in g.in_edges(n, data="type") if t == "ATTENDED"}
    best = max(attendees.values(), key=len, default=set())
    flows = ana.training_flows(g)
    hn_flows = flows[(flows["organiser"] == "Thành ủy Hà Nội") & flows["trainees_of"].str.contains("Viêng Chăn")]
    gaps = []
    if missing:
        gaps.append(f"officials not extracted: {sorted(missing)}")
    if best != SEED_SIX:
        gaps.append(f"the opening's attendees are {sorted(best)}")
    if hn_flows.empty:
        gaps.append(f"no course of Thành ủy Hà Nội that trains Viêng Chăn cadres (flows: "
                    f"{flows[['organiser', 'trainees_of']].values.tolist()})")
    assert not gaps, "the seed article's facts are not all in the report: " + "; ".join(gaps)
    seed = [names[n] for n in SEED_SIX]
    assert all(officials.has_edge(u, v) for u in seed for v in seed if u < v)
    assert hn_flows.iloc[0]["courses"] >= 1
    page = write_report(seed_graph, tmp_path / "out").read_text(encoding="utf-8")
    flows_html = _rows(_section(page, "Training flows"))
    assert any(r[0] == "Thành ủy Hà Nội" and "Viêng Chăn" in r[2] for r in flows_html)
    central = {r[0]: r for r in _rows(_section(page, "Most central officials"))}
    assert all(int(central[n][2]) >= 5 for n in SEED_SIX)  # each met the five others at the opening
