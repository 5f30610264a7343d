"""``zhifa check`` reports: readable text (zh/en) and a stable JSON shape.

Each finding names its clauses as drafters cite them, says in one sentence
what its witness case has in common, and shows the witness as a DSL case.
"""

from __future__ import annotations

from ..model import vocabulary as voc
from ..model.case_json import case_from_json
from ..model.findings import SEVERITY, CheckFinding, CheckReport
from ..model.rules import RuleSet
from .case_dsl import case_to_dsl
from .messages import cite

KIND = {
    "zh": {"conflict": "冲突", "overlap": "重合（分配相同）", "gap": "漏洞", "dead": "不可能适用",
           "redundant": "冗余", "shadowed": "被优先规则排除", "contradicts": "与依据相抵触",
           "narrows": "缩小责任范围", "widens": "扩大责任范围", "fills_gap": "填补依据的漏洞"},
    "en": {"conflict": "conflicting overlap", "overlap": "benign overlap", "gap": "gap",
           "dead": "dead clause", "redundant": "redundant clause", "shadowed": "shadowed",
           "contradicts": "contradicts the base", "narrows": "narrows the base",
           "widens": "widens the base", "fills_gap": "fills a gap of the base"},
}
ORDER = ("contradicts", "narrows", "widens", "fills_gap", "conflict", "gap", "dead", "redundant",
         "shadowed", "overlap")


def clause_name(rs: RuleSet, key: str, lang: str) -> str:
    """A clause as a drafter cites it; in a local rule set, its own articles
    bare (第三条) and the base's with the base's short name (《办法》第十一条…)."""
    cl = rs.clauses[key]
    sources = dict(rs.sources)
    base = rs.base
    while base is not None:
        sources[base.name] = (base.name,) + tuple(base.short_names)
        base = base.base
    text = cite(cl.via or cl.citation, lang, sources, rs.name)
    if cl.via:
        text += (f"（{cite(cl.citation, lang, sources, rs.name)}）" if lang == "zh"
                 else f" ({cite(cl.citation, lang, sources, rs.name)})")
    if cl.title:
        text += f"「{cl.title}」" if lang == "zh" else f" [{cl.title}]"
    return text


def sentence(f: CheckFinding, lang: str) -> str:
    words = [voc.WORDS[w] for w in f.common if w in voc.WORDS]
    if f.kind in ("contradicts", "narrows", "widens", "fills_gap"):
        return (f"与依据规则集的判定不同（{f.note}）。" if lang == "zh"
                else f"The verdict differs from the base's ({f.note}).")
    if lang == "zh":
        listed = "、".join(w.zh for w in words) or "（无其他共同事实）"
        return {"conflict": f"两条在同一案件中对同一当事方作出不同分配；见证案例具有：{listed}。",
                "overlap": f"两条在同一案件中对同一当事方作出相同分配；见证案例具有：{listed}。",
                "gap": f"属于追究范围，但没有任何条款对人员分配责任；见证案例具有：{listed}。",
                "shadowed": f"两条同时适用时，优先规则排除后者；见证案例具有：{listed}。"}.get(f.kind, "")
    listed = ", ".join(w.name.replace("_", " ") for w in words) or "(no other fact in common)"
    return {"conflict": f"Both apply to one case and give one party different lines; the witness has: {listed}.",
            "overlap": f"Both apply to one case and give one party the same line; the witness has: {listed}.",
            "gap": f"In scope, yet no clause allocates liability to any person; the witness has: {listed}.",
            "shadowed": f"When both apply, the priority removes the second; the witness has: {listed}."
            }.get(f.kind, "")


def witness_name(rs: RuleSet, f: CheckFinding, n: int) -> str:
    refs = "-".join(rs.clauses[k].ref.replace(":", "_") for k in f.clauses)
    return f"{f.kind}-{n:02d}" + (f"-{refs}" if refs else "")


def numbered(report: CheckReport):
    """Findings in report order, each with its number within its kind."""
    count: dict[str, int] = {}
    for kind in ORDER:
        for f in report.findings:
            if f.kind == kind:
                count[kind] = count.get(kind, 0) + 1
                yield count[kind], f


