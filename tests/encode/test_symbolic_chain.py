"""The symbolic chain against the concrete semantics: every model of it,
read back as a case, passes validation and has exactly the facts the
symbolic terms said it has (so no witness is an impossible chain)."""

import z3
from hypothesis import given, strategies as st

from zhifa_logic.chain.facts import derive
from zhifa_logic.chain.graph import build_graph
from zhifa_logic.chain.validate import validate
from zhifa_logic.encode.chain import _FLAG_KINDS, KIND, Bound, build_chain
from zhifa_logic.encode.terms import World
from zhifa_logic.model.case_json import case_from_json
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.model.vocabulary import WORDS
from zhifa_logic.reason.witness import read_case

BOUND = Bound(persons=4, steps=4, agencies=2)
CTX = z3.Context()
SC = build_chain(BOUND, CTX)
RS = load_ruleset()


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


@given(nudges())
def test_every_model_is_a_valid_case_with_the_same_facts(extra):
    solver = z3.Solver(ctx=CTX)
    solver.set("random_seed", 0)
    solver.add(SC.constraints)
    solver.add(extra)
    if solver.check() != z3.sat:
        return
    model = solver.model()
    doc = read_case(model, SC, World(SC.parties, CTX), RS)
    doc["act"]["faults"] = ["6.3"]
    case = case_from_json(doc, {}, "<witness>")
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
                if party not in facts.parties:
                    continue
                symbolic = z3.is_true(model.eval(SC.facts[f"{w.name}[{party}]"], model_completion=True))
                assert symbolic == (party in holders.get(w.name, ())), (w.name, party, doc)
