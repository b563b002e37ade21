"""Neo4j outages, for real: a server that is not there, and one stopped and started mid-load.

The restart test stops and starts the session's test server with ``scripts/neo4j-local``
(or the script named by ``$NEO4J_LOCAL_SCRIPT``) while an ``interparty ingest`` process
writes to it, and leaves the server running. It runs only against a server that script
controls: it will not restart a server it did not start.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ROOT
from test_crash import ingest_cmd, run, snapshot, write_corpus

import interparty

pytestmark = pytest.mark.neo4j

RETRY_SECONDS = "5"  # the driver's retry window in the ingest under test (production default: 60 s)


def local_script() -> Path:
    return Path(os.environ.get("NEO4J_LOCAL_SCRIPT") or ROOT / "scripts" / "neo4j-local")


def test_a_server_down_at_start_is_one_clear_line_and_exit_2(tmp_path):
    out = run(ingest_cmd(["--neo4j", "bolt://127.0.0.1:1"], tmp_path / "j.yaml", write_corpus(tmp_path / "t", 2)))
    assert out.returncode == 2, out
    assert "Traceback" not in out.stderr
    lines = [ln for ln in out.stderr.splitlines() if ln.startswith("interparty:")]
    assert len(lines) == 1, out.stderr
    assert "bolt://127.0.0.1:1: cannot reach Neo4j" in lines[0]
    assert "is the server running?" in lines[0]


def test_a_bad_retry_setting_is_a_clear_error(tmp_path):
    env = {**os.environ, "INTERPARTY_NEO4J_RETRY_SECONDS": "soon"}
    cmd = ingest_cmd(["--neo4j", "bolt://127.0.0.1:1"], tmp_path / "j.yaml", write_corpus(tmp_path / "t", 1))
    out = run(cmd, env=env)
    assert out.returncode == 2
    assert "INTERPARTY_NEO4J_RETRY_SECONDS must be a number of seconds" in out.stderr
    assert "Traceback" not in out.stderr


def sources_loaded(kg: interparty.Graph) -> int:
    try:
        return int(kg.cypher("MATCH (s:Source) RETURN count(s) AS c")["c"].iloc[0])
    except Exception:  # polling a server that may be going down
        return -1


def test_a_server_restarted_mid_load_loses_nothing(neo4j_kg, neo4j_uri, tmp_path):
    script = local_script()
    status = subprocess.run([str(script), "status"], capture_output=True, text=True)
    port = urlparse(neo4j_uri).port or 7687
    if status.returncode != 0 or f"127.0.0.1:{port}" not in status.stdout:
        pytest.skip(f"{neo4j_uri} is not the server {script} controls; not restarting someone else's server")

    corpus = write_corpus(tmp_path / "tin", 24)
    cmd = ingest_cmd(["--neo4j", neo4j_uri], tmp_path / "j.yaml", corpus)
    env = {**os.environ, "INTERPARTY_NEO4J_RETRY_SECONDS": RETRY_SECONDS}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 240
        while sources_loaded(neo4j_kg) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert proc.poll() is None, "the ingest finished before the server could be stopped"
        at_stop = sources_loaded(neo4j_kg)
        stop = subprocess.run([str(script), "stop"], capture_output=True, text=True, timeout=180)
        assert stop.returncode == 0, stop.stderr
        _out, err = proc.communicate(timeout=240)  # the driver retries for RETRY_SECONDS, then gives up
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        start = subprocess.run([str(script), "start"], capture_output=True, text=True, timeout=400)
    assert start.returncode == 0, start.stderr
    print(f"stopped the server with {at_stop} sources loaded; ingest exit {proc.returncode}: {err.strip()}")

    assert "Traceback" not in err
    assert proc.returncode in (0, 3), err
    if proc.returncode == 3:
        assert "stopped early" in err and "run the same command again to resume" in err
        assert f"{neo4j_uri}: Neo4j" in err

    again = run(cmd)
    assert again.returncode == 0, again.stderr
    assert "0 not read" in again.stdout
    with interparty.open(tmp_path / "reference.lbdb", judgements=tmp_path / "j2.yaml") as ref:
        ref.ingest(corpus)
        want = snapshot(ref.store)
    got = snapshot(neo4j_kg.store)
    assert got == want  # nothing lost, nothing twice
