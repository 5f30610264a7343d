"""Derive the chain facts of ``model.vocabulary`` from a validated chain.

This is the chain semantics — who did what to which opinion — and nothing
else: which facts make whom liable is said by the rules in ``spec/``.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from ..model.case import Case
from ..model.facts import ChainFacts
from ..model.results import Finding
from .graph import opinion_correct, steps_acting_on
from .roles import act_opinion, step_role

def derive(case: Case, g: nx.DiGraph) -> tuple[ChainFacts, list[Finding]]:
    """Roles come from every step; what the Articles speak of — a wrong draft
    passed, a correct opinion overridden, a decision around a stage, a
    collective decision, a superior's change or order — is read off the
    steps that made, passed or carried out the act's own opinion (F)."""
    facts: dict[str, set[str]] = defaultdict(set)
    case_facts: set[str] = set()
    act = case.act
    F = act_opinion(case)
    made = g.graph["creator"]
    maker = case.chain[made[F]] if F in made else None
    wrong = maker is not None and maker.correct is False
    reviewed = {s.of for s in case.chain if s.kind in ("review", "approve")}

    for s in case.chain:
        who = s.by
        role = step_role(case, s)
        if role and who is not None:
            facts[role].add(who)
        on_f = s.of == F and F is not None                  # passes or carries out F
        makes_f = maker is s
        match s.kind:
            case "draft" if makes_f:
                if wrong:
                    facts["drafted_wrong"].add(who)
                if "falsified" in s.flags:
                    facts["falsified"].add(who)
            case "review" | "approve" if on_f or makes_f:
                for flag in ("should_have_detected", "detected_not_corrected"):
                    if flag in s.flags:
                        facts[flag].add(who)
                if "falsified" in s.flags and (makes_f or s.action == "pass"):
                    facts["falsified"].add(who)     # fraud in making or passing the act
                if on_f and s.action == "pass" and wrong:
                    facts["passed_wrong"].add(who)
                    if maker.kind == "draft":
                        facts["passed_wrong_draft"].add(who)
                    if s.kind == "approve" and _correction_ignored(case, s, F):
                        facts["overrode_correct"].add(who)
                if makes_f and s.kind == "review" and not any(
                        t.kind == "approve" and t.of == F and t.action == "pass" for t in case.chain):
                    facts["changed_unapproved"].add(who)
                if makes_f and wrong:
                    if opinion_correct(g, s.of) is True:
                        facts["overrode_correct"].add(who)
                    if s.action == "change":
                        facts["changed_to_wrong"].add(who)
            case "decide" if makes_f:
                facts["decider"].add(who)
                facts["decided"].add(who)
                for stage, word in (("draft", "skipped_draft"), ("review", "skipped_review"),
                                    ("approve", "skipped_approval"),
                                    ("collective", "skipped_collective")):
                    if stage in s.skipped:
                        facts[word].add(who)
                if ({"review", "approve"} <= set(s.skipped)
                        or (not act.approval_required and role == "handler")):
                    facts["acted_alone"].add(who)
            case "execute" if on_f:
                facts["executed"].add(who)
                if maker.kind == "draft" and not _approved(case, s, F, maker):
                    facts["executed_unapproved"].add(who)
                if "deviates" in s.flags and _reviewed_and_approved(case, s, F, maker):
                    facts["executed_deviating"].add(who)
                if maker.by == who and maker.kind in ("draft", "decide") and F not in reviewed:
                    facts["acted_alone"].add(who)
            case "fail_to_act":
                facts["failed_to_act"].add(who)
                if "delayed" in s.flags:
                    facts["delayed"].add(who)
            case "collective" if makes_f:
                for p in s.participants:
                    facts[p.position].add(p.person)
                    if p.dissent:
                        facts["dissented"].add(p.person)
                if wrong:
                    case_facts.add("collective_wrong")
            case "superior_change" if makes_f:
                for staff_role, ids in s.staff:
                    facts[f"superior_{staff_role}"].update(ids)
                if wrong:
                    case_facts.add("superior_changed_wrong")
            case "superior_order" if makes_f:
                facts["order_executor"].add(who)
                facts["order_superior"].add(s.superior)
                for flag, word in (("objection_raised", "objected"),
                                   ("superior_insisted", "superior_insisted"),
                                   ("clearly_illegal", "clearly_illegal")):
                    if flag in s.flags:
                        facts[word].add(who)
                if wrong:
                    case_facts.add("order_wrong")

    facts["person"] = {p.id for p in case.persons}
    facts["agency"] = {a.id for a in case.agencies}
    facts["deciding_agency"] = set(act.agencies)
    if act.lead:
        facts["lead_agency"] = {act.lead}
        case_facts.add("has_lead")
    facts["other_agency"] = set(act.agencies) - {act.lead}
    if act.approval_required:
        case_facts.add("approval_required")
    if len(act.agencies) == 1:
        case_facts.add("single_agency")
    elif len(act.agencies) >= 2:
        case_facts.add("joint_agencies")

    party_items = []
    for party, items in case.circumstances:
        if "19.2-no-loss" in items:
            facts["no_loss"].add(party)
        party_items.append((party, frozenset(i for i in items if i != "19.2-no-loss")))

    parties = tuple(case.party_ids())
    kinds = tuple((p.id, "person") for p in case.persons) + \
        tuple((a.id, "agency") for a in case.agencies)
    chain_facts = ChainFacts(
        parties=parties, kinds=kinds,
        party_facts=tuple(sorted((k, frozenset(v)) for k, v in facts.items())),
        case_facts=frozenset(case_facts),
        case_items=frozenset(act.faults) | frozenset(act.exemptions),
        party_items=tuple(sorted(party_items)),
    )
    return chain_facts, _findings(case, g)


