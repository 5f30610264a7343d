"""A loaded case, checked against the chain semantics and the rule set,
turned into chain facts; and the readings a run uses."""

from __future__ import annotations

from ..chain.facts import derive
from ..chain.graph import build_graph
from ..chain.validate import validate
from ..errors import Collector, Diagnostic, InputError
from ..model.case import Case
from ..model.facts import ChainFacts
from ..model.names import did_you_mean
from ..model.results import Finding
from ..model.rules import RuleSet


def prepare(case: Case, rs: RuleSet) -> tuple[ChainFacts, list[Finding]]:
    g = build_graph(case)
    validate(case, g)
    errors = Collector()
    for j, item in enumerate(case.act.faults + case.act.exemptions):
        if item not in rs.case_items:
            key = "faults" if j < len(case.act.faults) else "exemptions"
            errors.error(f"the rule set `{rs.name}` has no rule for item `{item}`",
                         case.spans.get(("act", key)) or case.act.span,
                         suggestion=did_you_mean(item, rs.case_items))
    for party, items in case.circumstances:
        for item in items:
            if item != "19.2-no-loss" and item not in rs.party_items:
                errors.error(f"the rule set `{rs.name}` has no rule for circumstance `{item}`",
                             case.spans.get(("circumstances", party)))
    errors.raise_if_any()
    return derive(case, g)


def select_readings(rs: RuleSet, choices: list[str]) -> dict[str, str]:
    """Defaults, overridden by ``name=option`` choices from the command line."""
    out = rs.default_readings()
    for choice in choices:
        name, eq, option = choice.partition("=")
        if not eq:
            raise InputError(Diagnostic(f"`--reading {choice}` names no option",
                                        expected="NAME=OPTION, e.g. art11-4-bearers=only-at-fault"))
        reading = rs.readings.get(name)
        if reading is None:
            raise InputError(Diagnostic(f"unknown reading `{name}`",
                                        expected=", ".join(sorted(rs.readings)) or "none: this rule set has no readings",
                                        suggestion=did_you_mean(name, rs.readings)))
        options = [o.name for o in reading.options]
        if option not in options:
            raise InputError(Diagnostic(f"reading `{name}` has no option `{option}`",
                                        expected=", ".join(options),
                                        suggestion=did_you_mean(option, options)))
        out[name] = option
    return out
