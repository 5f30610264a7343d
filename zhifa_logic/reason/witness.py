"""Witnesses: a model of the symbolic chain read back as a concrete
``zhifa-case/1`` document, and shrunk until no person, step, flag or item
can be removed without losing the finding it witnesses."""

from __future__ import annotations

from collections.abc import Callable

import z3

from ..encode.chain import ACTION, KIND, POSITION, ROLE, STAGES, SUPERIOR, SymbolicChain
from ..encode.terms import World
from ..model.case import STEP_FLAGS
from ..model.rules import RuleSet

NAMES = ["张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二"]
AGENCY_NAMES = {"A0": "甲局", "A1": "乙局", "A2": "丙局", "A3": "丁局", SUPERIOR: "市人民政府"}
_KIND_NAME = {v: k for k, v in KIND.items()}
_ACTION_NAME = {v: k for k, v in ACTION.items()}
_ROLE_NAME = {v: k for k, v in ROLE.items()}
_POSITION_NAME = {v: k for k, v in POSITION.items()}


def _copy(doc):
    """A copy of a case document (JSON data: dicts, lists, scalars), several
    times faster than ``copy.deepcopy``, which a check calls for every
    smaller case it tries."""
    if isinstance(doc, dict):
        return {k: _copy(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_copy(v) for v in doc]
    return doc


def read_case(model: z3.ModelRef, sc: SymbolicChain, world: World, rs: RuleSet,
              case_id: str = "witness") -> dict:
    def val(term) -> bool:
        return z3.is_true(model.eval(term, model_completion=True))

    def num(term) -> int:
        return model.eval(term, model_completion=True).as_long()

    deciding = [a for a in sc.deciding if val(sc.deciding[a])]
    lead = num(sc.lead)
    agencies = [{"id": a, "name": AGENCY_NAMES.get(a, a), "superior": SUPERIOR} for a in deciding]
    agencies.append({"id": SUPERIOR, "name": AGENCY_NAMES[SUPERIOR]})
    persons = [{"id": p, "name": NAMES[j % len(NAMES)],
                "agency": SUPERIOR if val(sc.staff_member[j]) else deciding[0]}
               for j, p in enumerate(sc.persons) if val(sc.present[j])]
    chain, index = [], {}
    for i, s in enumerate(sc.steps):
        if not val(s.active):
            break
        kind = _KIND_NAME[num(s.kind)]
        step: dict = {"step": kind}
        by = sc.persons[num(s.by)]
        opinion = f"o{len(index) + 1}"
        of = index.get(num(s.of)) if kind in ("review", "approve", "execute", "superior_change") else None
        match kind:
            case "draft" | "decide":
                step.update(by=by, opinion=opinion, correct=val(s.correct))
                skipped = [st for st in STAGES if val(s.skipped[st])]
                if kind == "decide" and skipped:
                    step["skipped"] = skipped
            case "review" | "approve":
                action = _ACTION_NAME[num(s.action)]
                step.update(by=by, of=of, action=action)
                if action != "pass":
                    step.update(opinion=opinion, correct=val(s.correct))
            case "execute":
                step.update(by=by, of=of)
            case "fail_to_act":
                step["by"] = by
                if num(s.role):
                    step["role"] = _ROLE_NAME[num(s.role)]
            case "collective":
                parts = []
                for j, p in enumerate(sc.persons):
                    if val(s.part[j]):
                        part = {"person": p, "position": _POSITION_NAME[num(s.position[j])]}
                        if val(s.dissent[j]):
                            part["dissent"] = True
                        parts.append(part)
                step.update(participants=parts, opinion=opinion, correct=val(s.correct))
            case "superior_change":
                staff = {r: [p for j, p in enumerate(sc.persons) if val(s.staff[r][j])] for r in ROLE}
                step.update(agency=SUPERIOR, of=of, opinion=opinion, correct=val(s.correct),
                            staff={r: ids for r, ids in staff.items() if ids})
            case "superior_order":
                step.update(by=by, superior=sc.persons[num(s.superior)], opinion=opinion,
                            correct=val(s.correct))
        for flag in STEP_FLAGS[kind]:
            if val(s.flag[flag]):
                step[flag] = True
        if "opinion" in step:
            index[i] = step["opinion"]
        chain.append(step)
    grounds = rs.exemption_items()
    faults = [r for r in sorted(rs.case_items) if r not in grounds and val(world.case_item(r))]
    exemptions = [r for r in sorted(rs.case_items) if r in grounds and val(world.case_item(r))]
    circumstances = {}
    present = [p["id"] for p in persons] + [a["id"] for a in agencies]
    for party in present:      # not an unused agency slot: it is no party of the case
        items = [r for r in sorted(rs.party_items) if val(world.party_item(r, party))]
        if val(world.party_fact("no_loss", party)):
            items.append("19.2-no-loss")
        if items:
            circumstances[party] = items
    doc = {"format": "zhifa-case/1", "id": case_id, "title": "检查发现的见证案例",
           "agencies": agencies, "persons": persons,
           "act": {"agencies": deciding, "lead": deciding[lead] if lead >= 0 else None,
                   "kind": "penalty", "approval_required": val(sc.approval), "faults": faults,
                   "exemptions": exemptions},
           "chain": chain}
    if circumstances:
        doc["circumstances"] = circumstances
    return doc


def _drop_step(doc: dict, i: int) -> dict | None:
    """``doc`` without step ``i`` — None if a later step acts on its opinion."""
    made = doc["chain"][i].get("opinion")
    if made and any(s.get("of") == made for s in doc["chain"][i + 1:]):
        return None
    out = _copy(doc)
    del out["chain"][i]
    return out


def _as_draft(doc: dict, i: int) -> dict | None:
    """Step ``i`` (which makes an opinion) replaced by the handler's plain draft of it."""
    step = doc["chain"][i]
    if step["step"] == "draft" or "opinion" not in step:
        return None
    out = _copy(doc)
    handler = next((s["by"] for s in doc["chain"] if s["step"] == "draft"), None)
    by = handler or step.get("by") or next(p["id"] for p in doc["persons"]
                                          if p["agency"] in doc["act"]["agencies"])
    out["chain"][i] = {"step": "draft", "by": by, "opinion": step["opinion"],
                       "correct": step["correct"]}
    return out


def _candidates(doc: dict):
    """Every one-step-smaller variant of ``doc`` (that still parses as a case)."""
    for i in reversed(range(len(doc["chain"]))):
        smaller = _drop_step(doc, i)
        if smaller is not None:
            yield smaller
    for i in range(len(doc["chain"])):
        simpler = _as_draft(doc, i)
        if simpler is not None:
            yield simpler
    for i, step in enumerate(doc["chain"]):
        for key in [k for k, v in step.items() if v is True and k != "correct"]:
            out = _copy(doc)
            del out["chain"][i][key]
            yield out
        for j, part in enumerate(step.get("participants", [])):
            if len(step["participants"]) > 1:
                out = _copy(doc)
                del out["chain"][i]["participants"][j]
                yield out
            if part.get("dissent"):
                out = _copy(doc)
                del out["chain"][i]["participants"][j]["dissent"]
                yield out
        for role, ids in step.get("staff", {}).items():
            for pid in ids:
                out = _copy(doc)
                out["chain"][i]["staff"][role] = [x for x in ids if x != pid]
                if not out["chain"][i]["staff"][role]:
                    del out["chain"][i]["staff"][role]
                yield out
        if step.get("skipped"):
            for st in step["skipped"]:
                out = _copy(doc)
                out["chain"][i]["skipped"] = [x for x in step["skipped"] if x != st]
                if not out["chain"][i]["skipped"]:
                    del out["chain"][i]["skipped"]
                yield out
    for key in ("faults", "exemptions"):
        for ref in doc["act"][key]:
            out = _copy(doc)
            out["act"][key] = [r for r in doc["act"][key] if r != ref]
            yield out
    for party, items in doc.get("circumstances", {}).items():
        for item in items:
            out = _copy(doc)
            rest = [x for x in items if x != item]
            if rest:
                out["circumstances"][party] = rest
            else:
                del out["circumstances"][party]
                if not out["circumstances"]:
                    del out["circumstances"]
            yield out
    if doc["act"].get("lead"):
        out = _copy(doc)
        out["act"]["lead"] = None
        yield out
    if len(doc["act"]["agencies"]) > 1:
        last = doc["act"]["agencies"][-1]
        out = _copy(doc)
        out["act"]["agencies"] = doc["act"]["agencies"][:-1]
        if out["act"]["lead"] == last:
            out["act"]["lead"] = None
        out["agencies"] = [a for a in doc["agencies"] if a["id"] != last]
        out["persons"] = [dict(p, agency=out["act"]["agencies"][0]) if p["agency"] == last else p
                          for p in doc["persons"]]
        yield out


def _named(doc: dict) -> set[str]:
    """The persons a step, participant, staff list or circumstance names."""
    used = set()
    for s in doc["chain"]:
        used |= {s.get("by"), s.get("superior")}
        used |= {p["person"] for p in s.get("participants", [])}
        for ids in s.get("staff", {}).values():
            used |= set(ids)
    return used | set(doc.get("circumstances", {}))


def _drop_persons(doc: dict, ids: set[str]) -> dict:
    out = _copy(doc)
    out["persons"] = [p for p in doc["persons"] if p["id"] not in ids]
    return out


def _shrinks(doc: dict):
    """Every smaller variant of ``doc``: a person nothing names, alone; and
    each one-step-smaller variant, first without the persons it leaves
    unnamed, then — if that differs — with them (a person nobody names is
    still a person of the case, and a finding about 「存在 人员」 can rest on
    one)."""
    for p in doc["persons"]:
        if p["id"] not in _named(doc):
            yield _drop_persons(doc, {p["id"]})
    for smaller in _candidates(doc):
        orphans = {p["id"] for p in smaller["persons"]} - _named(smaller) - \
            ({p["id"] for p in doc["persons"]} - _named(doc))
        if orphans:
            yield _drop_persons(smaller, orphans)
        yield smaller


def renumber(doc: dict) -> dict:
    """Opinions named o1, o2, … in the order the chain makes them."""
    names: dict[str, str] = {}
    out = _copy(doc)
    for s in out["chain"]:
        if "of" in s:
            s["of"] = names.get(s["of"], s["of"])
        if "opinion" in s:
            names[s["opinion"]] = s["opinion"] = f"o{len(names) + 1}"
    return out


def minimize(doc: dict, holds: Callable[[dict], bool]) -> dict:
    """Greedy one-at-a-time removal until nothing more can go (1-minimal):
    no person, step, flag, item or agency can be removed and the finding
    still hold."""
    changed = True
    while changed:
        changed = False
        for smaller in _shrinks(doc):
            if holds(smaller):
                doc, changed = smaller, True
                break
    return renumber(doc)
