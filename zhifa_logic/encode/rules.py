"""A rule set as Z3 terms: when each clause fires, when it stands after the
priorities, and who each of its effects reaches."""

from __future__ import annotations

from dataclasses import dataclass

import z3

from ..model import rules as r
from ..model import vocabulary as voc
from ..model.results import Line
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


@dataclass
class RuleTerms:
    """What a check asks of one rule set over one world: which clauses stand,
    whether the case is in scope, and the line each clause gives each party
    as an integer code (-1: no line), so that lines compare by ``==``."""

    rs: r.RuleSet
    enc: Encoding
    allocating: list[str]
    personal: list[str]                      # allocating clauses that speak of persons
    in_scope: z3.BoolRef                     # some scope clause stands, no exemption does
    code: dict[tuple[str, str], z3.ArithRef]
    reach: dict[tuple[str, str], z3.BoolRef]
    lines: dict                              # Line -> code, shared across rule sets

    def status(self, party: str) -> z3.ArithRef:
        """The party's line in the verdict: a line code, -1 none, -2 conflict."""
        codes = sorted(set(self.lines.values()))
        ctx = self.enc.world.ctx
        has = {c: z3.Or([z3.And(self.enc.stands[k], self.code[(k, party)] == c)
                         for k in self.allocating] or [z3.BoolVal(False, ctx)]) for c in codes}
        clash = z3.PbGe([(h, 1) for h in has.values()], 2) if len(has) > 1 else z3.BoolVal(False, ctx)
        term = z3.IntVal(-1, ctx)
        for c in reversed(codes):
            term = z3.If(has[c], c, term)
        return z3.If(z3.Not(self.in_scope), -1, z3.If(clash, -2, term))


def rule_terms(rs: r.RuleSet, world: World, lines: dict | None = None) -> RuleTerms:
    enc = encode_ruleset(rs, world)
    ctx = world.ctx
    lines = {} if lines is None else lines
    kinds = {k: cl.kind for k, cl in rs.clauses.items()}
    allocating = [k for k in sorted(rs.clauses) if kinds[k] == "allocate"]
    bearing = {k: [(i, e) for i, e in enumerate(rs.clauses[k].effects)
                   if isinstance(e, (r.Allocate, r.Exclude))] for k in allocating}
    personal = [k for k in allocating if any(voc.WORDS[e.bearer.role].domain == "person"
                                             for _i, e in bearing[k])]
    pursue = [enc.stands[k] for k in rs.clauses if kinds[k] == "pursue"]
    exempt = [enc.stands[k] for k in rs.clauses if kinds[k] == "exempt"]
    in_scope = z3.And(z3.Or(pursue or [z3.BoolVal(False, ctx)]), z3.Not(z3.Or(exempt or [z3.BoolVal(False, ctx)])))
    code, reach = {}, {}
    for k in allocating:
        for p in world.parties:
            term = z3.IntVal(-1, ctx)
            for i, e in reversed(bearing[k]):    # the first effect that reaches decides
                line = Line(e.category, e.mode) if isinstance(e, r.Allocate) else Line(None, None)
                term = z3.If(enc.reaches[(k, i, p)], lines.setdefault(line, len(lines)), term)
            code[(k, p)] = term
            reach[(k, p)] = z3.Or([enc.reaches[(k, i, p)] for i, _e in bearing[k]] or [z3.BoolVal(False, ctx)])
    return RuleTerms(rs, enc, allocating, personal, in_scope, code, reach, lines)
