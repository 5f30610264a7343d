"""Solver-free evaluation of a rule set on known chain facts.

It exists to check the Z3 path: both must give the same ``Firing`` on every
case (tests/reason/test_differential.py)."""

from __future__ import annotations

import weakref

from ..model import rules as r
from ..model.facts import ChainFacts
from .firing import Firing


class _Eval:
    """The facts of one case, as the compiled conditions read them."""

    def __init__(self, facts: ChainFacts, readings: dict[str, str]):
        self.facts = facts
        self.readings = readings
        self.holders = dict(facts.party_facts)
        self.items = dict(facts.party_items)


# Each condition is compiled once per rule set into a Python closure over an
# ``_Eval`` (a check interprets thousands of cases against one rule set
# while it shrinks witnesses; walking every node of every condition each
# time cost most of that).

def _case_fn(c: r.Cond):
    match c:
        case r.CTrue():
            return lambda ev: True
        case r.CFact(name=name):
            return lambda ev: name in ev.facts.case_facts
        case r.CHolds(ref=ref):
            return lambda ev: ref in ev.facts.case_items
        case r.CReading(reading=rd, option=opt):
            return lambda ev: ev.readings.get(rd) == opt
        case r.CSome(role=role, where=where, negated=neg):
            member = _member_fn(role, where, None)
            if neg:
                return lambda ev: not any(member(ev, p) for p in ev.facts.parties)
            return lambda ev: any(member(ev, p) for p in ev.facts.parties)
        case r.CNot(arg=a):
            f = _case_fn(a)
            return lambda ev: not f(ev)
        case r.CAnd(args=args):
            fs = [_case_fn(a) for a in args]
            return lambda ev: all(f(ev) for f in fs)
        case r.COr(args=args):
            fs = [_case_fn(a) for a in args]
            return lambda ev: any(f(ev) for f in fs)
    raise AssertionError(c)


def _party_fn(c: r.Cond):
    match c:
        case r.CTrue():
            return lambda ev, p: True
        case r.CFact(name=name):
            return lambda ev, p: p in ev.holders.get(name, ())
        case r.CHolds(ref=ref):
            return lambda ev, p: ref in ev.items.get(p, ())
        case r.CReading(reading=rd, option=opt):
            return lambda ev, p: ev.readings.get(rd) == opt
        case r.CNot(arg=a):
            f = _party_fn(a)
            return lambda ev, p: not f(ev, p)
        case r.CAnd(args=args):
            fs = [_party_fn(a) for a in args]
            return lambda ev, p: all(f(ev, p) for f in fs)
        case r.COr(args=args):
            fs = [_party_fn(a) for a in args]
            return lambda ev, p: any(f(ev, p) for f in fs)
    raise AssertionError(c)


def _member_fn(role: str, where: r.Cond | None, except_: r.Cond | None):
    w = _party_fn(where) if where is not None else None
    x = _party_fn(except_) if except_ is not None else None

    def member(ev, p) -> bool:
        return (p in ev.holders.get(role, ()) and (w is None or w(ev, p))
                and (x is None or not x(ev, p)))
    return member


class _Program:
    def __init__(self, rs: r.RuleSet):
        self.fires = [(k, _case_fn(cl.when)) for k, cl in rs.clauses.items()]
        self.priorities = [(p.low, p.high, _case_fn(p.when)) for p in rs.priorities]
        self.bearers = [(k, i, _member_fn(eff.bearer.role, eff.bearer.where, eff.bearer.except_))
                        for k, cl in rs.clauses.items() for i, eff in enumerate(cl.effects)
                        if getattr(eff, "bearer", None) is not None]


_PROGRAMS: dict[int, tuple[weakref.ref, _Program]] = {}


def _program(rs: r.RuleSet) -> _Program:
    got = _PROGRAMS.get(id(rs))
    if got is None or got[0]() is not rs:
        for key in [k for k, (ref, _p) in _PROGRAMS.items() if ref() is None]:
            del _PROGRAMS[key]
        got = _PROGRAMS[id(rs)] = (weakref.ref(rs), _Program(rs))
    return got[1]


def interpret(rs: r.RuleSet, facts: ChainFacts, readings: dict[str, str]) -> Firing:
    ev = _Eval(facts, readings)
    prog = _program(rs)
    fired = {k for k, f in prog.fires if f(ev)}
    stands = fired - {low for low, high, when in prog.priorities if low in fired and high in fired and when(ev)}
    reaches = {(k, i, p) for k, i, member in prog.bearers for p in facts.parties if member(ev, p)}
    return Firing(frozenset(fired), frozenset(stands), frozenset(reaches))
