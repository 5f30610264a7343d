"""常州市行政执法过错责任追究办法 (2008), Arts 10–15, in plain z3py.

A peer encoding for benchmarks/peers/: the consistency question zhifa-logic's
`zhifa check` answers, written the way a z3py user would write it — one Bool
per fact of a flat case (no decision chain), each clause a pair
(condition, allocation lines), and one solver call per pair of clauses
(push/pop): do both apply in some case (overlap)? and, in one such case, do
they give some party different lines (conflict)?

What zhifa-logic has and this has not: steps in an order, opinions passed
from person to person, facts derived from that chain (直接作出, 同意错误拟办意见
…), the chain's validity constraints, switchable readings. The default
readings of spec/changzhou-2008.zl are hard-wired (see asp_art11.lp's header
for the list); the vocabulary and typing constraints are those of synth.py.

Run alone: python z3py_art11.py [N [show]]   (N synthetic local rules, default 0)
"""

from __future__ import annotations

import itertools
import time

from z3 import And, AtMost, BoolVal, Bool, Not, Or, Solver, is_true, sat

from synth import (AGENCIES, CASE_FACTS, FLAG_IMPLIES, FLAG_NEEDS_ROLE, FLAGS,
                   PERSONS_DEFAULT, ROLES, SynthRule, synth_rules)

FALSE = BoolVal(False)


class Case:
    """The Bool variables of one flat case and its typing constraints."""

    def __init__(self, persons: int = PERSONS_DEFAULT):
        self.persons = [f"p{i}" for i in range(1, persons + 1)]
        self.role = {(p, r): Bool(f"role_{p}_{r}") for p in self.persons for r in ROLES}
        self.flag = {(p, f): Bool(f"{f}_{p}") for p in self.persons for f in FLAGS}
        self.case = {c: Bool(c) for c in CASE_FACTS}
        self.deciding = {a: Bool(f"deciding_{a}") for a in AGENCIES}
        self.lead = {a: Bool(f"lead_{a}") for a in AGENCIES}

    def constraints(self) -> list:
        cs = []
        for p in self.persons:
            for f, roles in FLAG_NEEDS_ROLE.items():       # a flag needs a role
                cs.append(Or(Not(self.flag[p, f]), *[self.role[p, r] for r in roles]))
            for f, g in FLAG_IMPLIES:                        # skipped_* → decided …
                cs.append(Or(Not(self.flag[p, f]), self.flag[p, g]))
            # one Art. 9 role per person (承办人, 审核人 or 批准人), as zhifa-logic requires
            cs.append(AtMost(self.role[p, "handler"], self.role[p, "reviewer"], self.role[p, "approver"], 1))
            # the superior agency's staff (第十四条) hold no role in the lower agency
            sup = Or([self.role[p, r] for r in ("sup_handler", "sup_reviewer", "sup_approver")])
            low = Or([self.role[p, r] for r in ("handler", "reviewer", "approver",
                                                "principal", "deputy", "member")])
            cs.append(Not(And(sup, low)))
        cs.append(Or(list(self.deciding.values())))         # someone decided
        for a in AGENCIES:
            cs.append(Or(Not(self.lead[a]), self.deciding[a]))
        cs.append(Not(And(list(self.lead.values()))))       # at most one lead (2 agencies)
        return cs

    # helpers: "person p has role r and all flags fs"
    def has(self, p, role, *flags):
        return And(self.role[p, role], *[self.flag[p, f] for f in flags])

    def some(self, role, *flags):
        return Or([self.has(p, role, *flags) for p in self.persons])

    def all_vars(self):
        return [*self.case.values(), *self.role.values(), *self.flag.values(),
                *self.deciding.values(), *self.lead.values()]


class Clause:
    """A clause: when it applies, and the lines it gives: {(party, (category, mode)): Bool}."""

    def __init__(self, name: str, applies, lines: dict):
        self.name = name
        self.applies = applies
        self.lines = lines


