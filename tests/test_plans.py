"""Plan documents: DOCX and PDF readers, the plan extractor, course resolution, and the whole path from data/.

The sample plan (data/plans/ke_hoach_230_KH_TU.{docx,pdf}, written by
scripts/make_sample_plan.py) restates what the seed article says of Kế hoạch số
230-KH/TU; the end-to-end test checks that the plan and the article meet in one
Plan node and that the first class the article reports is the plan's first class.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from interparty.graph.model import Extraction
from interparty.graph.resolve_courses import CourseInfo, conflicts, plan_merges, reconcile_courses, same_class
from interparty.loaders.documents import looks_like_plan, unwrap
from interparty.loaders.extract import extract
from interparty.loaders.plans import extract_plan, plan_key
from interparty.loaders.sources import Problem, expand, read_file, read_sources

import interparty

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "data" / "plans"
DOCX = PLANS / "ke_hoach_230_KH_TU.docx"
PDF = PLANS / "ke_hoach_230_KH_TU.pdf"
SEED = ROOT / "data" / "articles" / "00_vi_seed_hanoi_khai_giang_lop_vientiane_2024.txt"
PLAN_KEY = "230-kh/tu|ban thường vụ thành ủy hà nội"


def _only(items: list) -> object:
    assert len(items) == 1, items
    return items[0]


# ------------------------------------------------------------------ readers


@pytest.mark.parametrize("path", [DOCX, PDF], ids=["docx", "pdf"])
def test_the_sample_plan_reads_as_a_dated_plan(path: Path) -> None:
    doc = _only(read_file(path))
    assert doc.key == path.name  # not the stem: the DOCX and the PDF are two sources
    assert (doc.kind, doc.lang, doc.date) == ("plan", "vi", "2024-04-09")
    lines = doc.text.splitlines()
    assert lines[:5] == ["THÀNH ỦY HÀ NỘI", "*", "Số 230-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                         "Hà Nội, ngày 09 tháng 4 năm 2024"]
    assert "KẾ HOẠCH" in lines
    assert doc.title.startswith("Kế hoạch số 230-KH/TU")
    # a paragraph is one line, however the PDF wrapped it
    assert any(ln.startswith("- Lớp thứ nhất:") and ln.endswith("dự kiến khai giảng trong tháng 7 năm 2024.")
               for ln in lines)


def test_the_pdf_text_layer_matches_the_docx() -> None:
    assert _only(read_file(PDF)).text == _only(read_file(DOCX)).text


def test_unwrap_joins_wrapped_lines_and_keeps_paragraphs_items_and_headings() -> None:
    full = "x" * 80
    lines = ["II. NỘI DUNG", f"Tổ chức 02 lớp {full} tổng số 62", "đồng chí (55 học viên), gồm:",
             f"- Lớp thứ nhất: {full} số lượng 31", "đồng chí;", "- Lớp thứ hai: khối chính quyền.", "Nơi nhận:"]
    assert unwrap(lines).splitlines() == [
        "II. NỘI DUNG", f"Tổ chức 02 lớp {full} tổng số 62 đồng chí (55 học viên), gồm:",
        f"- Lớp thứ nhất: {full} số lượng 31 đồng chí;", "- Lớp thứ hai: khối chính quyền.", "Nơi nhận:"]


def test_plan_detection_needs_a_heading_or_a_number_line_not_a_sentence() -> None:
    assert looks_like_plan("THÀNH ỦY HÀ NỘI\nSố: 15-QĐ/TU\nnội dung")
    assert looks_like_plan("ĐẢNG CỘNG SẢN VIỆT NAM\nQUYẾT ĐỊNH\nVề việc mở lớp")
    assert not looks_like_plan("Kế hoạch số 230-KH/TU được Ban Thường vụ Thành ủy ban hành ngày 9-4-2024.")
    assert not looks_like_plan(_only(read_file(SEED)).text)


def test_only_suffixes_with_a_reader_are_sources() -> None:
    found = [p for p in expand([ROOT / "data"]) if isinstance(p, Path)]
    assert DOCX in found and PDF in found and SEED in found
    assert not [p for p in found if p.suffix in (".yaml", ".yml", ".md", ".py")]  # gazetteers are not articles


def _problem(path: Path) -> Problem:
    item = _only(list(read_sources([path])))
    assert isinstance(item, Problem), item
    assert item.path == str(path)
    return item


def test_corrupt_documents_become_problems_naming_the_file(tmp_path: Path) -> None:
    garbage = bytes(range(256)) * 8
    (tmp_path / "hong.docx").write_bytes(garbage)
    (tmp_path / "hong.pdf").write_bytes(garbage)
    (tmp_path / "cut.pdf").write_bytes(PDF.read_bytes()[:600])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    (tmp_path / "zip.docx").write_bytes(buf.getvalue())
    assert "not a readable DOCX" in _problem(tmp_path / "hong.docx").reason
    assert "not a readable DOCX" in _problem(tmp_path / "zip.docx").reason
    assert "not a readable PDF" in _problem(tmp_path / "hong.pdf").reason
    assert _problem(tmp_path / "cut.pdf").reason.startswith(("not a readable PDF", "PDF has no"))


def test_a_scanned_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a page with no text objects, as a scanner's image-only page
    with open(tmp_path / "scan.pdf", "wb") as f:
        writer.write(f)
    assert _problem(tmp_path / "scan.pdf").reason == "PDF has no text layer (scanned?)"


# ------------------------------------------------------------------ the plan extractor


def _facts(ex: Extraction) -> tuple[dict, dict]:
    nodes = {(n.kind, n.key): n for n in ex.nodes}
    rels = {(r.type, r.start[1], r.end[1]): r for r in ex.rels}
    return nodes, rels


@pytest.fixture(params=[DOCX, PDF], ids=["docx", "pdf"])
def plan_ex(request: pytest.FixtureRequest) -> Extraction:
    return extract(_only(read_file(request.param)))


def test_the_plan_node_number_kind_date_title_and_issuer(plan_ex: Extraction) -> None:
    nodes, rels = _facts(plan_ex)
    plan = nodes[("Plan", PLAN_KEY)]
    assert plan.props["number"] == "230-KH/TU"
    assert (plan.props["kind"], plan.props["date"], plan.props["name"]) == ("plan", "2024-04-09",
                                                                            "Kế hoạch số 230-KH/TU")
    assert plan.props["title"] == ("Tổ chức các lớp đào tạo, bồi dưỡng cho cán bộ Thủ đô Viêng Chăn, "
                                   "nước CHDCND Lào năm 2024")
    assert ("ISSUED", "ban thường vụ thành ủy hà nội", PLAN_KEY) in rels
    assert {m.method for m in rels[("ISSUED", "ban thường vụ thành ủy hà nội", PLAN_KEY)].mentions} == {
        "plan.issuer.sentence", "plan.issuer.signature"}
    assert ("PART_OF", "ban thường vụ thành ủy hà nội", "thành ủy hà nội") in rels
    assert nodes[("Body", "ban thường vụ thành ủy hà nội")].props["kind"] == "party standing committee"
    assert plan_ex.source.kind == "plan"


def test_the_two_classes_with_the_sizes_the_seed_states_and_no_others(plan_ex: Extraction) -> None:
    nodes, rels = _facts(plan_ex)
    key = plan_ex.source.key
    first, second = nodes[("Course", f"{key}|course|1")], nodes[("Course", f"{key}|course|2")]
    assert len(plan_ex.of_kind("Course")) == 2
    assert first.props["name"] == "Lớp đào tạo, bồi dưỡng cán bộ công tác đảng, đoàn thể Thủ đô Viêng Chăn"
    assert {k: first.props.get(k) for k in ("participants", "trainees", "managers", "duration")} == {
        "participants": 31, "trainees": 27, "managers": 4, "duration": "12 ngày"}
    assert not {"participants", "trainees", "managers", "duration"} & set(second.props)  # not stated: not invented
    for course in (first, second):
        assert ("PROVIDES_FOR", PLAN_KEY, course.key) in rels
        assert ("ORGANIZED", "thành ủy hà nội", course.key) in rels
    assert rels[("TRAINS", first.key, "thành ủy viêng chăn")].props["count"] == 27
    assert ("TRAINS", second.key, "chính quyền viêng chăn") in rels
    assert nodes[("Body", "thành ủy viêng chăn")].props["country"] == "LA"
    assert ("HELD_IN", first.key, "hà nội") in rels
    trip = _only(plan_ex.of_kind("Event"))
    assert (trip.props["kind"], trip.props["name"]) == ("field_trip", "Tham quan, khảo sát thực tế tại tỉnh Quảng Ninh")
    assert ("PROVIDES_FOR", PLAN_KEY, trip.key) in rels and ("HELD_IN", trip.key, "quảng ninh") in rels


def test_every_plan_fact_rests_on_its_sentence(plan_ex: Extraction) -> None:
    text = plan_ex.source.text
    for fact in [*plan_ex.nodes, *plan_ex.rels]:
        assert fact.mentions, fact
        for m in fact.mentions:
            assert text[m.start:m.end] and text[m.start:m.end].strip() in text
            assert m.sentence in text and m.method.startswith("plan.")


def test_the_plan_and_the_seed_article_key_the_plan_alike() -> None:
    seed = extract(_only(read_file(SEED)))
    assert [n.key for n in seed.of_kind("Plan")] == [PLAN_KEY]
    assert plan_key("230-KH/TU", "ban thường vụ thành ủy hà nội") == PLAN_KEY


def test_a_plan_saved_as_text_goes_to_the_plan_extractor(tmp_path: Path) -> None:
    f = tmp_path / "qd.txt"
    f.write_text("TỈNH ỦY QUẢNG NINH\n*\nSố: 15-QĐ/TU\nHạ Long, ngày 02 tháng 3 năm 2023\nQUYẾT ĐỊNH\n"
                 "Về việc mở lớp bồi dưỡng cho cán bộ tỉnh Hủa Phăn\n-----\n"
                 "Ban Thường vụ Tỉnh ủy ban hành Quyết định như sau:\n"
                 "- Lớp thứ nhất: Lớp bồi dưỡng cán bộ khối chính quyền tỉnh Hủa Phăn; 20 học viên.\n", "utf-8")
    ex = extract(_only(read_file(f)))
    assert ex.source.kind == "plan"
    plan = _only(ex.of_kind("Plan"))
    assert (plan.props["kind"], plan.props["number"], plan.props["date"]) == ("decision", "15-QĐ/TU", "2023-03-02")
    assert plan.key == "15-qđ/tu|ban thường vụ tỉnh ủy quảng ninh"
    assert _only(ex.of_kind("Course")).props["trainees"] == 20


def test_extract_plan_is_safe_on_a_plan_without_a_header_or_classes() -> None:
    from interparty.graph.model import SourceDoc

    ex = extract_plan(SourceDoc(key="x", text="KẾ HOẠCH\nTổ chức hội nghị\n-----\nNội dung chưa có."))
    plan = _only(ex.of_kind("Plan"))
    assert plan.key == "x|plan" and plan.props["title"] == "Tổ chức hội nghị"
    assert not ex.of_kind("Course") and not ex.rels_of("ISSUED")


# ------------------------------------------------------------------ course resolution rules


def _c(key: str, *, plan: bool = False, plans: tuple[str, ...] = ("P",), sources: tuple[str, ...] = ("a",),
       **kw: object) -> CourseInfo:
    return CourseInfo(key=key, from_plan=plan, plans=frozenset(plans), sources=frozenset(sources), **kw)  # type: ignore[arg-type]


def test_a_class_needs_two_equal_sizes_or_the_same_ordinal_and_no_conflict() -> None:
    planned = _c("p1", plan=True, name="Lớp ... khối Đảng, đoàn thể", sizes={"participants": 31, "trainees": 27,
                                                                            "managers": 4}, duration="12 ngày",
                 sentences=("- Lớp thứ nhất: Lớp ...",))
    reported = _c("a0", plans=(), name="lớp bồi dưỡng cán bộ công tác đảng, đoàn thể", start_date="2024-07-15",
                  sizes={"participants": 31, "trainees": 27, "managers": 4}, duration="12 ngày")
    assert same_class(reported, planned)
    total = _c("a1", sizes={"participants": 62, "trainees": 55, "managers": 7})
    assert conflicts(total, planned) and not same_class(total, planned)
    one_size = _c("a2", sizes={"trainees": 27})
    assert not same_class(one_size, planned)  # one figure in common is a coincidence, not evidence
    by_ordinal = _c("a3", sentences=("Khóa học khai giảng ngày hôm nay là lớp thứ nhất.",))
    assert same_class(by_ordinal, planned)
    both = _c("a4", sentences=("lớp thứ nhất dành cho khối Đảng và lớp thứ hai dành cho khối chính quyền",))
    assert both.ordinal is None and not same_class(both, planned)
    other_sector = _c("a5", name="lớp khối chính quyền", sizes={"participants": 31, "trainees": 27})
    assert not same_class(other_sector, planned)
    other_body = _c("a6", trains=frozenset({"x"}), sizes={"participants": 31, "trainees": 27})
    assert not same_class(other_body, _c("p2", plan=True, trains=frozenset({"y"}), sizes=planned.sizes))


def test_merges_need_the_plan_and_a_single_fit() -> None:
    sizes = {"participants": 31, "trainees": 27, "managers": 4}
    courses = {c.key: c for c in [
        _c("d|1", plan=True, sources=("d",), name="Lớp A", sizes=sizes),
        _c("f|1", plan=True, sources=("f",), name="Lớp A", sizes=sizes),  # the same plan as PDF
        _c("d|2", plan=True, sources=("d",), name="Lớp B"),
        _c("s|0", plans=(), sources=("s",), sizes=sizes),  # under P only because its article reports P
        _c("s|1", plans=("P",), sources=("s",), sizes={"participants": 62, "trainees": 55, "managers": 7}),
        _c("t|0", plans=(), sources=("t",), sizes=sizes),  # its article cites no plan
        _c("u|0", plans=("Q",), sources=("u",), sizes=sizes),  # another plan's class
    ]}
    merges = plan_merges(courses, {"s": {"P"}, "d": {"P"}, "f": {"P"}, "u": {"Q"}})
    assert {(m.keep, m.drop) for m in merges} == {("d|1", "f|1"), ("d|1", "s|0")}


# ------------------------------------------------------------------ end to end


def test_ingesting_data_links_the_plan_to_the_course_the_seed_reports(tmp_path: Path) -> None:
    with interparty.open(tmp_path / "g.lbdb", judgements=tmp_path / "judgements.yaml") as g:
        report = g.ingest(ROOT / "data")
        assert not report.problems, report.problems
        assert {DOCX.name, PDF.name, SEED.stem} <= set(report.added)
        merges = report.merges  # ingest resolves courses after officials and bodies
        assert {(m.keep, m.drop) for m in merges} >= {
            (f"{DOCX.name}|course|1", f"{SEED.stem}|course|0"), (f"{DOCX.name}|course|1", f"{PDF.name}|course|1")}
        assert reconcile_courses(g.store) == []  # idempotent

        plans = g.cypher("MATCH (p:Plan) WHERE p.number = $n RETURN p.key AS key, p.sources AS sources",
                         n="230-KH/TU")
        assert list(plans["key"]) == [PLAN_KEY]
        assert {SEED.stem, DOCX.name, PDF.name} <= set(plans["sources"][0])

        courses = g.query("courses")
        first = courses[(courses["trainees"] == 27) & (courses["participants"] == 31)]
        assert len(first) == 1, courses
        row = first.iloc[0]
        assert (row["plan"], row["start_date"], row["duration"]) == ("230-KH/TU", "2024-07-15", "12 ngày")
        assert (row["organiser"], row["trainees_of"]) == ("Thành ủy Hà Nội", "Thành ủy Viêng Chăn")
        sources = g.cypher("MATCH (c:Course {key: $k}) RETURN c.sources AS s", k=f"{DOCX.name}|course|1")["s"][0]
        assert {SEED.stem, DOCX.name, PDF.name} <= set(sources)
        # the article's course is gone into the plan's, with its evidence re-pointed
        assert g.cypher("MATCH (c:Course) WHERE c.key = $k RETURN c.key", k=f"{SEED.stem}|course|0").empty
        ev = g.cypher("MATCH (e:Evidence) WHERE e.fact = $f RETURN e.source AS source",
                      f=f"Course:{DOCX.name}|course|1")
        assert SEED.stem in set(ev["source"])
        # the second class has no figures (the seed gives none) and is not merged with the article's total
        assert len(courses[courses["plan"] == "230-KH/TU"]) == 3

        again = g.ingest(ROOT / "data")
        assert not again.added and not again.replaced and reconcile_courses(g.store) == []


def test_the_generator_reproduces_the_committed_docx(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_sample_plan", ROOT / "scripts" / "make_sample_plan.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_docx(tmp_path / DOCX.name)
    assert _only(read_file(tmp_path / DOCX.name)).text == _only(read_file(DOCX)).text
