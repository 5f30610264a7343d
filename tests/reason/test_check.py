"""``check`` on the Measures at a small bound: the overlaps the text is known
for are found, with witnesses that ``decide`` reproduces; the Measures have
no dead clause; gaps come with minimal witnesses."""

import pytest

from zhifa_logic.encode.chain import Bound
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.reason.check import Checker
from zhifa_logic.reason.prepare import select_readings
from tests.helpers import verdict

RS = load_ruleset()
KEY = {cl.ref: k for k, cl in RS.clauses.items() if list(c.ref for c in RS.clauses.values()).count(cl.ref) == 1}


@pytest.fixture(scope="module")
def checker():
    return Checker(RS, select_readings(RS, []), Bound(persons=3, steps=3, agencies=1))


@pytest.mark.parametrize("a, b", [("11.3", "11.4"), ("11.7", "11.8")])
def test_known_conflicts_are_found_and_reproduced(checker, a, b):
    found = checker.pair_findings([(KEY[a], KEY[b])])
    assert [f.kind for f in found] == ["conflict"]
    v = verdict(found[0].witness)      # replayed through decide (Z3)
    assert any(a in c["clauses"] and b in c["clauses"] for c in v["conflicts"])


def test_11_5_and_11_8_overlap_benignly(checker):
    found = checker.pair_findings([(KEY["11.5"], KEY["11.8"])])
    assert [f.kind for f in found] == ["overlap"]
    v = verdict(found[0].witness)
    assert v["conflicts"] == []
    assert any({"11.5", "11.8"} <= set(p["basis"]) for p in v["parties"])


def test_fraud_prevails_reading_turns_the_conflict_into_a_shadowing(checker):
    ch = Checker(RS, select_readings(RS, ["art11-3-vs-4=fraud-prevails"]), Bound(3, 3, 1))
    assert ch.pair_findings([(KEY["11.3"], KEY["11.4"])]) == []
    shadowed = ch.shadowed()
    assert [(RS.clauses[f.clauses[0]].ref, RS.clauses[f.clauses[1]].ref) for f in shadowed] == [("11.3", "11.4")]


def test_gap_witnesses_are_gaps_and_minimal(checker):
    gaps = checker.gaps(limit=4)
    assert gaps and all(verdict(g.witness)["outcome"] == "gap" for g in gaps)
    assert len(gaps[0].witness["chain"]) == 1      # smallest chains first
    for g in gaps:
        for i in range(len(g.witness["chain"])):   # no flag can go without losing the gap class
            for flag in [k for k, v in g.witness["chain"][i].items() if v is True and k != "correct"]:
                smaller = {**g.witness, "chain": [dict(s) for s in g.witness["chain"]]}
                del smaller["chain"][i][flag]
                try:
                    assert verdict(smaller)["outcome"] != "gap"
                except Exception:   # a refused case is not a smaller witness either
                    pass


def test_the_wrong_draft_nobody_could_notice_is_among_the_gaps():
    # 「应当发现而没有发现，或者发现后未予纠正」 is not said of them: no item of Art. 11 holds.
    ch = Checker(RS, select_readings(RS, []), Bound(3, 2, 1))
    gaps = ch.gaps()
    assert ch.gaps_complete
    kinds = [[s["step"] for s in g.witness["chain"]] for g in gaps if g.witness["act"]["approval_required"]]
    assert ["draft", "approve"] in kinds


def test_the_gap_list_says_whether_it_is_complete():
    # one person, one step: few situations, all of them found under a high limit
    ch = Checker(RS, select_readings(RS, []), Bound(persons=1, steps=1, agencies=1))
    every = ch.gaps(limit=100)
    assert ch.gaps_complete and 1 < len(every) < 100
    assert len(ch.gaps(limit=1)) == 1 and not ch.gaps_complete


def test_every_kind_of_unallocated_conduct_is_shown_by_a_listed_gap():
    # the gap list's promise, checked label by label against the solver on a
    # fresh checker: a role with a fact (审核人·不履行), a case fact, or nobody
    # holding any fact — if some gap within the bound has it, a listed gap does
    import z3
    bound = Bound(3, 3, 1)
    ch = Checker(RS, select_readings(RS, []), bound)
    gaps = ch.gaps()
    assert ch.gaps_complete and gaps
    shown = set().union(*(ch._situation(g.witness) for g in gaps))
    truth = Checker(RS, select_readings(RS, []), bound)
    nobody = [z3.Not(truth.enc.stands[k]) for k in truth.personal] + [truth.sc.shows_fault]
    possible = {x for x, t in truth._labels().items()
                if truth.model(truth.in_scope, *nobody, t, what="truth") is not None}
    assert possible == shown
    assert "reviewer·failed_to_act" in possible         # a reviewer who does not act: no item allocates it


