"""``zhifa check LOCAL --against BASE``: every kind of case in which the local
rules' verdict differs from the base's, with a minimal witness for each.

Both rule sets are encoded over one symbolic chain; for each party the
verdict line (a line code, none, or conflict) is compared. A difference is
*contradicts* (both hold the party liable, differently — or the local rules
leave a clash unresolved), *narrows* (the base holds it liable, the local
rules do not), *widens* (the other way round) or *fills a gap* (the base
allocates to no person, the local rules do).
"""

from __future__ import annotations

import z3

from ..encode.chain import Bound
from ..encode.rules import RuleTerms, rule_terms
from ..encode.solver import DEFAULT_RLIMIT
from ..errors import InputError
from ..model import rules as r
from ..model.case_json import case_from_json
from ..model.findings import CheckFinding
from ..model.results import PartyLine
from .check import Checker, shows_fault
from .firing import to_verdict
from .interpret import interpret
from .prepare import prepare

CLASSES = ("contradicts", "narrows", "widens", "fills_gap")


class Comparison:
    def __init__(self, local: r.RuleSet, base: r.RuleSet, readings: dict[str, str], bound: Bound,
                 rlimit: int = DEFAULT_RLIMIT, checker: Checker | None = None):
        """``checker``: the local rule set's checker, if one is at hand (its
        chain, terms and solver are shared, not built again)."""
        self.local, self.base = local, base
        self.ch = checker or Checker(local, readings, bound, rlimit)
        self.lt: RuleTerms = self.ch.t
        self.bt: RuleTerms = rule_terms(base, self.ch.world, self.lt.lines)
        self.liable_codes = sorted(c for line, c in self.lt.lines.items() if line.liable)
        self.parties = self.ch.sc.parties
        self.sl = {p: self.lt.party_status(p) for p in self.parties}
        self.sb = {p: self.bt.party_status(p) for p in self.parties}

    def condition(self, kind: str, p: str) -> z3.BoolRef:
        """``kind`` holds for party ``p``, in a chain that reaches the act and
        shows its fault (a difference on a chain that shows no fault, such as
        an empty one, is an artefact, not news for a drafter)."""
        sb, sl = self.sb[p], self.sl[p]
        lb, ll = sb.has(self.liable_codes), sl.has(self.liable_codes)
        match kind:
            case "contradicts":       # both liable on different lines, or a new clash
                same = z3.Or([z3.And(sb.line[c], sl.line[c]) for c in self.liable_codes
                              if c in sb.line and c in sl.line] or [sb.false])
                differs = z3.Or(z3.And(lb, ll, z3.Not(same)), z3.And(sl.clash, z3.Not(sb.clash)))
            case "narrows":
                differs = z3.And(lb, z3.Not(ll), z3.Not(sl.clash))
            case "widens":
                differs = z3.And(z3.Not(lb), z3.Not(sb.clash), ll)
            case "fills_gap":
                base_gap = z3.And(self.bt.in_scope, *[z3.Not(self.bt.enc.stands[k]) for k in self.bt.personal])
                differs = z3.And(base_gap, ll, p in self.ch.sc.persons)
            case _:
                raise AssertionError(kind)
        return z3.And(differs, self.ch.sc.shows_fault)

    def verdicts(self, doc: dict):
        try:
            case = case_from_json(doc, {}, "<witness>")
            facts, findings = prepare(case, self.local)
        except InputError:
            return None
        out = []
        for rs in (self.base, self.local):
            firing = interpret(rs, facts, self.ch.readings)
            out.append((firing, to_verdict(case.id, rs, facts, firing, findings, self.ch.readings)))
        return out

    def holds(self, kind: str, doc: dict) -> tuple[str, ...]:
        """The parties for which ``kind`` holds in the concrete case ``doc``."""
        got = self.verdicts(doc)
        if got is None:
            return ()
        (_, vb), (_, vl) = got
        lb = {p.id: p for p in vb.parties}
        out = []
        if not shows_fault(doc):
            return ()
        for pl in vl.parties:
            b = lb[pl.id]
            if _differs(kind, b, pl, vb, vl, doc):
                out.append(pl.id)
        return tuple(out)

    def findings(self, per_kind: int = 12, patience: int = 16) -> list[CheckFinding]:
        """Up to ``per_kind`` (12) distinct differences of each class. A class
        stops early after ``patience`` cases in a row that only repeat a
        difference already reported (same clauses, same change of line)."""
        out = []
        grounds = [k for k in sorted(self.local.clauses)          # exemptions the base lacks
                   if self.local.clauses[k].kind == "exempt" and k not in self.base.clauses]
        stands = [self.lt.enc.stands[k] for k in self.lt.allocating + grounds]
        for kind in CLASSES:
            blocks, misses = [], 0
            while sum(f.kind == kind for f in out) < per_kind and misses < patience:
                some = z3.Or([self.condition(kind, p) for p in self.parties])
                m = self.ch.model(some, *blocks, what=f"{kind}")
                if m is None:
                    break
                pattern = [z3.is_true(m.eval(t, True)) for t in stands]
                blocks.append(z3.Not(z3.And([t == v for t, v in zip(stands, pattern)])))
                doc = self.ch.witness(m, lambda f, v, d, kind=kind: bool(self.holds(kind, d)), kind,
                                      in_scope=False)
                who = self.holds(kind, doc)
                (fb, vb), (fl, vl) = self.verdicts(doc)
                keys = tuple(sorted(k for k in fl.stands if self.local.clauses[k].kind == "allocate"
                                    and any((k, i, p) in fl.reaches for p in who
                                            for i in range(len(self.local.clauses[k].effects)))))
                if not keys:      # a local clause displaced the base's clause by a priority
                    base_keys = {k for k, _i, p in fb.reaches if p in who and k in fb.stands}
                    keys = tuple(sorted({pr.high for pr in self.local.priorities
                                         if pr.low in base_keys and pr.low not in fl.stands
                                         and pr.high in fl.stands}))
                if vl.outcome == "exempt" and vb.outcome != "exempt":   # a ground the base lacks
                    keys = tuple(sorted(k for k in fl.stands if self.local.clauses[k].kind == "exempt"
                                        and k not in fb.stands))
                change = sorted({f"{_line(vb, p)} → {_line(vl, p)}" for p in who})
                note = "; ".join(change)
                finding = CheckFinding(kind, keys, who, self.ch.common(doc, keys) if keys else (), doc, note)
                exempting = bool(keys) and all(k in grounds for k in keys)
                if exempting:
                    # a new ground takes every party out, whatever their line
                    # was: one finding per ground says it; look for others
                    blocks.append(z3.Not(z3.Or([self.lt.enc.stands[k] for k in keys])))
                    new = all((f.kind, f.clauses) != (kind, keys) for f in out)
                else:                       # the same change for another party is no news
                    new = all((f.kind, f.clauses, f.note) != (kind, keys, note) for f in out)
                if new:
                    out.append(finding)
                misses = 0 if new else misses + 1
        return out


def _line(v, pid: str) -> str:
    p = next(x for x in v.parties if x.id == pid)
    if p.liable and p.mode is None:
        return "conflict"
    return f"{p.category}/{p.mode}" if p.liable else "not liable"


def _differs(kind: str, b: PartyLine, l: PartyLine, vb, vl, doc: dict) -> bool:
    lb = (b.category, b.mode) if b.liable else None
    ll = (l.category, l.mode) if l.liable else None
    conflict_b, conflict_l = b.liable and b.mode is None, l.liable and l.mode is None
    match kind:
        case "contradicts":
            return (lb is not None and ll is not None and lb != ll and not conflict_b) or \
                (conflict_l and not conflict_b)
        case "narrows":
            return b.liable and not conflict_b and not l.liable
        case "widens":
            return not b.liable and l.liable and not conflict_l
        case "fills_gap":
            return vb.outcome == "gap" and l.liable and l.kind == "person"
    return False
