"""Shared test helpers: build zhifa-case/1 documents tersely and decide them."""

from __future__ import annotations

import copy

from zhifa_logic.model.case_json import case_from_json
from zhifa_logic.model.loader import load_ruleset
from zhifa_logic.reason.decide import decide
from zhifa_logic.reason.interpret import interpret
from zhifa_logic.reason.prepare import prepare, select_readings
from zhifa_logic.reason.firing import to_verdict
from zhifa_logic.render.verdict_json import verdict_to_json

AGENCY = "CG"


def case_doc(chain, *, approval=True, faults=("6.3",), exemptions=(), agencies=None,
             act_agencies=None, lead=None, persons=None, circumstances=None, cid="t"):
    """A case of 市城管局 (CG, superior GOV); persons are made for every id used."""
    agencies = agencies or [{"id": "CG", "name": "市城管局", "superior": "GOV"},
                            {"id": "GOV", "name": "市人民政府"}]
    used = []
    for s in chain:
        for key in ("by", "superior"):
            if key in s and s[key] not in used:
                used.append(s[key])
        for p in s.get("participants", []):
            if p["person"] not in used:
                used.append(p["person"])
    staff_of = {}
    for s in chain:
        if s["step"] == "superior_change":
            for ids in s["staff"].values():
                for i in ids:
                    staff_of[i] = s["agency"]
                    if i not in used:
                        used.append(i)
    persons = persons or [{"id": p, "name": p, "agency": staff_of.get(p, (act_agencies or [AGENCY])[0])}
                          for p in used]
    doc = {"format": "zhifa-case/1", "id": cid, "agencies": agencies, "persons": persons,
           "act": {"agencies": list(act_agencies or [AGENCY]), "lead": lead, "kind": "penalty",
                   "approval_required": approval, "faults": list(faults),
                   "exemptions": list(exemptions)},
           "chain": copy.deepcopy(chain)}
    if circumstances:
        doc["circumstances"] = circumstances
    return doc


def load(doc):
    return case_from_json(doc, {}, "<test>")


def verdict(doc, readings=(), rules=None, solver=True) -> dict:
    """Decide ``doc`` and return the zhifa-verdict/1 document."""
    rs = load_ruleset(rules)
    case = load(doc)
    facts, findings = prepare(case, rs)
    chosen = select_readings(rs, list(readings))
    if solver:
        v = decide(case.id, rs, facts, findings, chosen)
    else:
        v = to_verdict(case.id, rs, facts, interpret(rs, facts, chosen), findings, chosen)
    return verdict_to_json(v)


def line(v: dict, pid: str) -> dict:
    return next(p for p in v["parties"] if p["id"] == pid)


def liable(v: dict) -> dict[str, tuple]:
    """id → (category, mode, basis) for every liable party."""
    return {p["id"]: (p["category"], p["mode"], tuple(p["basis"])) for p in v["parties"] if p["liable"]}


# Chains used across articles
DRAFT_WRONG = {"step": "draft", "by": "h", "opinion": "o1", "correct": False}
DRAFT_RIGHT = {"step": "draft", "by": "h", "opinion": "o1", "correct": True}
EXEC = {"step": "execute", "by": "h", "of": "o1"}


def review(of="o1", **kw):
    return {"step": "review", "by": "r", "of": of, "action": "pass", **kw}


def approve(of="o1", **kw):
    return {"step": "approve", "by": "a", "of": of, "action": "pass", **kw}
