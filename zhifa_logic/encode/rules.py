"""A rule set as Z3 terms: when each clause fires, when it stands after the
priorities, and who each of its effects reaches."""

from __future__ import annotations

from dataclasses import dataclass

import z3

from ..model import rules as r
from .terms import World, case_term, member_term


@dataclass
class Encoding:
    world: World
    fires: dict[str, z3.BoolRef]                  # clause key -> fires
    stands: dict[str, z3.BoolRef]                 # fires and not displaced
    reaches: dict[tuple[str, int, str], z3.BoolRef]  # (clause, effect index, party)


def encode_ruleset(rs: r.RuleSet, world: World) -> Encoding:
    fires = {key: case_term(world, cl.when) for key, cl in sorted(rs.clauses.items())}
    stands = {}
    for key in fires:
        displaced = [z3.And(fires[p.high], case_term(world, p.when))
                     for p in rs.priorities if p.low == key]
        stands[key] = z3.And(fires[key], z3.Not(z3.Or(displaced))) if displaced else fires[key]
    reaches = {}
    for key, cl in sorted(rs.clauses.items()):
        for i, eff in enumerate(cl.effects):
            bearer = getattr(eff, "bearer", None)
            if bearer is None:
                continue
            for party in world.parties:
                reaches[(key, i, party)] = member_term(world, bearer.role, bearer.where,
                                                       bearer.except_, party)
    return Encoding(world, fires, stands, reaches)


def readings_constraint(rs: r.RuleSet, world: World) -> list[z3.BoolRef]:
    """Each reading takes exactly one of its options."""
    out = []
    for name, reading in sorted(rs.readings.items()):
        opts = [world.reading(name, o.name) for o in reading.options]
        out.append(z3.PbEq([(o, 1) for o in opts], 1))
    return out