def measures(c: Case) -> list[Clause]:
    """Arts 10–15 under the default readings (see asp_art11.lp for the list)."""
    AR = c.case["approval_required"]
    P = c.persons
    out = []

    def clause(name, applies, lines):
        # a line holds when the clause applies and the party satisfies the line's condition
        full = {}
        for (party, line), cond in lines:
            full[party, line] = Or(full.get((party, line), FALSE), And(applies, cond))
        out.append(Clause(name, applies, full))

    # 第十条 承办人直接作出违法、不当行政执法行为或者不履行法定职责的，由承办人承担全部行政执法过错责任。
    # Reading art10-scope=no-approval-only: only acts needing no approval.
    bearer10 = {p: Or(c.has(p, "handler", "acted_alone"), c.has(p, "handler", "failed_to_act")) for p in P}
    clause("r10", And(Not(AR), Or(list(bearer10.values()))),
           [((p, ("direct", "all")), bearer10[p]) for p in P])

    # 第十一条 应当经过审核、审批的行政执法行为 … — every item needs AR. 「由X承担」 → all;
    # 「按责任大小分别由……承担」 → by_degree. Reading art11-division=named-only.
    # 第十一条第（一）项 承办人未经审核人、批准人批准，直接作出行政执法行为的，由承办人承担
    i1 = ("handler", "decided", "skipped_review", "skipped_approval")
    clause("r11_1", And(AR, c.some(*i1)), [((p, ("direct", "all")), c.has(p, *i1)) for p in P])
    # 第十一条第（二）项 虽经审核人审核、批准人批准，但承办人不依照审核、批准的内容和要求实施的，由承办人承担
    # (「虽经审核、批准」 is not a separate condition, as in the spec.)
    i2 = ("handler", "executed_deviating")
    clause("r11_2", And(AR, c.some(*i2)), [((p, ("direct", "all")), c.has(p, *i2)) for p in P])
    # 第十一条第（三）项 承办人弄虚作假、徇私舞弊，致使审核人、批准人无法正确履行…，由承办人承担
    # (徇私舞弊 and the causal 「致使」 are not separate facts, as in the spec.)
    i3 = ("handler", "falsified")
    clause("r11_3", And(AR, c.some(*i3)), [((p, ("direct", "all")), c.has(p, *i3)) for p in P])
    # 第十一条第（四）项 承办人提出的方案或者意见有错误，审核人、批准人应当发现而没有发现，或者发现后未予纠正，
    # 按责任大小分别由承办人、审核人、批准人承担 — bearers: reading art11-4-bearers=all-three.
    passer = {p: Or(c.has(p, "reviewer", "passed_wrong_draft"), c.has(p, "approver", "passed_wrong_draft")) for p in P}
    at_fault = Or([And(passer[p], Or(c.flag[p, "should_have_detected"], c.flag[p, "detected_not_corrected"]))
                   for p in P])
    clause("r11_4", And(AR, c.some("handler", "drafted_wrong"), at_fault),
           [((p, ("direct", "by_degree")), c.has(p, "handler", "drafted_wrong")) for p in P]
           + [((p, ("leading", "by_degree")), passer[p]) for p in P])
    # 第十一条第（五）项 审核人不采纳或者改变承办人的正确意见，经批准人批准的，按责任大小分别由审核人、批准人承担
    apw = ("approver", "passed_wrong")
    clause("r11_5", And(AR, c.some("reviewer", "overrode_correct"), c.some(*apw)),
           [((p, ("leading", "by_degree")), c.has(p, "reviewer", "overrode_correct")) for p in P]
           + [((p, ("leading", "by_degree")), c.has(p, *apw)) for p in P])
    # 第十一条第（六）项 审核人未报请批准人批准而直接作出决定的，由审核人承担
    i6 = ("reviewer", "decided", "skipped_approval")
    clause("r11_6", And(AR, c.some(*i6)), [((p, ("leading", "all")), c.has(p, *i6)) for p in P])
    # 第十一条第（七）项 审核人弄虚作假、徇私舞弊，直接导致批准人作出错误决定的，由审核人承担
    # (「直接导致批准人作出错误决定」 = some approver passed a wrong opinion, as in the spec.)
    clause("r11_7", And(AR, c.some("reviewer", "falsified"), c.some(*apw)),
           [((p, ("leading", "all")), c.has(p, "reviewer", "falsified")) for p in P])
    # 第十一条第（八）项 审核人作出的错误指令经批准人同意的，按责任大小分别由审核人、批准人承担
    clause("r11_8", And(AR, c.some("reviewer", "changed_to_wrong"), c.some(*apw)),
           [((p, ("leading", "by_degree")), c.has(p, "reviewer", "changed_to_wrong")) for p in P]
           + [((p, ("leading", "by_degree")), c.has(p, *apw)) for p in P])
    # 第十一条第（九）项 批准人不采纳或者改变承办人、审核人正确意见的，由批准人承担
    i9 = ("approver", "overrode_correct")
    clause("r11_9", And(AR, c.some(*i9)), [((p, ("leading", "all")), c.has(p, *i9)) for p in P])
    # 第十一条第（十）项 未经承办人拟办、审核人审核，批准人直接作出决定的，由批准人承担
    i10 = ("approver", "decided", "skipped_draft", "skipped_review")
    clause("r11_10", And(AR, c.some(*i10)), [((p, ("leading", "all")), c.has(p, *i10)) for p in P])
    # 第十一条第（十一）项 批准人应当履行职责而不履行或拖延履行的，由批准人承担 (拖延履行 ⊂ failed_to_act)
    i11 = ("approver", "failed_to_act")
    clause("r11_11", And(AR, c.some(*i11)), [((p, ("leading", "all")), c.has(p, *i11)) for p in P])

    # 第十二条 单独决定 → 该机关全部；共同决定 → 主办机关主要、其他机关相应；没有主办机关 → 共同承担
    a1, a2 = AGENCIES
    d, ld = c.deciding, c.lead
    joint = And(d[a1], d[a2])
    has_lead = Or(ld[a1], ld[a2])
    clause("r12_single", Not(joint), [((a, ("agency", "all")), d[a]) for a in AGENCIES])
    clause("r12_lead", And(joint, has_lead),
           [((a, ("agency", "main")), ld[a]) for a in AGENCIES]
           + [((a, ("agency", "corresponding")), And(d[a], Not(ld[a]))) for a in AGENCIES])
    clause("r12_nolead", And(joint, Not(has_lead)), [((a, ("agency", "joint")), d[a]) for a in AGENCIES])

    # 第十三条第一款 主要领导视为批准人、分管领导视为审核人，按领导责任人员共同承担责任。但明确表示不同意…的人员除外。
    # Reading art13-members=principal-and-deputy.
    cw = c.case["collective_wrong"]
    named = {p: Or(c.role[p, "principal"], c.role[p, "deputy"]) for p in P}
    clause("r13_1", cw,
           [((p, ("leading", "joint")), And(named[p], Not(c.flag[p, "dissented"]))) for p in P]
           + [((p, ("no_liability", "none")), And(named[p], c.flag[p, "dissented"])) for p in P])
    # 第十三条第二款 不经集体研究决定作出的…，作出决定的人为过错责任人 — reading art13-2-category=by-role.
    dec = {p: And(c.flag[p, "decided"], c.flag[p, "skipped_collective"]) for p in P}
    clause("r13_2", Or(list(dec.values())),
           [((p, ("direct", "all")), And(dec[p], c.role[p, "handler"])) for p in P]
           + [((p, ("leading", "all")), And(dec[p], Not(c.role[p, "handler"]))) for p in P])
    # 第十四条 上级行政执法机关改变、撤销…的，上级行政执法机关的承办人、审核人、批准人分别承担相应的责任
    clause("r14", c.case["superior_changed_wrong"],
           [((p, ("direct", "corresponding")), c.role[p, "sup_handler"]) for p in P]
           + [((p, ("leading", "corresponding")), Or(c.role[p, "sup_reviewer"], c.role[p, "sup_approver"])) for p in P])
    # 第十五条 → 公务员法第五十四条（前段）上级不改变…或者要求立即执行的，…执行的后果由上级负责，公务员不承担责任
    ow = c.case["order_wrong"]
    ex_a = ("executor", "objected", "superior_insisted")
    clause("r15_a", And(ow, c.some(*ex_a)),
           [((p, ("leading", "all")), c.role[p, "superior"]) for p in P]
           + [((p, ("no_liability", "none")), And(c.has(p, *ex_a), Not(c.flag[p, "clearly_illegal"]))) for p in P])
    # 第十五条 → 公务员法第五十四条（但书）公务员执行明显违法的决定或者命令的，应当依法承担相应的责任
    ex_b = ("executor", "clearly_illegal")
    clause("r15_b", And(ow, c.some(*ex_b)), [((p, ("direct", "corresponding")), c.has(p, *ex_b)) for p in P])
    return out