def _reviewed_and_approved(case: Case, execution, F: str, maker) -> bool:
    """11(2) 「虽经审核人审核、批准人批准」: before this execution a reviewer
    reviewed (some review step, whatever its action), and the executed
    opinion F was approved — an approval passed it, or made it by changing
    the opinion before it. Without both there is no 「审核、批准的内容」 to
    deviate from: executing one's own unreviewed draft is 直接作出 (11(1))."""
    return any(t.kind == "review" for t in case.chain[:execution.index]) and \
        _approved(case, execution, F, maker)


def _approved(case: Case, execution, F: str, maker) -> bool:
    """Before this execution an approval passed the executed opinion F, or
    made it (the approver changed the opinion before it)."""
    return maker.kind == "approve" or any(t.kind == "approve" and t.of == F and t.action == "pass"
                                          for t in case.chain[:execution.index])


def _correction_ignored(case: Case, approval, F: str) -> bool:
    """The approver passes F although a reviewer had already changed or
    rejected F into a correct opinion (不采纳审核人正确意见, 11(9))."""
    return any(s.kind == "review" and s.of == F and s.action in ("change", "reject")
               and s.correct is True for s in case.chain[:approval.index])


def _findings(case: Case, g: nx.DiGraph) -> list[Finding]:
    out = []
    F = act_opinion(case)
    nonfeasance = any(s.kind == "fail_to_act" for s in case.chain)
    if case.act.faults and not case.chain:
        out.append(Finding("no-chain", "faults are listed but the chain is empty: no step shows "
                                       "who made the act, so no clause about persons can apply"))
    elif case.act.faults and F is not None and not nonfeasance and \
            opinion_correct(g, F) is True and not any("deviates" in s.flags for s in case.chain):
        out.append(Finding("act-correct", f"the act's opinion `{F}` is marked correct, yet faults are "
                                          "listed: no step of the chain shows the fault"))
    last = case.chain[-1].index if case.chain else -1
    for s in case.chain:
        if s.opinion is not None and not steps_acting_on(g, s.opinion) and s.index != last \
                and s.kind not in ("collective", "superior_change", "superior_order", "decide"):
            out.append(Finding("unused-opinion",
                               f"opinion `{s.opinion}` made at step {s.index} is never acted on",
                               s.index))
    agencies = {a.id for a in case.agencies}
    for party, items in case.circumstances:
        if party in agencies:
            for item in items:
                if item.startswith("20."):
                    out.append(Finding("art20-agency",
                                       f"Art. 20 applies to officers (行政执法人员), not to the "
                                       f"agency `{party}`: {item} is ignored"))
    return out