def test_no_clause_of_the_measures_is_dead():
    # Four steps: 11(2) needs a draft, a review, an approval and the execution
    # that deviates from them (「虽经审核人审核、批准人批准，但承办人不依照……实施」).
    ch = Checker(RS, select_readings(RS, []), Bound(persons=3, steps=4, agencies=2))
    assert ch.dead() == []


def test_11_2_is_dead_below_four_steps():
    # The same wording, from the other side: with three steps nothing is both
    # reviewed and approved before it is executed.
    ch = Checker(RS, select_readings(RS, []), Bound(persons=3, steps=3, agencies=2))
    assert [f.clauses for f in ch.dead()] == [("changzhou-2008:Art. 11(2)",)]


def test_a_bound_too_small_for_art12_says_so(checker):
    # one deciding agency: Art. 12's joint forms cannot apply within the bound
    # (nor, in three steps, 11(2): see test_11_2_is_dead_below_four_steps)
    dead = {RS.clauses[f.clauses[0]].title for f in checker.dead()
            if RS.clauses[f.clauses[0]].ref == "12"}
    assert dead == {"主办机关", "没有主办机关"}


def test_the_group_limit_shortens_the_group_list_never_the_findings():
    def pairs(limit):
        ch = Checker(RS, select_readings(RS, []), Bound(persons=3, steps=3, agencies=2))
        groups = ch.groups(limit=limit)
        return len(groups), {(f.kind, f.clauses) for f in ch.pair_findings(groups)}
    few, cut = pairs(3)
    full, every = pairs(200)
    assert few == 3 < full
    assert cut == every


def test_every_pair_that_can_apply_together_gets_a_finding_for_a_local_rule_set():
    # independent of the grouping: ask each pair of (own × any) clauses on its
    # own whether one case makes both apply to one party, and compare
    from itertools import combinations
    from pathlib import Path
    local = load_ruleset(str(Path(__file__).resolve().parents[2] / "examples" / "local" / "jintan-xize-subtle.zl"))
    own = {k for k, cl in local.clauses.items() if cl.ruleset == local.name}
    ch = Checker(local, select_readings(local, []), Bound(3, 3, 1), focus=own)
    reported = {f.clauses for f in ch.pair_findings(ch.groups())}
    truth = {ab for ab in combinations(ch.allocating, 2) if own & set(ab)
             and ch.model(ch.in_scope, ch.coreach(*ab), what="truth") is not None}
    assert truth and reported == truth


def test_case_shown_groups_of_a_large_rule_set_lose_no_pair():
    # past MAXIMAL_UP_TO candidate pairs groups are the sets cases show
    # (not grown to maximal ones); the pair findings must stay the same
    from pathlib import Path
    local = load_ruleset(str(Path(__file__).resolve().parents[2] / "examples" / "local" / "jintan-xize-subtle.zl"))
    own = {k for k, cl in local.clauses.items() if cl.ruleset == local.name}

    def pairs(maximal_up_to):
        ch = Checker(local, select_readings(local, []), Bound(3, 3, 1), focus=own)
        ch.MAXIMAL_UP_TO = maximal_up_to
        groups = ch.groups()
        assert all(len(g) > 1 for g in groups)
        return ch.groups_maximal, {(f.kind, f.clauses) for f in ch.pair_findings(groups)}

    small, large = pairs(Checker.MAXIMAL_UP_TO), pairs(0)
    assert small[0] is True and large[0] is False
    assert small[1] == large[1]


def test_groups_are_maximal_and_cover_every_pair_that_applies_together():
    # independent of the grouping: per group, one question per clause
    # outside it (can it join, all reaching one party?); per pair, one
    # question (can both apply to one party?) — against a fresh checker
    from itertools import combinations
    bound = Bound(3, 3, 1)
    ch = Checker(RS, select_readings(RS, []), bound)
    groups = ch.groups()
    assert ch.groups_maximal and len(groups) > 3
    truth = Checker(RS, select_readings(RS, []), bound)
    for g in groups:
        assert truth.model(truth.together(g), what="truth") is not None, g
        for k in truth.allocating:
            if k not in g:
                assert truth.model(truth.together(set(g) | {k}), what="truth") is None, (g, k)
    covered = {ab for g in groups for ab in combinations(g, 2)}
    for ab in combinations(truth.allocating, 2):
        applies = truth.model(truth.in_scope, truth.coreach(*ab), what="truth") is not None
        assert applies == (tuple(sorted(ab)) in covered), ab