def synthetic(c: Case, rule: SynthRule) -> Clause:
    """A synthetic local rule: 存在 R 满足 (F…) 并且 … 那么 bearer 满足 (F…) 承担 mode category."""
    parts = [c.case[f] if v else Not(c.case[f]) for f, v in rule.case_facts]
    parts += [c.some(role, *flags) for role, flags in rule.person_facts]
    applies = And(parts)
    line = (rule.category, rule.mode)
    lines = {(p, line): And(applies, c.has(p, rule.bearer, *rule.bearer_flags())) for p in c.persons}
    return Clause(rule.name, applies, lines)


def conflict_formula(a: Clause, b: Clause):
    """Some party gets one line from a and a different line from b."""
    by_party = {}
    for (party, line), cond in b.lines.items():
        by_party.setdefault(party, []).append((line, cond))
    disj = [And(ca, cb)
            for (party, la), ca in a.lines.items()
            for lb, cb in by_party.get(party, ())
            if la != lb]
    return Or(disj) if disj else FALSE


def run(n: int, persons: int = PERSONS_DEFAULT, deadline: float | None = None) -> dict:
    """Check every pair among the Measures' 20 clauses and `n` synthetic rules.

    Witnesses are kept as z3 models (render with `witness(model)`).
    `deadline`: stop (result marked `capped`) once this many seconds passed.
    """
    rules = synth_rules(n)
    start = time.perf_counter()
    case = Case(persons)
    clauses = measures(case) + [synthetic(case, r) for r in rules]
    s = Solver()
    s.add(case.constraints())
    overlaps, conflicts, done, capped = {}, {}, 0, False
    for a, b in itertools.combinations(clauses, 2):
        if deadline is not None and time.perf_counter() - start > deadline:
            capped = True
            break
        s.push()
        s.add(a.applies, b.applies)
        if s.check() == sat:
            overlaps[a.name, b.name] = s.model()
            s.add(conflict_formula(a, b))
            if s.check() == sat:
                conflicts[a.name, b.name] = s.model()
        s.pop()
        done += 1
    seconds = time.perf_counter() - start
    total = len(clauses) * (len(clauses) - 1) // 2
    return {"rules": len(clauses), "pairs": total, "checked": done, "capped": capped,
            "overlaps": overlaps, "conflicts": conflicts, "seconds": seconds, "case": case}


