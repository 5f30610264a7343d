"""Findings of ``zhifa check`` as our own data: what was found, between
which clauses, for which parties, and the witness case that shows it."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("conflict", "overlap", "gap", "dead", "redundant", "shadowed",
         "contradicts", "narrows", "widens", "fills_gap")
SEVERITY = {"conflict": "error", "gap": "warning", "dead": "warning", "redundant": "note",
            "overlap": "note", "shadowed": "note", "contradicts": "error", "narrows": "warning",
            "widens": "warning", "fills_gap": "note"}


@dataclass(frozen=True)
class CheckFinding:
    kind: str
    clauses: tuple[str, ...]          # clause keys
    parties: tuple[str, ...] = ()     # party ids in the witness
    common: tuple[str, ...] = ()      # chain facts the witness has in common (vocabulary words)
    witness: dict | None = None       # a zhifa-case/1 document
    note: str = ""


@dataclass(frozen=True)
class CheckReport:
    ruleset: str
    bound: str
    readings: tuple[tuple[str, str], ...]
    findings: tuple[CheckFinding, ...]
    groups: tuple[tuple[str, ...], ...] = field(default=())   # maximal co-applicable clause sets
    unknown: tuple[str, ...] = ()     # queries the solver left open
    against: str | None = None        # the base rule set compared with, if any
    groups_maximal: bool = True       # False: groups are co-applicable, not proven maximal
    gaps_complete: bool = True        # False: the gap list stopped at its limit (--max-gaps)
    differences_cut: tuple[str, ...] = ()   # classes of difference stopped at --max-differences
