"""The symbolic chain against the concrete semantics: every model of it,
read back as a case, passes validation and has exactly the facts the
symbolic terms said it has (so no witness is an impossible chain)."""

import z3
from hypothesis import given, strategies as st

from zhifa_logic.chain.facts import derive
from zhifa_logic.chain.graph import build_graph
from zhifa_logic.chain.validate import validate
from zhifa_logic.encode.chain import _FLAG_KINDS, KIND, Bound, build_chain
from zhifa_logic.encode.rules import rule_terms
from zhifa_logic.encode.terms import World
from zhifa_logic.model.case_json import case_from_json
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.model.vocabulary import WORDS
from zhifa_logic.reason.witness import read_case

BOUND = Bound(persons=4, steps=4, agencies=2)
CTX = z3.Context()
SC = build_chain(BOUND, CTX)
RS = load_ruleset()
TERMS = rule_terms(RS, World(SC.parties, CTX, defs=SC.facts))


@st.composite
def nudges(draw):
    """Random extra constraints, so that the solver's models cover the space:
    a kind per step, and flags that fit it."""
    out = []
    n = draw(st.integers(1, BOUND.steps))
    for i, s in enumerate(SC.steps[:n]):
        kind = draw(st.sampled_from(sorted(KIND) if i else ["draft", "decide", "fail_to_act",
                                                            "collective", "superior_order"]))
        out += [s.active, s.kind == KIND[kind], s.correct == draw(st.booleans())]
        for flag, kinds in _FLAG_KINDS.items():
            if kind in kinds and draw(st.booleans()):
                out.append(s.flag[flag])
        if kind == "decide":
            out += [s.skipped[st_] == draw(st.booleans()) for st_ in sorted(s.skipped)]
        if kind in ("review", "approve"):
            out.append(s.action == draw(st.integers(0, 2)))
    out.append(SC.approval == draw(st.booleans()))
    return out


def _solve(*extra):
    """A model of the chain with ``extra``, read back as a case with a fault
    item: (model, document, case), or None if there is none."""
    solver = z3.Solver(ctx=CTX)
    solver.set("random_seed", 0)
    solver.add(SC.constraints)
    solver.add(*extra)
    if solver.check() != z3.sat:
        return None
    model = solver.model()
    doc = read_case(model, SC, World(SC.parties, CTX), RS)
    doc["act"]["faults"] = ["6.3"]
    return model, doc, case_from_json(doc, {}, "<witness>")


@given(nudges())
def test_every_model_is_a_valid_case_with_the_same_facts(extra):
    got = _solve(*extra)
    if got is None:
        return
    model, doc, case = got
    g = build_graph(case)
    validate(case, g)
    facts, _ = derive(case, g)
    holders = dict(facts.party_facts)
    for w in WORDS.values():
        if w.domain == "case":
            symbolic = z3.is_true(model.eval(SC.facts[f"case:{w.name}"], model_completion=True))
            assert symbolic == (w.name in facts.case_facts), (w.name, doc)
        elif w.name != "no_loss":
            for party in SC.parties:
                # a slot that is no party of the case holds no word either
                # (a person slot the solver left absent is no person)
                symbolic = z3.is_true(model.eval(SC.facts[f"{w.name}[{party}]"], model_completion=True))
                assert symbolic == (party in holders.get(w.name, ())), (w.name, party, doc)


def _one_case(*extra):
    got = _solve(*extra)
    assert got is not None
    _model, doc, case = got
    validate(case, build_graph(case))
    return doc


def test_person_slots_may_be_absent_or_named_by_no_step():
    """A case file lists its persons; the chain need not name every one, and
    a case may list none (an agency's own fault). A clause may say 「存在 人员」
    (a drafter can write it), so the symbolic chain must range over both
    kinds of case — before, every slot was a person of every case and a
    check called such a clause redundant that a valid case showed needed."""
    nobody = z3.Not(z3.Or([SC.facts[f"person[{p}]"] for p in SC.persons]))
    doc = _one_case(nobody)
    assert doc["persons"] == [] and doc["chain"] == []
    lone = _one_case(SC.facts["person[p1]"], z3.Not(SC.steps[0].active))
    assert [p["id"] for p in lone["persons"] if p["id"] == "p1"] == ["p1"] and lone["chain"] == []


def test_a_step_makes_its_actor_a_person_of_the_case():
    s = SC.steps[0]
    solver = z3.Solver(ctx=CTX)
    solver.add(SC.constraints)
    solver.add(s.active, s.kind == KIND["draft"], s.by == 2, z3.Not(SC.facts["person[p2]"]))
    assert solver.check() == z3.unsat


@given(nudges())
def test_gap_labels_are_the_same_symbolically_and_concretely(extra):
    # reason/gap_kinds.py: the gap search asks the solver for a label and
    # reads each witness's labels back concretely — the two must agree
    from zhifa_logic.reason.gap_kinds import GapWords, label_terms, labels_of
    from zhifa_logic.reason.prepare import prepare
    words = GapWords.of(RS, TERMS.personal)
    terms = label_terms(words, World(SC.parties, CTX, defs=SC.facts), SC.persons)
    got = _solve(*extra)
    if got is None:
        return
    model, doc, case = got
    facts, _ = prepare(case, RS)
    symbolic = {x for x, t in terms.items() if z3.is_true(model.eval(t, model_completion=True))}
    assert symbolic == labels_of(words, case, facts), doc
    assert words.roles and words.facts        # the Measures speak of both
