"""Synthetic local rule sets for ``bench_check.py``: N random rules that
extend the Measures, written in the DSL exactly as examples/local/*.zl are.

Each set is a function of N alone: ``random.Random(2008 + N)`` drives every
choice and nothing iterates a set or a dict whose order could vary, so the
bytes written are the same on every run and machine (the files are committed
data; rerunning this script must leave ``git diff`` empty).

A rule reads like a district's implementing rule. It is about one kind of
case (a situation: an act needing approval, one needing none, a collective
decision, a superior's change, a superior's order — SITUATIONS below), and
its condition is a conjunction of one to three atoms: the case fact that says
the situation (应当经过审核审批, 集体决定错误 …, or 并非 …), how many agencies
decided (单独决定 …), or a role of the situation that some person (rarely an
agency) holds, with up to two facts (存在 审核人 满足 (同意错误拟办意见 并且
应当发现而没有发现); sometimes 不存在 …). One rule in seven ignores the
situation and mixes any words, as careless drafting does. Then one or two
allocations: a bearer (usually the role the condition names, with the same
filter, as the Measures write it), a mode (全部 / 按责任大小 / 主要 / 相应 /
共同) and a category (直接责任 / 领导责任 for persons, 机关责任 for agencies —
the only category the loader accepts for an agency role). Facts are drawn
mostly from those that can hold of the role (chain/facts.py), sometimes from
the whole vocabulary, so some rules are dead within the bound, as careless
drafting makes them. About one rule in twenty displaces a clause of the
Measures (优先 … 优先于 《办法》…). Every rule has a short 条文 … 原文 block
(the grammar does not require one; the examples all have them).

    .venv/bin/python benchmarks/gen_synthetic.py            # writes 10, 100, 500
    .venv/bin/python benchmarks/gen_synthetic.py 25 --stdout
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from zhifa_logic.model.citation import int_to_cn

HERE = Path(__file__).resolve().parent
OUT = HERE / "synthetic"
SIZES = (10, 100, 500)

# ── the vocabulary (zhifa_logic/model/vocabulary.py), in the Chinese spelling ──
# Kept literal rather than imported, so that the output does not silently
# change when the vocabulary grows; ``--check-vocabulary`` compares the two.

CASE_FACTS = ["应当经过审核审批", "单独决定", "共同决定", "有主办机关", "集体决定错误",
              "上级改变错误", "上级决定命令错误"]

PERSON_FACTS = ["拟办意见错误", "弄虚作假", "同意错误意见", "同意错误拟办意见", "应当发现而没有发现",
                "发现后未予纠正", "不采纳或者改变正确意见", "作出错误指令", "直接作出决定", "未经拟办",
                "未经审核", "未经批准", "未经集体研究", "直接作出", "实施", "未依照审核批准内容实施",
                "不履行", "拖延履行", "明确表示不同意", "提出异议", "上级坚持", "明显违法",
                "确实没有造成损失和不良影响"]

# Person roles, each with the facts that can hold of a person in that role
# (read off chain/facts.py); the rest of PERSON_FACTS is the careless pool.
PERSON_ROLES = {
    "承办人": ["拟办意见错误", "弄虚作假", "直接作出决定", "未经审核", "未经批准", "直接作出", "实施",
            "未依照审核批准内容实施", "不履行", "拖延履行"],
    "审核人": ["同意错误意见", "同意错误拟办意见", "应当发现而没有发现", "发现后未予纠正", "弄虚作假",
            "不采纳或者改变正确意见", "作出错误指令", "直接作出决定", "未经批准", "不履行", "拖延履行"],
    "批准人": ["同意错误意见", "同意错误拟办意见", "应当发现而没有发现", "发现后未予纠正", "弄虚作假",
            "不采纳或者改变正确意见", "直接作出决定", "未经拟办", "未经审核", "不履行", "拖延履行"],
    "决定人": ["直接作出决定", "未经拟办", "未经审核", "未经批准", "未经集体研究", "直接作出"],
    "主要领导": ["明确表示不同意"],
    "分管领导": ["明确表示不同意"],
    "其他参与人员": ["明确表示不同意"],
    "上级承办人": [],
    "上级审核人": [],
    "上级批准人": [],
    "发令上级": [],
    "执行命令人员": ["提出异议", "上级坚持", "明显违法"],
    "人员": ["弄虚作假", "不履行", "拖延履行", "实施", "确实没有造成损失和不良影响"],
}
# Situations: the kind of case a rule is about — the case fact that says it
# (None: the ordinary chain, with or without approval) and the person roles
# that occur in it. The act is made by one step, so the three special kinds
# exclude each other; a rule mostly stays within one situation, and in one
# rule out of SLOPPY it mixes anything with anything, as careless drafting does.
SITUATIONS = [
    ("应当经过审核审批", ["承办人", "审核人", "批准人", "决定人", "人员"], 5),
    ("并非 应当经过审核审批", ["承办人", "决定人", "人员"], 2),
    ("集体决定错误", ["主要领导", "分管领导", "其他参与人员", "人员"], 2),
    ("上级改变错误", ["上级承办人", "上级审核人", "上级批准人", "人员"], 1),
    ("上级决定命令错误", ["执行命令人员", "发令上级", "人员"], 1),
]
SLOPPY = 0.15
AGENCY_FACTS = ["单独决定", "共同决定", "有主办机关", "并非 有主办机关"]
DIRECT_ROLES = {"承办人", "上级承办人", "执行命令人员"}
AGENCY_ROLES = ["参与决定机关", "主办的机关", "其他机关", "机关"]

MODES = ["全部", "按责任大小", "主要", "相应", "共同"]
MODE_WEIGHTS = [4, 3, 2, 2, 1]

# Allocating clauses of the Measures a local rule may displace (citations as
# the local file writes them, through the short name 《办法》).
MEASURES_CLAUSES = ["第十条", "第十一条第（一）项", "第十一条第（二）项", "第十一条第（三）项",
                    "第十一条第（四）项", "第十一条第（五）项", "第十一条第（六）项", "第十一条第（七）项",
                    "第十一条第（八）项", "第十一条第（九）项", "第十一条第（十）项", "第十一条第（十一）项",
                    "第十三条第一款", "第十三条第二款", "第十四条"]

FIRST_RULE = 3          # 第一条 (purpose) and 第二条 (fallback) are not formalised


def article(number: int) -> str:
    return f"第{int_to_cn(number)}条"


# ── one rule ──

class Gen:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def facts_for(self, role: str, k: int) -> list[str]:
        """``k`` distinct facts for a person in ``role``: plausible ones mostly."""
        pool = PERSON_ROLES[role]
        out: list[str] = []
        while len(out) < k:
            src = pool if pool and self.rng.random() < 0.92 else PERSON_FACTS
            f = self.rng.choice(src)
            if f not in out:
                out.append(f)
        return out

    def where(self, role: str, agency: bool) -> str | None:
        """A filter for ``满足``: none, one fact, two facts (并且, rarely 或者),
        or a negated fact. Agencies have only the party fact 确实没有造成损失和不良影响."""
        rng = self.rng
        if agency:
            return "确实没有造成损失和不良影响" if rng.random() < 0.1 else None
        x = rng.random()
        if x < 0.15:
            return None
        if x < 0.65:
            return self.facts_for(role, 1)[0]
        if x < 0.9:
            a, b = self.facts_for(role, 2)
            op = "或者" if rng.random() < 0.2 else "并且"
            return f"({a} {op} {b})"
        return f"并非 {self.facts_for(role, 1)[0]}"

    def role_atom(self, roles: list[str], agency: bool,
                  used: list[tuple[str, str | None, bool]]) -> str:
        """存在 ROLE [满足 …]; sometimes negated (不存在 / 并非 存在)."""
        rng = self.rng
        role = rng.choice(AGENCY_ROLES if agency else roles)
        flt = self.where(role, agency)
        negated = rng.random() < 0.12
        if not negated:
            used.append((role, flt, agency))
        head = ("不存在" if rng.random() < 0.5 else "并非 存在") if negated else "存在"
        return f"{head} {role}" + (f" 满足 {flt}" if flt else "")

    def condition(self) -> tuple[str, list[tuple[str, str | None, bool]], list[str]]:
        """A conjunction of 1–3 atoms, the roles it says somebody holds, and
        the person roles of its situation."""
        rng = self.rng
        used: list[tuple[str, str | None, bool]] = []
        n_atoms = rng.choices([1, 2, 3], weights=[3, 4, 3])[0]
        atoms: list[str] = []
        if rng.random() < SLOPPY:                       # anything with anything
            for _ in range(n_atoms):
                x = rng.random()
                if x < 0.25:
                    fact = rng.choice(CASE_FACTS)
                    atoms.append(f"并非 {fact}" if rng.random() < 0.2 else fact)
                else:
                    atoms.append(self.role_atom(list(PERSON_ROLES), x > 0.9, used))
            return " 并且 ".join(atoms), used, list(PERSON_ROLES)
        fact, roles, _w = rng.choices(SITUATIONS, weights=[w for *_x, w in SITUATIONS])[0]
        if rng.random() < 0.7 or n_atoms == 1 and rng.random() < 0.5:
            atoms.append(fact)                          # the situation, said
        while len(atoms) < n_atoms or not atoms:
            x = rng.random()
            if x < 0.12 and not any(a in AGENCY_FACTS for a in atoms):
                atoms.append(rng.choice(AGENCY_FACTS))  # how many agencies decided
            else:
                atoms.append(self.role_atom(roles, x > 0.9, used))
        return " 并且 ".join(atoms), used, roles

    def allocation(self, used: list[tuple[str, str | None, bool]],
                   roles: list[str]) -> tuple[str, str, str, bool]:
        """(bearer text, mode, category, agency?)."""
        rng = self.rng
        if used and rng.random() < 0.7:
            role, flt, agency = rng.choice(used)       # the role the condition names
        else:                                          # another role of the situation
            agency = rng.random() < 0.15
            role = rng.choice(AGENCY_ROLES if agency else roles)
            flt = self.where(role, agency)
        bearer = role + (f" 满足 {flt}" if flt else "")
        if not agency and rng.random() < 0.08:
            bearer += f" 除外 {self.facts_for(role, 1)[0]}"
        mode = rng.choices(MODES, weights=MODE_WEIGHTS)[0]
        if agency:
            category = "机关责任"
        else:
            direct = role in DIRECT_ROLES
            category = "直接责任" if (direct if rng.random() < 0.8 else not direct) else "领导责任"
        return bearer, mode, category, agency


def render(n: int) -> str:
    rng = random.Random(2008 + n)
    g = Gen(rng)
    name = f"synthetic-{n:03d}"
    out = [
        f"# 合成实施细则（{n} 条）— generated by benchmarks/gen_synthetic.py {n}; do not edit.",
        f"# random.Random({2008 + n}): rerunning the generator writes these bytes again.",
        "# Benchmark data for benchmarks/bench_check.py, not law: the rules are random.",
        "",
        f"规则集 {name} 「合成行政执法过错责任追究实施细则（{n}条）」",
        f"  简称 「合成细则{n}」 \"Synthetic Rules {n}\"",
        "",
        "依据 changzhou-2008",
        "",
        "条文 第一条",
        "  原文 「为了测试规则检查的规模，根据《常州市行政执法过错责任追究办法》，生成本细则。」",
        "条文 第二条",
        "  原文 「本细则没有规定的，适用《办法》。」",
        "不予形式化 第一条 第二条",
        "  理由 「目的和适用条款；由 `依据 changzhou-2008` 表达。」",
        "",
    ]
    for i in range(n):
        number = FIRST_RULE + i
        cite = article(number)
        cond, used, roles = g.condition()
        allocs = [g.allocation(used, roles) for _ in range(rng.choices([1, 2], weights=[3, 2])[0])]
        summary = "；".join(f"{b.split(' ')[0]}承担{m}{c}" for b, m, c, _a in allocs)
        out.append(f"条文 {cite}")
        out.append(f"  原文 「在本条所列情形下，{summary}。」")
        out.append(f"规则 {cite}")
        out.append(f"  如果 {cond}")
        for j, (bearer, mode, category, _agency) in enumerate(allocs):
            lead = "  那么" if j == 0 else "      "
            out.append(f"{lead} {bearer} 承担 {mode} {category}")
        if rng.random() < 0.05:
            out.append(f"优先 {cite} 优先于 《办法》{rng.choice(MEASURES_CLAUSES)}")
        out.append("")
    return "\n".join(out)


def check_vocabulary() -> list[str]:
    """Words used here that the package's vocabulary does not know (or whose
    domain differs): empty when the literal lists above are current."""
    sys.path.insert(0, str(HERE.parent))
    from zhifa_logic.model import vocabulary as voc
    problems = []
    for w in CASE_FACTS:
        if (x := voc.lookup(w)) is None or (x.domain, x.kind) != ("case", "fact"):
            problems.append(w)
    for w in PERSON_FACTS:
        if (x := voc.lookup(w)) is None or x.kind != "fact" or x.domain not in ("person", "party"):
            problems.append(w)
    for w in PERSON_ROLES:
        if (x := voc.lookup(w)) is None or (x.domain, x.kind) != ("person", "role"):
            problems.append(w)
    for w in AGENCY_ROLES:
        if (x := voc.lookup(w)) is None or (x.domain, x.kind) != ("agency", "role"):
            problems.append(w)
    return problems


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sizes", nargs="*", type=int, help=f"rules per set (default: {SIZES})")
    p.add_argument("--stdout", action="store_true", help="print instead of writing files")
    p.add_argument("--check-vocabulary", action="store_true",
                   help="only compare the word lists with zhifa_logic's vocabulary")
    args = p.parse_args(argv)
    if args.check_vocabulary:
        bad = check_vocabulary()
        print("vocabulary: ok" if not bad else f"unknown or misplaced words: {bad}")
        return 1 if bad else 0
    for n in args.sizes or SIZES:
        if not 1 <= n <= 997:
            p.error("a set has 1 … 997 rules (article numbers up to 第九百九十九条)")
        text = render(n)
        if args.stdout:
            sys.stdout.write(text)
        else:
            OUT.mkdir(exist_ok=True)
            path = OUT / f"local-{n:03d}.zl"
            path.write_bytes(text.encode("utf-8"))
            print(f"wrote {path.relative_to(HERE.parent)} ({n} rules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