def text_report(report: CheckReport, rs: RuleSet, lang: str) -> str:
    zh = lang == "zh"
    counts = {k: sum(f.kind == k for f in report.findings) for k in ORDER}
    changed = [f"{k}={o}" for k, o in report.readings if rs.readings[k].default != o]
    out = [(f"检查 {rs.name}" if zh else f"check {rs.name}") + (f"（{rs.title}）" if rs.title and zh else
                                                               f" ({rs.title})" if rs.title else ""),
           ("范围：" if zh else "bound: ") + report.bound,
           ("读法：" if zh else "readings: ") + (", ".join(changed) or ("默认" if zh else "defaults")),
           *([("对照：" if zh else "against: ") + report.against] if report.against else []),
           ("发现：" if zh else "findings: ") + ("、" if zh else ", ").join(
               f"{KIND[lang][k]} {counts[k]}" for k in ORDER),
           *([gaps_stopped(counts["gap"], lang)] if not report.gaps_complete else []),
           *([differences_stopped(report.differences_cut, lang)] if report.differences_cut else []), ""]
    if report.groups:
        out.append((f"可同时适用于同一当事方的条款组（{len(report.groups)} 组）：" if zh else
                     f"clauses that can apply to one party together ({len(report.groups)} groups):"))
        if not report.groups_maximal:
            out.append("  （规则较多：每组均由一个案例证明可同时适用，但未证明为最大组）" if zh else
                       "  (a large rule set: each group is shown by a case to apply together, "
                       "but is not proven maximal)")
        for i, g in enumerate(report.groups, 1):
            out.append(f"  {i}. " + ("、" if zh else ", ").join(clause_name(rs, k, lang) for k in g))
        out.append("")
    for n, f in numbered(report):
        head = f"{KIND[lang][f.kind]} {n}"
        if f.clauses:
            head += " · " + " ⟂ ".join(clause_name(rs, k, lang) for k in f.clauses)
        out.append(head)
        if f.note and f.kind in ("dead", "redundant"):
            out.append("  " + _note(f, lang))
        if f.witness is not None:
            out.append("  " + sentence(f, lang))
            if f.parties:
                out.append(("  当事方：" if zh else "  parties: ") + ", ".join(f.parties))
            case = case_from_json(f.witness, {}, "<witness>")
            out.append("  " + ("见证案例：" if zh else "witness:"))
            out += ["    " + line if line else "" for line in case_to_dsl(case, lang).splitlines()]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def gaps_stopped(n: int, lang: str) -> str:
    return (f"漏洞列表在第 {n} 处停止，可能还有其他漏洞；用 --max-gaps 查看更多。" if lang == "zh" else
            f"The gap list stopped at {n}; there may be more: --max-gaps raises the limit.")


def differences_stopped(kinds: tuple[str, ...], lang: str) -> str:
    names = ("、" if lang == "zh" else ", ").join(KIND[lang][k] for k in kinds)
    return (f"以下类别的差异列表达到上限后停止，可能还有其他差异：{names}；用 --max-differences 查看更多。"
            if lang == "zh" else
            f"The list of differences stopped at its limit for: {names}; there may be more: "
            "--max-differences raises the limit.")


def _note(f: CheckFinding, lang: str) -> str:
    if lang == "zh":
        return {"dead": "在范围内的任何案件、任何读法下都不能适用。",
                "redundant": "它给出的每一项分配，都有其他条款给出相同的分配。"}.get(f.kind, f.note)
    return f.note


def json_report(report: CheckReport, rs: RuleSet) -> dict:
    findings = []
    for n, f in numbered(report):
        findings.append({
            "kind": f.kind, "severity": SEVERITY[f.kind], "number": n,
            "clauses": [{"ref": rs.clauses[k].ref, "title": rs.clauses[k].title, "zh": clause_name(rs, k, "zh"),
                         "en": clause_name(rs, k, "en"), "file": rs.clauses[k].span.file,
                         "line": rs.clauses[k].span.line} for k in f.clauses],
            "parties": list(f.parties), "common": list(f.common),
            "summary": {"zh": sentence(f, "zh") or _note(f, "zh"), "en": sentence(f, "en") or f.note},
            "witness": f.witness, "witness_name": witness_name(rs, f, n) if f.witness else None,
        })
    return {"format": "zhifa-check/1", "ruleset": rs.name, "against": report.against,
            "bound": report.bound,
            "readings": dict(report.readings),
            "groups": [[rs.clauses[k].ref for k in g] for g in report.groups],
            "groups_maximal": report.groups_maximal,
            "gaps_complete": report.gaps_complete,
            **({"differences_cut": list(report.differences_cut)} if report.differences_cut else {}),
            "counts": {k: sum(f.kind == k for f in report.findings) for k in ORDER},
            "findings": findings}
