"""Views without a browser: the contract, escaping, self-containment, layouts and limits."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from interparty.viz import render, views
from interparty.viz.views import VIEWS, View
from viz_fixtures import HOSTILE_NAME, HOSTILE_SENTENCE, hostile_graph, sample_graph, synthetic_graph

from interparty.cli import main

ARGS = {"ego": ("Nguyễn Thị Tuyến",), "hierarchy": (), "bilateral": (), "timeline": (), "course": ()}
# A reference that would make the browser fetch something: src/href to a URL with a host,
# CSS url() or @import with one. (Plain "http://" strings such as the SVG namespace or the
# licence comments inside vis-network are not references.)
REMOTE = re.compile(r"""(?:\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)


def payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="ip-data">(.*?)</script>', html, re.S)
    assert m, "no data element"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def g():
    return sample_graph()


def test_views_registry_and_contract(g) -> None:
    assert set(VIEWS) == {"ego", "hierarchy", "bilateral", "timeline", "course"}
    for kind, fn in VIEWS.items():
        v = fn(g, *ARGS[kind])
        assert isinstance(v, View)
        assert v.kind == kind and v.title and v.nodes > 0 and v.edges > 0 and not v.truncated
        data = payload(v.html)
        assert len(data["nodes"]) == v.nodes and len(data["edges"]) == v.edges


@pytest.mark.parametrize("kind", sorted(ARGS))
def test_self_contained(g, kind: str) -> None:
    html = VIEWS[kind](g, *ARGS[kind]).html
    assert not REMOTE.search(html), REMOTE.search(html)
    assert "<script src" not in html and "<link rel=\"stylesheet\"" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "vis.Network" in html  # the library is inlined, not referenced


def test_save_writes_utf8(g, tmp_path: Path) -> None:
    v = views.ego(g, "Nguyễn Thị Tuyến")
    p = v.save(tmp_path / "sub" / "ego.html")
    assert p.read_text(encoding="utf-8") == v.html
    assert "Nguyễn Thị Tuyến" in p.read_text(encoding="utf-8")


def test_hostile_text_is_inert() -> None:
    h = hostile_graph()
    for v in (views.ego(h, "Official:evil"), views.ego(h, HOSTILE_NAME), views.bilateral(h)):
        html = v.html
        assert HOSTILE_NAME not in html
        assert "<script>alert" not in html and "</script><script>" not in html
        assert "<svg onload" not in html and "<b onmouseover" not in html
        data = payload(html)
        names = [i["name"] for i in data["node_info"].values()]
        assert HOSTILE_NAME in names  # the text survives, as data
        sentences = [e["sentence"] for i in data["node_info"].values() for e in i["evidence"]]
        assert HOSTILE_SENTENCE in sentences
    assert "&lt;img src=x onerror=alert(1)&gt;" in views.ego(h, "Official:evil").html  # <title>, <h1>


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                    max_leaves=20))
def test_safe_json_round_trips_and_has_no_markup(value) -> None:
    text = render.safe_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text


def test_resolve_names_aliases_and_errors(g) -> None:
    assert views.resolve(g, "Official:nguyen-thi-tuyen") == "Official:nguyen-thi-tuyen"
    assert views.resolve(g, "nguyễn thị tuyến") == "Official:nguyen-thi-tuyen"
    assert views.resolve(g, "Nguyen Thi Tuyen") == "Official:nguyen-thi-tuyen"
    assert views.resolve(g, "Thành uỷ Hà Nội") == "Body:thanh-uy-ha-noi"  # old tone placement
    assert views.resolve(g, "virasack-nammountry") == "Official:virasack-nammountry"
    with pytest.raises(ValueError, match="close matches: 'Nguyễn Thị Tuyến'"):
        views.ego(g, "Nguyễn Thị Tuyên X")
    with pytest.raises(ValueError, match="no Official/Body"):
        views.ego(g, "zzzzzzzzzzzz")


def test_ego_hops(g) -> None:
    assert views.ego(g, "Nguyễn Thị Tuyến", hops=0).nodes == 1
    one = views.ego(g, "Nguyễn Thị Tuyến", hops=1)
    two = views.ego(g, "Nguyễn Thị Tuyến", hops=2)
    assert one.nodes == 1 + len(set(g.successors("Official:nguyen-thi-tuyen")))
    assert two.nodes > one.nodes


