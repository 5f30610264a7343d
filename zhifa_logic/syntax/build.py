"""Lark parse tree → syntax tree (``nodes``), one method per tree shape."""

from __future__ import annotations

from lark import Token, Transformer, v_args

from ..source import Span
from . import nodes as n

FLAG_SPELLINGS = {
    "falsified": "falsified", "弄虚作假": "falsified", "徇私舞弊": "falsified",
    "should-have-detected": "should_have_detected", "应当发现而没有发现": "should_have_detected",
    "detected-not-corrected": "detected_not_corrected", "发现后未予纠正": "detected_not_corrected",
    "deviates": "deviates", "未依照审核批准内容实施": "deviates",
    "delayed": "delayed", "拖延": "delayed",
    "dissent": "dissent", "明确表示不同意": "dissent",
    "objected": "objection_raised", "提出异议": "objection_raised",
    "insisted": "superior_insisted", "上级坚持": "superior_insisted",
    "clearly-illegal": "clearly_illegal", "明显违法": "clearly_illegal",
}


def unquote(tok: Token) -> str:
    s = str(tok)
    if s.startswith("「"):
        return s[1:-1]
    body = s[1:-1]
    return bytes(body, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") \
        if "\\" in body else body


class Builder(Transformer):
    def __init__(self, file: str):
        super().__init__()
        self.file = file

    # ── helpers ──
    def _span(self, meta) -> Span:
        if getattr(meta, "empty", True):
            return Span(self.file, 0, 0, 0, 0)
        return Span(self.file, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tok_span(self, tok: Token) -> Span:
        return Span(self.file, tok.line, tok.column, tok.end_line, tok.end_column)

    def _name(self, tok: Token) -> n.Name:
        text = str(tok)
        if text.startswith("`"):
            text = text[1:-1]
        return n.Name(text, self._tok_span(tok))

    def NAME(self, tok):  # noqa: N802 (Lark terminal callback)
        return self._name(tok)

    def string(self, items):
        return unquote(items[0])

    def citation(self, items):
        tok = items[0]
        return n.CitationNode(str(tok), self._tok_span(tok))

    def FLAG(self, tok):  # noqa: N802
        return ("flag", FLAG_SPELLINGS[str(tok)], self._tok_span(tok))

    def flag(self, items):
        return items[0]

    def start(self, items):
        return items[0]

    # ── conditions ──
    def fact(self, items):
        return n.Fact(items[0])

    @v_args(meta=True)
    def holds(self, meta, items):
        return n.Holds(items[0], self._span(meta))

    def reading_is(self, items):
        return n.ReadingIs(items[0], items[1])

    def some(self, items):
        return n.Some(items[0], items[1] if len(items) > 1 else None)

    def none(self, items):
        return n.Some(items[0], items[1] if len(items) > 1 else None, negated=True)

    @v_args(meta=True)
    def true_(self, meta, items):
        return n.TrueExpr(self._span(meta))

    def not_(self, items):
        return n.Not(items[0])

    def and_(self, items):
        return items[0] if len(items) == 1 else n.And(tuple(items))

    def or_(self, items):
        return items[0] if len(items) == 1 else n.Or(tuple(items))

    def where(self, items):
        return items[0]

    def except_(self, items):
        return ("except", items[0])

    def when(self, items):
        return items[0]

    # ── rule sets ──
    def bearer(self, items):
        role, where, except_ = items[0], None, None
        for it in items[1:]:
            if isinstance(it, tuple) and it[0] == "except":
                except_ = it[1]
            else:
                where = it
        return n.Bearer(role, where, except_)

    def mode_all(self, _): return "all"
    def mode_by_degree(self, _): return "by_degree"
    def mode_main(self, _): return "main"
    def mode_corresponding(self, _): return "corresponding"
    def mode_joint(self, _): return "joint"
    def cat_direct(self, _): return "direct"
    def cat_leading(self, _): return "leading"
    def cat_agency(self, _): return "agency"
    def adj_mitigate(self, _): return "mitigate"
    def adj_may_exempt(self, _): return "may_exempt"
    def adj_aggravate(self, _): return "aggravate"

    @v_args(meta=True)
    def liable(self, meta, items):
        return n.Liable(items[0], items[1], items[2], self._span(meta))

    @v_args(meta=True)
    def not_liable(self, meta, items):
        return n.NotLiable(items[0], self._span(meta))

    @v_args(meta=True)
    def adjust(self, meta, items):
        return n.Adjust(items[0], items[1], self._span(meta))

    @v_args(meta=True)
    def exempt(self, meta, items):
        return n.Exempt(self._span(meta))

    @v_args(meta=True)
    def pursue(self, meta, items):
        return n.Pursue(self._span(meta))

    def via(self, items):
        return ("via", items[0])

    @v_args(meta=True)
    def rule(self, meta, items):
        citation, via, title, when, effects = items[0], None, None, None, []
        for it in items[1:]:
            if isinstance(it, tuple) and it and it[0] == "via":
                via = it[1]
            elif isinstance(it, str):
                title = it
            elif isinstance(it, (n.Liable, n.NotLiable, n.Adjust, n.Exempt, n.Pursue)):
                effects.append(it)
            else:
                when = it
        return n.RuleNode(citation, via, title, when, tuple(effects), self._span(meta))

    def zh_text(self, items):
        return ("zh", "".join(items))

    def en_text(self, items):
        return ("en", " ".join(items))

    @v_args(meta=True)
    def text_decl(self, meta, items):
        parts = dict(items[1:])
        return n.TextNode(items[0], parts["zh"], parts.get("en"), self._span(meta))

    def default(self, _):
        return "default"

    def option(self, items):
        name, default, desc = items[0], False, None
        for it in items[1:]:
            if it == "default":
                default = True
            else:
                desc = it
        return n.OptionNode(name, default, desc)

    @v_args(meta=True)
    def reading(self, meta, items):
        name = items[0]
        desc = items[1] if len(items) > 1 and isinstance(items[1], str) else None
        options = tuple(i for i in items if isinstance(i, n.OptionNode))
        return n.ReadingNode(name, desc, options, self._span(meta))

    @v_args(meta=True)
    def priority(self, meta, items):
        return n.PriorityNode(items[0], items[1], items[2] if len(items) > 2 else None,
                              self._span(meta))

    @v_args(meta=True)
    def unformalised(self, meta, items):
        cites = tuple(i for i in items if isinstance(i, n.CitationNode))
        reason = "".join(i for i in items if isinstance(i, str))
        return n.UnformalisedNode(cites, reason, self._span(meta))

    @v_args(meta=True)
    def source_decl(self, meta, items):
        return n.SourceNode(items[0], tuple(items[1:]), self._span(meta))

    @v_args(meta=True)
    def extends(self, meta, items):
        target = items[0].text if isinstance(items[0], n.Name) else items[0]
        return n.ExtendsNode(target, self._span(meta))

    def short_names(self, items):
        return ("short", tuple(items))

    def ruleset(self, items):
        name, title, short, decls = items[0], None, (), []
        for it in items[1:]:
            if isinstance(it, str):
                title = it
            elif isinstance(it, tuple) and it and it[0] == "short":
                short = it[1]
            else:
                decls.append(it)
        return n.RuleSetNode(name, title, short, decls, self.file)

    # ── cases ──
    @v_args(meta=True)
    def agency_decl(self, meta, items):
        name = items[0]
        title = next((i for i in items[1:] if isinstance(i, str)), None)
        sup = next((i for i in items[1:] if isinstance(i, n.Name)), None)
        return n.AgencyNode(name, title, sup, self._span(meta))

    @v_args(meta=True)
    def person_decl(self, meta, items):
        title = next((i for i in items[1:] if isinstance(i, str)), None)
        return n.PersonNode(items[0], title, items[-1], self._span(meta))

    def _act(key):  # noqa: N805 — builds a method per act item
        @v_args(meta=True)
        def method(self, meta, items):
            return n.ActItem(key, tuple(items), self._span(meta))
        return method

    act_agencies = _act("agencies")
    act_lead = _act("lead")
    act_kind = _act("kind")
    act_faults = _act("faults")
    act_exemptions = _act("exemptions")

    @v_args(meta=True)
    def act_approval(self, meta, items):
        return n.ActItem("approval", (True,), self._span(meta))

    @v_args(meta=True)
    def act_no_approval(self, meta, items):
        return n.ActItem("approval", (False,), self._span(meta))

    @v_args(meta=True)
    def act_decl(self, meta, items):
        return ("act", list(items), self._span(meta))

    def correct(self, _): return True
    def wrong(self, _): return False

    def act_pass(self, _):
        return ("action", "pass", None, None)

    def act_change(self, items):
        return ("action", "change", items[0], items[1])

    def act_reject(self, items):
        return ("action", "reject", items[0], items[1])

    def stage_draft(self, _): return "draft"
    def stage_review(self, _): return "review"
    def stage_approve(self, _): return "approve"
    def stage_collective(self, _): return "collective"

    def skipping(self, items):
        return ("skipped", list(items))

    def role_handler(self, _): return "handler"
    def role_reviewer(self, _): return "reviewer"
    def role_approver(self, _): return "approver"

    def role_word(self, items):
        return items[0]

    def as_role(self, items):
        return ("role", items[0])

    def pos_principal(self, _): return "principal"
    def pos_deputy(self, _): return "deputy"
    def pos_member(self, _): return "member"

    def position(self, items):
        return items[0]

    @staticmethod
    def _flags(items) -> dict:
        return {f[1]: f[2] for f in items if isinstance(f, tuple) and f and f[0] == "flag"}

    @v_args(meta=True)
    def step_draft(self, meta, items):
        return n.StepNode("draft", {"by": items[0], "opinion": items[1], "correct": items[2],
                                    "flags": self._flags(items[3:])}, self._span(meta))

    def _review_like(self, kind, meta, items):
        action = items[2]
        return n.StepNode(kind, {"by": items[0], "of": items[1], "action": action[1],
                                 "opinion": action[2], "correct": action[3],
                                 "flags": self._flags(items[3:])}, self._span(meta))

    @v_args(meta=True)
    def step_review(self, meta, items):
        return self._review_like("review", meta, items)

    @v_args(meta=True)
    def step_approve(self, meta, items):
        return self._review_like("approve", meta, items)

    @v_args(meta=True)
    def step_decide(self, meta, items):
        skipped = items[3][1] if len(items) > 3 else []
        return n.StepNode("decide", {"by": items[0], "opinion": items[1], "correct": items[2],
                                     "skipped": skipped, "flags": {}}, self._span(meta))

    @v_args(meta=True)
    def step_execute(self, meta, items):
        return n.StepNode("execute", {"by": items[0], "of": items[1],
                                      "flags": self._flags(items[2:])}, self._span(meta))

    @v_args(meta=True)
    def step_fail(self, meta, items):
        role = next((i[1] for i in items[1:] if isinstance(i, tuple) and i[0] == "role"), None)
        return n.StepNode("fail_to_act", {"by": items[0], "role": role,
                                          "flags": self._flags(items[1:])}, self._span(meta))

    def participant(self, items):
        flag = self._flags(items[2:])
        return (items[0], items[1], flag)

    @v_args(meta=True)
    def step_collective(self, meta, items):
        by = items.pop(0) if isinstance(items[1], n.Name) else None
        return n.StepNode("collective", {"by": by, "opinion": items[0], "correct": items[1],
                                         "participants": list(items[2:]), "flags": {}},
                          self._span(meta))

    def by_(self, items):
        return ("by", items[0])

    def staff(self, items):
        return (items[0], list(items[1:]))

    @v_args(meta=True)
    def step_superior_change(self, meta, items):
        staff: dict[str, list] = {"handler": [], "reviewer": [], "approver": []}
        by = None
        for item in items[4:]:
            if item[0] == "by":
                by = item[1]
            else:
                staff[item[0]].extend(item[1])
        return n.StepNode("superior_change", {"by": by, "agency": items[0], "of": items[1],
                                              "opinion": items[2], "correct": items[3],
                                              "staff": staff, "flags": {}}, self._span(meta))

    @v_args(meta=True)
    def step_superior_order(self, meta, items):
        return n.StepNode("superior_order", {"by": items[0], "superior": items[1],
                                             "opinion": items[2], "correct": items[3],
                                             "flags": self._flags(items[4:])}, self._span(meta))

    def chain_decl(self, items):
        return ("chain", list(items))

    def no_loss(self, _):
        return "no_loss"

    @v_args(meta=True)
    def circ_entry(self, meta, items):
        return n.CircEntry(items[0], tuple(items[1:]), self._span(meta))

    def circ_decl(self, items):
        return ("circ", list(items))

    def case(self, items):
        node = n.CaseNode(items[0], None, file=self.file)
        for it in items[1:]:
            if isinstance(it, str):
                node.title = it
            elif isinstance(it, n.AgencyNode):
                node.agencies.append(it)
            elif isinstance(it, n.PersonNode):
                node.persons.append(it)
            elif isinstance(it, tuple) and it[0] == "act":
                node.act.extend(it[1])
                node.act_span = it[2]
            elif isinstance(it, tuple) and it[0] == "chain":
                node.chain.extend(it[1])
            elif isinstance(it, tuple) and it[0] == "circ":
                node.circumstances.extend(it[1])
        return node
