"""``check --against``: a local rule set compared with the Measures. The
local file (data/local-main-share.zl) gives the handler of a wrong draft the
*main* liability with priority over 11(4), and makes a reviewer who does not
act liable — so it contradicts 11(4), narrows it (the reviewer and approver
drop out), widens it, and fills the Measures' reviewer-nonfeasance gap."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from zhifa_logic.encode.chain import Bound
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.reason.compare import Comparison
from zhifa_logic.reason.prepare import select_readings
from tests.helpers import verdict

LOCAL = Path(__file__).parent / "data" / "local-main-share.zl"


@pytest.fixture(scope="module")
def findings():
    rs = load_ruleset(str(LOCAL))
    return rs, Comparison(rs, rs.base, select_readings(rs, []), Bound(3, 3, 1)).findings()


def refs(rs, f):
    return {rs.clauses[k].ref for k in f.clauses}


def test_the_main_share_contradicts_11_4(findings):
    rs, fs = findings
    assert any(f.kind == "contradicts" and refs(rs, f) == {"district:3"}
               and "direct/by_degree → direct/main" in f.note for f in fs)


def test_displacing_11_4_narrows_it(findings):
    _, fs = findings
    assert any(f.kind == "narrows" and "leading/by_degree → not liable" in f.note for f in fs)


def test_a_reviewer_who_does_not_act_fills_a_gap_of_the_measures(findings):
    rs, fs = findings
    gap = next(f for f in fs if f.kind == "fills_gap" and refs(rs, f) == {"district:4"})
    assert verdict(gap.witness)["outcome"] == "gap"                    # under the Measures
    assert verdict(gap.witness, rules=str(LOCAL))["outcome"] == "liable"


def test_every_witness_shows_its_difference(findings):
    rs, fs = findings
    for f in fs:
        base, local = verdict(f.witness), verdict(f.witness, rules=str(LOCAL))
        assert base["parties"] != local["parties"] or base["outcome"] != local["outcome"]


def test_check_output_is_the_same_whatever_the_hash_seed():
    def run(seed):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        return subprocess.run([sys.executable, "-m", "zhifa_logic.cli", "check", str(LOCAL),
                               "--against", "changzhou-2008", "--persons", "3", "--steps", "3",
                               "--agencies", "1", "--json"], capture_output=True, env=env).stdout
    first = run(1)
    assert first and first == run(2)


def test_a_circumstance_of_an_agency_makes_valid_witnesses():
    # a local rule conditioned on 确实没有造成损失和不良影响 of an agency: the
    # circumstance is a free constant (no chain fact), and a witness never
    # names an agency slot the case does not have (both crashed `check`)
    from zhifa_logic.reason.report import check
    path = Path(__file__).parent / "data" / "local-agency-no-loss.zl"
    rs = load_ruleset(str(path))
    report = check(rs, select_readings(rs, []), Bound(3, 3, 2), against=rs.base)
    witnesses = [f.witness for f in report.findings if f.witness]
    assert any("circumstances" in w for w in witnesses)
    for w in witnesses:
        ids = {a["id"] for a in w["agencies"]} | {p["id"] for p in w["persons"]}
        assert set(w.get("circumstances", {})) <= ids
        verdict(w, rules=str(path))          # decides without refusing the case


def test_every_own_clause_that_makes_a_difference_is_named_by_one():
    """The second pass of ``findings``: whatever cases the first pass met,
    each clause of the local rule set for which the solver shows a case
    where it reaches a party the class holds for is named by a finding of
    that class (the first pass alone had hidden 金坛 第三条's difference
    behind 第五条's on one case)."""
    from zhifa_logic.reason.check import Checker
    rs = load_ruleset(str(Path(__file__).resolve().parents[2] / "examples" / "local" / "jintan-xize-subtle.zl"))
    own = {k for k, c in rs.clauses.items() if c.ruleset == rs.name}
    readings = select_readings(rs, [])
    ch = Checker(rs, readings, Bound(3, 4, 1), focus=own)
    cmp = Comparison(rs, rs.base, readings, Bound(3, 4, 1), checker=ch)
    fs = cmp.findings()
    assert not cmp.cut
    asked = 0
    for kind in ("contradicts", "narrows", "widens", "fills_gap"):
        for k in sorted(own):
            if rs.clauses[k].kind != "allocate":
                continue
            shown = ch.model(cmp._made_by(kind, k), what="test") is not None
            named = any(f.kind == kind and k in f.clauses for f in fs)
            assert shown == named, (kind, rs.clauses[k].ref)
            asked += shown
    assert asked >= 4      # 第三条, 第四条 and 第五条 contradict; 第四条 fills a gap


def test_a_new_ground_does_not_hide_another_clauses_narrowing():
    # 第六条 (a new ground) takes every party out wherever it holds; 第五条
    # (the approver who does not act is not liable, over 11(11)) narrows
    # the Measures on its own: each is a finding, with its own witness
    rs = load_ruleset(str(Path(__file__).parent / "data" / "local-ground-and-exclusion.zl"))
    fs = Comparison(rs, rs.base, select_readings(rs, []), Bound(3, 3, 1)).findings()
    narrows = {frozenset(refs(rs, f)): f for f in fs if f.kind == "narrows"}
    assert {"t:5"} in map(set, narrows) and {"t:6"} in map(set, narrows)
    five = narrows[frozenset({"t:5"})]
    assert "leading/all → not liable" in five.note and not five.witness["act"]["exemptions"]
    assert verdict(five.witness, rules=str(Path(__file__).parent / "data" / "local-ground-and-exclusion.zl"))[
        "outcome"] != "exempt"
