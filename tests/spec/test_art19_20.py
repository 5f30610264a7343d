"""Arts 19–20: mitigation, discretionary waiver, aggravation of a liable party."""

from tests.helpers import DRAFT_WRONG, EXEC, approve, case_doc, line, review, verdict

CHAIN = [DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC]


def test_19_items_mitigate_persons_and_agencies():
    # 第十九条「行政执法机关及其执法人员……可以从轻、减轻」
    v = verdict(case_doc(CHAIN, circumstances={"h": ["19.4"], "CG": ["19.1"]}))
    assert line(v, "h")["adjust"] == ["mitigate"]
    assert line(v, "CG")["adjust"] == ["mitigate"]
    assert "adjust" not in line(v, "r")


def test_19_2_waiver_needs_items_1_to_3_and_no_loss():
    # 第十九条第二款「属前款第（一）、（二）、（三）项规定的情形，且确实没有造成损失和不良影响的，可以免予追究」
    v = verdict(case_doc(CHAIN, circumstances={"h": ["19.2", "19.2-no-loss"],
                                               "r": ["19.4", "19.2-no-loss"]}))
    assert line(v, "h")["adjust"] == ["may_exempt", "mitigate"]
    assert line(v, "r")["adjust"] == ["mitigate"]
    assert line(v, "h")["liable"]          # 可以: discretionary, still liable


def test_20_aggravates_persons_only():
    # 第二十条「行政执法人员有下列情形之一的，应当从重追究」
    v = verdict(case_doc(CHAIN, circumstances={"h": ["20.3"], "CG": ["20.1"]}))
    assert line(v, "h")["adjust"] == ["aggravate"]
    assert "adjust" not in line(v, "CG")
    assert [f["code"] for f in v["findings"]] == ["art20-agency"]


def test_circumstances_of_a_party_not_liable_change_nothing():
    v = verdict(case_doc(CHAIN, circumstances={"GOV": ["19.1"]}))
    assert "adjust" not in line(v, "GOV")
