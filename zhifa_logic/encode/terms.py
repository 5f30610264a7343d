"""Conditions of the IR as Z3 Boolean terms over a finite party domain.

A ``World`` names the Z3 constants of one case: a Boolean per case fact, per
(word, party), per case item, per (party, item), per (reading, option).
Quantifiers over roles are unrolled over the parties, so every formula is
propositional and every answer decidable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import z3

from ..model import rules as r


@dataclass
class World:
    parties: tuple[str, ...]
    ctx: z3.Context                  # the context every term of this world is built in
    # Constants whose value is already known to be false (a party without a
    # role): terms about them fold to false instead of being built.
    known_false: frozenset[str] = frozenset()
    # Constants defined by a formula (the symbolic chain's derived facts);
    # every other name is a free Boolean.
    defs: dict[str, z3.BoolRef] = field(default_factory=dict)
    _vars: dict[str, z3.BoolRef] = field(default_factory=dict)

    def var(self, name: str) -> z3.BoolRef:
        v = self._vars.get(name)
        if v is None:
            v = self.defs.get(name)
            self._vars[name] = v = z3.Bool(name, self.ctx) if v is None else v
        return v

    def case_fact(self, word: str) -> z3.BoolRef:
        return self.var(f"case:{word}")

    def party_fact(self, word: str, party: str) -> z3.BoolRef:
        return self.var(f"{word}[{party}]")

    def case_item(self, ref: str) -> z3.BoolRef:
        return self.var(f"item:{ref}")

    def party_item(self, ref: str, party: str) -> z3.BoolRef:
        return self.var(f"item:{ref}[{party}]")

    def reading(self, reading: str, option: str) -> z3.BoolRef:
        return self.var(f"reading:{reading}={option}")

    def variables(self) -> dict[str, z3.BoolRef]:
        return dict(self._vars)


def case_term(world: World, c: r.Cond) -> z3.BoolRef:
    match c:
        case r.CTrue():
            return z3.BoolVal(True, world.ctx)
        case r.CFact(name=name):
            return world.case_fact(name)
        case r.CHolds(ref=ref):
            return world.case_item(ref)
        case r.CReading(reading=rd, option=opt):
            return world.reading(rd, opt)
        case r.CSome(role=role, where=where, negated=neg):
            some = z3.Or([member_term(world, role, where, None, p) for p in world.parties] or
                         [z3.BoolVal(False, world.ctx)])
            return z3.Not(some) if neg else some
        case r.CNot(arg=a):
            return z3.Not(case_term(world, a))
        case r.CAnd(args=args):
            return z3.And([case_term(world, a) for a in args])
        case r.COr(args=args):
            return z3.Or([case_term(world, a) for a in args])
    raise AssertionError(c)


def party_term(world: World, c: r.Cond, party: str) -> z3.BoolRef:
    match c:
        case r.CTrue():
            return z3.BoolVal(True, world.ctx)
        case r.CFact(name=name):
            return world.party_fact(name, party)
        case r.CHolds(ref=ref):
            return world.party_item(ref, party)
        case r.CReading(reading=rd, option=opt):
            return world.reading(rd, opt)
        case r.CNot(arg=a):
            return z3.Not(party_term(world, a, party))
        case r.CAnd(args=args):
            return z3.And([party_term(world, a, party) for a in args])
        case r.COr(args=args):
            return z3.Or([party_term(world, a, party) for a in args])
    raise AssertionError(c)


def member_term(world: World, role: str, where: r.Cond | None, except_: r.Cond | None,
                party: str) -> z3.BoolRef:
    """``party`` holds ``role``, satisfies ``where`` and not ``except``."""
    if f"{role}[{party}]" in world.known_false:
        return z3.BoolVal(False, world.ctx)
    parts = [world.party_fact(role, party)]
    if where is not None:
        parts.append(party_term(world, where, party))
    if except_ is not None:
        parts.append(z3.Not(party_term(world, except_, party)))
    return z3.And(parts)
