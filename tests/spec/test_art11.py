"""Art. 11: 应当经过审核、审批的行政执法行为 — items (1) to (11)."""

import pytest

from tests.helpers import (DRAFT_RIGHT, DRAFT_WRONG, EXEC, approve, case_doc, liable, line,
                           review, verdict)


def test_11_1_handler_deciding_without_review_and_approval():
    # 「承办人未经审核人、批准人批准，直接作出行政执法行为的，由承办人承担」
    chain = [{"step": "decide", "by": "h", "opinion": "o1", "correct": False,
              "skipped": ["review", "approve"]}]
    v = verdict(case_doc(chain))
    assert liable(v) == {"h": ("direct", "all", ("11.1",)), "CG": ("agency", "all", ("12",))}


def test_11_1_handler_executing_his_own_unreviewed_draft():
    # 「直接作出行政执法行为」 — Art. 10's words: the handler carries out his own
    # wrong draft, nobody having reviewed or approved it.
    chain = [DRAFT_WRONG, EXEC]
    assert liable(verdict(case_doc(chain)))["h"] == ("direct", "all", ("11.1",))


def test_11_1_not_when_the_draft_was_reviewed_and_approved():
    chain = [DRAFT_WRONG, review(), approve(), EXEC]
    assert "h" not in liable(verdict(case_doc(chain)))


@pytest.mark.parametrize("before, by_default, if_approval_missing", [
    ([], True, True),                       # nobody reviewed or approved: 直接作出 either way
    ([review()], False, True),              # reviewed, never approved
    ([review(), approve()], False, False),  # reviewed and approved: never 11(1)
    ([approve()], False, False),            # approved without review: the approval was given
], ids=["alone", "reviewed-not-approved", "reviewed-and-approved", "approved-only"])
def test_11_1_reading_of_unapproved(before, by_default, if_approval_missing):
    # 「承办人未经审核人、批准人批准，直接作出行政执法行为的」: by default neither
    # reviewed nor approved (直接作出); art11-1-approval=approval-missing reads
    # 「未经……批准」 as the approver's approval missing, reviewed or not.
    chain = [DRAFT_WRONG, *before, EXEC]
    for readings, expected in (((), by_default), (["art11-1-approval=approval-missing"], if_approval_missing)):
        got = liable(verdict(case_doc(chain), readings=readings)).get("h")
        assert (got == ("direct", "all", ("11.1",))) == expected, (readings, got)


def test_11_2_handler_deviating_from_what_was_approved():
    # 「虽经审核人审核、批准人批准，但承办人不依照审核、批准的内容和要求实施的，由承办人承担」
    chain = [DRAFT_RIGHT, review(), approve(), {**EXEC, "deviates": True}]
    v = verdict(case_doc(chain))
    assert liable(v)["h"] == ("direct", "all", ("11.2",))
    assert not line(v, "r")["liable"] and not line(v, "a")["liable"]


@pytest.mark.parametrize("before", [
    [],                      # nothing reviewed, nothing approved: the handler acts alone
    [review()],              # reviewed, never approved
    [approve()],             # approved without any review
], ids=["unreviewed", "unapproved", "approved-unreviewed"])
def test_11_2_needs_review_and_approval(before):
    # 「虽经审核人审核、批准人批准」 is a condition of 11(2): without both there is
    # no 「审核、批准的内容」 to deviate from.
    chain = [DRAFT_RIGHT, *before, {**EXEC, "deviates": True}]
    v = verdict(case_doc(chain))
    assert all("11.2" not in got[2] for got in liable(v).values())


def test_11_2_deviating_from_what_the_approver_changed():
    # The approver changed the reviewed draft; the handler deviates from the
    # approved opinion: still 「虽经审核、批准」.
    chain = [DRAFT_RIGHT, review(), approve(action="change", opinion="o2", correct=True),
             {**EXEC, "of": "o2", "deviates": True}]
    assert liable(verdict(case_doc(chain)))["h"] == ("direct", "all", ("11.2",))


def test_11_3_falsifying_handler_alone():
    # 「承办人弄虚作假、徇私舞弊，致使审核人、批准人无法正确履行审核、批准职责的，由承办人承担」
    chain = [{**DRAFT_WRONG, "falsified": True}, review(), approve(), EXEC]
    v = verdict(case_doc(chain))
    assert liable(v)["h"] == ("direct", "all", ("11.3",))
    assert not line(v, "r")["liable"] and not line(v, "a")["liable"]


