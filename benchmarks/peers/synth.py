"""Shared vocabulary of the flat case space and the synthetic local rules.

Every peer (clingo, z3py, IDP-Z3) encodes the Measures' Arts 10–15 by hand,
in its own language, over the same flat vocabulary below. The synthetic
"local rules" of the scaling mode are generated here once, as plain data, and
each peer renders them into its own syntax — so all peers answer exactly the
same question and their pair sets can be compared (run_peers.py does).

Standard library only: the IDP worker imports this module from its own
virtualenv.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

# ── the flat case space ───────────────────────────────────────────────────
#
# A case is a set of facts. There is no decision chain: who drafted, reviewed
# or approved what, and in which order, is not represented — a person simply
# *has* roles and flags. One person may hold several roles (a principal
# leader who is also the approver, an executor who is also the handler …),
# but only one of the three Art. 9 roles.

PERSONS_DEFAULT = 3  # p1..p3 (zhifa-logic's own bound is persons ≤ 5)
AGENCIES = ("a1", "a2")  # Art. 12 needs one or two deciding agencies

ROLES = (
    "handler", "reviewer", "approver",            # Art. 9: 承办人 审核人 批准人
    "principal", "deputy", "member",              # Art. 13 ¶1: 主要领导 分管领导 其他参与人员
    "sup_handler", "sup_reviewer", "sup_approver",  # Art. 14: 上级机关的承办人、审核人、批准人
    "executor", "superior",                       # Art. 15: 执行命令人员, 发令上级
)

FLAGS = (
    "acted_alone",             # 直接作出 (Art. 10)
    "failed_to_act",           # 不履行 (Art. 10, 11(11))
    "decided",                 # 直接作出决定 (11(1), (6), (10), 13 ¶2)
    "skipped_draft",           # 未经拟办
    "skipped_review",          # 未经审核
    "skipped_approval",        # 未经批准
    "skipped_collective",      # 未经集体研究 (13 ¶2)
    "executed_deviating",      # 不依照审核、批准的内容和要求实施 (11(2))
    "falsified",               # 弄虚作假 (11(3), 11(7))
    "drafted_wrong",           # 拟办意见错误 (11(4))
    "passed_wrong",            # 同意错误意见 (11(5), (7), (8))
    "passed_wrong_draft",      # 同意错误拟办意见 (11(4))
    "should_have_detected",    # 应当发现而没有发现 (11(4))
    "detected_not_corrected",  # 发现后未予纠正 (11(4))
    "overrode_correct",        # 不采纳或者改变正确意见 (11(5), 11(9))
    "changed_to_wrong",        # 作出错误指令 (11(8))
    "dissented",               # 明确表示不同意 (13 ¶1 但书)
    "objected",                # 提出异议 (公务员法第五十四条)
    "superior_insisted",       # 上级不改变或者要求立即执行
    "clearly_illegal",         # 明显违法 (公务员法第五十四条但书)
)

CASE_FACTS = (
    "approval_required",       # 应当经过审核审批 (Art. 10 / 11 scope)
    "collective_wrong",        # 集体决定错误 (13 ¶1)
    "superior_changed_wrong",  # 上级改变错误 (14)
    "order_wrong",             # 上级决定命令错误 (15)
)

# A line a clause gives a party: (category, mode) — categories direct,
# leading, agency (Art. 9, 12); modes all 全部, by_degree 按责任大小, main 主要,
# corresponding 相应, joint 共同 — or an express 不承担 (no_liability, none).

# Typing constraints every peer states (facts only make sense for some
# roles). They are *not* the decision-chain semantics of zhifa-logic: no
# order of steps, no opinions, no derived facts.
#   flag F of a person requires one of the roles in FLAG_NEEDS_ROLE[F]
FLAG_NEEDS_ROLE = {
    "acted_alone": ("handler",),
    "drafted_wrong": ("handler",),
    "executed_deviating": ("handler",),
    "passed_wrong": ("reviewer", "approver"),
    "passed_wrong_draft": ("reviewer", "approver"),
    "should_have_detected": ("reviewer", "approver"),
    "detected_not_corrected": ("reviewer", "approver"),
    "overrode_correct": ("reviewer", "approver"),
    "changed_to_wrong": ("reviewer", "approver"),
    "dissented": ("principal", "deputy", "member"),
    "objected": ("executor",),
    "superior_insisted": ("executor",),
    "clearly_illegal": ("executor",),
}
#   flag A of a person implies flag B of the same person
FLAG_IMPLIES = (
    ("skipped_draft", "decided"),
    ("skipped_review", "decided"),
    ("skipped_approval", "decided"),
    ("skipped_collective", "decided"),
    ("passed_wrong_draft", "passed_wrong"),
)
# A person holds at most one of handler / reviewer / approver (Art. 9; as
# zhifa-logic's case validation requires); the superior agency's staff
# (sup_*) hold none of the lower agency's roles (handler … member).
# Agencies: at least one deciding agency; a lead agency is a deciding one;
# at most one lead.

# The Measures' clauses every peer encodes (default readings of
# spec/changzhou-2008.zl), in this order.
MEASURES_RULES = (
    "r10",
    "r11_1", "r11_2", "r11_3", "r11_4", "r11_5", "r11_6",
    "r11_7", "r11_8", "r11_9", "r11_10", "r11_11",
    "r12_single", "r12_lead", "r12_nolead",
    "r13_1", "r13_2", "r14", "r15_a", "r15_b",
)

CITATION = {
    "r10": "第十条",
    **{f"r11_{i}": f"第十一条第（{n}）项" for i, n in enumerate(
        "一 二 三 四 五 六 七 八 九 十 十一".split(), start=1)},
    "r12_single": "第十二条「单独决定」",
    "r12_lead": "第十二条「主办机关」",
    "r12_nolead": "第十二条「没有主办机关」",
    "r13_1": "第十三条第一款",
    "r13_2": "第十三条第二款",
    "r14": "第十四条",
    "r15_a": "第十五条（公务员法第五十四条「前段」）",
    "r15_b": "第十五条（公务员法第五十四条「但书」）",
}

# ── synthetic local rules (scaling mode) ──────────────────────────────────

SEED = 2008
SYN_ROLES = ("handler", "reviewer", "approver")
SYN_FLAGS = FLAGS[:16]  # the chain flags; not dissent / objection flags
SYN_CASE_FACTS = (("approval_required", True), ("approval_required", False),
                  ("collective_wrong", True), ("superior_changed_wrong", True),
                  ("order_wrong", True))
SYN_CATEGORIES = ("direct", "leading")
SYN_MODES = ("all", "by_degree", "main", "corresponding")


@dataclass(frozen=True)
class SynthRule:
    """One local rule: IF every fact holds THEN the bearers bear (category, mode).

    `case_facts`: ((case fact, required truth value), …).
    `person_facts`: ((role, (flag, …)), …) — for each role at most one entry,
    read "some person with that role has all these flags" (存在 审核人 满足
    (F1 并且 F2)), the way the Measures' own items are written.
    Bearers: the persons with `bearer` role; if the condition constrains that
    role, only those satisfying its flags (审核人 满足 F 承担 …).
    """

    name: str
    case_facts: tuple[tuple[str, bool], ...]
    person_facts: tuple[tuple[str, tuple[str, ...]], ...]
    bearer: str
    category: str
    mode: str

    def bearer_flags(self) -> tuple[str, ...]:
        for role, flags in self.person_facts:
            if role == self.bearer:
                return flags
        return ()


def synth_rules(n: int, seed: int = SEED) -> list[SynthRule]:
    """N random local rules: a conjunction of 1–3 flat facts, a random bearer
    role × category × mode. Deterministic for a given (n, seed); the first k
    rules of a larger n are the rules of n = k."""
    rng = random.Random(seed)
    pool = [("case", fact) for fact in SYN_CASE_FACTS]
    pool += [("person", (role, flag)) for role in SYN_ROLES for flag in SYN_FLAGS
             if role in FLAG_NEEDS_ROLE.get(flag, SYN_ROLES)]  # well-typed facts only
    rules = []
    for k in range(1, n + 1):
        picks = rng.sample(pool, rng.randint(1, 3))
        case_facts: dict[str, bool] = {}
        person_facts: dict[str, list[str]] = {}
        for kind, fact in picks:
            if kind == "case":
                name, value = fact
                case_facts.setdefault(name, value)  # never both ± of one fact
            else:
                role, flag = fact
                person_facts.setdefault(role, []).append(flag)
        rules.append(SynthRule(
            name=f"s{k}",
            case_facts=tuple(sorted(case_facts.items())),
            person_facts=tuple((r, tuple(sorted(f))) for r, f in sorted(person_facts.items())),
            bearer=rng.choice(SYN_ROLES),
            category=rng.choice(SYN_CATEGORIES),
            mode=rng.choice(SYN_MODES),
        ))
    return rules


def rule_names(n: int) -> list[str]:
    return list(MEASURES_RULES) + [f"s{k}" for k in range(1, n + 1)]


def digest(pairs) -> str:
    """A short, order-independent fingerprint of a set of unordered pairs,
    so that peers in different processes can be compared cheaply."""
    text = "\n".join(sorted("|".join(sorted(p)) for p in pairs))
    return hashlib.sha256(text.encode()).hexdigest()[:12]
