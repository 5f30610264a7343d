"""Verdict → a readable table in Chinese or English, aligned by display width."""

from __future__ import annotations

from ..model.case import Case
from ..model.citation import parse_ref
from ..model.rules import RuleSet
from ..model.results import Verdict
from ..source import display_width, pad
from .messages import ADJUST, CATEGORY, MODE, OUTCOME, WORDS, cite


def ref_text(ref: str, lang: str) -> str:
    ref, hashed, title = ref.partition("#")      # 12#主办机关: one of an article's clauses
    if hashed:
        return ref_text(ref, lang) + (f"「{title}」" if lang == "zh" else f" [{title}]")
    src, _, bare = ref.rpartition(":")
    c = parse_ref(bare)
    if c is None:
        return ref
    if src:     # a local rule set's own article: 《wujin》第三条 / Art. 3 of wujin
        return c.zh(src) if lang == "zh" else c.en(src)
    return cite(c, lang)


def verdict_text(v: Verdict, case: Case, rs: RuleSet, lang: str) -> str:
    w = WORDS[lang]
    title = f" {case.title}" if case.title else ""
    label = OUTCOME[lang][v.outcome]
    label = label if label == v.outcome else f"{label} ({v.outcome})"
    out = [f"{w['case']} {case.id}{title}", f"{w['outcome']}: {label}", ""]
    names = {p.id: p.name for p in case.persons} | {a.id: a.name for a in case.agencies}
    rows = [[w["party"], w["liable"], w["category"], w["mode"], w["basis"], w["adjust"]]]
    for p in v.parties:
        label = p.id if names.get(p.id) in (None, p.id) else f"{names[p.id]} ({p.id})"
        rows.append([label,
                     w["yes"] if p.liable else w["no"],
                     CATEGORY[lang][p.category],
                     MODE[lang][p.mode] if p.mode or not p.liable else "?",
                     ("、" if lang == "zh" else ", ").join(ref_text(b, lang) for b in p.basis) or "—",
                     ("、" if lang == "zh" else ", ").join(ADJUST[lang][a] for a in p.adjust) or ""])
    if not any(r[-1] for r in rows[1:]):
        rows = [r[:-1] for r in rows]
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, r in enumerate(rows):
        out.append("  ".join(pad(cell, widths[j]) for j, cell in enumerate(r)).rstrip())
        if i == 0:
            out.append("  ".join("─" * widths[j] for j in range(len(r))))
    if v.conflicts:
        out += ["", f"{w['conflicts']}:"]
        for c in v.conflicts:
            out.append("  " + " ⟂ ".join(ref_text(r, lang) for r in c.clauses))
            for ref, lines in c.allocations:
                parts = [f"{names.get(pid, pid)}: " + (
                    f"{CATEGORY[lang][ln.category]} {MODE[lang][ln.mode]}" if ln.liable else w["not_liable"])
                    for pid, ln in lines]
                out.append(f"    {ref_text(ref, lang)} → " + "; ".join(parts))
    if v.findings:
        out += ["", f"{w['findings']}:"]
        out += [f"  [{f.code}] {f.message}" for f in v.findings]
    changed = [(k, o) for k, o in v.readings if rs.readings[k].default != o]
    out += ["", f"{w['readings']}: " + (", ".join(f"{k}={o}" for k, o in changed) if changed else
                                        ("默认" if lang == "zh" else "defaults"))]
    return "\n".join(out) + "\n"