def classify(persons: int = PERSONS_DEFAULT) -> dict:
    """The Measures' overlapping pairs in zhifa-logic's classes (for run_peers
    --zhifa; not timed): `conflict`; `benign` — no conflict, but some case
    gives a common party the same line from both; `disjoint` — they apply
    together only to different parties."""
    case = Case(persons)
    clauses = measures(case)
    s = Solver()
    s.add(case.constraints())
    out = {"conflict": [], "benign": [], "disjoint": []}
    for a, b in itertools.combinations(clauses, 2):
        s.push()
        s.add(a.applies, b.applies)
        if s.check() == sat:
            if s.check(conflict_formula(a, b)) == sat:
                out["conflict"].append((a.name, b.name))
            else:
                same = [And(cond, b.lines[key]) for key, cond in a.lines.items() if key in b.lines]
                kind = "benign" if same and s.check(Or(same)) == sat else "disjoint"
                out[kind].append((a.name, b.name))
        s.pop()
    return out


def witness(case: Case, model) -> list[str]:
    """The true facts of a witness model."""
    return [str(v) for v in case.all_vars() if is_true(model.eval(v, model_completion=True))]


if __name__ == "__main__":
    import sys

    res = run(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(res["rules"], res["pairs"], len(res["overlaps"]), len(res["conflicts"]),
          f"{res['seconds']:.3f}s")
    if len(sys.argv) > 2:  # python z3py_art11.py N show: the conflicts' witnesses
        for pair, model in sorted(res["conflicts"].items()):
            print("conflict", *pair, " ".join(witness(res["case"], model)))
