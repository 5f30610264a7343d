"""Kinds of unallocated conduct: the labels by which ``zhifa check`` tells
one gap from another, as Z3 terms over the symbolic chain and as a set read
off a concrete case. The two are twins (as ``encode/chain.py`` and
``chain/facts.py`` are): the gap search asks the solver for a label no
listed gap shows, and reads the labels of each witness back concretely.

A label is what the rules' words say of one person who did something they
speak of — one of his roles with one of his facts (reviewer·failed_to_act)
— told apart by whether the act must pass review and approval (Art. 11
governs only those, so the same conduct is another kind of gap there); a
case fact the rules speak of (order_wrong); or, for a gap where nobody
holds any such fact, a label of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import z3

from ..encode.terms import World
from ..model import rules as r
from ..model import vocabulary as voc
from ..model.case import Case
from ..model.facts import ChainFacts

# The label of a gap where no person holds any fact the rules speak of.
NOTHING = "·"
# Marks a person's label in an act that must pass review and approval.
APPROVAL = "@approval"
# Case facts about the agencies' structure: they tell no gap from another.
STRUCTURE = ("single_agency", "joint_agencies", "has_lead")


@dataclass(frozen=True)
class GapWords:
    """The roles, person facts and case facts that clauses about persons speak of."""

    roles: tuple[str, ...]
    facts: tuple[str, ...]
    cases: tuple[str, ...]

    @classmethod
    def of(cls, rs: r.RuleSet, personal: list[str]) -> "GapWords":
        words = set().union(*(r.words_of(rs.clauses[k].when) for k in personal))
        person = [w for w in sorted(words) if voc.WORDS[w].domain == "person" and w != "person"]
        return cls(tuple(w for w in person if voc.WORDS[w].kind == "role"),
                   tuple(w for w in person if voc.WORDS[w].kind == "fact"),
                   tuple(w for w in sorted(words) if voc.WORDS[w].domain == "case" and w not in STRUCTURE))


def label_terms(words: GapWords, world: World, persons: tuple[str, ...]) -> dict[str, z3.BoolRef]:
    """Each label a case can have, as a term over the symbolic chain."""
    pf = world.party_fact
    out = {w: world.case_fact(w) for w in words.cases}
    approval = world.case_fact("approval_required")
    for f in words.facts:
        for role in words.roles:
            some = z3.Or([z3.And(pf(role, p), pf(f, p)) for p in persons])
            out[f"{role}·{f}{APPROVAL}"] = z3.And(approval, some)
            out[f"{role}·{f}"] = z3.And(z3.Not(approval), some)
        some = z3.Or([z3.And(pf(f, p), *[z3.Not(pf(role, p)) for role in words.roles]) for p in persons])
        out[f"-·{f}{APPROVAL}"] = z3.And(approval, some)
        out[f"-·{f}"] = z3.And(z3.Not(approval), some)
    out[NOTHING] = z3.Not(z3.Or([pf(f, p) for f in words.facts for p in persons]
                                or [z3.BoolVal(False, world.ctx)]))
    return out


def labels_of(words: GapWords, case: Case, facts: ChainFacts) -> frozenset[str]:
    """The labels of a concrete case (the twin of ``label_terms``)."""
    holders = dict(facts.party_facts)
    out = {w for w in words.cases if w in facts.case_facts}
    mark = APPROVAL if "approval_required" in facts.case_facts else ""
    for p in (p.id for p in case.persons):
        mine = [f for f in words.facts if p in holders.get(f, ())]
        for role in [role for role in words.roles if p in holders.get(role, ())] or ["-"]:
            out |= {f"{role}·{f}{mark}" for f in mine}
    if not any(p in holders.get(f, ()) for f in words.facts for p in holders.get("person", ())):
        out.add(NOTHING)
    return frozenset(out)
