"""Case → DSL text, with Chinese or English keywords. Parsing the output
gives back the same case (tests/render/test_roundtrip.py)."""

from __future__ import annotations

import re

from ..model.case import ACT_KINDS, Case, Step
from ..model.citation import parse_ref
from ..syntax.parse import keywords

KW = {
    "zh": dict(case="案件", agency="机关", superior="上级", person="人员", in_="属于", act="行为",
               agencies="决定机关", lead="主办机关", kind="种类", approval="须经审核批准",
               no_approval="无须审核批准", faults="过错", exemptions="免责", chain="经过",
               draft="拟办", review="审核", approve="批准", decide="直接决定", execute="实施",
               fail="不履行", as_="作为", collective="集体决策", change_sup="上级改变", into="为",
               order="执行上级命令", correct="正确", wrong="错误", pass_="同意",
               change="改变为", reject="不采纳改为", skipping="未经",
               circumstances="情节", no_loss="确实没有造成损失和不良影响", by="经办人"),
    "en": dict(case="case", agency="agency", superior="superior", person="person", in_="in",
               act="act", agencies="agencies", lead="lead", kind="kind",
               approval="approval-required", no_approval="no-approval-required", faults="faults",
               exemptions="exemptions", chain="chain", draft="drafts", review="reviews",
               approve="approves", decide="decides", execute="executes", fail="fails-to-act",
               as_="as", collective="collective", change_sup="changes", into="into",
               order="executes-order-of", correct="correct", wrong="wrong", pass_="passes",
               change="changes-to", reject="rejects-for", skipping="skipping",
               circumstances="circumstances", no_loss="no-loss", by="by"),
}
STAGE = {"zh": {"draft": "拟办", "review": "审核", "approve": "批准", "collective": "集体研究"},
         "en": {"draft": "draft", "review": "review", "approve": "approval",
                "collective": "collective-study"}}
ROLE = {"zh": {"handler": "承办人", "reviewer": "审核人", "approver": "批准人"},
        "en": {"handler": "handler", "reviewer": "reviewer", "approver": "approver"}}
POSITION = {"zh": {"principal": "主要领导", "deputy": "分管领导", "member": "成员"},
            "en": {"principal": "principal", "deputy": "deputy", "member": "member"}}
FLAG = {"zh": {"falsified": "弄虚作假", "should_have_detected": "应当发现而没有发现",
               "detected_not_corrected": "发现后未予纠正", "deviates": "未依照审核批准内容实施",
               "delayed": "拖延", "objection_raised": "提出异议", "superior_insisted": "上级坚持",
               "clearly_illegal": "明显违法", "dissent": "明确表示不同意"},
        "en": {"falsified": "falsified", "should_have_detected": "should-have-detected",
               "detected_not_corrected": "detected-not-corrected", "deviates": "deviates",
               "delayed": "delayed", "objection_raised": "objected", "superior_insisted": "insisted",
               "clearly_illegal": "clearly-illegal", "dissent": "dissent"}}
FLAG_ORDER = ("falsified", "should_have_detected", "detected_not_corrected", "deviates", "delayed",
              "objection_raised", "superior_insisted", "clearly_illegal")
_NAME = re.compile(r"^\w[\w\-]*$")


def _name(text: str) -> str:
    """A name as the DSL spells it; backticks where it could be misread."""
    if _NAME.match(text) and text not in keywords().values():
        return text
    if "`" in text or "\n" in text or not text:
        raise ValueError(f"the id {text!r} cannot be written in the DSL (it holds a backtick or a line break)")
    return f"`{text}`"


def _str(text: str) -> str:
    if "」" not in text:
        return f"「{text}」"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cite(ref: str, lang: str) -> str:
    src, _, bare = ref.rpartition(":")
    c = parse_ref(bare)
    if src:     # a local rule set's own item: 《wujin》第三条第（一）项, in either language
        return c.zh(src)
    return c.zh() if lang == "zh" else c.en()


