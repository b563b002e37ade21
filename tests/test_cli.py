"""The command line, as a new user meets it."""

import json
import subprocess
import sys
from pathlib import Path

from conftest import DATA

from interparty.cli import main


def run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "interparty.cli", *(["--db", str(db)] if db else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def test_ingest_twice_changes_nothing_the_second_time(tmp_path):
    db = tmp_path / "g.lbdb"
    first = run("ingest", str(DATA), db=db)
    assert first.returncode == 0, first.stderr
    assert "4 added" in first.stdout
    counts = json.loads(run("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", db=db).stdout)
    second = run("ingest", str(DATA), db=db)
    assert "4 unchanged" in second.stdout and "nothing new" in second.stdout
    assert json.loads(run("cypher", "MATCH (n) RETURN count(n) AS n", "--format", "json", db=db).stdout) == counts


def test_query_list_as_json(capsys):
    assert main(["query", "--list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"name", "description", "params"} <= set(listed[0])
    assert len(listed) >= 12


def test_query_results_as_json_rows(sample_db, capsys):
    assert main(["--db", str(sample_db), "query", "officials_of_body", "-p", "body=Thành ủy Hà Nội",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"official": "Nguyễn Thị Tuyến"}.items() <= rows[0].items() or any(
        r["official"] == "Nguyễn Thị Tuyến" for r in rows)


def test_cypher_takes_values_as_parameters(sample_db, capsys):
    assert main(["--db", str(sample_db), "cypher", "MATCH (o:Official {key: $k}) RETURN o.name AS name",
                 "-p", "k=nguyễn thị tuyến", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["name", "Nguyễn Thị Tuyến"]


def test_extract_writes_one_evaluation_file_per_article(tmp_path, eval_dir):
    out = tmp_path / "pred"
    result = run("extract", str(eval_dir / "articles"), "--format", "eval", "--out", str(out))
    assert result.returncode == 0, result.stderr
    articles = sorted(p.stem for p in (eval_dir / "articles").glob("*.txt"))
    assert sorted(p.stem for p in out.glob("*.json")) == articles
    score = subprocess.run([sys.executable, str(eval_dir / "score.py"), "--gold", str(eval_dir / "gold"),
                            "--pred", str(out)], capture_output=True, text=True)
    assert score.returncode == 0 and score.stdout.splitlines()[-1].startswith("summary")


def test_bad_input_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    good = tmp_path / "ok.txt"
    good.write_text("Sáng 4/4, Bí thư Thành ủy Hà Nội Trần Văn Khải tiếp đoàn.", encoding="utf-8")
    result = run("ingest", str(tmp_path), db=tmp_path / "g.lbdb")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert f"skipped {bad}: not valid JSON" in result.stderr
    assert "1 added" in result.stdout
    strict = run("ingest", "--strict", str(bad), db=tmp_path / "g.lbdb")
    assert strict.returncode == 1


def test_unknown_query_is_a_clear_error(capsys):
    assert main(["query", "nonsense"]) == 2
    assert "no query named 'nonsense'" in capsys.readouterr().err
