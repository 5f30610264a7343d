"""Refuse chains that cannot have happened: unknown names, an opinion used
before it exists, a hierarchy cycle, a person acting for another agency,
a collective decision without a principal leader."""

from __future__ import annotations

import networkx as nx

from ..errors import Collector
from ..model.case import STEP_FLAGS, Case
from ..model.names import did_you_mean
from ..source import Span
from .graph import superiors
from .roles import step_role


class _Check:
    def __init__(self, case: Case):
        self.case = case
        self.errors = Collector()

    def span(self, path: tuple) -> Span | None:
        spans = self.case.spans
        while path and path not in spans:
            path = path[:-1]
        return spans.get(path) or None

    def fail(self, path: tuple, message: str, **kw) -> None:
        where = ""
        if len(path) >= 2 and path[0] == "chain":
            s = self.case.chain[path[1]]
            where = f"step {path[1]} ({s.kind}): "
        self.errors.error(where + message, self.span(path), **kw)


def validate(case: Case, g: nx.DiGraph) -> None:
    c = _Check(case)
    person_ids = [p.id for p in case.persons]
    agency_ids = [a.id for a in case.agencies]

    def known(pid, path, pool, what):
        if pid is not None and pid not in pool:
            c.fail(path, f"unknown {what} `{pid}`", suggestion=did_you_mean(pid, pool))
            return False
        return pid is not None

    for ids, what, key in ((person_ids, "person", "persons"), (agency_ids, "agency", "agencies")):
        seen = set()
        for i, x in enumerate(ids):
            if x in seen:
                c.fail((key, i, "id"), f"the {what} id `{x}` is used twice")
            seen.add(x)
    clash = sorted(set(person_ids) & set(agency_ids))
    for x in clash:
        c.fail(("persons", person_ids.index(x), "id"), f"`{x}` names both a person and an agency")
    for i, a in enumerate(case.agencies):
        known(a.superior, ("agencies", i, "superior"), agency_ids, "agency")
    for i, p in enumerate(case.persons):
        known(p.agency, ("persons", i, "agency"), agency_ids, "agency")
    hierarchy = nx.DiGraph()
    hierarchy.add_edges_from((("agency", a.id), ("agency", a.superior))
                             for a in case.agencies if a.superior)
    for agency in agency_ids:  # first agency in case order: same message every run
        if ("agency", agency) not in hierarchy:
            continue
        try:
            cycle = nx.find_cycle(hierarchy, ("agency", agency))
        except nx.NetworkXNoCycle:
            continue
        names = [u[1] for u, _ in cycle]
        start = min(range(len(names)), key=lambda i: agency_ids.index(names[i]))
        names = names[start:] + names[:start]
        c.fail(("agencies", agency_ids.index(names[0]), "superior"),   # the caret on a link of it
               "the agencies' superiors form a cycle: " +
               " → ".join(names + [names[0]]))
        break

    act = case.act
    if not act.agencies:
        c.fail(("act", "agencies"), "the act names no agency that decided it",
               expected="at least one agency id (Art. 12)")
    for j, a in enumerate(act.agencies):
        known(a, ("act", "agencies", j), agency_ids, "agency")
    if len(set(act.agencies)) != len(act.agencies):
        c.fail(("act", "agencies"), "an agency is listed twice")
    if act.lead is not None:
        if known(act.lead, ("act", "lead"), agency_ids, "agency") and act.lead not in act.agencies:
            c.fail(("act", "lead"), f"the lead agency `{act.lead}` is not among the act's agencies",
                   expected=", ".join(act.agencies))
        if len(act.agencies) < 2:
            c.fail(("act", "lead"), "a lead agency (主办机关) needs two or more deciding agencies")

    agency_of = {p.id: p.agency for p in case.persons}
    # Who may act: persons of the deciding agencies, and — where a superior
    # agency changed the act (Art. 14) — persons of the agencies below it.
    acting = set(act.agencies)     # empty: already reported, no cascade of errors per step
    for s in case.chain:
        if s.kind == "superior_change" and s.agency:
            acting |= {a.id for a in case.agencies if s.agency in superiors(g, a.id)}
    created: dict[str, int] = {}
    for s in case.chain:
        base = ("chain", s.index)
        for flag in sorted(s.flags - set(STEP_FLAGS[s.kind])):
            c.fail(base + (flag,), f"`{flag}` does not apply to a {s.kind} step",
                   expected=", ".join(STEP_FLAGS[s.kind]) or "no flags")
        if s.by is not None and known(s.by, base + ("by",), person_ids, "person"):
            if acting and s.kind != "superior_change" and agency_of.get(s.by) not in acting:
                c.fail(base + ("by",), f"`{s.by}` belongs to `{agency_of.get(s.by)}`, which did not "
                       "decide the act", expected=f"a person of {', '.join(sorted(acting))}")
        if s.of is not None and s.kind in ("review", "approve") and s.of in created:
            maker = case.chain[created[s.of]]
            if maker.kind == "decide" and s.kind in maker.skipped:
                c.fail(base + ("of",), f"opinion `{s.of}` was decided around the {s.kind} stage "
                       f"(step {maker.index} skipped it), yet step {s.index} {s.kind}s it",
                       suggestion=f"drop `{s.kind}` from step {maker.index}'s skipped stages, "
                                  "or this step")
        if s.of is not None:
            if s.of not in created:
                later = next((t.index for t in case.chain if t.opinion == s.of and t.index > s.index), None)
                msg = (f"opinion `{s.of}` is used before it is made (step {later} makes it)"
                       if later is not None else f"unknown opinion `{s.of}`")
                c.fail(base + ("of",), msg, suggestion=did_you_mean(s.of, created))
        if s.opinion is not None:
            if s.opinion in created:
                c.fail(base + ("opinion",), f"opinion `{s.opinion}` is already made at step "
                       f"{created[s.opinion]}", suggestion="give the new opinion its own id")
            else:
                created[s.opinion] = s.index
        if s.kind == "decide" and len(set(s.skipped)) != len(s.skipped):
            c.fail(base + ("skipped",), "a stage is listed twice")
        if s.kind == "collective":
            if not any(p.position == "principal" for p in s.participants):
                c.fail(base, "a collective decision without a principal leader (主要领导)",
                       expected="a participant with position `principal` (Art. 13 ¶1)")
            seen: set[str] = set()
            for j, p in enumerate(s.participants):
                path = base + ("participants", j)
                if known(p.person, path, person_ids, "person"):
                    if p.person in seen:
                        c.fail(path, f"`{p.person}` takes part twice")
                    if acting and agency_of.get(p.person) not in acting:
                        c.fail(path, f"`{p.person}` belongs to `{agency_of.get(p.person)}`, which did "
                               "not decide the act")
                seen.add(p.person)
        if s.kind == "superior_change":
            if known(s.agency, base + ("agency",), agency_ids, "agency"):
                lower = [a.id for a in case.agencies if s.agency in superiors(g, a.id)]
                if not lower:
                    c.fail(base + ("agency",), f"`{s.agency}` is not the superior of any agency "
                           "(Art. 14: 上级行政执法机关改变、撤销下级的行为)",
                           expected="an agency that is some agency's `superior`")
            for role, ids in s.staff:
                for j, pid in enumerate(ids):
                    path = base + ("staff", role, j)
                    if known(pid, path, person_ids, "person") and agency_of.get(pid) != s.agency:
                        c.fail(path, f"`{pid}` acts for `{s.agency}` but belongs to `{agency_of.get(pid)}`")
            if not any(ids for _r, ids in s.staff):
                c.fail(base + ("staff",), "the superior agency's change names no staff",
                       expected="handler, reviewer or approver ids (Art. 14)")
        if s.kind == "superior_order":
            if known(s.superior, base + ("superior",), person_ids, "person") and s.superior == s.by:
                c.fail(base + ("superior",), "a person cannot be their own superior")
    _roles_consistent(case, c)
    parties = set(person_ids) | set(agency_ids)
    for party, _items in case.circumstances:
        if party not in parties:
            c.fail(("circumstances", party), f"unknown party `{party}`",
                   suggestion=did_you_mean(party, parties))
    c.errors.raise_if_any()


def _roles_consistent(case: Case, c: _Check) -> None:
    """Art. 9 gives the handler, the reviewer and the approver distinct
    functions: one person takes at most one of them in a chain (deemed roles
    in a collective decision, superior staff and orders are separate)."""
    held: dict[str, dict[str, int]] = {}
    for s in case.chain:
        role = step_role(case, s)
        if role and s.by is not None:
            held.setdefault(s.by, {}).setdefault(role, s.index)
    for person, roles in held.items():
        if len(roles) > 1:
            (r1, i1), (r2, i2) = sorted(roles.items(), key=lambda kv: kv[1])[:2]
            c.fail(("chain", i2, "by"), f"`{person}` acts as {r2} here but as {r1} at step {i1}",
                   expected="one of handler 承办人, reviewer 审核人, approver 批准人 per person (Art. 9)")