def case_to_dsl(case: Case, lang: str = "zh") -> str:
    k = KW[lang]
    out = [f"{k['case']} {_name(case.id)}" + (f" {_str(case.title)}" if case.title else ""), ""]
    for a in case.agencies:
        line = f"{k['agency']} {_name(a.id)} {_str(a.name)}"
        if a.superior:
            line += f" {k['superior']} {_name(a.superior)}"
        out.append(line)
    for p in case.persons:
        out.append(f"{k['person']} {_name(p.id)} {_str(p.name)} {k['in_']} {_name(p.agency)}")
    act = case.act
    kind = act.kind if lang == "en" else ACT_KINDS[act.kind]
    out += ["", f"{k['act']} {{", f"  {k['agencies']} " + " ".join(_name(a) for a in act.agencies)]
    if act.lead:
        out.append(f"  {k['lead']} {_name(act.lead)}")
    out.append(f"  {k['kind']} {kind}")
    out.append(f"  {k['approval'] if act.approval_required else k['no_approval']}")
    if act.faults:
        out.append(f"  {k['faults']} " + " ".join(_cite(r, lang) for r in act.faults))
    if act.exemptions:
        out.append(f"  {k['exemptions']} " + " ".join(_cite(r, lang) for r in act.exemptions))
    out += ["}", "", f"{k['chain']} {{"]
    out += [f"  {_step(s, lang)}" for s in case.chain]
    out.append("}")
    if case.circumstances:
        out += ["", f"{k['circumstances']} {{"]
        for party, items in case.circumstances:
            words = [k["no_loss"] if i == "19.2-no-loss" else _cite(i, lang) for i in items]
            out.append(f"  {_name(party)} " + " ".join(words))
        out.append("}")
    return "\n".join(out) + "\n"


def _step(s: Step, lang: str) -> str:
    k = KW[lang]
    ok = lambda b: k["correct"] if b else k["wrong"]  # noqa: E731
    flags = [FLAG[lang][f] for f in FLAG_ORDER if f in s.flags]
    match s.kind:
        case "draft":
            parts = [s.by, k["draft"], s.opinion, ok(s.correct)]
        case "review" | "approve":
            parts = [s.by, k[s.kind], s.of]
            if s.action == "pass":
                parts.append(k["pass_"])
            else:
                parts += [k[s.action], s.opinion, ok(s.correct)]
        case "decide":
            parts = [s.by, k["decide"], s.opinion, ok(s.correct)]
            if s.skipped:
                parts += [k["skipping"]] + [STAGE[lang][x] for x in s.skipped]
        case "execute":
            parts = [s.by, k["execute"], s.of]
        case "fail_to_act":
            parts = [s.by, k["fail"]] + ([k["as_"], ROLE[lang][s.role]] if s.role else [])
        case "collective":
            inner = "  ".join(f"{_name(p.person)} {POSITION[lang][p.position]}" +
                              (f" {FLAG[lang]['dissent']}" if p.dissent else "")
                              for p in s.participants)
            by = f"{_name(s.by)} " if s.by else ""
            return f"{by}{k['collective']} {_name(s.opinion)} {ok(s.correct)} {{ {inner} }}"
        case "superior_change":
            inner = "  ".join(f"{ROLE[lang][role]} " + " ".join(_name(i) for i in ids)
                              for role, ids in s.staff if ids)
            by = f" {k['by']} {_name(s.by)}" if s.by else ""
            return (f"{_name(s.agency)} {k['change_sup']} {_name(s.of)} {k['into']} "
                    f"{_name(s.opinion)} {ok(s.correct)}{by} {{ {inner} }}")
        case "superior_order":
            parts = [s.by, k["order"], s.superior, s.opinion, ok(s.correct)]
        case _:
            raise AssertionError(s.kind)
    names = {0} | ({2} if s.kind in ("draft", "review", "approve", "decide", "execute") else set())
    if s.kind == "superior_order":
        names |= {2, 3}
    if s.kind in ("review", "approve") and s.action != "pass":
        names |= {4}
    words = [_name(p) if i in names else p for i, p in enumerate(parts)]
    return " ".join(words + flags)
