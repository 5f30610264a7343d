"""proofs/findings-changzhou-2008.md is current, and every committed witness
reproduces its finding under ``zhifa decide``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zhifa_logic.encode.chain import Bound
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.reason.prepare import select_readings
from zhifa_logic.reason.report import check
from zhifa_logic.render.findings_doc import Comments
from tests.helpers import verdict

ROOT = Path(__file__).resolve().parents[1]
PROOFS = ROOT / "proofs"
WITNESSES = sorted((PROOFS / "witnesses").glob("*.json"))


@pytest.fixture(scope="module")
def measures_report():
    rs = load_ruleset()
    return rs, check(rs, select_readings(rs, []), Bound())


def test_the_committed_findings_are_current(tmp_path):
    # Generated exactly as `make findings` does, in a fresh process: a Z3
    # model depends on the terms its context has already seen, so a witness
    # is reproducible per `zhifa` run, not across an arbitrary test session.
    comments = "proofs/comments-changzhou-2008.json"
    proc = subprocess.run([sys.executable, "-m", "zhifa_logic.cli", "check", "--comments", comments,
                           "--markdown", "--witness-dir", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    assert (PROOFS / "findings-changzhou-2008.md").read_text(encoding="utf-8") == proc.stdout, \
        "run `make findings`"
    fresh = sorted(tmp_path.iterdir())
    assert [p.name for p in fresh] == [p.name for p in sorted((PROOFS / "witnesses").iterdir())]
    for p in fresh:
        assert p.read_bytes() == (PROOFS / "witnesses" / p.name).read_bytes(), p.name


def test_every_finding_has_a_comment(measures_report):
    rs, report = measures_report
    comments = Comments(str(PROOFS / "comments-changzhou-2008.json"))
    for f in report.findings:
        refs = [rs.clauses[k].ref + (f"#{rs.clauses[k].title}" if rs.clauses[k].title else "")
                for k in f.clauses]
        assert comments.find(f, refs) is not None, f


@pytest.mark.parametrize("path", WITNESSES, ids=lambda p: p.stem)
def test_every_committed_witness_reproduces_its_finding(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    v = verdict(doc)
    kind, _, rest = path.stem.partition("-")
    refs = rest.split("-")[1:]
    if kind == "gap":
        assert v["outcome"] == "gap"
    elif kind == "conflict":
        assert any(set(refs) <= {c.split("#")[0] for c in x["clauses"]} for x in v["conflicts"])
    elif kind == "overlap":
        assert not any(set(refs) <= {c.split("#")[0] for c in x["clauses"]} for x in v["conflicts"])
        assert any(set(refs) <= set(p["basis"]) for p in v["parties"] if p["liable"])
