"""Hand-made graphs in the shape ``full_graph(store, with_evidence=True)`` returns.

The views are tested on these rather than on extracted data so that their tests
do not depend on extraction quality: a small but realistic Hà Nội – Vientiane
sample (officials, bodies, events, an agreement, a course and its plan), a
hostile one whose names are markup, and a synthetic one of any size.
"""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = 'Đồng chí <script>alert("x")</script> & "bạn" tiếp đoàn </script><b>bold</b>'

_SRC = {
    "a00": ("https://hanoimoi.vn/thanh-uy-ha-noi-khai-giang-lop-dao-tao-can-bo-vieng-chan",
            "Thành ủy Hà Nội khai giảng lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn, Lào"),
    "a01": ("https://hanoimoi.vn/ha-noi-vieng-chan-ky-bien-ban-hop-tac-2022-2025",
            "Hà Nội và Viêng Chăn ký biên bản hợp tác giai đoạn 2022-2025"),
    "a04": ("https://hanoimoi.vn/hoi-dam-ha-noi-vieng-chan-12-2025",
            "Hội đàm giữa Thành ủy Hà Nội và Thành ủy Viêng Chăn"),
}


def _ev(src: str, sentence: str, method: str = "fixture", confidence: float = 0.9) -> dict[str, Any]:
    url, title = _SRC[src]
    return {"source": src, "url": url, "title": title, "sentence": sentence, "confidence": confidence,
            "method": method}


def _node(g: nx.MultiDiGraph, kind: str, key: str, name: str, ev: list[dict[str, Any]], **props: Any) -> str:
    nid = f"{kind}:{key}"
    g.add_node(nid, kind=kind, key=key, name=name, evidence=ev, sources=[e["source"] for e in ev],
               confidence=max((e["confidence"] for e in ev), default=None), **props)
    return nid


def _edge(g: nx.MultiDiGraph, u: str, v: str, rtype: str, ev: list[dict[str, Any]], **props: Any) -> None:
    key = f"{u.split(':', 1)[1]}>{v.split(':', 1)[1]}"
    g.add_edge(u, v, key=f"{rtype}:{key}", type=rtype, evidence=ev, **props)


