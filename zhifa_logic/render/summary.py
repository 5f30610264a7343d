"""A rule set at a glance: its clauses by article, readings, what is left out."""

from __future__ import annotations

from collections import defaultdict

from ..model.rules import RuleSet
from .messages import cite


def ruleset_summary(rs: RuleSet, lang: str) -> str:
    zh = lang == "zh"
    title = rs.title or rs.name
    by_article: dict[tuple[str, int], list] = defaultdict(list)
    for cl in rs.clauses.values():
        by_article[(cl.citation.source, cl.citation.article)].append(cl)
    kinds = defaultdict(int)
    for cl in rs.clauses.values():
        kinds[cl.kind] += 1
    out = [f"{'规则集' if zh else 'rule set'} {rs.name}: {title}"]
    if rs.base is not None:
        out.append(("依据 " if zh else "extends ") + rs.base.name)
    out.append(("条款 {n} 条：范围 {pursue}，免责 {exempt}，分配 {allocate}，情节 {adjust}" if zh else
                "{n} clauses: {pursue} scope, {exempt} exemption, {allocate} allocation, {adjust} adjustment")
               .format(n=len(rs.clauses), pursue=kinds["pursue"], exempt=kinds["exempt"],
                       allocate=kinds["allocate"], adjust=kinds["adjust"]))
    out.append("")
    # a base's articles carry its name (《办法》第三条), so that a local rule
    # set's own 第三条 is not mistaken for the Measures'
    names = dict(rs.sources)
    base = rs.base
    while base is not None:
        names[base.name] = (base.name,) + tuple(base.short_names)
        base = base.base
    for (source, article), clauses in sorted(by_article.items()):
        ordered = sorted(clauses, key=lambda c: (c.citation.sort_key(), c.title or ""))
        cites = [cite(c.citation, lang, names, rs.name) +
                 (f"「{c.title}」" if c.title and zh else f" [{c.title}]" if c.title else "")
                 for c in ordered]
        head = cite(clauses[0].citation.__class__(article, source=source), lang, names, rs.name)
        out.append(f"  {head}: " + ("、" if zh else ", ").join(cites))
    out.append("")
    out.append(("读法（默认在前）：" if zh else "readings (default first):"))
    for name, r in sorted(rs.readings.items()):
        opts = [r.default] + [o.name for o in r.options if o.name != r.default]
        out.append(f"  {name}: " + " | ".join(opts))
    left = sorted({u.citation for u in rs.unformalised}, key=lambda c: c.sort_key())
    if left:
        out.append("")
        out.append(("不予形式化：" if zh else "not formalised: ") +
                   ("、" if zh else ", ").join(cite(c, lang) for c in left))
    return "\n".join(out) + "\n"
