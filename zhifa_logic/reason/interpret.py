"""Solver-free evaluation of a rule set on known chain facts.

It exists to check the Z3 path: both must give the same ``Firing`` on every
case (tests/reason/test_differential.py)."""

from __future__ import annotations

from ..model import rules as r
from ..model.facts import ChainFacts
from .firing import Firing


class _Eval:
    def __init__(self, facts: ChainFacts, readings: dict[str, str]):
        self.facts = facts
        self.readings = readings
        self.holders = dict(facts.party_facts)

    def has(self, word: str, party: str) -> bool:
        return party in self.holders.get(word, ())

    def case(self, c: r.Cond) -> bool:
        match c:
            case r.CTrue():
                return True
            case r.CFact(name=name):
                return name in self.facts.case_facts
            case r.CHolds(ref=ref):
                return ref in self.facts.case_items
            case r.CReading(reading=rd, option=opt):
                return self.readings.get(rd) == opt
            case r.CSome(role=role, where=where, negated=neg):
                some = any(self.member(role, where, None, p) for p in self.facts.parties)
                return not some if neg else some
            case r.CNot(arg=a):
                return not self.case(a)
            case r.CAnd(args=args):
                return all(self.case(a) for a in args)
            case r.COr(args=args):
                return any(self.case(a) for a in args)
        raise AssertionError(c)

    def party(self, c: r.Cond, p: str) -> bool:
        match c:
            case r.CTrue():
                return True
            case r.CFact(name=name):
                return self.has(name, p)
            case r.CHolds(ref=ref):
                return ref in self.facts.items_of(p)
            case r.CReading(reading=rd, option=opt):
                return self.readings.get(rd) == opt
            case r.CNot(arg=a):
                return not self.party(a, p)
            case r.CAnd(args=args):
                return all(self.party(a, p) for a in args)
            case r.COr(args=args):
                return any(self.party(a, p) for a in args)
        raise AssertionError(c)

    def member(self, role, where, except_, p) -> bool:
        return (self.has(role, p) and (where is None or self.party(where, p))
                and (except_ is None or not self.party(except_, p)))


def interpret(rs: r.RuleSet, facts: ChainFacts, readings: dict[str, str]) -> Firing:
    ev = _Eval(facts, readings)
    fired = {k for k, cl in rs.clauses.items() if ev.case(cl.when)}
    stands = {k for k in fired
              if not any(p.low == k and p.high in fired and ev.case(p.when) for p in rs.priorities)}
    reaches = set()
    for k, cl in rs.clauses.items():
        for i, eff in enumerate(cl.effects):
            b = getattr(eff, "bearer", None)
            if b is not None:
                reaches.update((k, i, p) for p in facts.parties
                               if ev.member(b.role, b.where, b.except_, p))
    return Firing(frozenset(fired), frozenset(stands), frozenset(reaches))
