"""Art. 12: the agencies that decided the act."""

from tests.helpers import DRAFT_WRONG, EXEC, approve, case_doc, liable, review, verdict

CHAIN = [DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC]
THREE = [{"id": "CG", "name": "市城管局"}, {"id": "SC", "name": "市市场监管局"},
         {"id": "HB", "name": "市生态环境局"}]
PERSONS = [{"id": p, "name": p, "agency": "CG"} for p in ("h", "r", "a")]


def agencies_of(v):
    return {k: val for k, val in liable(v).items() if k in ("CG", "SC", "HB")}


def test_single_agency_bears_all():
    # 「由一个行政执法机关单独决定而产生的，由该行政执法机关承担全部行政执法过错责任」
    assert agencies_of(verdict(case_doc(CHAIN))) == {"CG": ("agency", "all", ("12",))}


def test_lead_agency_main_others_corresponding():
    # 「由主办机关承担主要责任，其他机关承担相应责任」
    v = verdict(case_doc(CHAIN, agencies=THREE, act_agencies=["CG", "SC", "HB"], lead="SC",
                         persons=PERSONS))
    assert agencies_of(v) == {"SC": ("agency", "main", ("12",)),
                              "CG": ("agency", "corresponding", ("12",)),
                              "HB": ("agency", "corresponding", ("12",))}


def test_no_lead_agency_joint():
    # 「没有主办机关的，由参与机关共同承担责任」
    v = verdict(case_doc(CHAIN, agencies=THREE, act_agencies=["CG", "HB"], persons=PERSONS))
    assert agencies_of(v) == {"CG": ("agency", "joint", ("12",)), "HB": ("agency", "joint", ("12",))}


def test_agencies_that_did_not_decide_bear_nothing():
    v = verdict(case_doc(CHAIN, agencies=THREE, act_agencies=["CG"], persons=PERSONS))
    assert set(agencies_of(v)) == {"CG"}
