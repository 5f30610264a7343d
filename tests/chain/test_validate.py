"""Chains that cannot have happened are refused, each with a clear message."""

import json

import pytest

from zhifa_logic.errors import InputError
from zhifa_logic.model.loader import load_case, load_ruleset
from zhifa_logic.reason.prepare import prepare
from tests.helpers import DRAFT_WRONG, case_doc, load


def refused(doc) -> list[str]:
    with pytest.raises(InputError) as exc:
        prepare(load(doc), load_ruleset())
    return [d.message for d in exc.value.diagnostics]


def test_opinion_used_before_it_is_made():
    doc = case_doc([{"step": "execute", "by": "h", "of": "o1"}, DRAFT_WRONG])
    assert refused(doc) == ["step 0 (execute): opinion `o1` is used before it is made (step 1 makes it)"]


def test_opinion_made_twice():
    doc = case_doc([DRAFT_WRONG, DRAFT_WRONG])
    assert "already made at step 0" in refused(doc)[0]


def test_person_acting_for_an_agency_they_are_not_in():
    doc = case_doc([DRAFT_WRONG])
    doc["agencies"].append({"id": "SC", "name": "市市场监管局"})
    doc["persons"][0]["agency"] = "SC"
    assert "`h` belongs to `SC`, which did not decide the act" in refused(doc)[0]


def test_superior_staff_must_belong_to_the_superior():
    doc = case_doc([DRAFT_WRONG, {"step": "superior_change", "agency": "GOV", "of": "o1",
                                  "opinion": "s1", "correct": False, "staff": {"handler": ["x"]}}],
                   persons=[{"id": "h", "name": "h", "agency": "CG"}, {"id": "x", "name": "x", "agency": "CG"}])
    assert "`x` acts for `GOV` but belongs to `CG`" in refused(doc)[0]


def test_superior_change_by_an_agency_that_is_nobodys_superior():
    doc = case_doc([DRAFT_WRONG, {"step": "superior_change", "agency": "CG", "of": "o1",
                                  "opinion": "s1", "correct": False, "staff": {"handler": ["h"]}}])
    assert "`CG` is not the superior of any agency" in refused(doc)[0]


def test_hierarchy_cycle():
    doc = case_doc([DRAFT_WRONG])
    doc["agencies"][1]["superior"] = "CG"
    assert refused(doc) == ["the agencies' superiors form a cycle: CG → GOV → CG"]


def test_collective_without_principal():
    doc = case_doc([{"step": "collective", "participants": [{"person": "d", "position": "deputy"}],
                     "opinion": "c1", "correct": False}])
    assert "without a principal leader" in refused(doc)[0]


def test_lead_must_be_a_deciding_agency():
    doc = case_doc([DRAFT_WRONG], lead="GOV")
    msgs = refused(doc)
    assert any("`GOV` is not among the act's agencies" in m for m in msgs)


def test_unknown_fault_item_of_the_rule_set():
    doc = case_doc([DRAFT_WRONG], faults=("6.3",))
    case = load(doc)
    facts, findings = prepare(case, load_ruleset())
    assert "6.3" in facts.case_items


def test_flags_that_do_not_fit_the_step_are_refused_in_the_dsl():
    from zhifa_logic.model.loader import load_document
    text = ("case c agency A \"a\" person h \"h\" in A act { agencies A kind other no-approval-required "
            "faults Art. 6(1) } chain { h drafts o1 wrong delayed }")
    with pytest.raises(InputError) as exc:
        prepare(load_document("f.zl", text), load_ruleset())
    assert "`delayed` does not apply to a draft step" in exc.value.diagnostics[0].message


def test_one_person_takes_one_of_the_three_roles():
    # Art. 9: 承办人 / 审核人 / 批准人 are distinct functions.
    doc = case_doc([DRAFT_WRONG, {"step": "approve", "by": "h", "of": "o1", "action": "pass"}])
    assert refused(doc) == ["step 1 (approve): `h` acts as approver here but as handler at step 0"]


def test_a_hierarchy_cycle_points_at_a_superior_link():
    doc = case_doc([DRAFT_WRONG])
    doc["agencies"][1]["superior"] = "CG"
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    with pytest.raises(InputError) as exc:
        prepare(load_case("c.json", text), load_ruleset())
    span = exc.value.diagnostics[0].span
    assert text.splitlines()[span.line - 1].strip() == '"superior": "GOV"'   # CG's link


def test_an_act_without_agencies_is_one_error_not_one_per_step():
    doc = case_doc([DRAFT_WRONG, {"step": "execute", "by": "h", "of": "o1"}], act_agencies=[])
    doc["act"]["agencies"] = []
    assert refused(doc) == ["the act names no agency that decided it"]


def test_an_opinion_decided_around_review_cannot_then_be_reviewed():
    # 「直接作出」 around a stage and then that very stage: no such chain happened
    doc = case_doc([{"step": "decide", "by": "h", "opinion": "o1", "correct": False, "skipped": ["review"]},
                    {"step": "review", "by": "r", "of": "o1", "action": "pass"}])
    assert refused(doc) == ["step 1 (review): opinion `o1` was decided around the review stage "
                            "(step 0 skipped it), yet step 1 reviews it"]