def test_hierarchy_is_a_tree_of_bodies(g) -> None:
    v = views.hierarchy(g)
    data = payload(v.html)
    assert {i["kind"] for i in data["node_info"].values()} == {"Body"}
    pos = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    for e in data["edges"]:  # child PART_OF parent: the parent is drawn above
        assert pos[e["to"]][1] < pos[e["from"]][1]
    sub = views.hierarchy(g, root="Thành ủy Hà Nội")
    assert sub.nodes == 3 and "Thành ủy Hà Nội" in sub.title


def test_bilateral_sides(g) -> None:
    data = payload(views.bilateral(g, "Vietnam", "Lào").html)
    for n in data["nodes"]:
        info = data["node_info"][n["id"]]
        if info["country"] == "VN":
            assert n["x"] < 0
        elif info["country"] == "LA":
            assert n["x"] > 0
        else:
            assert n["x"] == 0
    with pytest.raises(ValueError, match="unknown country"):
        views.bilateral(g, "Atlantis", "LA")


def test_timeline_order_and_year(g) -> None:
    data = payload(views.timeline(g).html)
    dated = [(n["x"], data["node_info"][n["id"]]) for n in data["nodes"]
             if data["node_info"][n["id"]]["kind"] in ("Event", "Agreement", "Course")]
    years = [info["years"][0] for _, info in sorted(dated, key=lambda t: t[0])]
    assert years == sorted(years)
    assert views.timeline(g, year="2024").nodes < views.timeline(g).nodes
    with pytest.raises(ValueError):
        views.timeline(g, year="24")


def test_course_view_roles(g) -> None:
    v = views.course(g, "Lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn 2024")
    data = payload(v.html)
    kinds = {i["kind"] for i in data["node_info"].values()}
    assert {"Course", "Body", "Official", "Plan"} <= kinds
    pos = {n["id"]: n["x"] for n in data["nodes"]}
    assert pos["Body:thanh-uy-ha-noi"] < pos["Course:lop-can-bo-vieng-chan-2024"] < pos["Body:thanh-uy-vieng-chan"]


@pytest.mark.parametrize("kind", sorted(ARGS))
def test_nodes_are_a_label_apart(g, kind: str) -> None:
    data = payload(VIEWS[kind](g, *ARGS[kind]).html)
    pts = [(n["x"], n["y"]) for n in data["nodes"]]
    for i, a in enumerate(pts):
        for b in pts[i + 1:]:
            assert math.dist(a, b) >= 100, (a, b)


def test_size_limit_truncates_and_says_so() -> None:
    big = synthetic_graph(3000)
    v = views.ego(big, "Body:b0", hops=30, limit=500)
    assert v.truncated and v.nodes == 500
    assert "most relevant" in payload(v.html)["notice"]
    assert views.hierarchy(big, limit=100).nodes == 100


def test_empty_graph_still_renders() -> None:
    import networkx as nx

    for kind in ("hierarchy", "bilateral", "timeline", "course"):
        v = VIEWS[kind](nx.MultiDiGraph())
        assert v.nodes == 0 and "no matching nodes" in payload(v.html)["notice"]


def test_cli_build_arguments(g, tmp_path: Path) -> None:
    assert views.build(g, "ego", ["Nguyễn Thị Tuyến"], hops=2).kind == "ego"
    assert views.build(g, "bilateral", ["VN", "LA"]).nodes > 0
    assert views.build(g, "timeline", ["2024"]).nodes > 0
    with pytest.raises(ValueError):
        views.build(g, "ego", [])


def test_cli_end_to_end_on_an_empty_db(tmp_path: Path, capsys) -> None:
    import interparty

    interparty.open(tmp_path / "g.lbdb").close()
    out = tmp_path / "t.html"
    rc = main(["--db", str(tmp_path / "g.lbdb"), "view", "timeline", "-o", str(out)])
    assert rc == 0 and out.exists()
    assert "0 nodes" in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "g.lbdb"), "view", "ego", "Nobody", "-o", str(out)]) == 2
    assert "no Official/Body named 'Nobody'" in capsys.readouterr().err
