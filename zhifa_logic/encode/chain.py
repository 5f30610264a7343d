"""A symbolic decision chain: every case up to a bound, as Z3 terms.

Steps, persons and agencies are slots; a model of these terms is a concrete
``zhifa-case/1`` chain (``reason/witness.py`` reads it back). The chain
facts are defined by the same semantics as ``chain/facts.py`` — the tests
check the two agree on every generated chain — and the validity constraints
are those of ``chain/validate.py``, so no witness is a chain that could
never happen.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import z3

from ..model.case import STEP_KINDS
from ..model.vocabulary import WORDS

KIND = {k: i for i, k in enumerate(STEP_KINDS)}
ACTION = {"pass": 0, "change": 1, "reject": 2}
ROLE = {"handler": 1, "reviewer": 2, "approver": 3}
POSITION = {"principal": 0, "deputy": 1, "member": 2}
STAGES = ("draft", "review", "approve", "collective")
MAKES = ("draft", "decide", "collective", "superior_change", "superior_order")
SUPERIOR = "GOV"
ACT_MADE = ("execute", "decide", "approve", "collective", "superior_change", "superior_order",
            "fail_to_act")


@dataclass(frozen=True)
class Bound:
    """How large the cases are that a check ranges over."""

    persons: int = 5
    steps: int = 5
    agencies: int = 2

    def __str__(self) -> str:
        return f"persons ≤ {self.persons}, steps ≤ {self.steps}, deciding agencies ≤ {self.agencies}"


@dataclass
class Step:
    active: z3.BoolRef
    kind: z3.ArithRef
    by: z3.ArithRef
    of: z3.ArithRef
    action: z3.ArithRef
    correct: z3.BoolRef
    flag: dict[str, z3.BoolRef]
    skipped: dict[str, z3.BoolRef]
    role: z3.ArithRef
    part: list[z3.BoolRef]
    position: list[z3.ArithRef]
    dissent: list[z3.BoolRef]
    staff: dict[str, list[z3.BoolRef]]
    superior: z3.ArithRef

    def is_(self, *kinds: str) -> z3.BoolRef:
        return z3.And(self.active, z3.Or([self.kind == KIND[k] for k in kinds]))


@dataclass
class SymbolicChain:
    bound: Bound
    persons: tuple[str, ...]
    agencies: tuple[str, ...]          # deciding slots, then the superior
    approval: z3.BoolRef
    deciding: dict[str, z3.BoolRef]
    lead: z3.ArithRef                  # -1: none, else a deciding slot
    staff_member: list[z3.BoolRef]     # person belongs to the superior agency
    # The person slot is a person of the case. A case may list a person the
    # chain never names (a user's case file can), so a slot is free to be
    # present without a step; it must be present where a step names it (and
    # where a circumstance does: reason/check.py adds that, as circumstances
    # are the rule set's items, not the chain's).
    # Without this, every slot would be a person of every case, and
    # 「存在 人员」 would hold of every case the solver can see — though not
    # of a valid case with no persons at all, which a witness can be.
    present: list[z3.BoolRef]
    steps: list[Step]
    ctx: z3.Context                    # every term of this chain lives in it
    constraints: list[z3.BoolRef] = field(default_factory=list)
    facts: dict[str, z3.BoolRef] = field(default_factory=dict)   # "word[party]" / "case:word"
    # the chain reaches the act (ends with a step that makes or refuses it) and
    # shows the fault (a wrong opinion is made, or somebody fails to act)
    shows_fault: z3.BoolRef | None = None
    act: z3.ArithRef | None = None     # the step that made the act's opinion (-1: none)

    @property
    def parties(self) -> tuple[str, ...]:
        return self.persons + self.agencies


def _flags() -> tuple[str, ...]:
    return ("falsified", "should_have_detected", "detected_not_corrected", "deviates",
            "delayed", "objection_raised", "superior_insisted", "clearly_illegal")


_FLAG_KINDS = {"falsified": ("draft", "review", "approve"),
               "should_have_detected": ("review", "approve"),
               "detected_not_corrected": ("review", "approve"),
               "deviates": ("execute",), "delayed": ("fail_to_act",),
               "objection_raised": ("superior_order",), "superior_insisted": ("superior_order",),
               "clearly_illegal": ("superior_order",)}


def build_chain(bound: Bound, ctx: z3.Context) -> SymbolicChain:
    """The chain's terms, built in ``ctx``: a check owns its context, so no
    term, and no search, depends on what the process has solved before."""
    P, K = bound.persons, bound.steps
    persons = tuple(f"p{i}" for i in range(P))
    agencies = tuple(f"A{i}" for i in range(bound.agencies)) + (SUPERIOR,)
    steps = []
    for i in range(K):
        n = f"s{i}"
        steps.append(Step(
            active=z3.Bool(f"{n}.active", ctx), kind=z3.Int(f"{n}.kind", ctx), by=z3.Int(f"{n}.by", ctx),
            of=z3.Int(f"{n}.of", ctx), action=z3.Int(f"{n}.action", ctx), correct=z3.Bool(f"{n}.correct", ctx),
            flag={f: z3.Bool(f"{n}.{f}", ctx) for f in _flags()},
            skipped={s: z3.Bool(f"{n}.skip.{s}", ctx) for s in STAGES},
            role=z3.Int(f"{n}.role", ctx),
            part=[z3.Bool(f"{n}.part.{p}", ctx) for p in persons],
            position=[z3.Int(f"{n}.pos.{p}", ctx) for p in persons],
            dissent=[z3.Bool(f"{n}.dissent.{p}", ctx) for p in persons],
            staff={r: [z3.Bool(f"{n}.staff.{r}.{p}", ctx) for p in persons] for r in ROLE},
            superior=z3.Int(f"{n}.superior", ctx)))
    sc = SymbolicChain(bound, persons, agencies, z3.Bool("approval_required", ctx),
                       {a: z3.Bool(f"deciding.{a}", ctx) for a in agencies[:-1]}, z3.Int("lead", ctx),
                       [z3.Bool(f"staff_member.{p}", ctx) for p in persons],
                       [z3.Bool(f"present.{p}", ctx) for p in persons], steps, ctx)
    _constrain(sc)
    _define_facts(sc)
    last = [z3.And(s.active, z3.Not(steps[i + 1].active)) if i + 1 < len(steps) else s.active
            for i, s in enumerate(steps)]
    act_wrong = z3.And(sc.act >= 0, z3.Not(_at(steps, sc.act, lambda t: t.correct)))
    sc.shows_fault = z3.And(
        z3.Or(act_wrong, *[s.is_("fail_to_act") for s in steps]),
        z3.Or([z3.And(last[i], s.is_(*ACT_MADE)) for i, s in enumerate(steps)]))
    return sc


def _makes(s: Step) -> z3.BoolRef:
    return z3.Or(s.is_(*MAKES), z3.And(s.is_("review", "approve"), s.action != ACTION["pass"]))


def _at(steps: list[Step], index: z3.ArithRef, pick) -> z3.ExprRef:
    """``pick(steps[index])`` for a symbolic index (an If-chain)."""
    term = pick(steps[0])
    for j in range(1, len(steps)):
        term = z3.If(index == j, pick(steps[j]), term)
    return term


def _constrain(sc: SymbolicChain) -> None:
    c = sc.constraints
    P, K = len(sc.persons), len(sc.steps)
    slots = list(sc.deciding)
    c.append(z3.Or(list(sc.deciding.values())))
    for i in range(1, len(slots)):           # deciding slots are filled in order
        c.append(z3.Implies(sc.deciding[slots[i]], sc.deciding[slots[i - 1]]))
    c.append(z3.Or(sc.lead == -1, *[z3.And(sc.lead == j, sc.deciding[a]) for j, a in enumerate(slots)]))
    c.append(z3.Implies(sc.lead != -1, z3.PbGe([(d, 1) for d in sc.deciding.values()], 2)))
    for i, s in enumerate(sc.steps):
        if i + 1 < K:
            c.append(z3.Implies(sc.steps[i + 1].active, s.active))
        c += [s.kind >= 0, s.kind < len(KIND), s.by >= 0, s.by < P,
              s.action >= 0, s.action <= 2, s.role >= 0, s.role <= 3,
              s.superior >= 0, s.superior < P]
        uses = s.is_("review", "approve", "execute", "superior_change")
        if i == 0:
            c.append(z3.Not(uses))
        else:
            c.append(z3.Implies(uses, z3.And(s.of >= 0, s.of < i,
                                             _at(sc.steps[:i], s.of, _makes))))
        # an actor belongs to a deciding agency (or, with a superior change, below it)
        actor = s.is_("draft", "review", "approve", "decide", "execute", "fail_to_act",
                      "superior_order")
        c.append(z3.Implies(actor, z3.Not(_at_person(sc.staff_member, s.by))))
        c.append(z3.Implies(s.is_("superior_order"), s.superior != s.by))
        # no review or approval of an opinion decided around that stage
        for st in ("review", "approve"):
            if i:
                c.append(z3.Not(z3.And(s.is_(st), _at(sc.steps[:i], s.of, lambda t, st=st: z3.And(
                    t.is_("decide"), t.skipped[st])))))
        for f, kinds in _FLAG_KINDS.items():
            c.append(z3.Implies(s.flag[f], s.is_(*kinds)))
        for st in STAGES:
            c.append(z3.Implies(s.skipped[st], s.is_("decide")))
        c.append(z3.Implies(s.role != 0, s.is_("fail_to_act")))
        c.append(z3.Implies(z3.Not(s.is_("review", "approve")), s.action == 0))
        collective = s.is_("collective")
        for j in range(P):
            c += [s.position[j] >= 0, s.position[j] <= 2]
            c.append(z3.Implies(s.part[j], z3.And(collective, z3.Not(sc.staff_member[j]))))
            c.append(z3.Implies(s.dissent[j], s.part[j]))
            c.append(z3.Implies(z3.Not(s.part[j]), s.position[j] == 0))
            for r in ROLE:
                c.append(z3.Implies(s.staff[r][j], z3.And(s.is_("superior_change"),
                                                          sc.staff_member[j])))
        c.append(z3.Implies(collective, z3.Or([z3.And(s.part[j], s.position[j] == POSITION["principal"])
                                               for j in range(P)])))
        c.append(z3.Implies(s.is_("superior_change"),
                            z3.Or([s.staff[r][j] for r in ROLE for j in range(P)])))
        # whoever a step names is a person of the case
        for j in range(P):
            named = [z3.And(actor, s.by == j), z3.And(s.is_("superior_order"), s.superior == j), s.part[j]]
            named += [s.staff[r][j] for r in ROLE]
            c.append(z3.Implies(z3.Or(named), sc.present[j]))
    for j in range(P):      # an absent slot has no agency either (one model per case)
        c.append(z3.Implies(z3.Not(sc.present[j]), z3.Not(sc.staff_member[j])))


def _at_person(values: list[z3.BoolRef], index: z3.ArithRef) -> z3.BoolRef:
    return z3.Or([z3.And(index == j, v) for j, v in enumerate(values)])


def decider_role(sc: SymbolicChain, s: Step) -> z3.ArithRef:
    sk = s.skipped
    return z3.If(z3.Not(sc.approval), ROLE["handler"],
                 z3.If(z3.Not(sk["approve"]), ROLE["approver"],
                       z3.If(z3.Not(sk["review"]), ROLE["reviewer"],
                             z3.If(z3.Not(sk["draft"]), ROLE["handler"], ROLE["approver"]))))


def _pending(sc: SymbolicChain, upto: int) -> z3.ArithRef:
    ctx = sc.ctx
    role = z3.IntVal(ROLE["handler"], ctx)
    for s in sc.steps[:upto]:
        after_draft = z3.If(sc.approval, ROLE["reviewer"], ROLE["handler"])
        role = z3.If(s.is_("draft"), after_draft,
                     z3.If(s.is_("review"), ROLE["approver"],
                           z3.If(s.is_("approve", "decide", "collective", "superior_change",
                                       "superior_order"), ROLE["handler"], role)))
    return role


def _define_facts(sc: SymbolicChain) -> None:
    ctx = sc.ctx
    steps, P = sc.steps, len(sc.persons)
    roles_of = []        # per step: the role its actor takes (0: none)
    own = {r: [] for r in ROLE}
    for j in range(P):
        for r, code in ROLE.items():
            own[r].append(z3.Or([z3.And(s.by == j, z3.Or(
                s.is_("draft", "execute") if r == "handler" else z3.BoolVal(False, ctx),
                s.is_("review") if r == "reviewer" else z3.BoolVal(False, ctx),
                s.is_("approve") if r == "approver" else z3.BoolVal(False, ctx),
                z3.And(s.is_("decide"), decider_role(sc, s) == code))) for s in steps]))
    for i, s in enumerate(steps):
        own_role = z3.IntVal(0, ctx)
        for j in range(P):
            h, rv, a = own["handler"][j], own["reviewer"][j], own["approver"][j]
            exactly = z3.If(z3.And(h, z3.Not(rv), z3.Not(a)), ROLE["handler"],
                            z3.If(z3.And(rv, z3.Not(h), z3.Not(a)), ROLE["reviewer"],
                                  z3.If(z3.And(a, z3.Not(h), z3.Not(rv)), ROLE["approver"], 0)))
            own_role = z3.If(s.by == j, exactly, own_role)
        fail_role = z3.If(s.role != 0, s.role, z3.If(own_role != 0, own_role, _pending(sc, i)))
        roles_of.append(z3.If(s.is_("draft", "execute"), ROLE["handler"],
                              z3.If(s.is_("review"), ROLE["reviewer"],
                                    z3.If(s.is_("approve"), ROLE["approver"],
                                          z3.If(s.is_("decide"), decider_role(sc, s),
                                                z3.If(s.is_("fail_to_act"), fail_role, 0))))))

    def old_correct(s: Step):
        return _at(steps, s.of, lambda t: t.correct)

    def reviewed(i: int) -> z3.BoolRef:
        return z3.Or([z3.And(t.is_("review", "approve"), t.of == i) for t in steps] or [z3.BoolVal(False, ctx)])

    # F: the step that made the act's opinion (chain/roles.act_opinion)
    F = z3.IntVal(-1, ctx)
    for i, s in enumerate(steps):
        passes = z3.Or(z3.And(s.is_("review", "approve"), s.action == ACTION["pass"]), s.is_("execute"))
        F = z3.If(passes, s.of, z3.If(z3.And(s.active, _makes(s)), i, F))
    sc.act = F
    wrong = z3.And(F >= 0, z3.Not(_at(steps, F, lambda t: t.correct)))
    f_kind = _at(steps, F, lambda t: t.kind)

    def makes_f(i: int) -> z3.BoolRef:
        return z3.And(F == i, steps[i].active)

    def approved_f(i: int) -> z3.BoolRef:
        """Before step i, an approval passed F or made it (chain/facts.py:
        _reviewed_and_approved)."""
        return z3.Or([z3.And(t.is_("approve"), z3.Or(makes_f(k), z3.And(t.of == F, t.action == ACTION["pass"])))
                      for k, t in enumerate(steps[:i])] or [z3.BoolVal(False, ctx)])

    def on_f(s: Step) -> z3.BoolRef:
        return z3.And(s.is_("review", "approve", "execute"), s.of == F)

    F_ = sc.facts
    for j in range(P):   # Art. 9: one of handler / reviewer / approver per person
        sc.constraints.append(z3.PbLe([(z3.Or([z3.And(s.active, s.by == j, roles_of[i] == code)
                                                for i, s in enumerate(steps)]), 1)
                                       for code in ROLE.values()], 1))
    for j, p in enumerate(sc.persons):
        def some(cond) -> z3.BoolRef:
            return z3.Or([z3.And(s.active, s.by == j, cond(i, s)) for i, s in enumerate(steps)])
        for r, code in ROLE.items():
            F_[f"{r}[{p}]"] = some(lambda i, s: roles_of[i] == code)
        F_[f"decider[{p}]"] = F_[f"decided[{p}]"] = some(lambda i, s: z3.And(s.is_("decide"), makes_f(i)))
        F_[f"drafted_wrong[{p}]"] = some(lambda i, s: z3.And(s.is_("draft"), makes_f(i), wrong))
        F_[f"falsified[{p}]"] = some(lambda i, s: z3.And(s.flag["falsified"], z3.Or(
            makes_f(i), z3.And(on_f(s), s.action == ACTION["pass"]))))
        passed_wrong = lambda i, s: z3.And(s.is_("review", "approve"), s.action == ACTION["pass"],  # noqa: E731
                                           s.of == F, wrong)
        F_[f"passed_wrong[{p}]"] = some(passed_wrong)
        F_[f"passed_wrong_draft[{p}]"] = some(lambda i, s: z3.And(passed_wrong(i, s),
                                                                  f_kind == KIND["draft"]))
        for f in ("should_have_detected", "detected_not_corrected"):
            F_[f"{f}[{p}]"] = some(lambda i, s, f=f: z3.And(s.flag[f], z3.Or(makes_f(i), on_f(s))))
        ignored = lambda i, s: z3.And(s.is_("approve"), passed_wrong(i, s), z3.Or(  # noqa: E731
            [z3.And(t.is_("review"), t.of == F, t.action != ACTION["pass"], t.correct)
             for t in steps[:i]] or [z3.BoolVal(False, ctx)]))
        F_[f"overrode_correct[{p}]"] = some(lambda i, s: z3.Or(
            z3.And(s.is_("review", "approve"), s.action != ACTION["pass"], makes_f(i), wrong,
                   old_correct(s)), ignored(i, s)))
        F_[f"changed_to_wrong[{p}]"] = some(lambda i, s: z3.And(
            s.is_("review", "approve"), s.action == ACTION["change"], makes_f(i), wrong))
        for st, word in (("draft", "skipped_draft"), ("review", "skipped_review"),
                         ("approve", "skipped_approval"), ("collective", "skipped_collective")):
            F_[f"{word}[{p}]"] = some(lambda i, s, st=st: z3.And(s.is_("decide"), makes_f(i), s.skipped[st]))
        own_unreviewed = lambda i, s: z3.Or([z3.And(F == k, t.is_("draft", "decide"), t.by == j,  # noqa: E731
                                                    z3.Not(reviewed(k)))
                                             for k, t in enumerate(steps[:i])] or [z3.BoolVal(False, ctx)])
        F_[f"acted_alone[{p}]"] = some(lambda i, s: z3.Or(
            z3.And(s.is_("decide"), makes_f(i),
                   z3.Or(z3.And(s.skipped["review"], s.skipped["approve"]),
                         z3.And(z3.Not(sc.approval), decider_role(sc, s) == ROLE["handler"]))),
            z3.And(s.is_("execute"), s.of == F, own_unreviewed(i, s))))
        F_[f"executed[{p}]"] = some(lambda i, s: z3.And(s.is_("execute"), s.of == F))
        F_[f"changed_unapproved[{p}]"] = some(lambda i, s: z3.And(
            s.is_("review"), makes_f(i),
            z3.Not(z3.Or([z3.And(t.is_("approve"), t.of == F, t.action == ACTION["pass"]) for t in steps]))))
        F_[f"executed_unapproved[{p}]"] = some(lambda i, s: z3.And(
            s.is_("execute"), s.of == F, z3.Not(approved_f(i)), f_kind == KIND["draft"]))
        F_[f"executed_deviating[{p}]"] = some(lambda i, s: z3.And(
            s.flag["deviates"], s.of == F, approved_f(i),
            z3.Or([t.is_("review") for t in steps[:i]] or [z3.BoolVal(False, ctx)])))
        F_[f"failed_to_act[{p}]"] = some(lambda i, s: s.is_("fail_to_act"))
        F_[f"delayed[{p}]"] = some(lambda i, s: s.flag["delayed"])
        for pos, code in POSITION.items():
            F_[f"{pos}[{p}]"] = z3.Or([z3.And(makes_f(i), s.part[j], s.position[j] == code)
                                       for i, s in enumerate(steps)])
        F_[f"dissented[{p}]"] = z3.Or([z3.And(makes_f(i), s.dissent[j]) for i, s in enumerate(steps)])
        for r in ROLE:
            F_[f"superior_{r}[{p}]"] = z3.Or([z3.And(makes_f(i), s.staff[r][j]) for i, s in enumerate(steps)])
        F_[f"order_executor[{p}]"] = some(lambda i, s: z3.And(s.is_("superior_order"), makes_f(i)))
        F_[f"order_superior[{p}]"] = z3.Or([z3.And(s.is_("superior_order"), makes_f(i), s.superior == j)
                                            for i, s in enumerate(steps)])
        for flag, word in (("objection_raised", "objected"), ("superior_insisted", "superior_insisted"),
                           ("clearly_illegal", "clearly_illegal")):
            F_[f"{word}[{p}]"] = some(lambda i, s, flag=flag: z3.And(s.flag[flag], makes_f(i)))
        F_[f"person[{p}]"] = sc.present[j]
    slots = list(sc.deciding)
    for j, a in enumerate(slots):
        F_[f"deciding_agency[{a}]"] = sc.deciding[a]
        F_[f"lead_agency[{a}]"] = sc.lead == j
        F_[f"other_agency[{a}]"] = z3.And(sc.deciding[a], sc.lead != j)
    for a in slots:      # an unused deciding slot is no agency of the case
        F_[f"agency[{a}]"] = sc.deciding[a]
    F_[f"agency[{SUPERIOR}]"] = z3.BoolVal(True, ctx)
    F_[f"deciding_agency[{SUPERIOR}]"] = F_[f"lead_agency[{SUPERIOR}]"] = \
        F_[f"other_agency[{SUPERIOR}]"] = z3.BoolVal(False, ctx)
    n_deciding = z3.Sum([z3.If(d, 1, 0) for d in sc.deciding.values()])
    F_["case:approval_required"] = sc.approval
    F_["case:single_agency"] = n_deciding == 1
    F_["case:joint_agencies"] = n_deciding >= 2
    F_["case:has_lead"] = sc.lead != -1
    F_["case:collective_wrong"] = z3.And(f_kind == KIND["collective"], sc.act >= 0, wrong)
    F_["case:superior_changed_wrong"] = z3.And(f_kind == KIND["superior_change"], sc.act >= 0, wrong)
    F_["case:order_wrong"] = z3.And(f_kind == KIND["superior_order"], sc.act >= 0, wrong)
    # person-level facts of agencies, and agency-level facts of persons, are false
    for w in WORDS.values():
        if w.domain in ("person", "agency"):
            for party in sc.parties:
                F_.setdefault(f"{w.name}[{party}]", z3.BoolVal(False, ctx))
