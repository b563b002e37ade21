"""The schema is declared once; everything else is derived from it."""

from pathlib import Path

import pytest
from interparty.graph.dialect import ladybug_ddl, neo4j_ddl
from interparty.graph.schema import markdown, model_for, schema, validate_props
from pydantic import ValidationError


def test_schema_declares_the_model_the_product_needs():
    s = schema()
    assert {"Official", "Body", "Event", "Agreement", "Course", "Plan", "Place", "Source"} <= set(s.nodes)
    expected = {
        "HOLDS_POSITION": ({"Official"}, {"Body"}),
        "PART_OF": ({"Body"}, {"Body"}),
        "ATTENDED": ({"Official"}, {"Event", "Course"}),
        "ORGANIZED": ({"Body"}, {"Event", "Course"}),
        "PARTY_TO": ({"Body"}, {"Agreement"}),
        "SIGNED_AT": ({"Agreement"}, {"Event"}),
        "ISSUED": ({"Body"}, {"Plan"}),
        "PROVIDES_FOR": ({"Plan"}, {"Course", "Event"}),
        "TRAINS": ({"Course"}, {"Body"}),
        "HELD_IN": ({"Event", "Course"}, {"Place"}),
    }
    for name, (sources, targets) in expected.items():
        rel = s.rel(name)
        assert set(rel.sources) == sources and set(rel.targets) == targets, name


def test_every_fact_kind_carries_provenance_properties():
    s = schema()
    for kind in ("Official", "Body", "Event", "Course", "Plan"):
        assert {"evidence", "sources", "confidence"} <= set(s.node(kind).prop_names)
    for rel in s.relationships.values():
        assert {"evidence", "sources", "confidence", "first_seen", "last_seen"} <= set(rel.prop_names)
    assert {"title", "role"} <= set(s.rel("HOLDS_POSITION").prop_names)


def test_ddl_and_constraints_are_derived_for_every_kind():
    s = schema()
    lb = ladybug_ddl(s)
    neo = neo4j_ddl(s)
    for kind in s.nodes:
        assert any(f"NODE TABLE IF NOT EXISTS {kind}(" in stmt for stmt in lb)
        assert any(f"FOR (n:{kind}) REQUIRE n.key IS UNIQUE" in stmt for stmt in neo)
    for rel in s.relationships:
        assert any(f"REL TABLE IF NOT EXISTS {rel}(" in stmt for stmt in lb)


def test_pydantic_models_validate_props_against_the_schema():
    assert validate_props("Course", {"key": "c", "trainees": "27"})["trainees"] == 27
    with pytest.raises(ValidationError):
        validate_props("Official", {"key": "x", "favourite_colour": "red"})
    assert "trainees" in model_for("Course").model_fields


def test_docs_table_lists_every_kind():
    md = markdown()
    for name in (*schema().nodes, *schema().relationships):
        assert f"`{name}`" in md


def test_the_model_doc_is_generated_from_the_schema():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "model.md").read_text(encoding="utf-8")
    assert markdown() in doc, "docs/model.md is stale: run `python -m interparty.graph.schema > docs/model.md`"
