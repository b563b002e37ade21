"""An :class:`Extraction` in the evaluation format of ``shared/eval`` (one JSON object per source)."""

from __future__ import annotations

import functools
from typing import Any

from interparty.graph.model import Extraction
from interparty.graph.normalize import fold
from interparty.loaders.gazetteer import gazetteer


@functools.cache
def _envoy_roles() -> frozenset[str]:
    """Roles of the posts whose body is an embassy or consulate, named or only implied ("Đại sứ
    Việt Nam tại Lào"): those of the titles marked ``ambassador`` in titles.yaml."""
    return frozenset(t.role for t in gazetteer().titles if t.ambassador)


def to_eval(ex: Extraction) -> dict[str, Any]:
    """The evaluation record of one extraction.

    Conventions of the gold annotations that the graph does not follow: a rank is listed as a
    title with no body (in the graph it is the official's ``rank``), and an envoy whose mission is
    not written out ("Đại sứ Việt Nam tại Lào") holds the title with no body, the embassy being
    listed among the bodies only when the text names it. The same for a post whose body is implied,
    not written ("Tổng Bí thư Tô Lâm": the party; resolution ``implied``).
    """
    names = {n.ref: n.props.get("name") or n.props.get("number") or n.key for n in ex.nodes}

    def ends(rel_type: str, end: tuple[str, str]) -> list[str]:
        return [names[r.start] for r in ex.rels if r.type == rel_type and r.end == end]

    envoys = _envoy_roles()
    implied: set[tuple[str, str]] = set()
    officials = []
    for o in ex.of_kind("Official"):
        positions = []
        if o.props.get("rank"):
            positions.append({"title": o.props["rank"], "body": None, "role": "rank", "resolution": None,
                              "confidence": o.props.get("confidence")})
        for r in ex.rels:
            if r.type != "HOLDS_POSITION" or r.start != o.ref:
                continue
            title, body = r.props.get("title"), names[r.end]
            if (r.props.get("role") in envoys and body and fold(body) not in fold(title or "")) \
                    or r.props.get("resolution") == "implied":
                implied.add(r.end)
                body = None
            positions.append({"title": title, "body": body, "role": r.props.get("role"),
                              "resolution": r.props.get("resolution"), "confidence": r.props.get("confidence")})
        officials.append({"name": o.props.get("name"), "country": o.props.get("country"), "positions": positions})
    if implied:
        text = fold(ex.source.text)
        aliases = {n.ref: n.props.get("aliases") or () for n in ex.nodes if n.ref in implied}
        implied = {ref for ref in implied
                   if not any(fold(a) in text for a in (names[ref], *aliases.get(ref, ())) if a)}
    # (the state or government an English "President of Laos", "Prime Minister" implies is not written either)
    bodies = [{"name": b.props.get("name"), "kind": b.props.get("kind"), "country": b.props.get("country")}
              for b in ex.of_kind("Body") if b.ref not in implied
              and not (b.mentions and all(m.method == "en_state_office" for m in b.mentions))]
    events = [{"kind": e.props.get("kind"), "date": e.props.get("date"), "date_text": e.props.get("date_text"),
               "year_inferred": e.props.get("year_inferred"),
               "participants": [names[r.start] for r in ex.rels if r.type == "ATTENDED" and r.end == e.ref]}
              for e in ex.of_kind("Event")]
    agreements = [{"kind": a.props.get("kind"), "name": a.props.get("name"), "date": a.props.get("date"),
                   "period": a.props.get("period"), "count": a.props.get("count"),
                   "parties": ends("PARTY_TO", a.ref)} for a in ex.of_kind("Agreement")]
    courses = []
    for c in ex.of_kind("Course"):
        organisers = ends("ORGANIZED", c.ref)
        trains = [names[r.end] for r in ex.rels if r.type == "TRAINS" and r.start == c.ref]
        courses.append({"name": c.props.get("name"), "organiser": organisers[0] if organisers else None,
                        "start_date": c.props.get("start_date"), "trainees": c.props.get("trainees"),
                        "participants": c.props.get("participants"), "managers": c.props.get("managers"),
                        "duration": c.props.get("duration"), "trainees_from": trains[0] if trains else None})
    plans = []
    for p in ex.of_kind("Plan"):
        issuers = ends("ISSUED", p.ref)
        plans.append({"number": p.props.get("number"), "kind": p.props.get("kind"),
                      "issuer": issuers[0] if issuers else None, "date": p.props.get("date")})
    return {"source": ex.source.key, "officials": officials, "bodies": bodies, "events": events,
            "agreements": agreements, "courses": courses, "plans": plans}
