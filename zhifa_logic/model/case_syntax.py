"""Case syntax tree → ``Case``; spans are recorded under the same paths as a
JSON case's (``("chain", 2, "by")``), so later checks report either alike."""

from __future__ import annotations

from ..errors import Collector
from ..syntax import nodes as n
from .case import ACT_KINDS, Act, Agency, Case, Participant, Person, Step
from .case_json import _CIRC, _EXEMPTION, _FAULT
from .citation import parse_citation
from .names import did_you_mean

_KIND_BY_ZH = {zh: en for en, zh in ACT_KINDS.items()}


def case_from_syntax(node: n.CaseNode) -> Case:
    errors = Collector()
    spans: dict = {(): node.name.span}

    def ref(c: n.CitationNode, path, pattern, what) -> str | None:
        try:
            cite, src = parse_citation(c.text)
        except ValueError:
            cite, src = None, "?"
        # 《name》… names a rule set's item (the rule set resolves the name)
        value = None if cite is None else (cite.ref if not src else f"{src}:{cite.ref}")
        if cite and not src and cite.article == 19 and cite.paragraph == 2 and cite.item is None:
            value = None
        if value is None or not pattern.match(value):
            errors.error(f"`{c.text}` is not {what}", c.span)
            return None
        spans[path] = c.span
        return value

    agencies = []
    for i, a in enumerate(node.agencies):
        spans[("agencies", i)] = a.span
        spans[("agencies", i, "id")] = a.id.span
        if a.superior:
            spans[("agencies", i, "superior")] = a.superior.span
        agencies.append(Agency(a.id.text, a.title or a.id.text,
                               a.superior.text if a.superior else None, a.span))
    persons = []
    for i, p in enumerate(node.persons):
        spans[("persons", i)] = p.span
        spans[("persons", i, "id")] = p.id.span
        spans[("persons", i, "agency")] = p.agency.span
        persons.append(Person(p.id.text, p.title or p.id.text, p.agency.text, p.span))

    act_fields: dict = {"agencies": (), "lead": None, "kind": None, "approval": None,
                        "faults": (), "exemptions": ()}
    if node.act_span:
        spans[("act",)] = node.act_span
    for item in node.act:
        path = ("act", item.key)
        spans[path] = item.span
        match item.key:
            case "agencies":
                for j, nm in enumerate(item.values):
                    spans[path + (j,)] = nm.span
                act_fields["agencies"] = tuple(v.text for v in item.values)
            case "lead":
                act_fields["lead"] = item.values[0].text
            case "kind":
                word = item.values[0].text
                kind = word if word in ACT_KINDS else _KIND_BY_ZH.get(word)
                if kind is None:
                    errors.error(f"`{word}` is not a kind of act", item.values[0].span,
                                 expected=", ".join(list(ACT_KINDS) + list(_KIND_BY_ZH)),
                                 suggestion=did_you_mean(word, list(ACT_KINDS) + list(_KIND_BY_ZH)))
                act_fields["kind"] = kind
            case "approval":
                act_fields["approval"] = item.values[0]
            case "faults":
                act_fields["faults"] = tuple(r for j, c in enumerate(item.values) if
                                             (r := ref(c, path + (j,), _FAULT, "an item of Art. 6 or Art. 7")))
            case "exemptions":
                act_fields["exemptions"] = tuple(r for j, c in enumerate(item.values) if
                                                 (r := ref(c, path + (j,), _EXEMPTION, "an item of Art. 8")))
    if node.act_span is None:
        errors.error("the case has no `act`/`行为` block", node.name.span,
                     expected="act { agencies … kind … approval-required … faults … }")
    elif act_fields["approval"] is None:
        errors.error("the act must say whether it needs review and approval", node.act_span,
                     expected="`approval-required`/`须经审核批准` or `no-approval-required`/`无须审核批准`")
    if node.act_span and act_fields["kind"] is None and not any(i.key == "kind" for i in node.act):
        errors.error("the act has no kind", node.act_span, expected="`kind penalty` / `种类 行政处罚`")
    act = Act(act_fields["agencies"], act_fields["lead"], act_fields["kind"] or "other",
              bool(act_fields["approval"]), act_fields["faults"], act_fields["exemptions"],
              node.act_span)

    chain = [_step(s, i, spans) for i, s in enumerate(node.chain)]

    circ = []
    for entry in node.circumstances:
        items = []
        for j, it in enumerate(entry.items):
            if it == "no_loss":
                items.append("19.2-no-loss")
            else:
                r = ref(it, ("circumstances", entry.party.text, j), _CIRC, "an item of Art. 19 or Art. 20")
                if r:
                    items.append(r)
        spans[("circumstances", entry.party.text)] = entry.party.span
        circ.append((entry.party.text, tuple(items)))
    errors.raise_if_any()
    return Case(node.name.text, node.title, tuple(agencies), tuple(persons), act, tuple(chain),
                tuple(sorted(circ)), file=node.file, spans=spans)


def _step(s: n.StepNode, i: int, spans: dict) -> Step:
    f = s.fields
    path = ("chain", i)
    spans[path] = s.span
    for key in ("by", "of", "opinion", "agency", "superior"):
        if isinstance(f.get(key), n.Name):
            spans[path + (key,)] = f[key].span
    for flag, span in f.get("flags", {}).items():
        spans[path + (flag,)] = span
    text = {k: (v.text if isinstance(v, n.Name) else v) for k, v in f.items()}
    flags = frozenset(f.get("flags", {}))
    common = dict(index=i, kind=s.kind, by=text.get("by"), flags=flags, span=s.span)
    match s.kind:
        case "draft":
            return Step(**common, opinion=text["opinion"], correct=text["correct"])
        case "decide":
            return Step(**common, opinion=text["opinion"], correct=text["correct"],
                        skipped=tuple(text["skipped"]))
        case "review" | "approve":
            return Step(**common, of=text["of"], action=text["action"], opinion=text["opinion"],
                        correct=text["correct"])
        case "execute":
            return Step(**common, of=text["of"])
        case "fail_to_act":
            return Step(**common, role=text["role"])
        case "collective":
            parts = []
            for j, (who, position, pflags) in enumerate(f["participants"]):
                spans[path + ("participants", j)] = who.span
                parts.append(Participant(who.text, position, "dissent" in pflags))
            return Step(**common, opinion=text["opinion"], correct=text["correct"],
                        participants=tuple(parts))
        case "superior_change":
            staff = tuple((role, tuple(nm.text for nm in f["staff"][role]))
                          for role in ("handler", "reviewer", "approver"))
            for role in ("handler", "reviewer", "approver"):
                for j, nm in enumerate(f["staff"][role]):
                    spans[path + ("staff", role, j)] = nm.span
            return Step(**common, agency=text["agency"], of=text["of"], opinion=text["opinion"],
                        correct=text["correct"], staff=staff)
        case "superior_order":
            return Step(**common, superior=text["superior"], opinion=text["opinion"],
                        correct=text["correct"])
    raise AssertionError(s.kind)
