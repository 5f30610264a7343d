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

from itertools import combinations

import z3

from ..encode.chain import Bound
from ..encode.rules import RuleTerms, rule_terms
from ..encode.solver import DEFAULT_RLIMIT
from ..model import rules as r
from ..model.findings import CheckFinding
from ..model.results import PartyLine
from .check import Checker, case_key, shows_fault
from .firing import party_lines, to_verdict
from .interpret import interpret
from .witness import read_case

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
        self._conditions: dict[tuple[str, str], z3.BoolRef] = {}
        self._verdicts: dict[str, list | None] = {}
        self.cut: list[str] = []            # classes whose list may be incomplete (findings())
        self.grounds = [k for k in sorted(local.clauses)      # exemptions the base lacks
                        if local.clauses[k].kind == "exempt" and k not in base.clauses]
        self._tried: set = set()            # (class, anchor, change) shrunk around already
        self._applying: dict[tuple[str, str], z3.BoolRef] = {}

    def condition(self, kind: str, p: str) -> z3.BoolRef:
        """``kind`` holds for party ``p``, in a chain that reaches the act and
        shows its fault (a difference on a chain that shows no fault, such as
        an empty one, is an artefact, not news for a drafter)."""
        term = self._conditions.get((kind, p))
        if term is None:
            term = self._conditions[(kind, p)] = self._condition(kind, p)
        return term

    def _applies_to(self, k: str, p: str) -> z3.BoolRef:
        """Local clause ``k`` stands and reaches party ``p``."""
        term = self._applying.get((k, p))
        if term is None:
            term = self._applying[(k, p)] = z3.And(self.lt.enc.stands[k], self.lt.reach[(k, p)])
        return term

    def _condition(self, kind: str, p: str) -> z3.BoolRef:
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
        """The firing and verdict of ``doc`` under the base and the local
        rules (None: not a valid case); remembered, as shrinking meets the
        same cases again and again."""
        key = case_key(doc)
        if key not in self._verdicts:
            self._verdicts[key] = self._verdicts_of(doc)
        return self._verdicts[key]

    def _verdicts_of(self, doc: dict):
        got = self.ch.prepared(doc)     # the local rule set's checker: the same case, facts, findings
        if got is None:
            return None
        case, facts, findings = got
        firing = interpret(self.base, facts, self.ch.readings)
        return [(firing, to_verdict(case.id, self.base, facts, firing, findings, self.ch.readings)),
                self.ch.firing_of(doc)]

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

    def findings(self, per_kind: int = 100, patience: int = 16,
                 conflicts: tuple = ()) -> list[CheckFinding]:
        """The differences of each class, in two passes, after the
        witnesses of ``conflicts`` (the local rule set's own conflicting
        overlaps: a clash the base does not have contradicts it).

        First, cases of the class one after another, each with a standing
        pattern of the local clauses not met before; a class stops after
        ``patience`` (16) cases in a row that only repeat a difference
        already reported (same clauses, same change of line), or at
        ``per_kind`` (100) differences. One case can show several
        differences, so it is shrunk once per clause (or clashing pair of
        clauses) that reaches a party the class holds for: a difference
        of one clause is not hidden behind another's.

        Then, per local clause that no difference of the class names yet,
        the question whether the class can hold for a party that clause
        reaches (for a new ground of exemption: with the ground standing).
        A case whose difference does not keep the clause through shrinking
        is set aside and the clause asked about again, up to ``patience``
        times. So every local clause that makes a difference of a class is
        reported with one, at least, and every pair of ``conflicts`` that
        clashes where the base does not, with a contradiction naming both —
        whatever the first pass met. A class
        stopped at the cap, or with a clause given up on, is listed in
        ``cut`` (its list may be incomplete)."""
        out: list[CheckFinding] = []
        self.cut, self._tried = [], set()
        own = [k for k in self.lt.allocating + self.grounds if k in self.ch.focus]
        clashes = sorted({tuple(sorted(f.clauses)) for f in conflicts})
        for kind in CLASSES:
            blocks: list[z3.BoolRef] = []
            for case in (f.witness for f in conflicts):
                if self.holds(kind, case):
                    self._add(kind, dict(case, id=kind), self._anchors(kind, case), out, per_kind, blocks)
            self._first_pass(kind, out, per_kind, patience, blocks)
            # each own clause; for contradicts also each clashing pair of the
            # rule set's own conflicts (a new clash contradicts the base)
            wanted = [(k,) for k in own] + (clashes if kind == "contradicts" else [])
            complete = self._second_pass(kind, wanted, out, per_kind, patience, blocks)
            if not complete or _count(out, kind) >= per_kind:
                self.cut.append(kind)
        return out

    def _first_pass(self, kind: str, out: list[CheckFinding], per_kind: int, patience: int,
                    blocks: list[z3.BoolRef]) -> None:
        """Cases of ``kind``, each with a standing pattern not met before,
        until ``patience`` cases in a row bring nothing new."""
        some = z3.Or([self.condition(kind, p) for p in self.parties])
        misses = 0
        while misses < patience and _count(out, kind) < per_kind:
            m = self.ch.model(some, *blocks, what=kind)
            if m is None:
                return
            blocks.append(self._not_pattern(m))
            case = read_case(m, self.ch.sc, self.ch.world, self.local, kind)
            misses = 0 if self._add(kind, case, self._anchors(kind, case), out, per_kind, blocks) \
                else misses + 1

    def _second_pass(self, kind: str, wanted: list[tuple[str, ...]], out: list[CheckFinding],
                     per_kind: int, patience: int, blocks: list[z3.BoolRef]) -> bool:
        """For each of ``wanted`` (a clause, or a clashing pair) no finding of
        ``kind`` names yet: a case where it makes a difference of ``kind``,
        if there is one. False if one was given up on after ``patience``
        cases whose shrinking lost it."""
        def named(anchor) -> bool:
            return any(f.kind == kind and set(anchor) <= set(f.clauses) for f in out)

        open_ = {a: self._made_by(kind, *a) for a in wanted if not named(a)}
        tries = dict.fromkeys(open_, 0)
        seen: list[z3.BoolRef] = []        # cases of this pass that kept nothing open
        complete = True
        while open_ and _count(out, kind) < per_kind:
            m = self.ch.model(z3.Or(list(open_.values())), *seen, what=kind)
            if m is None:
                break
            want = next(a for a, t in open_.items() if z3.is_true(m.eval(t, True)))
            case = read_case(m, self.ch.sc, self.ch.world, self.local, kind)
            anchors = [a for a in self._anchors(kind, case) if set(want) <= set(a[0])] or [((), None)]
            self._add(kind, case, anchors, out, per_kind, blocks, retry=True)
            for a in [a for a in open_ if named(a)]:
                del open_[a]
            if want in open_:              # its difference did not survive shrinking here
                tries[want] += 1
                seen.append(self._not_pattern(m))
                if tries[want] >= patience:
                    del open_[want]
                    complete = False
        return complete

    def _not_pattern(self, m: z3.ModelRef) -> z3.BoolRef:
        """Not the standing pattern of ``m`` (which local clauses and new
        grounds stand)."""
        stands = [self.lt.enc.stands[k] for k in self.lt.allocating + self.grounds]
        return z3.Not(z3.And([t == z3.is_true(m.eval(t, True)) for t in stands]))

    def _made_by(self, kind: str, k: str, clashing: str | None = None) -> z3.BoolRef:
        """``kind`` holds for a party that local clause ``k`` reaches (and
        ``clashing`` too, giving it another line), and no new ground of
        exemption stands (it would take every party out, and the difference
        would be the ground's); for a new ground: ``kind`` holds while it
        stands."""
        if self.local.clauses[k].kind == "exempt":
            return z3.And(self.lt.enc.stands[k], z3.Or([self.condition(kind, p) for p in self.parties]))
        no_ground = [z3.Not(self.lt.enc.stands[g]) for g in self.grounds]
        return z3.And(*no_ground, z3.Or([z3.And(
            self.condition(kind, p), self._applies_to(k, p),
            *([self._applies_to(clashing, p), z3.Not(self.lt.same_line(k, clashing, p))]
              if clashing is not None else [])) for p in self.parties]))

    def _add(self, kind: str, case: dict, anchors, out: list[CheckFinding], per_kind: int,
             blocks: list, retry: bool = False) -> bool:
        """The differences ``case`` shows around each of ``anchors`` that are
        not reported yet, added to ``out``; True if there was one. An
        anchor shrunk around before for the same change of line is skipped,
        unless ``retry``."""
        new = False
        for anchor, change in anchors:
            if _count(out, kind) >= per_kind:
                break
            if not retry and change is not None and (kind, anchor, change) in self._tried:
                continue        # shrunk around before, for the same change of line
            self._tried.add((kind, anchor, change))
            finding, exempting = self._finding(kind, case, anchor)
            if exempting:
                # a new ground takes every party out, whatever their line
                # was: one finding per ground says it; look for others
                blocks.append(z3.Not(z3.Or([self.lt.enc.stands[k] for k in finding.clauses])))
                fresh = all((f.kind, f.clauses) != (kind, finding.clauses) for f in out)
            else:                   # the same change for another party is no news
                fresh = all((f.kind, f.clauses, f.note) != (kind, finding.clauses, finding.note)
                            for f in out)
            if fresh:
                out.append(finding)
                new = True
        return new

    def _reaching(self, f, who) -> set[str]:
        """The local allocating clauses that stand and reach one of ``who``."""
        return {k for k, _i, p in f.reaches if p in who and k in f.stands
                and self.local.clauses[k].kind == "allocate"}

    def _anchors(self, kind: str, case: dict) -> list[tuple[tuple[str, ...], frozenset | None]]:
        """What to shrink the case around, one witness each: per party for
        which ``kind`` holds, each pair of local clauses that give it
        different lines (a clash), else each local clause that reaches it —
        those with a clause of the rule set's own (``focus``); each with the
        change of line it comes with here. ``()``: no such clause reaches
        such a party (an exemption or a priority makes the difference)."""
        who = self.holds(kind, case)
        got = self.ch.firing_of(case)
        if got is None or not who:
            return [((), None)]
        (_, vb), (_, vl) = self.verdicts(case)
        if vl.outcome == "exempt" and vb.outcome != "exempt":
            return [((), None)]     # a ground the base lacks: it, not a clause, makes the difference
        out: dict[tuple[str, ...], set[str]] = {}
        for p, mine in party_lines(self.local, got[0], who).items():
            clash = [(a, b) for a, b in combinations(sorted(mine), 2) if mine[a] != mine[b]]
            for anchor in clash or [(k,) for k in mine]:
                if self.ch.focus & set(anchor):
                    out.setdefault(anchor, set()).add(f"{_line(vb, p)} → {_line(vl, p)}")
        return [(a, frozenset(c)) for a, c in sorted(out.items())] or [((), None)]

    def _without(self, kind: str, anchor: tuple[str, ...], extra: set[str]) -> dict | None:
        """A minimal case where ``kind`` holds for a party that the anchor's
        clauses reach and none of ``extra`` does — or None."""
        def apart(f, who) -> bool:
            return any(set(anchor) <= (got := self._reaching(f, {p})) and not got & extra for p in who)

        m = self.ch.model(z3.Or([z3.And(self.condition(kind, p), *[
            self._applies_to(k, p) for k in anchor], *[z3.Not(self._applies_to(k, p)) for k in sorted(extra)])
            for p in self.parties]), what=kind)
        if m is None:
            return None
        case = read_case(m, self.ch.sc, self.ch.world, self.local, kind)
        return self.ch.witness(case, lambda f, v, d: apart(f, self.holds(kind, d)), kind, in_scope=False)

    def _finding(self, kind: str, case: dict, anchor: tuple[str, ...]) -> tuple[CheckFinding, bool]:
        def on(f, who) -> tuple[str, ...]:
            """The parties of ``who`` that every anchor clause reaches."""
            return tuple(p for p in who if set(anchor) <= self._reaching(f, {p}))

        doc = self.ch.witness(case, lambda f, v, d: bool(on(f, self.holds(kind, d))), kind,
                              in_scope=False)
        who = on(self.ch.firing_of(doc)[0], self.holds(kind, doc))
        extra = self._reaching(self.ch.firing_of(doc)[0], who) - set(anchor)
        if anchor and extra:
            # Shrinking is greedy: it can end where a third clause still
            # reaches the party though another case shows the anchor's
            # difference without it. Ask for such a case; if there is one,
            # it is the witness (the difference is more the anchor's own).
            other = self._without(kind, anchor, extra)
            if other is not None:
                doc = other
                who = on(self.ch.firing_of(doc)[0], self.holds(kind, doc))
        (fb, vb), (fl, vl) = self.verdicts(doc)
        keys = tuple(sorted(self._reaching(fl, who)))
        if not keys:      # a local clause displaced the base's clause by a priority
            base_keys = {k for k, _i, p in fb.reaches if p in who and k in fb.stands}
            keys = tuple(sorted({pr.high for pr in self.local.priorities
                                 if pr.low in base_keys and pr.low not in fl.stands
                                 and pr.high in fl.stands}))
        if vl.outcome == "exempt" and vb.outcome != "exempt":   # a ground the base lacks
            keys = tuple(sorted(k for k in fl.stands if self.local.clauses[k].kind == "exempt"
                                and k not in fb.stands))
        change = sorted({f"{_line(vb, p)} → {_line(vl, p)}" for p in who})
        finding = CheckFinding(kind, keys, who, self.ch.common(doc, keys) if keys else (), doc,
                               "; ".join(change))
        return finding, bool(keys) and all(k in self.grounds for k in keys)


def _count(out: list[CheckFinding], kind: str) -> int:
    return sum(f.kind == kind for f in out)


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
