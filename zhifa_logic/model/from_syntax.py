"""Rule-set syntax tree → resolved ``RuleSet``: names, citations, readings.

Every problem is collected with its span, so a drafter sees all at once.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Collector
from ..source import Span
from ..syntax import nodes as n
from . import rules as r
from . import vocabulary as voc
from .citation import Citation, parse_citation
from .names import did_you_mean

BaseLoader = Callable[[str, Span], r.RuleSet]


class _Resolver:
    def __init__(self, node: n.RuleSetNode, base: r.RuleSet | None):
        self.node = node
        self.base = base
        self.errors = Collector()
        self.name = node.name.text
        self.sources: dict[str, tuple[str, ...]] = {}
        self.case_items: set[str] = set(base.case_items) if base else set()
        self.party_items: set[str] = set(base.party_items) if base else set()
        self.readings: dict[str, r.Reading] = dict(base.readings) if base else {}

    # ── citations ──
    def citation(self, node: n.CitationNode) -> Citation | None:
        try:
            cite, src = parse_citation(node.text)
        except ValueError:
            self.errors.error(f"`{node.text}` is not a citation", node.span,
                              expected="第十一条第（四）项 or Art. 11(4)")
            return None
        if not src:
            return cite
        for key, names in self.sources.items():
            if src in names or src == key:
                return Citation(cite.article, cite.paragraph, cite.item, key)
        rs = self.base
        while rs is not None:
            if src in rs.short_names or src == rs.name:
                return Citation(cite.article, cite.paragraph, cite.item, rs.name)
            rs = rs.base
        known = [nm for names in self.sources.values() for nm in names]
        rs = self.base
        while rs is not None:
            known += list(rs.short_names)
            rs = rs.base
        self.errors.error(f"unknown source `{src}` in `{node.text}`", node.span,
                          expected="a source declared with `source`/`外部来源` or a rule set this one extends",
                          suggestion=did_you_mean(src, known))
        return None

    def own(self, cite: Citation) -> Citation:
        return cite if cite.source else Citation(cite.article, cite.paragraph, cite.item, self.name)

    def clause_key(self, cite: Citation, title: str | None) -> str:
        return f"{cite.source}:{cite.en()}" + (f"#{title}" if title else "")

    def ref(self, cite: Citation) -> str:
        root = self.base
        while root is not None and root.base is not None:
            root = root.base
        root_name = root.name if root else self.name
        return cite.ref if cite.source == root_name else f"{cite.source}:{cite.ref}"

    # ── conditions ──
    def word(self, name: n.Name, scope: str) -> voc.Word | None:
        word = voc.lookup(name.text)
        if word is None:
            pool = [w.name.replace("_", "-") for w in voc.WORDS.values()] + \
                   [w.zh for w in voc.WORDS.values()]
            self.errors.error(f"unknown word `{name.text}`", name.span,
                              expected="a role or fact of the vocabulary (zhifa vocabulary lists them)",
                              suggestion=did_you_mean(name.text, pool))
            return None
        if scope == "case" and word.domain != "case":
            self.errors.error(f"`{name.text}` is said of a {word.domain}, not of the case", name.span,
                              suggestion=f"write `some <role> where {name.text}` / "
                                         f"`存在 <角色> 满足 {name.text}`")
            return None
        if scope == "party" and word.domain == "case":
            self.errors.error(f"`{name.text}` is a fact about the whole case", name.span,
                              suggestion="use it outside `where`/`满足`")
            return None
        return word

    def cond(self, e: n.Expr | None, scope: str) -> r.Cond:
        match e:
            case None:
                return r.CTrue()
            case n.TrueExpr():
                return r.CTrue()
            case n.Fact(name=name):
                w = self.word(name, scope)
                return r.CFact(w.name if w else name.text, scope)
            case n.Holds(citation=c):
                cite = self.citation(c)
                # the rule set's own items are named by it (``shijianguan:4.1``),
                # the Measures' bare (``8.1``), as verdicts and cases name them
                ref = self.ref(self.own(cite)) if cite else c.text
                (self.case_items if scope == "case" else self.party_items).add(ref)
                return r.CHolds(ref, scope)
            case n.ReadingIs(reading=rd, option=opt):
                self.check_reading(rd, opt)
                return r.CReading(rd.text, opt.text)
            case n.Some(role=role, where=where, negated=neg):
                if scope != "case":
                    self.errors.error("`some`/`存在` cannot be nested inside `where`", role.span)
                w = self.word(role, "party")
                if w is not None and w.kind != "role":
                    self.errors.error(f"`{role.text}` is a fact, not a role", role.span,
                                      expected="a role such as handler/承办人, reviewer/审核人")
                return r.CSome(w.name if w else role.text, self.cond(where, "party") if where else None, neg)
            case n.Not(arg=a):
                return r.CNot(self.cond(a, scope))
            case n.And(args=args):
                return r.CAnd(tuple(self.cond(a, scope) for a in args))
            case n.Or(args=args):
                return r.COr(tuple(self.cond(a, scope) for a in args))
        raise AssertionError(e)

    def check_reading(self, rd: n.Name, opt: n.Name) -> None:
        reading = self.readings.get(rd.text)
        if reading is None:
            self.errors.error(f"unknown reading `{rd.text}`", rd.span,
                              suggestion=did_you_mean(rd.text, self.readings))
            return
        names = [o.name for o in reading.options]
        if opt.text not in names:
            self.errors.error(f"reading `{rd.text}` has no option `{opt.text}`", opt.span,
                              expected=", ".join(names), suggestion=did_you_mean(opt.text, names))

    def bearer(self, b: n.Bearer) -> r.Bearer:
        w = self.word(b.role, "party")
        if w is not None and w.kind != "role":
            self.errors.error(f"`{b.role.text}` is a fact, not a role", b.role.span,
                              expected="a role such as handler/承办人")
        return r.Bearer(w.name if w else b.role.text,
                        self.cond(b.where, "party") if b.where else None,
                        self.cond(b.except_, "party") if b.except_ else None)

    def effect(self, e: n.Effect) -> r.Effect:
        match e:
            case n.Liable():
                b = self.bearer(e.bearer)
                self.check_category(b, e.category, e.span)
                return r.Allocate(b, e.mode, e.category)
            case n.NotLiable():
                return r.Exclude(self.bearer(e.bearer))
            case n.Adjust():
                return r.AdjustEffect(self.bearer(e.bearer), e.kind)
            case n.Exempt():
                return r.ExemptEffect()
            case n.Pursue():
                return r.PursueEffect()
        raise AssertionError(e)

    def check_category(self, b: r.Bearer, category: str, span: Span) -> None:
        word = voc.WORDS.get(b.role)
        if word is None:
            return
        if (category == "agency") != (word.domain == "agency"):
            self.errors.error(f"category `{category}` does not fit the role `{b.role}`", span,
                              expected="`agency`/机关责任 for agencies, direct or leading for persons")

    # ── declarations ──
    def reading(self, d: n.ReadingNode) -> None:
        defaults = [o.name.text for o in d.options if o.default]
        if len(defaults) != 1:
            self.errors.error(f"reading `{d.name.text}` needs exactly one default option "
                              f"(it has {len(defaults)})", d.span, expected="`default`/`默认` after one option")
        if d.name.text in self.readings:
            self.errors.error(f"reading `{d.name.text}` is declared twice", d.name.span)
        self.readings[d.name.text] = r.Reading(
            d.name.text, d.description,
            tuple(r.Option(o.name.text, o.description) for o in d.options),
            defaults[0] if defaults else d.options[0].name.text, d.span)

    def resolve(self) -> r.RuleSet:
        rs = r.RuleSet(self.name, self.node.title, self.node.short_names, self.node.file,
                       base=self.base)
        if self.base:
            rs.clauses.update(self.base.clauses)
            rs.priorities.extend(self.base.priorities)
            rs.texts.update(self.base.texts)
            rs.unformalised.extend(self.base.unformalised)
            rs.sources.update(self.base.sources)
        decls = self.node.decls
        for d in decls:  # sources and readings first: rules may use them anywhere
            if isinstance(d, n.SourceNode):
                self.sources[d.key.text] = (d.key.text,) + d.names
            elif isinstance(d, n.ReadingNode):
                self.reading(d)
        rs.sources.update(self.sources)
        pending_priorities = []
        for d in decls:
            match d:
                case n.TextNode():
                    cite = self.citation(d.citation)
                    if cite:
                        cite = self.own(cite)
                        rs.texts[cite] = r.ArticleText(cite, d.zh, d.en, d.span)
                case n.RuleNode():
                    self.rule(d, rs)
                case n.PriorityNode():
                    pending_priorities.append(d)
                case n.UnformalisedNode():
                    for c in d.citations:
                        cite = self.citation(c)
                        if cite:
                            rs.unformalised.append(r.Unformalised(self.own(cite), d.reason, d.span))
        for d in pending_priorities:
            self.priority(d, rs)
        rs.readings = self.readings
        rs.case_items = frozenset(self.case_items)
        rs.party_items = frozenset(self.party_items)
        self.errors.raise_if_any()
        return rs

    def rule(self, d: n.RuleNode, rs: r.RuleSet) -> None:
        cite = self.citation(d.citation)
        if cite is None:
            return
        cite = self.own(cite)
        via = self.citation(d.via) if d.via else None
        via = self.own(via) if via else None
        key = self.clause_key(cite, d.title)
        if key in rs.clauses:
            self.errors.error(f"a rule for {cite.en()} is already defined at "
                              f"{rs.clauses[key].span}", d.citation.span,
                              suggestion="give one of them a title to tell them apart")
            return
        effects = tuple(self.effect(e) for e in d.effects)
        rs.clauses[key] = r.Clause(key, cite, self.ref(via or cite), via, d.title,
                                   self.cond(d.when, "case"), effects, d.span, self.name)

    def priority(self, d: n.PriorityNode, rs: r.RuleSet) -> None:
        keys = []
        for c in (d.high, d.low):
            cite = self.citation(c)
            if cite is None:
                return
            cite = self.own(cite)
            matches = [k for k, cl in rs.clauses.items() if cl.citation == cite]
            if not matches:
                self.errors.error(f"no rule for {c.text} to order", c.span,
                                  suggestion=did_you_mean(cite.en(), [cl.citation.en() for cl in rs.clauses.values()]))
                return
            keys.append(matches)
        for high in keys[0]:
            for low in keys[1]:
                rs.priorities.append(r.Priority(high, low, self.cond(d.when, "case"), d.span))


def resolve_ruleset(node: n.RuleSetNode, load_base: BaseLoader) -> r.RuleSet:
    base = None
    for d in node.decls:
        if isinstance(d, n.ExtendsNode):
            base = load_base(d.target, d.span)
    return _Resolver(node, base).resolve()
