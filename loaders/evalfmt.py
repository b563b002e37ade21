"""An :class:`Extraction` in the evaluation format of ``shared/eval`` (one JSON object per source)."""

from __future__ import annotations

from typing import Any

from interparty.graph.model import Extraction


def to_eval(ex: Extraction) -> dict[str, Any]:
    names = {n.ref: n.props.get("name") or n.props.get("number") or n.key for n in ex.nodes}

    def ends(rel_type: str, end: tuple[str, str]) -> list[str]:
        return [names[r.start] for r in ex.rels if r.type == rel_type and r.end == end]

    officials = []
    for o in ex.of_kind("Official"):
        positions = [
            {"title": r.props.get("title"), "body": names[r.end], "role": r.props.get("role"),
             "resolution": r.props.get("resolution"), "confidence": r.props.get("confidence")}
            for r in ex.rels if r.type == "HOLDS_POSITION" and r.start == o.ref
        ]
        officials.append({"name": o.props.get("name"), "country": o.props.get("country"), "positions": positions})
    bodies = [{"name": b.props.get("name"), "kind": b.props.get("kind"), "country": b.props.get("country")}
              for b in ex.of_kind("Body")]
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
