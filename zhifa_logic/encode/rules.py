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
class PartyStatus:
    """``line[c]``: the verdict gives the party exactly line ``c``;
    ``clash``: two lines, a conflict; neither: no line."""

    line: dict[int, z3.BoolRef]
    clash: z3.BoolRef
    false: z3.BoolRef

    def has(self, codes) -> z3.BoolRef:
        return z3.Or([self.line[c] for c in codes if c in self.line] or [self.false])


@dataclass
class RuleTerms:
    """What a check asks of one rule set over one world: which clauses stand,
    whether the case is in scope, and the line each clause gives each party,
    as Booleans per line code (lines are numbered in ``lines``, shared by
    the rule sets a comparison looks at): every question stays SAT, with no
    integer arithmetic for the solver to reason about."""

    rs: r.RuleSet
    enc: Encoding
    allocating: list[str]
    personal: list[str]                      # allocating clauses that speak of persons
    in_scope: z3.BoolRef                     # some scope clause stands, no exemption does
    reach: dict[tuple[str, str], z3.BoolRef]
    lines: dict                              # Line -> code, shared across rule sets
    gives: dict[tuple[str, str], dict[int, z3.BoolRef]]   # (clause, party) -> code -> that line

    def same_line(self, a: str, b: str, party: str) -> z3.BoolRef:
        """Both clauses give ``party`` a line, and the same one."""
        ga, gb = self.gives[(a, party)], self.gives[(b, party)]
        return z3.Or([z3.And(ga[c], gb[c]) for c in sorted(ga) if c in gb]
                     or [z3.BoolVal(False, self.enc.world.ctx)])

    def party_status(self, party: str) -> "PartyStatus":
        """The party's line in the verdict, in Booleans only (no integer
        codes: a comparison of two rule sets stays a SAT question)."""
        ctx = self.enc.world.ctx
        false = z3.BoolVal(False, ctx)
        has = {}
        for k in self.allocating:
            for c, term in self.gives[(k, party)].items():
                has.setdefault(c, []).append(z3.And(self.enc.stands[k], term))
        has = {c: z3.Or(terms) for c, terms in sorted(has.items())}
        clash = z3.And(self.in_scope, z3.PbGe([(h, 1) for h in has.values()], 2)) if len(has) > 1 else false
        return PartyStatus({c: z3.And(self.in_scope, z3.Not(clash), h) for c, h in has.items()}, clash, false)


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
    reach, gives = {}, {}
    for k in allocating:
        for p in world.parties:
            first, earlier = {}, []
            for i, e in bearing[k]:              # the first effect that reaches decides
                line = Line(e.category, e.mode) if isinstance(e, r.Allocate) else Line(None, None)
                code = lines.setdefault(line, len(lines))
                first.setdefault(code, []).append(z3.And(enc.reaches[(k, i, p)], *earlier))
                earlier.append(z3.Not(enc.reaches[(k, i, p)]))
            gives[(k, p)] = {c: z3.Or(terms) for c, terms in first.items()}
            reach[(k, p)] = z3.Or([enc.reaches[(k, i, p)] for i, _e in bearing[k]] or [z3.BoolVal(False, ctx)])
    return RuleTerms(rs, enc, allocating, personal, in_scope, reach, lines, gives)