def test_11_3_needs_a_review_or_approval_the_fraud_misled():
    # 「致使审核人、批准人无法正确履行审核、批准职责」: nobody reviewed or approved
    # the falsified draft its author carried out; that is 11(1) alone.
    chain = [{**DRAFT_WRONG, "falsified": True}, EXEC]
    assert liable(verdict(case_doc(chain)))["h"] == ("direct", "all", ("11.1",))


def test_11_4_wrong_proposal_all_three_by_degree():
    # 「承办人提出的方案或者意见有错误，审核人、批准人应当发现而没有发现，或者发现后未予纠正，
    #   按责任大小分别由承办人、审核人、批准人承担」
    chain = [DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC]
    v = verdict(case_doc(chain))
    assert liable(v) == {"h": ("direct", "by_degree", ("11.4",)),
                         "r": ("leading", "by_degree", ("11.4",)),
                         "a": ("leading", "by_degree", ("11.4",)),
                         "CG": ("agency", "all", ("12",))}


def test_11_4_detected_not_corrected_also_fires():
    chain = [DRAFT_WRONG, review(), approve(detected_not_corrected=True), EXEC]
    assert liable(verdict(case_doc(chain)))["a"] == ("leading", "by_degree", ("11.4",))


def test_11_4_only_at_fault_reading_spares_the_unflagged_approver():
    chain = [DRAFT_WRONG, review(should_have_detected=True), approve(), EXEC]
    v = verdict(case_doc(chain), readings=["art11-4-bearers=only-at-fault"])
    assert "a" not in liable(v) and "r" in liable(v)


def test_wrong_proposal_nobody_could_have_noticed_is_a_gap():
    # Neither 应当发现 nor 发现后未予纠正, no fraud: no item of Art. 11 allocates.
    chain = [DRAFT_WRONG, review(), approve(), EXEC]
    v = verdict(case_doc(chain))
    assert v["outcome"] == "gap"
    assert liable(v) == {"CG": ("agency", "all", ("12",))}


def test_11_3_and_11_4_conflict_under_the_literal_reading():
    chain = [{**DRAFT_WRONG, "falsified": True}, review(should_have_detected=True), approve(), EXEC]
    v = verdict(case_doc(chain))
    assert v["outcome"] == "conflict"
    assert v["conflicts"][0]["clauses"] == ["11.3", "11.4"]
    assert v["conflicts"][0]["parties"] == ["h"]
    assert v["conflicts"][0]["allocations"]["11.3"]["h"] == {"category": "direct", "mode": "all"}
    assert line(v, "h")["mode"] is None and line(v, "h")["liable"]


def test_fraud_prevails_reading_resolves_11_3_over_11_4():
    chain = [{**DRAFT_WRONG, "falsified": True}, review(should_have_detected=True), approve(), EXEC]
    v = verdict(case_doc(chain), readings=["art11-3-vs-4=fraud-prevails"])
    assert v["outcome"] == "liable"
    assert liable(v) == {"h": ("direct", "all", ("11.3",)), "CG": ("agency", "all", ("12",))}


def test_11_5_reviewer_overrides_correct_opinion_and_approver_approves():
    # 「审核人不采纳或者改变承办人的正确意见，经批准人批准的，按责任大小分别由审核人、批准人承担」
    chain = [DRAFT_RIGHT, review(action="reject", opinion="o2", correct=False), approve("o2"),
             {**EXEC, "of": "o2"}]
    v = verdict(case_doc(chain))
    assert liable(v) == {"r": ("leading", "by_degree", ("11.5",)),
                         "a": ("leading", "by_degree", ("11.5",)),
                         "CG": ("agency", "all", ("12",))}


def test_11_5_and_11_8_overlap_benignly_when_a_correct_opinion_is_changed():
    chain = [DRAFT_RIGHT, review(action="change", opinion="o2", correct=False), approve("o2")]
    v = verdict(case_doc(chain))
    assert v["conflicts"] == []
    assert liable(v)["r"] == ("leading", "by_degree", ("11.5", "11.8"))


def test_11_6_reviewer_deciding_without_referral():
    # 「审核人未报请批准人批准而直接作出决定的，由审核人承担」
    chain = [DRAFT_RIGHT, {"step": "decide", "by": "r", "opinion": "o2", "correct": False,
                           "skipped": ["approve"]}]
    v = verdict(case_doc(chain))
    assert liable(v)["r"] == ("leading", "all", ("11.6",))
    assert "h" not in liable(v)


