"""``zhifa check --sarif``: the report as SARIF 2.1.0, one result per finding,
located at the clause's line in the rule-set file (editors and CI show it)."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..model.findings import SEVERITY, CheckReport
from ..model.rules import RuleSet
from .check_report import KIND, clause_name, numbered, sentence, witness_name

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return p.resolve().as_uri()


def _location(rs: RuleSet, key: str | None) -> dict:
    if key is None:
        return {"physicalLocation": {"artifactLocation": {"uri": _uri(rs.file)},
                                     "region": {"startLine": 1, "startColumn": 1}}}
    span = rs.clauses[key].span
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(span.file)},
                                 "region": {"startLine": span.line, "startColumn": span.col,
                                            "endLine": span.end_line, "endColumn": span.end_col}},
            "message": {"text": clause_name(rs, key, "en")}}


def sarif_report(report: CheckReport, rs: RuleSet) -> dict:
    kinds = sorted({f.kind for f in report.findings})
    rules = [{"id": k, "name": KIND["en"][k].title().replace(" ", ""),
              "shortDescription": {"text": KIND["en"][k]},
              "fullDescription": {"text": f"{KIND['en'][k]} ({KIND['zh'][k]})"},
              "defaultConfiguration": {"level": SEVERITY[k]}} for k in kinds]
    results = []
    for n, f in numbered(report):
        names = " ⟂ ".join(clause_name(rs, k, "en") for k in f.clauses)
        text = " ".join(x for x in (f"{KIND['en'][f.kind]} {n}" + (f": {names}." if names else "."),
                                    sentence(f, "en") or f.note) if x)
        own = [k for k in f.clauses if rs.clauses[k].ruleset == rs.name] or list(f.clauses)
        primary = own[0] if own else None
        result = {"ruleId": f.kind, "ruleIndex": kinds.index(f.kind), "level": SEVERITY[f.kind],
                  "message": {"text": text}, "locations": [_location(rs, primary)],
                  "properties": {"clauses": [rs.clauses[k].ref for k in f.clauses],
                                 "parties": list(f.parties)}}
        others = [k for k in f.clauses if k != primary]
        if others:
            result["relatedLocations"] = [dict(_location(rs, k), id=i) for i, k in enumerate(others)]
        if f.witness is not None:
            result["properties"]["witness"] = witness_name(rs, f, n)
        results.append(result)
    return {"$schema": SCHEMA, "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "zhifa-logic", "version": __version__,
                                          "rules": rules}},
                      "properties": {"bound": report.bound, "readings": dict(report.readings),
                                     "against": report.against},
                      "results": results}]}
