"""Art. 14 (a superior agency changes the act) and Art. 15 with 公务员法第五十四条."""

from tests.helpers import DRAFT_RIGHT, EXEC, approve, case_doc, liable, line, review, verdict

SUPERIOR_CHANGE = {"step": "superior_change", "agency": "GOV", "of": "o1", "opinion": "s1",
                   "correct": False, "staff": {"handler": ["gh"], "reviewer": ["gr"],
                                               "approver": ["ga"]}}


def test_14_superior_staff_each_bear_corresponding_liability():
    # 「上级行政执法机关的承办人、审核人、批准人分别承担相应的责任」
    v = verdict(case_doc([DRAFT_RIGHT, review(), approve(), SUPERIOR_CHANGE]))
    got = liable(v)
    assert got["gh"] == ("direct", "corresponding", ("14",))
    assert got["gr"] == ("leading", "corresponding", ("14",))
    assert got["ga"] == ("leading", "corresponding", ("14",))
    assert not any(pid in got for pid in ("h", "r", "a"))


def order(**flags):
    return [{"step": "superior_order", "by": "h", "superior": "boss", "opinion": "o1",
             "correct": False, **flags}]


def test_54_objected_and_superior_insisted_superior_bears():
    # 「上级不改变该决定或者命令……执行的后果由上级负责，公务员不承担责任」
    v = verdict(case_doc(order(objection_raised=True, superior_insisted=True), approval=False))
    assert liable(v)["boss"] == ("leading", "all", ("15",))
    assert line(v, "h")["liable"] is False and line(v, "h")["basis"] == ["15"]


def test_54_clearly_illegal_order_executor_bears_corresponding():
    # 「但是，公务员执行明显违法的决定或者命令的，应当依法承担相应的责任」
    v = verdict(case_doc(order(objection_raised=True, superior_insisted=True, clearly_illegal=True),
                         approval=False))
    assert v["conflicts"] == []
    assert liable(v)["h"] == ("direct", "corresponding", ("15",))
    assert liable(v)["boss"] == ("leading", "all", ("15",))


def test_no_objection_is_a_gap_under_the_literal_reading():
    v = verdict(case_doc(order(), approval=False))
    assert v["outcome"] == "gap"


def test_no_objection_readings():
    v = verdict(case_doc(order(), approval=False), readings=["art15-no-objection=executor-bears"])
    assert liable(v)["h"] == ("direct", "corresponding", ("15",))
    v = verdict(case_doc(order(), approval=False), readings=["art15-no-objection=superior-bears"])
    assert liable(v)["boss"] == ("leading", "all", ("15",)) and not line(v, "h")["liable"]


def test_the_superiors_category_is_a_reading():
    # 「执行的后果由上级负责」 names the bearer, not his category (Art. 9 has
    # 直接责任人员 and 领导责任人员): art15-superior-category, leading by default.
    insisted = case_doc(order(objection_raised=True, superior_insisted=True), approval=False)
    v = verdict(insisted, readings=["art15-superior-category=direct"])
    assert liable(v)["boss"] == ("direct", "all", ("15",)) and not line(v, "h")["liable"]
    v = verdict(case_doc(order(), approval=False),
                readings=["art15-no-objection=superior-bears", "art15-superior-category=direct"])
    assert liable(v)["boss"] == ("direct", "all", ("15",))
    # one line for the superior under either option: never both categories
    for option in ("leading", "direct"):
        v = verdict(insisted, readings=[f"art15-superior-category={option}"])
        assert v["conflicts"] == [] and liable(v)["boss"][0] == option


def test_objection_without_insistence_is_a_reading():
    # 「上级不改变该决定或者命令，或者要求立即执行的……执行的后果由上级负责」:
    # by default the superior must have kept the order in response
    # (上级坚持); art15-unchanged=unchanged-suffices reads an order executed
    # unchanged after the objection as 「上级不改变」.
    objected = case_doc(order(objection_raised=True), approval=False)
    assert verdict(objected)["outcome"] == "gap"
    v = verdict(objected, readings=["art15-unchanged=unchanged-suffices"])
    assert liable(v)["boss"] == ("leading", "all", ("15",)) and not line(v, "h")["liable"]
    # 但书 still holds: a clearly illegal order is the executor's too
    v = verdict(case_doc(order(objection_raised=True, clearly_illegal=True), approval=False),
                readings=["art15-unchanged=unchanged-suffices"])
    assert liable(v)["h"] == ("direct", "corresponding", ("15",))
