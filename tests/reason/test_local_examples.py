"""What ``zhifa check LOCAL --against changzhou-2008`` must report for the
three local rule sets of examples/local/ (their README lists the intended
differences, row by row: W1–W5, S1–S7, J0–J6). The bound is small (3
persons, 3 steps, 1 deciding agency) so that the suite stays quick; every
row below has a witness within it — with 4 steps for 金坛, whose 第三条
restates 11(2), and 11(2) needs a draft, a review, an approval and the
execution that deviates from them.

Each test names the row it pins. Every difference found is also replayed
through ``zhifa decide`` under both rule sets: nothing false is reported.
"""

from pathlib import Path

import pytest

from zhifa_logic.encode.chain import Bound
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.reason.prepare import select_readings
from zhifa_logic.reason.report import check
from tests.helpers import verdict

LOCAL = Path(__file__).resolve().parents[2] / "examples" / "local"
DIFFERENCES = ("contradicts", "narrows", "widens", "fills_gap")


def _report(name: str, steps: int = 3):
    rs = load_ruleset(str(LOCAL / f"{name}.zl"))
    return rs, check(rs, select_readings(rs, []), Bound(3, steps, 1), against=rs.base)


@pytest.fixture(scope="module")
def wujin():
    return _report("wujin-shishi-xize")


@pytest.fixture(scope="module")
def shijianguan():
    return _report("shijianguan-zhidu")


@pytest.fixture(scope="module")
def jintan():
    return _report("jintan-xize-subtle", steps=4)


def refs(rs, f) -> set[str]:
    return {rs.clauses[k].ref for k in f.clauses}


def found(report, kind: str, clauses: set[str], note: str | None = None) -> list:
    rs, rep = report
    return [f for f in rep.findings if f.kind == kind and refs(rs, f) == clauses
            and (note is None or note in f.note)]


# ── 武进区实施细则 ──
def test_w1_wujin_3_1_fixes_the_degrees_of_11_4(wujin):
    # 3(1): 承办人承担主要责任 … 审核人、批准人承担相应的领导责任, in place of
    # 11(4)'s 按责任大小 (the priority 第三条第（一）项 优先于 第十一条第（四）项)
    assert found(wujin, "contradicts", {"wujin:3.1"},
                 "direct/by_degree → direct/main; leading/by_degree → leading/corresponding")


def test_w2_wujin_3_1_drops_the_leader_who_had_no_flag(wujin):
    # 3(1) names only the reviewer and approver 应当发现而未发现或发现后未纠正;
    # 11(4) as a whole is displaced, so a plain passer is no longer liable
    assert found(wujin, "narrows", {"wujin:3.1"}, "leading/by_degree → not liable")


def test_w4_wujin_3_3_fills_the_reviewer_nonfeasance_gap(wujin):
    # 3(3): 审核人不履行或者拖延履行职责的，由审核人承担全部领导责任 — the
    # Measures' 11(11) names only the approver
    assert found(wujin, "fills_gap", {"wujin:3.3"}, "not liable → leading/all")
    assert found(wujin, "widens", {"wujin:3.3"}, "not liable → leading/all")


def test_w5_wujin_3_4_fills_the_handler_nonfeasance_gap(wujin):
    # 3(4): 承办人不履行或者拖延履行职责的，由承办人承担全部直接责任
    assert found(wujin, "fills_gap", {"wujin:3.4"}, "not liable → direct/all")
    assert found(wujin, "widens", {"wujin:3.4"}, "not liable → direct/all")


def test_wujin_3_1_shadows_11_3_and_11_4(wujin):
    assert found(wujin, "shadowed", {"wujin:3.1", "11.4"})
    assert found(wujin, "shadowed", {"wujin:3.1", "11.3"})


# ── 市场监管局过错责任追究制度 ──
def test_s1_shijianguan_3_1_widens_11_3_to_the_leaders(shijianguan):
    # 3 ¶1: 承办人弄虚作假 … 审核人、批准人应当发现而未发现的，承担相应的领导责任;
    # 11(3) names only the handler
    assert found(shijianguan, "widens", {"shijianguan:3.1"}, "not liable → leading/corresponding")


