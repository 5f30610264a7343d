"""``zhifa decide``: a case and a rule set → a verdict, computed by Z3.

The chain facts are Z3 constants fixed by equalities, so the same encoding
serves later for cases with unknown facts (leave a constant free)."""

from __future__ import annotations

import z3

from ..encode.rules import encode_ruleset, readings_constraint
from ..encode.solver import DEFAULT_RLIMIT, check_within, make_solver, new_context
from ..encode.terms import World
from ..errors import Diagnostic, SolverUnknown
from ..model import rules as r
from ..model.facts import ChainFacts
from ..model.vocabulary import WORDS
from ..model.results import Finding, Verdict
from .firing import Firing, to_verdict


def known_facts(world: World, rs: r.RuleSet, facts: ChainFacts) -> list[z3.BoolRef]:
    """Equalities that fix every constant the encoding uses to the case's value."""
    holders = dict(facts.party_facts)
    out = []
    for name, var in sorted(world.variables().items()):
        if name.startswith("case:"):
            value = name[5:] in facts.case_facts
        elif name.startswith("item:"):
            body = name[5:]
            if body.endswith("]"):
                ref, party = body[:-1].split("[", 1)
                value = ref in facts.items_of(party)
            else:
                value = body in facts.case_items
        elif name.startswith("reading:"):
            continue
        else:
            word, party = name[:-1].split("[", 1)
            value = party in holders.get(word, ())
        out.append(var == z3.BoolVal(value, world.ctx))
    return out


def solve_firing(rs: r.RuleSet, facts: ChainFacts, readings: dict[str, str],
                 rlimit: int = DEFAULT_RLIMIT) -> Firing:
    holders = dict(facts.party_facts)
    roles = {w.name for w in WORDS.values() if w.kind == "role"}
    absent = frozenset(f"{role}[{p}]" for role in roles for p in facts.parties
                       if p not in holders.get(role, ()))
    ctx = new_context()
    world = World(facts.parties, ctx, absent)
    enc = encode_ruleset(rs, world)
    solver = make_solver(ctx)
    solver.add(readings_constraint(rs, world))
    for name, option in sorted(readings.items()):
        solver.add(world.reading(name, option))
    solver.add(known_facts(world, rs, facts))
    status = check_within(solver, rlimit)
    if status == z3.unknown:
        raise SolverUnknown(Diagnostic(f"Z3 gave `unknown` ({solver.reason_unknown()}) within "
                                       f"rlimit {rlimit}; no verdict is guessed",
                                       suggestion="raise the limit with --rlimit"))
    if status != z3.sat:
        raise AssertionError("the case's facts contradict the encoding (a bug)")
    model = solver.model()

    def true(term) -> bool:
        return z3.is_true(model.eval(term, model_completion=True))

    return Firing(frozenset(k for k, t in enc.fires.items() if true(t)),
                  frozenset(k for k, t in enc.stands.items() if true(t)),
                  frozenset(k for k, t in enc.reaches.items() if true(t)))


def decide(case_id: str, rs: r.RuleSet, facts: ChainFacts, findings: list[Finding],
           readings: dict[str, str], rlimit: int = DEFAULT_RLIMIT) -> Verdict:
    firing = solve_firing(rs, facts, readings, rlimit)
    return to_verdict(case_id, rs, facts, firing, findings, readings)
