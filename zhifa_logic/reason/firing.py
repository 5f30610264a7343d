"""What the rules did in one case — which clauses fired, which stood, whom
each effect reached — and how that becomes a verdict (MODEL.md §1, §5).

Both the Z3 path (``decide``) and the solver-free path (``interpret``)
produce a ``Firing``; ``to_verdict`` is the one place that combines it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import rules as r
from ..model import vocabulary as voc
from ..model.facts import ChainFacts
from ..model.results import Conflict, Finding, Line, PartyLine, Verdict


@dataclass(frozen=True)
class Firing:
    fired: frozenset[str]
    stands: frozenset[str]
    reaches: frozenset[tuple[str, int, str]]      # (clause key, effect index, party)


def clause_labels(rs: r.RuleSet) -> dict[str, str]:
    """A name per clause for conflicts: its ref, or ``ref#title`` where
    several clauses share a ref (Art. 12's three forms, 公务员法54 via Art. 15)."""
    count: dict[str, int] = {}
    for cl in rs.clauses.values():
        count[cl.ref] = count.get(cl.ref, 0) + 1
    return {k: cl.ref if count[cl.ref] == 1 or not cl.title else f"{cl.ref}#{cl.title}"
            for k, cl in rs.clauses.items()}


def party_lines(rs: r.RuleSet, firing: Firing, parties) -> dict[str, dict[str, Line]]:
    """party → clause key → the line that standing clause gives the party
    (the first of its effects that reaches the party decides)."""
    lines: dict[str, dict[str, Line]] = {p: {} for p in parties}
    for key in sorted(firing.stands):
        c = rs.clauses[key]
        if c.kind != "allocate":
            continue
        for i, eff in enumerate(c.effects):
            if not isinstance(eff, (r.Allocate, r.Exclude)):
                continue
            line = Line(eff.category, eff.mode) if isinstance(eff, r.Allocate) else Line(None, None)
            for p in parties:
                if (key, i, p) in firing.reaches:
                    lines[p].setdefault(key, line)
    return lines


def to_verdict(case_id: str, rs: r.RuleSet, facts: ChainFacts, firing: Firing,
               findings: list[Finding], readings: dict[str, str]) -> Verdict:
    clauses = [rs.clauses[k] for k in sorted(firing.stands)]
    kinds = dict(facts.kinds)

    def party(pid, liable=False, category=None, mode=None, basis=(), adjust=()):
        return PartyLine(pid, kinds[pid], liable, category, mode, tuple(sorted(set(basis))),
                         tuple(sorted(set(adjust))))

    extra = dict(fired=tuple(sorted(firing.fired)), readings=tuple(sorted(readings.items())))
    if not any(c.kind == "pursue" for c in clauses):
        return Verdict(case_id, "no_fault", tuple(party(p) for p in facts.parties), (),
                       tuple(findings), **extra)
    exempt = sorted({c.ref for c in clauses if c.kind == "exempt"})
    if exempt:
        return Verdict(case_id, "exempt", tuple(party(p, basis=exempt) for p in facts.parties),
                       (), tuple(findings), **extra)

    lines = party_lines(rs, firing, facts.parties)
    person_clause_fired = any(
        voc.WORDS[eff.bearer.role].domain == "person"
        for c in clauses if c.kind == "allocate"
        for eff in c.effects if isinstance(eff, (r.Allocate, r.Exclude)))

    adjusts: dict[str, set[str]] = {p: set() for p in facts.parties}
    for c in clauses:
        for i, eff in enumerate(c.effects):
            if isinstance(eff, r.AdjustEffect):
                for p in facts.parties:
                    if (c.key, i, p) in firing.reaches:
                        adjusts[p].add(eff.kind)

    parties, clashes = [], {}
    for p in facts.parties:
        mine = lines[p]
        refs = [rs.clauses[k].ref for k in mine]
        distinct = set(mine.values())
        if not distinct:
            parties.append(party(p))
        elif len(distinct) == 1:
            line = next(iter(distinct))
            if line.liable:
                parties.append(party(p, True, line.category, line.mode, refs, adjusts[p]))
            else:
                parties.append(party(p, basis=refs))
        else:
            liable_cats = {ln.category for ln in distinct if ln.liable}
            liable = bool(liable_cats)
            category = next(iter(liable_cats)) if len(liable_cats) == 1 else None
            parties.append(party(p, liable, category, None, refs, adjusts[p] if liable else ()))
            clashes.setdefault(tuple(sorted(mine)), []).append(p)

    conflicts = []
    label = clause_labels(rs)
    for keys, who in sorted(clashes.items()):
        allocations = tuple(
            (label[k], tuple((p, lines[p][k]) for p in who if k in lines[p]))
            for k in sorted(keys, key=label.get))
        conflicts.append(Conflict(tuple(sorted(label[k] for k in keys)), tuple(who), allocations))

    if conflicts:
        outcome = "conflict"
    elif any(pl.liable and pl.kind == "person" for pl in parties):
        outcome = "liable"
    elif person_clause_fired:
        outcome = "none"
    else:
        outcome = "gap"
    return Verdict(case_id, outcome, tuple(parties), tuple(conflicts), tuple(findings), **extra)