def test_s2_shijianguan_3_1_contradicts_11_4(shijianguan):
    assert found(shijianguan, "contradicts", {"shijianguan:3.1"},
                 "leading/by_degree → leading/corresponding")


def test_s3_shijianguan_3_1_drops_the_unflagged_leader(shijianguan):
    assert found(shijianguan, "narrows", {"shijianguan:3.1"}, "leading/by_degree → not liable")


@pytest.mark.parametrize("item", ["shijianguan:4.1", "shijianguan:4.2", "shijianguan:4.3"])
def test_s5_s6_s7_each_new_ground_of_exemption_narrows_the_measures(shijianguan, item):
    # 第四条 有下列情形之一的，不承担行政执法过错责任: (一) 法律、法规、规章修改或废止,
    # (二) 检验、检测、鉴定报告错误, (三) 执行上级决定且已提出异议 …
    (f,) = found(shijianguan, "narrows", {item})
    assert "agency/all → not liable" in f.note
    assert item in f.witness["act"]["exemptions"] or item == "shijianguan:4.3"
    assert verdict(f.witness, rules=str(LOCAL / "shijianguan-zhidu.zl"))["outcome"] == "exempt"


def test_s7_the_objection_ground_needs_no_case_item(shijianguan):
    # 4(3) is drafted on the chain (异议、上级坚持、非明显违法), not as an item
    (f,) = found(shijianguan, "narrows", {"shijianguan:4.3"})
    order = [s for s in f.witness["chain"] if s["step"] == "superior_order"]
    assert order and order[0].get("objection_raised") and order[0].get("superior_insisted")
    assert not order[0].get("clearly_illegal")


# ── 金坛市实施细则 (the subtle one) ──
def test_j0_the_restatement_is_benign_and_redundant(jintan):
    # 第三条 restates 11(1) and 11(2) word for word in effect
    assert found(jintan, "overlap", {"11.1", "jintan:3"})
    assert found(jintan, "overlap", {"11.2", "jintan:3"})
    assert found(jintan, "redundant", {"jintan:3"})
    rs, rep = jintan
    assert not [f for f in rep.findings if f.kind in DIFFERENCES and refs(rs, f) == {"jintan:3"}]


def test_j1_merging_11_5_and_11_9_contradicts_11_9(jintan):
    # 第四条 按责任大小分别由审核人、批准人承担 vs 11(9) 由批准人承担全部领导责任
    assert found(jintan, "contradicts", {"11.9", "jintan:4"}, "leading/all → conflict")


def test_j2_j3_jintan_4_reaches_reviewers_the_measures_spare(jintan):
    assert found(jintan, "widens", {"jintan:4"}, "not liable → leading/by_degree")


def test_j4_jintan_4_clashes_with_11_11_and_fills_a_gap(jintan):
    assert found(jintan, "contradicts", {"11.11", "jintan:4"}, "leading/all → conflict")
    assert found(jintan, "fills_gap", {"jintan:4"}, "not liable → leading/by_degree")


def test_j5_the_omitted_dissent_proviso_contradicts_13_1(jintan):
    # 13 ¶1 但明确表示不同意……的人员除外 is missing from 第五条
    assert found(jintan, "contradicts", {"13.1", "jintan:5"}, "not liable → conflict")


def test_j6_jintan_5_makes_members_liable(jintan):
    assert found(jintan, "widens", {"jintan:5"}, "not liable → leading/joint")


# ── nothing false ──
@pytest.mark.parametrize("name", ["wujin", "shijianguan", "jintan"])
def test_every_difference_reproduces_under_decide(name, request):
    rs, rep = request.getfixturevalue(name)
    path = str(LOCAL / f"{Path(rs.file).name}")
    diffs = [f for f in rep.findings if f.kind in DIFFERENCES]
    assert diffs
    for f in diffs:
        base, local = verdict(f.witness), verdict(f.witness, rules=path)
        lb = {p["id"]: p for p in base["parties"]}
        for pid in f.parties:
            b, l_ = lb[pid], next(p for p in local["parties"] if p["id"] == pid)
            assert (b["liable"], b.get("category"), b.get("mode")) != \
                (l_["liable"], l_.get("category"), l_.get("mode")), (f.kind, pid, f.witness)
        if f.kind == "fills_gap":
            assert base["outcome"] == "gap"


