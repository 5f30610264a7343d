"""A loaded case, checked against the chain semantics and the rule set,
turned into chain facts; and the readings a run uses."""

from __future__ import annotations

from dataclasses import replace

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
    included, alias, base = set(), {}, rs
    while base is not None:
        included.add(base.name)
        alias.update({short: base.name for short in base.short_names + (base.name,)})
        root, base = base.name, base.base
    case = _canonical_items(case, alias, root)
    foreign = []
    for j, item in enumerate(case.act.faults + case.act.exemptions):
        local = item.partition(":")[0] if ":" in item else None
        key = "faults" if j < len(case.act.faults) else "exemptions"
        near = did_you_mean(local, sorted(alias)) if local and local not in included else None
        if near:
            errors.error(f"unknown rule set `{local}` in `{item}`",
                         case.spans.get(("act", key)) or case.act.span, suggestion=near)
        elif local and local not in included:
            # another rule set's own item (say, a witness of `check --against`
            # decided under the base): no ground here, and the verdict says so
            foreign.append(Finding("foreign-item", f"`{item}` is an item of the rule set `{local}`, "
                                   f"which `{rs.name}` does not include: it has no effect here"))
        elif item not in rs.case_items:
            errors.error(f"the rule set `{rs.name}` has no rule for item `{item}`",
                         case.spans.get(("act", key)) or case.act.span,
                         suggestion=did_you_mean(item, rs.case_items))
    for party, items in case.circumstances:
        for item in items:
            if item != "19.2-no-loss" and item not in rs.party_items:
                errors.error(f"the rule set `{rs.name}` has no rule for circumstance `{item}`",
                             case.spans.get(("circumstances", party)))
    errors.raise_if_any()
    facts, findings = derive(case, g)
    return facts, findings + foreign


def _canonical_items(case: Case, alias: dict[str, str], root: str) -> Case:
    """A case names a local rule set's item by the rule set's key or by any
    of its short names (《本制度》第四条第（一）项); the key is canonical, and
    the root rule set's (the Measures') items are bare (``8.1``)."""
    def canon(items: tuple[str, ...]) -> tuple[str, ...]:
        out = []
        for item in items:
            src, colon, ref = item.rpartition(":")
            if colon and src in alias:
                item = ref if alias[src] == root else f"{alias[src]}:{ref}"
            out.append(item)
        return tuple(out)
    act = replace(case.act, faults=canon(case.act.faults), exemptions=canon(case.act.exemptions))
    return case if act == case.act else replace(case, act=act)


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
