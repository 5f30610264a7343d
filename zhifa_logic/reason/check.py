"""``zhifa check``: conflicting and benign overlaps, gaps, dead, redundant
and shadowed clauses of a rule set, over every case up to a bound.

Each question is one query on one incremental solver over the symbolic
chain (``encode/chain.py``); each answer that says "there is a case" comes
with that case, read back, shrunk to a minimal witness and replayed through
the concrete pipeline, which must reproduce the finding.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations

import z3

from ..encode.chain import ACT_MADE, Bound, build_chain
from ..encode.rules import readings_constraint, rule_terms
from ..encode.solver import DEFAULT_RLIMIT, check_within, make_solver, new_context
from ..encode.terms import World
from ..errors import InputError, SolverUnknown, Diagnostic
from ..model import rules as r
from ..model import vocabulary as voc
from ..model.case import Case
from ..model.case_json import case_from_json
from ..model.facts import ChainFacts
from ..model.findings import CheckFinding, CheckReport
from .firing import Firing, clause_labels, party_lines, to_verdict
from .gap_kinds import STRUCTURE, GapWords, label_terms, labels_of
from .interpret import interpret
from .prepare import prepare
from .witness import minimize, read_case


@dataclass
class CasePool:
    """What the concrete cases a check has met already show: every case read
    off a model, and every smaller case tried while shrinking a witness, is a
    valid chain within the bound (it passed ``prepare``), so whatever it
    shows needs no solver question. Only the "there is a case" half of a
    question can be answered here; "there is none" is always the solver's.
    First case wins everywhere, and cases come in a fixed order, so the
    answers (and the witnesses grown from them) do not vary between runs."""

    live: set[str] = field(default_factory=set)            # fired in some case
    applies: set[str] = field(default_factory=set)         # stood in some case in scope
    needed: set[str] = field(default_factory=set)          # gave some party a line no other clause gave
    differ: dict[tuple[str, str], dict] = field(default_factory=dict)   # pair -> a case where they clash
    agree: dict[tuple[str, str], dict] = field(default_factory=dict)    # pair -> a case where they agree
    agree_alone: dict[tuple[str, str], dict] = field(default_factory=dict)  # ... no other personal clause stands
    gaps: dict[int, list[dict]] = field(default_factory=dict)  # chain length -> gap cases showing the fault

    def add(self, doc: dict, rs: r.RuleSet, firing: Firing, verdict, personal: frozenset[str]) -> None:
        self.live |= firing.fired
        if verdict.outcome == "gap" and shows_fault(doc):
            self.gaps.setdefault(len(doc["chain"]), []).append(doc)
        if not pursued(verdict):
            return
        self.applies |= {k for k in firing.stands if rs.clauses[k].kind == "allocate"}
        lines = party_lines(rs, firing, sorted({p for _k, _i, p in firing.reaches}))
        same, clash = set(), set()
        for mine in lines.values():
            for k, line in mine.items():
                if not any(o != k and ln == line for o, ln in mine.items()):
                    self.needed.add(k)
            for a, b in combinations(sorted(mine), 2):
                (same if mine[a] == mine[b] else clash).add((a, b))
        others = personal & firing.stands
        for ab in sorted(clash):
            self.differ.setdefault(ab, doc)
        for ab in sorted(same - clash):          # agree on some party, clash on none
            self.agree.setdefault(ab, doc)
            if others <= set(ab):
                self.agree_alone.setdefault(ab, doc)


class Checker:
    def __init__(self, rs: r.RuleSet, readings: dict[str, str], bound: Bound,
                 rlimit: int = DEFAULT_RLIMIT, focus: set[str] | None = None):
        """``focus``: the clauses the questions are about (a local rule set's
        own, when it extends a base): pairs, groups, dead, redundant and
        shadowed clauses not involving one of them are not asked about."""
        self.rs, self.readings, self.bound = rs, readings, bound
        self.focus = set(rs.clauses) if focus is None else set(focus)
        self.ctx = new_context()
        self.sc = build_chain(bound, self.ctx)
        self.world = World(self.sc.parties, self.ctx, defs=self.sc.facts)
        self.t = rule_terms(rs, self.world)
        self.enc, self.reach = self.t.enc, self.t.reach
        self.allocating, self.personal, self.in_scope = self.t.allocating, self.t.personal, self.t.in_scope
        self._personal = frozenset(self.personal)
        self._allocating = frozenset(self.allocating)
        self.labels = clause_labels(rs)
        self.unknown: list[str] = []
        self._guards: list[z3.BoolRef] = []
        self.rlimit = rlimit
        self.solver = make_solver(self.ctx)
        self.solver.add(self.sc.constraints)
        self.solver.add(readings_constraint(rs, self.world))
        for j, p in enumerate(self.sc.persons):      # a circumstance is somebody's: a person of the case
            held = [self.world.party_item(ref, p) for ref in sorted(rs.party_items)]
            self.solver.add(z3.Implies(z3.Or(held + [self.world.party_fact("no_loss", p)]),
                                       self.sc.present[j]))
        self.fixed = [self.world.reading(k, v) for k, v in sorted(readings.items())]
        self.roles = {k: {e.bearer.role for e in rs.clauses[k].effects
                          if isinstance(e, (r.Allocate, r.Exclude))} for k in self.allocating}
        self._coreach: dict[tuple[str, str], z3.BoolRef] = {}
        self._together: dict[tuple[str, ...], z3.BoolRef] = {}
        self.ungrouped: list[tuple[str, str]] = []      # see groups()
        self.groups_maximal = True                       # see groups()
        self.gaps_complete = True                        # see gaps()
        self.pool = CasePool()
        self._prepared: dict[str, tuple | None] = {}
        self._firings: dict[str, tuple[Firing, object] | None] = {}
        self._gap_words = GapWords.of(rs, self.personal)
        self._label_terms: dict[str, z3.BoolRef] | None = None     # see _labels()

    def model(self, *conds: z3.BoolRef, what: str, free_readings: bool = False) -> z3.ModelRef | None:
        """A case where all ``conds`` hold, or None. Each query is guarded by a
        fresh literal, so the solver keeps what it learned between queries."""
        guard = z3.Bool(f"query!{len(self._guards)}", self.ctx)
        self._guards.append(guard)
        self.solver.add(z3.Implies(guard, z3.And(list(conds)) if conds else z3.BoolVal(True, self.ctx)))
        status = check_within(self.solver, self.rlimit, guard, *([] if free_readings else self.fixed))
        if status == z3.unknown:
            self.unknown.append(what)
        return self.solver.model() if status == z3.sat else None

    # ── from a model to a checked, minimal witness ──
    def prepared(self, doc: dict) -> tuple[Case, ChainFacts, list] | None:
        """The case, its chain facts and its findings (None: not a valid
        case). Remembered, under the document without its id: shrinking
        witnesses meets the same cases again and again, and every question
        about a concrete case (firing, common words, gap labels, the other
        rule set's verdict in a comparison) starts here."""
        key = case_key(doc)
        if key not in self._prepared:
            try:
                case = case_from_json(doc, {}, "<witness>")
                self._prepared[key] = (case, *prepare(case, self.rs))
            except InputError:
                self._prepared[key] = None
        return self._prepared[key]

    def firing_of(self, doc: dict) -> tuple[Firing, object] | None:
        """The firing and verdict of a concrete case (None: not a valid
        case). Remembered; each valid case also goes into the pool."""
        key = case_key(doc)
        if key in self._firings:
            return self._firings[key]
        got = self.prepared(doc)
        if got is None:
            self._firings[key] = None
            return None
        case, facts, findings = got
        firing = interpret(self.rs, facts, self.readings)
        got = self._firings[key] = firing, to_verdict(case.id, self.rs, facts, firing, findings,
                                                      self.readings)
        self.pool.add(doc, self.rs, firing, got[1], self._personal)
        return got

    def witness(self, model: z3.ModelRef | dict, holds: Callable[[Firing, object, dict], bool],
                name: str, keep_steps: bool = False, in_scope: bool = True) -> dict:
        """The case of ``model`` (or a case of the pool), checked and made
        minimal. With ``in_scope`` (every finding about one rule set) the
        case must be a fault the rule set pursues; a comparison passes
        False, since a local exemption that takes a case out of scope is
        itself a difference to witness."""
        doc = dict(model, id=name) if isinstance(model, dict) else \
            read_case(model, self.sc, self.world, self.rs, name)

        kinds = [s["step"] for s in doc["chain"]]

        def ok(candidate: dict) -> bool:
            if keep_steps and [s["step"] for s in candidate["chain"]] != kinds:
                return False
            got = self.firing_of(candidate)   # every finding is about a case in scope
            return (got is not None and not (in_scope and not pursued(got[1]))
                    and holds(*got, candidate))

        if not ok(doc):
            raise AssertionError(f"the witness {name} does not reproduce its finding (a bug)")
        # Shrunk and replayed through the solver-free interpreter, which the
        # tests hold equal to the Z3 path; tests/reason replays every witness
        # through ``decide`` itself.
        return minimize(doc, ok)

    def common(self, doc: dict, keys: tuple[str, ...]) -> tuple[str, ...]:
        """The chain facts the witness has that the clauses' conditions mention."""
        words = set()
        for k in keys:
            words |= r.words_of(self.rs.clauses[k].when)
        _case, facts, _ = self.prepared(doc)
        holders = dict(facts.party_facts)
        out = [w for w in sorted(words) if w in facts.case_facts or holders.get(w)]
        return tuple(out)

    # ── the questions ──
    def may_share(self, a: str, b: str) -> bool:
        """Whether one party could be reached by both clauses, judged from their
        bearers' roles alone (sound: it never rules out a case that exists)."""
        return any(_compatible(x, y) for x in self.roles[a] for y in self.roles[b])

    def coreach(self, a: str, b: str) -> z3.BoolRef:
        term = self._coreach.get((a, b))
        if term is None:
            term = self._coreach[(a, b)] = z3.And(
                self.enc.stands[a], self.enc.stands[b],
                z3.Or([z3.And(self.reach[(a, p)], self.reach[(b, p)]) for p in self.sc.parties]))
        return term

    def together(self, keys) -> z3.BoolRef:
        """All of ``keys`` stand, in scope, and reach one common party."""
        keys = tuple(sorted(keys))    # term order decides the solver's models: keep it fixed
        term = self._together.get(keys)
        if term is None:
            term = self._together[keys] = z3.And(
                self.in_scope, *[self.enc.stands[k] for k in keys],
                z3.Or([z3.And([self.reach[(k, p)] for k in keys]) for p in self.sc.parties]))
        return term

    # Past this many candidate pairs, groups are not grown to maximal ones
    # (each growth step is a large unsatisfiable question); see groups().
    MAXIMAL_UP_TO = 1500

    def candidates(self) -> list[tuple[str, str]]:
        return [ab for ab in combinations(self.allocating, 2) if self.may_share(*ab) and self.focus & set(ab)]

    def realized(self, chunk: int = 200) -> list[set[str]]:
        """Sets of clauses that one case makes apply together to one party,
        enough of them that every pair of clauses that can apply together
        lies in one. Each question asks about at most ``chunk`` open pairs,
        and each case found settles every pair it shows, read off from the
        clauses that stand and reach each party in it."""
        open_, out, shown = self.candidates(), [], set()
        while open_:
            batch = open_[:chunk]
            m = self.model(self.in_scope, z3.Or([self.coreach(*ab) for ab in batch]), what="grouping")
            if m is None:
                open_ = open_[chunk:]
                continue
            for together in self._applying(m, batch):
                if len(together) > 1 and not any(together <= g for g in out):
                    out = [g for g in out if not g <= together] + [together]
                    shown.update(combinations(sorted(together), 2))
            open_ = [ab for ab in open_ if ab not in shown]
        return out

    def _applying(self, m: z3.ModelRef, batch: list[tuple[str, str]]) -> list[set[str]]:
        """Per party of the case of ``m``: the allocating clauses that stand
        and reach it. Read off the concrete case (which also joins the pool,
        and costs far less than evaluating every clause in the model); the
        model itself decides only if the case shows no pair of ``batch``,
        which the tests hold never to happen (symbolic and concrete facts
        agree)."""
        got = self.firing_of(read_case(m, self.sc, self.world, self.rs, "grouping"))
        if got is not None and pursued(got[1]):
            f, sets = got[0], {}
            for k, _i, p in f.reaches:
                if k in f.stands and k in self._allocating:
                    sets.setdefault(p, set()).add(k)
            out = [sets[p] for p in sorted(sets)]
            if any(a in g and b in g for g in out for a, b in batch):
                return out
        up = [k for k in self.allocating if z3.is_true(m.eval(self.enc.stands[k], True))]
        return [{k for k in up if z3.is_true(m.eval(self.reach[(k, p)], True))} for p in self.sc.parties]

    def groups(self, limit: int = 200) -> list[tuple[str, ...]]:
        """Maximal sets of allocating clauses that can all apply to one party
        in one case (two or more: a clause alone overlaps nothing), enough
        of them that every pair of clauses that can apply together lies in
        one. First the sets cases show (``realized``), which settle which
        pairs can apply together at all; then each is grown: a clause can
        join only if it can apply together with every member, so most sets
        are proven maximal without a question, and where some clause might
        join, one question asks whether one can (in a case whose clauses all
        reach one party). With more than ``MAXIMAL_UP_TO`` candidate pairs,
        the sets are not grown (``groups_maximal`` says so and the report
        prints it); either way no pair finding is lost. Past ``limit``
        groups, the pairs no group covers yet are kept in ``ungrouped``:
        ``pair_findings`` still asks about each of them, so the limit
        shortens the list of groups, never the findings."""
        sets = self.realized()
        if len(self.candidates()) > self.MAXIMAL_UP_TO:
            self.groups_maximal = False
            return sorted(tuple(sorted(g)) for g in sets)
        together_with: dict[str, set[str]] = {k: set() for k in self.allocating}
        for g in sets:
            for a, b in combinations(sorted(g), 2):
                together_with[a].add(b)
                together_with[b].add(a)
        found: list[set[str]] = []
        for seed in sorted(sets, key=lambda g: (-len(g), sorted(g))):
            if len(found) >= limit:
                break
            if any(seed <= g for g in found):
                continue
            group = set(seed)
            while True:
                joiners = [k for k in self.allocating if k not in group and group <= together_with[k]]
                if not joiners:
                    break
                m = self.model(z3.Or([self.together(group | {k}) for k in joiners]), what="grouping")
                if m is None:
                    break
                # every clause that joins in this case joins at once (in key
                # order, for a fixed answer); joining only gets harder as the
                # group grows, so when nobody can join, the group is maximal
                for k in joiners:
                    if z3.is_true(m.eval(self.together(group | {k}), True)):
                        group.add(k)
            found = [g for g in found if not g <= group] + [group]
        shown = {ab for g in found for ab in combinations(sorted(g), 2)}
        if len(found) >= limit:
            self.ungrouped = sorted({ab for g in sets for ab in combinations(sorted(g), 2)} - shown)
        return sorted(tuple(sorted(g)) for g in found)

    def pair_findings(self, groups: list[tuple[str, ...]]) -> list[CheckFinding]:
        out = []
        pairs = sorted({pair for g in groups for pair in combinations(g, 2)
                        if self.may_share(*pair) and self.focus & set(pair)} | set(self.ungrouped))
        for a, b in pairs:
            both = [self.in_scope, self.enc.stands[a], self.enc.stands[b]]
            m = self.pool.differ.get((a, b))
            if m is None:
                clash = z3.Or([z3.And(self.reach[(a, p)], self.reach[(b, p)],
                                      z3.Not(self.t.same_line(a, b, p))) for p in self.sc.parties])
                m = self.model(*both, clash, what=f"conflict {a} / {b}")
            if m is not None:
                doc = self.witness(m, _lines_differ(self.rs, a, b), "conflict")
                who = _parties(self.rs, self.firing_of(doc)[0], a, b, differ=True)
                out.append(CheckFinding("conflict", (a, b), who, self.common(doc, (a, b)), doc))
                continue
            # They never clash; where both reach one party, they agree.
            agree = z3.Or([z3.And(self.reach[(a, p)], self.reach[(b, p)]) for p in self.sc.parties])
            # Prefer a witness where no other clause about persons applies, so
            # that it shows this overlap alone; else any case where they agree.
            alone = [z3.Not(self.enc.stands[k]) for k in self.personal if k not in (a, b)]
            m = self.pool.agree_alone.get((a, b)) or self.model(*both, agree, *alone, what=f"overlap {a} / {b}")
            strict = m is not None
            m = m or self.pool.agree.get((a, b)) or self.model(*both, agree, what=f"overlap {a} / {b}")
            if m is not None:
                doc = self.witness(m, _lines_agree(self.rs, a, b, strict, self.personal), "overlap")
                who = _parties(self.rs, self.firing_of(doc)[0], a, b, differ=False)
                out.append(CheckFinding("overlap", (a, b), who, self.common(doc, (a, b)), doc))
        return out

    def gaps(self, limit: int = 100) -> list[CheckFinding]:
        """Cases in scope whose chain shows the fault (a wrong opinion was made,
        or somebody failed to act) and that no clause about persons covers,
        enough of them that every kind of conduct that can go unallocated
        is shown by one. A kind of conduct is a label of the case's
        situation: a role with a fact of one person who did something the
        rules speak of (审核人·不履行, 承办人·拟办意见错误) — in an act that
        must pass review and approval, or in one that need not — a case fact the
        rules speak of (上级决定命令错误), or — for a gap where nobody holds
        any such fact — none at all. Each question asks for a gap with a
        label no gap found so far shows; its case is shrunk keeping that
        label, and every label of the witness counts as shown. Smallest
        chains first. When the search ends on its own, every label any gap
        within the bound has is shown by a gap listed; when ``limit`` gaps
        are found, it stops and ``gaps_complete`` says the list may go on."""
        out: list[CheckFinding] = []
        nobody = [z3.Not(self.enc.stands[k]) for k in self.personal] + [self.sc.shows_fault]
        labels = self._labels()
        shown: set[str] = set()
        steps = self.sc.steps
        for n in range(len(steps) + 1):
            length = [steps[n - 1].active] if n else []
            length += [z3.Not(steps[n].active)] if n < len(steps) else []
            met = list(self.pool.gaps.get(n, ()))       # gap cases of this length met already
            while len(out) < limit:
                m = next((d for d in met if self._situation(d) - shown), None)
                if m is None:
                    open_ = [t for x, t in labels.items() if x not in shown]
                    if not open_:
                        break
                    m = self.model(self.in_scope, *nobody, *length, z3.Or(open_), what="gap")
                    if m is None:
                        break
                    target = next(x for x, t in labels.items() if x not in shown and z3.is_true(m.eval(t, True)))
                else:
                    target = min(self._situation(m) - shown)
                doc = self.witness(m, lambda f, v, d, x=target: v.outcome == "gap" and shows_fault(d)
                                   and x in self._situation(d), "gap", keep_steps=True)
                shown |= self._situation(doc)
                out.append(CheckFinding("gap", (), (), tuple(sorted(self._profile(doc))), doc))
        self.gaps_complete = len(out) < limit
        return out

    def _labels(self) -> dict[str, z3.BoolRef]:
        """Each label a gap can have (reason/gap_kinds.py), as a term."""
        if self._label_terms is None:
            self._label_terms = label_terms(self._gap_words, self.world, self.sc.persons)
        return self._label_terms

    def _situation(self, doc: dict) -> frozenset[str]:
        """The labels of the concrete case ``doc`` (reason/gap_kinds.py)."""
        case, facts, _ = self.prepared(doc)
        return labels_of(self._gap_words, case, facts)

    def _profile(self, doc: dict) -> set[str]:
        """The vocabulary words that hold of somebody (or of the case) in ``doc``."""
        _case, facts, _ = self.prepared(doc)
        out = {w for w in facts.case_facts if w not in STRUCTURE}
        out |= {w for w, holders in facts.party_facts
                if holders and voc.WORDS[w].domain == "person" and w != "person"}
        return out

    def satisfiable(self, terms: dict[str, Callable[[], z3.BoolRef]], *context: z3.BoolRef, what: str,
                    free_readings: bool = False, known: set[str] = frozenset()) -> set[str]:
        """The keys whose term can hold, with ``context``. ``known``: keys a
        case of the pool already shows to hold (their terms are not even
        built). Each model settles every key it satisfies, so this costs one
        query per distinct case found plus a final one, not one per key."""
        out = {k for k in terms if k in known}
        open_ = {k: make() for k, make in sorted(terms.items()) if k not in known}
        while open_:
            m = self.model(*context, z3.Or(list(open_.values())), what=what,
                           free_readings=free_readings)
            if m is None:
                break
            hit = [k for k, t in open_.items() if z3.is_true(m.eval(t, True))]
            out.update(hit)
            for k in hit:
                del open_[k]
        return out

    def dead(self) -> list[CheckFinding]:
        asked = {k: (lambda t=t: t) for k, t in self.enc.fires.items() if k in self.focus}
        live = self.satisfiable(asked, what="dead clauses", free_readings=True, known=self.pool.live)
        return [CheckFinding("dead", (k,), note="no case within the bound makes it apply, under any reading")
                for k in sorted(asked) if k not in live]

    def redundant(self) -> list[CheckFinding]:
        applies = self.satisfiable({k: (lambda k=k: self.enc.stands[k]) for k in self.allocating if k in self.focus},
                                   self.in_scope, what="redundant clauses", known=self.pool.applies)

        def alone(k: str) -> z3.BoolRef:
            """``k`` stands and gives some party a line no other clause gives it."""
            return z3.And(self.enc.stands[k], z3.Or([z3.And(self.reach[(k, p)], *[
                z3.Not(z3.And(self.enc.stands[o], self.t.same_line(o, k, p)))
                for o in self.allocating if o != k]) for p in self.sc.parties]))

        needed = self.satisfiable({k: (lambda k=k: alone(k)) for k in applies}, self.in_scope,
                                  what="redundant clauses", known=self.pool.needed)
        return [CheckFinding("redundant", (k,), note="every line it gives is given, the same, by another clause")
                for k in self.allocating if k in applies and k not in needed]

    def shadowed(self) -> list[CheckFinding]:
        out = []
        for pr in [p for p in self.rs.priorities if {p.high, p.low} & self.focus]:
            # Prefer a witness where the higher clause itself stands; a
            # priority whose higher clause fires only where a third clause
            # displaces it still shadows, and its witness shows that.
            for high in (self.enc.stands[pr.high], self.enc.fires[pr.high]):
                m = self.model(self.in_scope, high, self.enc.fires[pr.low],
                               z3.Not(self.enc.stands[pr.low]), what=f"shadowed {pr.low}")
                if m is not None:
                    break
            if m is not None:
                need = high is self.enc.stands[pr.high]
                doc = self.witness(m, lambda f, v, d, pr=pr, need=need: (
                    pr.low in f.fired and pr.low not in f.stands
                    and pr.high in (f.stands if need else f.fired)), "shadowed")
                out.append(CheckFinding("shadowed", (pr.high, pr.low), (),
                                        self.common(doc, (pr.high, pr.low)), doc))
        return out


# Roles one person cannot hold together in a valid chain: Art. 9's three
# functions exclude each other (chain/validate.py), and a superior agency's
# staff take no step for the deciding agencies.
_LOCAL = {"handler", "reviewer", "approver", "decider", "principal", "deputy", "member",
          "order_executor"}
_STAFF = {"superior_handler", "superior_reviewer", "superior_approver"}
_ART9 = ("handler", "reviewer", "approver")


def _compatible(x: str, y: str) -> bool:
    dx, dy = voc.WORDS[x].domain, voc.WORDS[y].domain
    if dx != dy:
        return False
    if x == y or "person" in (x, y) or "agency" in (x, y):
        return True
    if x in _ART9 and y in _ART9:
        return False
    if (x in _STAFF and y in _LOCAL) or (y in _STAFF and x in _LOCAL):
        return False
    return True


def _parties(rs: r.RuleSet, f: Firing, a: str, b: str, differ: bool) -> tuple[str, ...]:
    """Parties to whom both clauses give a line — differing, or the same."""
    lines = party_lines(rs, f, sorted({p for _k, _i, p in f.reaches}))
    return tuple(p for p, mine in sorted(lines.items())
                 if a in mine and b in mine and (mine[a] != mine[b]) == differ)


def _lines_differ(rs: r.RuleSet, a: str, b: str) -> Callable:
    return lambda f, v, d: bool(_parties(rs, f, a, b, differ=True))


def _lines_agree(rs: r.RuleSet, a: str, b: str, alone: bool, personal: list[str]) -> Callable:
    """Both give some party the same line and never different ones; with
    ``alone``, the verdict also has no conflict about persons (the strict
    question keeps every other clause about persons out; a clash between
    agency clauses it does not rule out, so it may remain)."""
    refs = {rs.clauses[k].ref for k in personal if k not in (a, b)}
    return lambda f, v, d: (bool(_parties(rs, f, a, b, differ=False))
                            and not _parties(rs, f, a, b, True)
                            and not (alone and any(refs & set(c.clauses) for c in v.conflicts)))


def case_key(doc: dict) -> str:
    """What identifies a case document for memoising: everything but its
    id (a witness is shrunk under its finding's name, and the same smaller
    case met while shrinking another finding is the same case)."""
    return json.dumps({k: v for k, v in doc.items() if k != "id"}, sort_keys=True, ensure_ascii=False)


def pursued(verdict) -> bool:
    """The case is in scope: a ground of pursuit holds and no exemption
    (the concrete twin of ``RuleTerms.in_scope``)."""
    return verdict.outcome not in ("no_fault", "exempt")


def shows_fault(doc: dict) -> bool:
    """The chain reaches the act and shows the fault: it ends with a step that
    makes or refuses the act, and the act's opinion is wrong or somebody
    failed to act (the concrete twin of ``SymbolicChain.shows_fault``)."""
    chain = doc["chain"]
    current = None
    for s in chain:                      # chain/roles.act_opinion, on the document
        if s["step"] == "execute" or (s["step"] in ("review", "approve") and s["action"] == "pass"):
            current = s["of"]
        elif "opinion" in s:
            current = s["opinion"]
    act_wrong = any(s.get("opinion") == current and s.get("correct") is False for s in chain)
    return bool(chain) and chain[-1]["step"] in ACT_MADE and (
        act_wrong or any(s["step"] == "fail_to_act" for s in chain))
