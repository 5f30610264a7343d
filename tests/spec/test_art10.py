"""Art. 10: 承办人直接作出违法、不当行政执法行为或者不履行法定职责的，由承办人承担全部行政执法过错责任。"""

from tests.helpers import DRAFT_WRONG, EXEC, case_doc, liable, verdict


def test_handler_acting_alone_on_an_act_without_approval_bears_all():
    v = verdict(case_doc([DRAFT_WRONG, EXEC], approval=False))
    assert v["outcome"] == "liable"
    assert liable(v) == {"h": ("direct", "all", ("10",)), "CG": ("agency", "all", ("12",))}


def test_handler_deciding_directly_without_approval_requirement():
    chain = [{"step": "decide", "by": "h", "opinion": "o1", "correct": False}]
    v = verdict(case_doc(chain, approval=False))
    assert liable(v)["h"] == ("direct", "all", ("10",))


def test_handler_failing_to_act_bears_all():
    # 「或者不履行法定职责的」
    v = verdict(case_doc([{"step": "fail_to_act", "by": "h"}], approval=False, faults=("7.1",)))
    assert liable(v)["h"] == ("direct", "all", ("10",))


def test_by_default_art11_alone_governs_acts_needing_approval():
    # ORACLE.md: approval_required — "Art. 11 governs" — or not — "Art. 10".
    chain = [{"step": "decide", "by": "h", "opinion": "o1", "correct": False,
              "skipped": ["review", "approve"]}]
    v = verdict(case_doc(chain))
    assert liable(v)["h"] == ("direct", "all", ("11.1",))


def test_literal_reading_also_covers_acts_needing_approval_and_agrees_with_11_1():
    chain = [{"step": "decide", "by": "h", "opinion": "o1", "correct": False,
              "skipped": ["review", "approve"]}]
    v = verdict(case_doc(chain), readings=["art10-scope=literal"])
    assert v["outcome"] == "liable" and v["conflicts"] == []
    assert liable(v)["h"] == ("direct", "all", ("10", "11.1"))


def test_handler_nonfeasance_on_an_act_needing_approval_depends_on_the_reading():
    # Art. 11 has no item for a handler who does not act; Art. 10's words do.
    doc = case_doc([{"step": "fail_to_act", "by": "h"}], faults=("7.1",))
    assert verdict(doc)["outcome"] == "gap"
    assert liable(verdict(doc, readings=["art10-scope=literal"]))["h"] == ("direct", "all", ("10",))


def test_handler_executing_an_approved_opinion_did_not_act_directly():
    # Only 「直接作出」 counts: executing what was reviewed is not acting alone.
    chain = [DRAFT_WRONG, {"step": "review", "by": "r", "of": "o1", "action": "pass"}, EXEC]
    v = verdict(case_doc(chain, approval=False))
    assert "h" not in liable(v)
    assert v["outcome"] == "gap"