def sample_graph() -> nx.MultiDiGraph:
    """Hà Nội – Vientiane cooperation, as the first articles of the evaluation set tell it."""
    g = nx.MultiDiGraph()
    s0 = ("Dự lễ khai giảng có các đồng chí: Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy Hà Nội "
          "Nguyễn Thị Tuyến; Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Kiểm tra Đảng, Thanh tra Chính phủ "
          "Thủ đô Viêng Chăn Virasack Nammountry - Trưởng đoàn cán bộ Thủ đô Viêng Chăn sang học tập tại Hà Nội.")
    s1 = ("Sáng 15-7, Thành ủy Hà Nội tổ chức khai giảng lớp đào tạo, bồi dưỡng cán bộ công tác đảng, "
          "đoàn thể Thủ đô Viêng Chăn, Lào năm 2024.")
    s2 = ("Hai bên đã ký Biên bản hợp tác giai đoạn 2022-2025 giữa Thành ủy Hà Nội và Thành ủy Viêng Chăn "
          "với 8 văn bản hợp tác.")
    s3 = ("Chiều 4-12, Bí thư Thành ủy Hà Nội Bùi Thị Minh Hoài hội đàm với Ủy viên Bộ Chính trị, Bí thư Thành ủy, "
          "Đô trưởng Viêng Chăn Anouphap Tounalom.")
    hn = _node(g, "Body", "thanh-uy-ha-noi", "Thành ủy Hà Nội", [_ev("a00", s1)], subkind="party committee",
               country="VN", aliases=["Thành uỷ Hà Nội"], first_seen="2022-03-12", last_seen="2025-12-04")
    btv = _node(g, "Body", "btv-thanh-uy-ha-noi", "Ban Thường vụ Thành ủy Hà Nội", [_ev("a00", s0)],
                subkind="standing committee", country="VN", first_seen="2024-07-15", last_seen="2024-07-15")
    tctu = _node(g, "Body", "ban-to-chuc-thanh-uy-ha-noi", "Ban Tổ chức Thành ủy Hà Nội", [], subkind="commission",
                 country="VN", first_seen="2024-07-15", last_seen="2024-07-15")
    tw = _node(g, "Body", "trung-uong-dang", "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam", [_ev("a00", s0)],
               subkind="central committee", country="VN", first_seen="2024-07-15", last_seen="2024-07-15")
    vc = _node(g, "Body", "thanh-uy-vieng-chan", "Thành ủy Viêng Chăn", [_ev("a01", s2)], subkind="party committee",
               country="LA", first_seen="2022-03-12", last_seen="2025-12-04")
    btv_vc = _node(g, "Body", "btv-thanh-uy-vieng-chan", "Ban Thường vụ Thành ủy Viêng Chăn", [_ev("a00", s0)],
                   subkind="standing committee", country="LA", first_seen="2024-07-15", last_seen="2024-07-15")
    kt_vc = _node(g, "Body", "ban-kiem-tra-vieng-chan", "Ban Kiểm tra Đảng, Thanh tra Chính phủ Thủ đô Viêng Chăn",
                  [_ev("a00", s0)], subkind="commission", country="LA", first_seen="2024-07-15", last_seen="2024-07-15")
    bct = _node(g, "Body", "bo-chinh-tri-lao", "Bộ Chính trị Đảng Nhân dân Cách mạng Lào", [_ev("a04", s3)],
                subkind="politburo", country="LA", first_seen="2025-12-04", last_seen="2025-12-04")
    deleg = _node(g, "Body", "doan-can-bo-vieng-chan-2024", "Đoàn cán bộ Thủ đô Viêng Chăn sang học tập tại Hà Nội",
                  [_ev("a00", s0)], subkind="delegation", country="LA", first_seen="2024-07-15", last_seen="2024-07-15")
    tuyen = _node(g, "Official", "nguyen-thi-tuyen", "Nguyễn Thị Tuyến", [_ev("a00", s0)], country="VN",
                  aliases=["Nguyen Thi Tuyen"], first_seen="2024-07-15", last_seen="2024-07-15")
    virasack = _node(g, "Official", "virasack-nammountry", "Virasack Nammountry", [_ev("a00", s0)], country="LA",
                     first_seen="2024-07-15", last_seen="2024-07-15")
    hoai = _node(g, "Official", "bui-thi-minh-hoai", "Bùi Thị Minh Hoài", [_ev("a04", s3)], country="VN",
                 first_seen="2025-12-04", last_seen="2025-12-04")
    anouphap = _node(g, "Official", "anouphap-tounalom", "Anouphap Tounalom", [_ev("a04", s3)], country="LA",
                     first_seen="2025-12-04", last_seen="2025-12-04")
    huong = _node(g, "Official", "nguyen-lan-huong", "Nguyễn Lan Hương", [], country="VN",
                  first_seen="2024-07-15", last_seen="2024-07-15")
    bao = _node(g, "Official", "vu-duc-bao", "Vũ Đức Bảo", [], country="VN", first_seen="2024-07-15",
                last_seen="2024-07-15")
    opening = _node(g, "Event", "khai-giang-2024-07-15", "Khai giảng lớp cán bộ Viêng Chăn", [_ev("a00", s1)],
                    subkind="opening", date="2024-07-15", date_text="Sáng 15-7", year_inferred=True)
    signing = _node(g, "Event", "ky-bien-ban-2022-03-12", "Ký biên bản hợp tác 2022-2025", [_ev("a01", s2)],
                    subkind="signing", date="2022-03-12")
    talks = _node(g, "Event", "hoi-dam-2025-12-04", "Hội đàm Hà Nội – Viêng Chăn", [_ev("a04", s3)],
                  subkind="talks", date="2025-12-04", date_text="Chiều 4-12")
    minutes = _node(g, "Agreement", "bien-ban-2022-2025", "Biên bản hợp tác 2022-2025", [_ev("a01", s2)],
                    subkind="minutes", date="2022-03-12", period="2022-2025", count=8)
    course = _node(g, "Course", "lop-can-bo-vieng-chan-2024",
                   "Lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn 2024", [_ev("a00", s1)],
                   start_date="2024-07-15", duration="12 ngày", trainees=27)
    plan = _node(g, "Plan", "230-kh-tu", "Kế hoạch 230-KH/TU", [], number="230-KH/TU", subkind="plan",
                 date="2024-04-09")
    hanoi = _node(g, "Place", "ha-noi", "Hà Nội", [], subkind="city", country="VN")
    for u, v in ((btv, hn), (tctu, hn), (btv_vc, vc), (kt_vc, vc), (hn, tw), (vc, bct)):
        _edge(g, u, v, "PART_OF", [])
    _edge(g, tuyen, hn, "HOLDS_POSITION", [_ev("a00", s0)], title="Phó Bí thư Thường trực Thành ủy Hà Nội",
          role="deputy secretary", resolution="explicit")
    _edge(g, tuyen, tw, "HOLDS_POSITION", [_ev("a00", s0)], title="Ủy viên Trung ương Đảng", role="member",
          resolution="context")
    _edge(g, virasack, btv_vc, "HOLDS_POSITION", [_ev("a00", s0)], title="Ủy viên Ban Thường vụ Thành ủy",
          role="member", resolution="same_chain")
    _edge(g, virasack, kt_vc, "HOLDS_POSITION", [_ev("a00", s0)], title="Trưởng ban", role="head")
    _edge(g, virasack, deleg, "HOLDS_POSITION", [_ev("a00", s0)], title="Trưởng đoàn", role="head")
    _edge(g, hoai, hn, "HOLDS_POSITION", [_ev("a04", s3)], title="Bí thư Thành ủy Hà Nội", role="secretary")
    _edge(g, anouphap, vc, "HOLDS_POSITION", [_ev("a04", s3)], title="Bí thư Thành ủy", role="secretary")
    _edge(g, anouphap, bct, "HOLDS_POSITION", [_ev("a04", s3)], title="Ủy viên Bộ Chính trị", role="member")
    _edge(g, huong, btv, "HOLDS_POSITION", [], title="Ủy viên Ban Thường vụ Thành ủy Hà Nội", role="member",
          resolution="list_header")
    _edge(g, bao, tctu, "HOLDS_POSITION", [], title="Trưởng ban Tổ chức Thành ủy", role="head")
    _edge(g, bao, btv, "HOLDS_POSITION", [], title="Ủy viên Ban Thường vụ Thành ủy Hà Nội", role="member")
    for o, r in ((tuyen, "speaker"), (virasack, "head of delegation"), (huong, "participant"), (bao, "participant")):
        _edge(g, o, opening, "ATTENDED", [_ev("a00", s0)], role=r)
    _edge(g, tuyen, course, "ATTENDED", [_ev("a00", s0)], role="lecturer")
    _edge(g, virasack, course, "ATTENDED", [_ev("a00", s0)], role="trainee")
    _edge(g, hoai, talks, "ATTENDED", [_ev("a04", s3)], role="host")
    _edge(g, anouphap, talks, "ATTENDED", [_ev("a04", s3)], role="guest")
    _edge(g, hn, opening, "ORGANIZED", [_ev("a00", s1)])
    _edge(g, hn, course, "ORGANIZED", [_ev("a00", s1)])
    _edge(g, deleg, opening, "TOOK_PART_IN", [_ev("a00", s0)], role="guest")
    _edge(g, course, deleg, "TRAINS", [_ev("a00", s1)], count=27)
    _edge(g, course, vc, "TRAINS", [_ev("a00", s1)])
    _edge(g, course, hanoi, "HELD_IN", [])
    _edge(g, opening, hanoi, "HELD_IN", [])
    _edge(g, hn, minutes, "PARTY_TO", [_ev("a01", s2)])
    _edge(g, vc, minutes, "PARTY_TO", [_ev("a01", s2)])
    _edge(g, minutes, signing, "SIGNED_AT", [_ev("a01", s2)])
    _edge(g, hn, talks, "TOOK_PART_IN", [_ev("a04", s3)], role="host")
    _edge(g, vc, talks, "TOOK_PART_IN", [_ev("a04", s3)], role="guest")
    _edge(g, btv, plan, "ISSUED", [])
    _edge(g, plan, course, "PROVIDES_FOR", [])
    _edge(g, hn, hanoi, "LOCATED_IN", [])
    return g