@pytest.mark.parametrize("after, by_default, if_change_counts", [
    ([EXEC | {"of": "o2"}], False, True),      # the changed opinion carried out, never approved
    ([approve(of="o2"), EXEC | {"of": "o2"}], False, False),   # submitted and approved: 11(8)'s case
], ids=["not-submitted", "approved"])
def test_11_6_reading_of_deciding_directly(after, by_default, if_change_counts):
    # 「审核人未报请批准人批准而直接作出决定的」: by default the reviewer's own
    # decision that skips approval; art11-6-decision=change-unapproved also a
    # change the reviewer made that no approver passed.
    chain = [DRAFT_RIGHT, review(action="change", opinion="o2", correct=False), *after]
    for readings, expected in (((), by_default), (["art11-6-decision=change-unapproved"], if_change_counts)):
        got = liable(verdict(case_doc(chain), readings=readings)).get("r")
        assert (got == ("leading", "all", ("11.6",))) == expected, (readings, got)


def test_11_7_and_11_8_conflict_under_the_literal_reading():
    chain = [DRAFT_RIGHT, review(action="change", opinion="o2", correct=False, falsified=True),
             approve("o2")]
    v = verdict(case_doc(chain))
    assert v["outcome"] == "conflict"
    assert ["11.5", "11.7", "11.8"] == v["conflicts"][0]["clauses"]


def test_11_7_falsifying_reviewer_alone_when_fraud_prevails():
    # 「审核人弄虚作假、徇私舞弊，直接导致批准人作出错误决定的，由审核人承担」
    chain = [DRAFT_WRONG, review(falsified=True), approve(), EXEC]
    v = verdict(case_doc(chain), readings=["art11-7-vs-8=fraud-prevails"])
    assert liable(v)["r"] == ("leading", "all", ("11.7",))
    assert "a" not in liable(v)


def test_11_8_wrong_instruction_approved():
    # 「审核人作出的错误指令经批准人同意的，按责任大小分别由审核人、批准人承担」
    chain = [DRAFT_WRONG, review(action="change", opinion="o2", correct=False), approve("o2")]
    v = verdict(case_doc(chain))
    assert liable(v)["r"] == ("leading", "by_degree", ("11.8",))
    assert liable(v)["a"] == ("leading", "by_degree", ("11.8",))


def test_11_9_approver_overrides_a_correct_opinion():
    # 「批准人不采纳或者改变承办人、审核人正确意见的，由批准人承担」
    chain = [DRAFT_RIGHT, review(), approve(action="change", opinion="o2", correct=False)]
    v = verdict(case_doc(chain))
    assert liable(v) == {"a": ("leading", "all", ("11.9",)), "CG": ("agency", "all", ("12",))}


def test_11_10_approver_deciding_without_draft_and_review():
    # 「未经承办人拟办、审核人审核，批准人直接作出决定的，由批准人承担」
    chain = [{"step": "decide", "by": "a", "opinion": "o1", "correct": False,
              "skipped": ["draft", "review"]}, {"step": "execute", "by": "h", "of": "o1"}]
    v = verdict(case_doc(chain))
    assert liable(v) == {"a": ("leading", "all", ("11.10",)), "CG": ("agency", "all", ("12",))}


@pytest.mark.parametrize("delayed", [False, True])
def test_11_11_approver_not_acting_or_delaying(delayed):
    # 「批准人应当履行职责而不履行或拖延履行的，由批准人承担」
    chain = [DRAFT_RIGHT, review(), {"step": "fail_to_act", "by": "a", "delayed": delayed}]
    v = verdict(case_doc(chain, faults=("7.1",)))
    assert liable(v)["a"] == ("leading", "all", ("11.11",))


def test_a_reviewer_not_acting_is_left_unallocated():
    chain = [DRAFT_RIGHT, {"step": "fail_to_act", "by": "r"}]
    assert verdict(case_doc(chain, faults=("7.1",)))["outcome"] == "gap"


def test_exclusive_division_reading_spreads_the_11_3_conflict_to_reviewer_and_approver():
    # 第十一条「行政执法过错责任依照下列规定划分与承担」 read as a division: 「由承办人承担」
    # then also says the reviewer and approver are not liable.
    chain = [{**DRAFT_WRONG, "falsified": True}, review(should_have_detected=True), approve(), EXEC]
    v = verdict(case_doc(chain), readings=["art11-division=exclusive"])
    assert v["conflicts"][0]["parties"] == ["h", "r", "a"]
    assert v["conflicts"][0]["allocations"]["11.3"]["r"] == {"category": None, "mode": None}


def test_exclusive_division_reading_records_who_an_item_frees():
    chain = [{**DRAFT_WRONG, "falsified": True}, review(), approve(), EXEC]
    v = verdict(case_doc(chain), readings=["art11-division=exclusive"])
    assert v["outcome"] == "liable"
    assert line(v, "r") == {"id": "r", "kind": "person", "liable": False, "category": None,
                            "mode": None, "basis": ["11.3"]}
