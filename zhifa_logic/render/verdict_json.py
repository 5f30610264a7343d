"""Verdict → zhifa-verdict/1 JSON text: fixed key order, sorted lists,
nothing that varies between runs."""

from __future__ import annotations

import json

from ..model.results import Line, Verdict

FORMAT = "zhifa-verdict/1"


def _line(line: Line) -> dict:
    return {"category": line.category, "mode": line.mode}


def verdict_to_json(v: Verdict) -> dict:
    parties = []
    for p in v.parties:
        d = {"id": p.id, "kind": p.kind, "liable": p.liable, "category": p.category,
             "mode": p.mode, "basis": list(p.basis)}
        if p.adjust:
            d["adjust"] = list(p.adjust)
        parties.append(d)
    conflicts = [{"clauses": list(c.clauses), "parties": list(c.parties),
                  "allocations": {ref: {pid: _line(ln) for pid, ln in lines}
                                  for ref, lines in c.allocations}}
                 for c in v.conflicts]
    findings = [{"code": f.code, "message": f.message, **({"step": f.step} if f.step is not None else {})}
                for f in v.findings]
    return {"format": FORMAT, "case": v.case, "outcome": v.outcome, "parties": parties,
            "conflicts": conflicts, "findings": findings}


def dumps(doc) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
