"""Properties of ``decide`` over generated cases: agreement with the
solver-free interpreter, determinism, and metamorphic laws of the text."""

import copy

from hypothesis import given

from tests.helpers import liable, verdict
from tests.strategies import case_docs, reading_choices


@given(case_docs(), reading_choices())
def test_z3_and_the_interpreter_agree(doc, readings):
    assert verdict(doc, readings) == verdict(doc, readings, solver=False)


@given(case_docs())
def test_same_case_same_verdict(doc):
    assert verdict(doc) == verdict(copy.deepcopy(doc))


@given(case_docs(with_exemptions=False))
def test_adding_an_art8_ground_never_adds_a_liable_party(doc):
    # 第八条: a ground of exemption can only take liability away.
    before = set(liable(verdict(doc)))
    doc["act"]["exemptions"] = ["8.2"]
    after = verdict(doc)
    assert set(liable(after)) <= before
    if doc["act"]["faults"]:
        assert after["outcome"] == "exempt"


@given(case_docs(with_exemptions=False))
def test_removing_every_fault_leaves_nobody_liable(doc):
    doc["act"]["faults"] = []
    v = verdict(doc)
    assert v["outcome"] == "no_fault" and liable(v) == {}


@given(case_docs())
def test_every_party_appears_once_in_case_order(doc):
    v = verdict(doc)
    ids = [p["id"] for p in doc["persons"]] + [a["id"] for a in doc["agencies"]]
    assert [p["id"] for p in v["parties"]] == ids


@given(case_docs())
def test_outcome_agrees_with_the_lines(doc):
    v = verdict(doc)
    persons = {p["id"] for p in doc["persons"]}
    any_person = any(p["liable"] for p in v["parties"] if p["id"] in persons)
    if v["outcome"] == "liable":
        assert any_person and not v["conflicts"]
    if v["outcome"] in ("none", "gap", "no_fault", "exempt"):
        assert not any_person
    assert (v["outcome"] == "conflict") == bool(v["conflicts"])
    for p in v["parties"]:
        assert p["basis"] == sorted(p["basis"])
        if not p["liable"]:
            assert p["mode"] is None and "adjust" not in p


@given(case_docs(with_exemptions=False))
def test_dissenting_never_makes_anyone_liable_under_art13(doc):
    v = verdict(doc)
    # a person who dissented in one collective decision but agreed in another
    # (the one the act rests on, say) is no dissenter of the act
    parts = [p for s in doc["chain"] if s["step"] == "collective" for p in s["participants"]]
    dissenters = {p["person"] for p in parts if p.get("dissent")} - \
        {p["person"] for p in parts if not p.get("dissent")}
    for p in v["parties"]:
        if p["id"] in dissenters and p["liable"]:
            assert "13.1" not in p["basis"] or v["outcome"] == "conflict"