def hostile_graph() -> nx.MultiDiGraph:
    """An official whose name is markup, a sentence with a script element, a javascript: URL."""
    g = sample_graph()
    ev = [{"source": "evil", "url": "javascript:alert(2)", "title": "<svg onload=alert(3)>",
           "sentence": HOSTILE_SENTENCE, "confidence": 0.5, "method": "<i>m</i>"}]
    g.add_node("Official:evil", kind="Official", key="evil", name=HOSTILE_NAME, country="VN",
               aliases=["</script><script>alert(4)</script>"], evidence=ev, sources=["evil"])
    g.add_edge("Official:evil", "Body:thanh-uy-ha-noi", key="HOLDS_POSITION:evil", type="HOLDS_POSITION",
               title="<b onmouseover=alert(5)>Bí thư</b>", role="secretary", evidence=ev)
    g.add_edge("Official:evil", "Event:hoi-dam-2025-12-04", key="ATTENDED:evil", type="ATTENDED",
               role="<img src=y onerror=alert(6)>", evidence=ev)
    return g


def synthetic_graph(n_nodes: int = 2000, seed: int = 7) -> nx.MultiDiGraph:
    """A random graph of about ``n_nodes`` with the real kinds, relationship types and evidence."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    ev = [{"source": "s", "url": "https://example.org/a", "title": "Article", "sentence": "A sentence.",
           "confidence": 0.8, "method": "synthetic"}]
    n_bodies, n_events = n_nodes // 4, n_nodes // 5
    n_officials = n_nodes - n_bodies - n_events
    bodies = [f"Body:b{i}" for i in range(n_bodies)]
    for i, b in enumerate(bodies):
        g.add_node(b, kind="Body", key=f"b{i}", name=f"Ban {i} Thành ủy tỉnh {i % 60}", country="VN" if i % 2 else "LA",
                   evidence=ev, first_seen=f"{2015 + i % 10}-01-01", last_seen="2025-01-01")
        if i > 8:
            g.add_edge(b, bodies[rnd.randrange(max(1, i // 3))], key=f"PART_OF:{i}", type="PART_OF", evidence=[])
    events = [f"Event:e{i}" for i in range(n_events)]
    kinds = ["visit", "talks", "reception", "signing", "opening", "lecture"]
    for i, e in enumerate(events):
        g.add_node(e, kind="Event", key=f"e{i}", name=f"Sự kiện {i}", subkind=kinds[i % len(kinds)],
                   date=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", evidence=ev)
        for j in range(2):
            g.add_edge(bodies[rnd.randrange(n_bodies)], e, key=f"TOOK_PART_IN:{i}:{j}", type="TOOK_PART_IN",
                       role="guest", evidence=ev)
    for i in range(n_officials):
        o = f"Official:o{i}"
        g.add_node(o, kind="Official", key=f"o{i}", name=f"Nguyễn Văn {i}", country="VN" if i % 2 else "LA",
                   evidence=ev)
        g.add_edge(o, bodies[rnd.randrange(n_bodies)], key=f"HOLDS_POSITION:{i}", type="HOLDS_POSITION",
                   title="Ủy viên", role="member", evidence=ev)
        g.add_edge(o, events[rnd.randrange(n_events)], key=f"ATTENDED:{i}", type="ATTENDED", role="guest",
                   evidence=ev)
    return g