@pytest.mark.parametrize("name", ["wujin", "shijianguan", "jintan"])
def test_only_own_clauses_are_blamed(name, request):
    # a difference always names at least one clause of the local rule set
    # (or, for W3, the Measures' clause the local priorities let stand)
    rs, rep = request.getfixturevalue(name)
    for f in rep.findings:
        if f.kind in DIFFERENCES:
            assert f.clauses, f


# ── a case naming a local rule set's own items ──
SJ = str(LOCAL / "shijianguan-zhidu.zl")
ORDER_WRONG = [{"step": "decide", "by": "h", "opinion": "o1", "correct": False}]


def test_a_local_ground_is_named_by_its_rule_set_and_exempts_under_it():
    from tests.helpers import case_doc
    doc = case_doc(ORDER_WRONG, approval=False, faults=("6.7",), exemptions=("shijianguan:4.1",))
    v = verdict(doc, rules=SJ)
    # 第四条 有下列情形之一的，不承担行政执法过错责任：（一）法律、法规、规章修改或废止的
    assert v["outcome"] == "exempt"
    assert all(not p["liable"] and p["basis"] == ["shijianguan:4.1"] for p in v["parties"])


def test_under_the_measures_a_local_ground_has_no_effect_and_the_verdict_says_so():
    from tests.helpers import case_doc
    doc = case_doc(ORDER_WRONG, approval=False, faults=("6.7",), exemptions=("shijianguan:4.1",))
    v = verdict(doc)
    assert v["outcome"] == "liable"
    assert [f["code"] for f in v["findings"]] == ["foreign-item"]


def test_a_misspelt_rule_set_in_an_item_is_refused_with_a_suggestion():
    from tests.helpers import case_doc
    from zhifa_logic.errors import InputError
    doc = case_doc(ORDER_WRONG, approval=False, faults=("6.7",), exemptions=("shijiangaun:4.1",))
    with pytest.raises(InputError) as e:
        verdict(doc, rules=SJ)
    assert "did you mean `shijianguan`" in str(e.value.diagnostics[0].suggestion)


def test_a_short_name_in_a_dsl_case_names_the_same_item(tmp_path):
    from zhifa_logic.model.loader import load_case
    from zhifa_logic.reason.prepare import prepare
    src = tmp_path / "c.zl"
    src.write_text("案件 c\n机关 SJ 「市市场监管局」\n人员 h 「张三」 属于 SJ\n"
                   "行为 {\n  决定机关 SJ\n  种类 行政处罚\n  无须审核批准\n  过错 第六条第（七）项\n"
                   "  免责 《本制度》第四条第（二）项\n}\n经过 {\n  h 直接决定 o1 错误\n}\n", encoding="utf-8")
    facts, _ = prepare(load_case(str(src)), load_ruleset(SJ))
    assert "shijianguan:4.2" in facts.case_items


@pytest.mark.parametrize("name", ["wujin", "shijianguan", "jintan"])
def test_every_new_clash_is_reported_as_a_contradiction(name, request):
    # a conflict between a local clause and another clause, on a party the
    # Measures do not leave in conflict, contradicts the Measures: compare
    # must name that pair, whatever cases the solver met
    rs, rep = request.getfixturevalue(name)
    files = {"wujin": "wujin-shishi-xize", "shijianguan": "shijianguan-zhidu",
             "jintan": "jintan-xize-subtle"}
    from zhifa_logic.reason.check import shows_fault
    # (compare speaks of chains that show the fault; a conflict witness need not)
    for f in (f for f in rep.findings if f.kind == "conflict" and shows_fault(f.witness)):
        local = verdict(f.witness, rules=str(LOCAL / f"{files[name]}.zl"))
        base = verdict(f.witness)
        pair = {rs.clauses[k].ref for k in f.clauses}
        clash = {p for c in local["conflicts"] if pair <= set(c["clauses"]) for p in c["parties"]}
        calm = {p["id"] for p in base["parties"] if not (p["liable"] and p.get("mode") is None)}
        if clash & calm:
            assert [g for g in rep.findings if g.kind == "contradicts" and pair <= refs(rs, g)], pair
