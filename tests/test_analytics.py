"""Analytics and research projections on graphs whose every number can be checked by hand.

The demo graph (``interparty.research.demo_extractions``) is the seed article
typed in by hand plus two more Hanoi–Vientiane sources; the expected numbers in
these tests are worked out in the comments from those facts.
"""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest
from interparty.graph.projections import full_graph

import interparty
import interparty.analytics as ana
from interparty.research import demo_extractions

TUYEN = "Official:nguyễn thị tuyến"
VIRASACK = "Official:virasack nammountry"
HN = "Body:thành ủy hà nội"
VC = "Body:thành ủy viêng chăn"
SEED_SIX = {"nguyễn thị tuyến", "virasack nammountry", "nguyễn lan hương", "vũ đức bảo", "hoàng trọng quyết",
            "nguyễn doãn toản"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "graph.lbdb"
    with interparty.open(path) as kg:
        kg.store.write(demo_extractions())
    return path


@pytest.fixture(scope="module")
def g(demo_db: Path) -> nx.MultiDiGraph:
    with interparty.open(demo_db, read_only=True) as kg:
        return full_graph(kg.store)


def test_full_graph_keeps_node_kind_and_stored_kind(g: nx.MultiDiGraph) -> None:
    assert g.nodes[HN]["kind"] == "Body" and g.nodes[HN]["category"] == "party committee"
    assert g.nodes["Event:demo:opening-2024-07-15"]["category"] == "opening"
    # relationship keys survive as edge attributes; the multigraph key is "TYPE:key"
    keys = {k for _, _, k in g.out_edges(HN, keys=True)}
    assert f"ORGANIZED:{HN.split(':', 1)[1]}|demo:course-2024-1" in keys


def test_official_projection_seed_event_is_a_clique_of_six(g: nx.MultiDiGraph) -> None:
    G = ana.official_graph(g)
    assert G.number_of_nodes() == 10  # 6 seed + 3 at the 2022 talks (Tuyến again) + 2 at the 2025 reception
    seed = [f"Official:{k}" for k in SEED_SIX]
    assert all(G.has_edge(u, v) for i, u in enumerate(seed) for v in seed[i + 1:])
    # Tuyến: 5 seed colleagues + Dũng and Anouparb in 2022
    assert G.degree(TUYEN) == 7
    assert G.edges[TUYEN, VIRASACK] == {"weight": 1, "events": ["Event:demo:opening-2024-07-15"],
                                        "first_year": 2024, "last_year": 2024}
    for n, d in G.nodes(data=True):
        assert {"name", "kind", "country", "key"} <= set(d), n
    assert ana.official_graph(g, year=2022).number_of_edges() == 3


def test_degree_and_betweenness(g: nx.MultiDiGraph) -> None:
    c = ana.centrality(ana.official_graph(g))
    assert list(c.columns[:5]) == ["node", "key", "name", "kind", "country"]
    top = c.iloc[0]
    assert (top["name"], top["degree"], top["weighted_degree"]) == ("Nguyễn Thị Tuyến", 7, 7)
    # Tuyến is the only link between the seed clique (5 others) and the 2022 pair (2):
    # 5 * 2 = 10 pairs pass through her, out of C(9, 2) = 36 pairs of the other nodes -> 10/36
    assert top["betweenness"] == pytest.approx(10 / 36)
    assert set(c.loc[c["name"] != "Nguyễn Thị Tuyến", "betweenness"]) == {0.0}
    assert c.attrs["method"] == "exact" and (c["betweenness_sample"] == 10).all()


def test_sampled_betweenness_states_sample_and_repeats() -> None:
    G = nx.connected_watts_strogatz_graph(400, 6, 0.2, seed=3)
    exact = nx.betweenness_centrality(G)
    a = ana.betweenness(G, 50, seed=1)
    b = ana.betweenness(G, 50, seed=1)
    assert a.attrs["method"] == "sampled" and (a["betweenness_sample"] == 50).all()
    assert a.equals(b)
    full = ana.betweenness(G)
    assert full.attrs["method"] == "exact"
    assert max(abs(v - exact[n]) for n, v in zip(full["node"], full["betweenness"], strict=True)) < 1e-12
    assert ana.betweenness(G, exact_limit=100).attrs["k"] == ana.SAMPLE_SIZE


def test_brokers_by_hand(g: nx.MultiDiGraph) -> None:
    br = ana.cross_party_brokers(ana.official_graph(g), "VN", "LA").set_index("name")
    # components: {6 seed + Dũng + Anouparb}: 6 VN x 2 LA = 12 pairs; {Hoài, Athsaphangthong}: 1 -> 13
    assert br.attrs["connected_cross_pairs"] == 13
    # without Tuyến: seed rest 4 VN x 1 LA + (Dũng, Anouparb) 1 + 1 = 6 -> loses 7
    assert br.index[0] == "Nguyễn Thị Tuyến" and br.loc["Nguyễn Thị Tuyến", "cross_pairs_lost"] == 7
    assert br.loc["Virasack Nammountry", "cross_pairs_lost"] == 6
    assert br.loc["Virasack Nammountry", "cross_links"] == 5  # five Vietnamese colleagues at the opening
    assert br.loc["Nguyễn Lan Hương", "cross_pairs_lost"] == 2
    bodies = ana.cross_party_brokers(ana.body_graph(g), "VN", "LA")
    assert bodies.iloc[0]["node"] == HN


@pytest.mark.parametrize("seed", range(8))
def test_brokers_match_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    G = nx.gnm_random_graph(50, rng.randint(40, 90), seed=seed)
    for n in G:
        G.nodes[n].update(key=str(n), name=str(n), kind="Official", country=rng.choice(["VN", "LA", None]))

    def connected_pairs(H: nx.Graph) -> int:
        return sum(sum(H.nodes[x]["country"] == "VN" for x in c) * sum(H.nodes[x]["country"] == "LA" for x in c)
                   for c in nx.connected_components(H))

    base = connected_pairs(G)
    br = ana.cross_party_brokers(G).set_index("node")
    assert br.attrs["connected_cross_pairs"] == base
    for n in G:
        assert br.loc[n, "cross_pairs_lost"] == base - connected_pairs(G.subgraph(set(G) - {n})), n


def test_communities_repeat_and_cover(g: nx.MultiDiGraph) -> None:
    G = ana.official_graph(g)
    a, b = ana.communities(G, seed=3), ana.communities(G, seed=3)
    assert a.equals(b) and a.attrs["modularity"] == b.attrs["modularity"]
    assert set(a["node"]) == set(G)
    # the 2025 reception pair is its own component, so its own community
    pair = a[a["name"].isin(["Bùi Thị Minh Hoài", "Athsaphangthong Siphandone"])]["community"]
    assert pair.nunique() == 1 and (a["community"] == pair.iloc[0]).sum() == 2
    assert a["community"].min() == 0 and a.iloc[0]["community_size"] >= a.iloc[-1]["community_size"]
    summary = ana.community_summary(a)
    assert summary["size"].sum() == 10


def test_cooperation_by_year_countries(g: nx.MultiDiGraph) -> None:
    coop = ana.cooperation_by_year(g, a="VN", b="LA")
    rows = {int(r.year): (r.events, r.agreements, r.courses) for r in coop.itertuples()}
    # 2022 talks + 2022-2025 minutes; 2024: the opening and the March visit, the 8 minutes, the course; 2025 reception
    assert rows == {2022: (1, 1, 0), 2024: (2, 1, 1), 2025: (1, 0, 0)}
    assert (coop["side_a"] == "VN").all()
    assert (coop["total"] == coop[["events", "agreements", "courses"]].sum(axis=1)).all()


def test_cooperation_query_agrees_with_analytics(demo_db: Path, g: nx.MultiDiGraph) -> None:
    coop = ana.cooperation_by_year(g, a="VN", b="LA")
    with interparty.open(demo_db, read_only=True) as kg:
        q = kg.query("cooperation_by_year", a="VN", b="LA")
    from_query = {(int(r.year), r.what): r.activities for r in q.itertuples()}
    from_analytics = {(int(r.year), w): getattr(r, w) for r in coop.itertuples()
                      for w in ("events", "agreements", "courses") if getattr(r, w)}
    assert from_query == from_analytics


def test_body_projection_and_cooperation_by_body(g: nx.MultiDiGraph) -> None:
    B = ana.body_graph(g)
    e = B.edges[HN, VC]
    # events: 2022 talks (Dũng & Anouparb) and 2025 reception (Hoài & Athsaphangthong) through their officials;
    # agreements: the 2022-2025 minutes and the 8 minutes of 2024; courses: the 2024 course
    assert (e["events"], e["agreements"], e["courses"], e["weight"]) == (2, 2, 1, 5)
    assert e["by_year"] == {2022: {"events": 1, "agreements": 1, "courses": 0},
                            2024: {"events": 0, "agreements": 1, "courses": 1},
                            2025: {"events": 1, "agreements": 0, "courses": 0}}
    direct = ana.body_graph(g, via_officials=False)
    assert direct.edges[HN, VC]["events"] == 0  # the visit's host was Viêng Chăn, the guest Hanoi's delegation
    rows = ana.cooperation_by_year(g, by="body", a="Thành ủy Viêng Chăn", b="thành ủy hà nội")
    assert rows["total"].sum() == 5 and (rows["side_a"] == "Thành ủy Viêng Chăn").all()
    same = ana.cooperation_by_year(g, by="body", cross_only=True)
    assert not ((same["country_a"] == same["country_b"]) & same["country_a"].notna()).any()


def test_training_flows(g: nx.MultiDiGraph, demo_db: Path) -> None:
    flows = ana.training_flows(g)
    assert flows[["organiser", "trainees_of", "courses", "trainees", "first_year"]].values.tolist() == [
        ["Thành ủy Hà Nội", "Thành ủy Viêng Chăn", 1, 27, 2024]]
    with interparty.open(demo_db, read_only=True) as kg:
        q = kg.query("training_flows")
    assert q[["organiser", "trainees_of", "courses"]].values.tolist() == [["Thành ủy Hà Nội", "Thành ủy Viêng Chăn", 1]]
    assert int(q["trainees"].iloc[0]) == 27


def test_other_projections(g: nx.MultiDiGraph) -> None:
    bip = ana.official_event_graph(g)
    assert nx.is_bipartite(bip)
    assert {d["bipartite"] for n, d in bip.nodes(data=True) if d["kind"] == "Official"} == {0}
    assert bip.degree("Event:demo:opening-2024-07-15") == 6
    h = ana.body_hierarchy(g)
    assert set(nx.descendants(h, HN)) == {"Body:ban thường vụ thành ủy hà nội", "Body:ban tổ chức thành ủy hà nội",
                                          "Body:ủy ban kiểm tra thành ủy hà nội", "Body:ban tuyên giáo thành ủy hà nội"}
    assert h.nodes[HN]["depth"] == 0 and h.nodes["Body:ban tổ chức thành ủy hà nội"]["depth"] == 1
    t = ana.training_graph(g)
    assert t.edges[HN, VC]["trainees"] == 27
    with pytest.raises(ValueError, match="no projection"):
        ana.project(g, "nope")
    # node attributes are scalars, so these export to GraphML as they are
    for name in ("official_event", "hierarchy"):
        assert "<graphml" in "".join(nx.generate_graphml(ana.project(g, name)))


def test_empty_graph_gives_empty_tables() -> None:
    g = nx.MultiDiGraph()
    assert ana.official_graph(g).number_of_nodes() == 0
    assert ana.centrality(ana.official_graph(g)).empty
    assert ana.cross_party_brokers(ana.body_graph(g)).empty
    assert ana.communities(ana.official_graph(g)).empty
    assert ana.cooperation_by_year(g).empty and ana.cooperation_by_year(g, by="body").empty
    assert ana.training_flows(g).empty


@pytest.mark.neo4j
def test_new_queries_answer_the_same_on_neo4j(neo4j_kg: interparty.Graph, demo_db: Path) -> None:
    """The analytics' named queries are portable: Neo4j 5 gives the embedded store's answers."""
    neo4j_kg.store.write(demo_extractions())
    cases = [("official_links", {}), ("training_flows", {}), ("officials_in_office", {"on_date": "2024-07"}),
             ("cooperation_by_year", {"a": "VN", "b": "LA"})]
    with interparty.open(demo_db, read_only=True) as embedded:
        for name, params in cases:
            a = embedded.query(name, **params).astype(str)
            b = neo4j_kg.query(name, **params).astype(str)
            key = list(a.columns)
            assert list(b.columns) == key, name
            a = a.sort_values(key).reset_index(drop=True).replace({"27.0": "27"})
            b = b.sort_values(key).reset_index(drop=True).replace({"27.0": "27"})
            assert a.equals(b), (name, a, b)
