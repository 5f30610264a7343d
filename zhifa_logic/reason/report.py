"""The whole check of a rule set, as one report: the questions of
``check.Checker`` and, against a base, the differences of ``compare``."""

from __future__ import annotations

from ..encode.chain import Bound
from ..encode.solver import DEFAULT_RLIMIT
from ..errors import Diagnostic, SolverUnknown
from ..model import rules as r
from ..model.findings import CheckReport
from .check import Checker
from .compare import Comparison


def check(rs: r.RuleSet, readings: dict[str, str], bound: Bound,
          rlimit: int = DEFAULT_RLIMIT, max_gaps: int = 100,
          against: r.RuleSet | None = None, max_differences: int = 100) -> CheckReport:
    """Check ``rs``. A rule set that extends another is checked for what it
    adds: overlaps involving at least one of its own clauses, its own dead
    and redundant clauses; with ``against``, also every difference from it."""
    own = {k for k, cl in rs.clauses.items() if cl.ruleset == rs.name}
    ch = Checker(rs, readings, bound, rlimit, focus=own if rs.base is not None else None)
    groups = ch.groups()
    if rs.base is not None:
        groups = [g for g in groups if own & set(g)]
    pairs = [f for f in ch.pair_findings(groups) if rs.base is None or own & set(f.clauses)]
    findings = pairs + ch.gaps(max_gaps)
    findings += [f for f in ch.dead() + ch.redundant() + ch.shadowed()
                 if rs.base is None or own & set(f.clauses)]
    cut: tuple[str, ...] = ()
    if against is not None:
        cmp = Comparison(rs, against, readings, bound, rlimit, checker=ch)
        conflicts = tuple(f for f in pairs if f.kind == "conflict")
        findings = cmp.findings(per_kind=max_differences, conflicts=conflicts) + findings
        cut = tuple(cmp.cut)
    if ch.unknown:
        raise SolverUnknown(Diagnostic(f"Z3 gave `unknown` on {len(ch.unknown)} queries "
                                       f"(first: {ch.unknown[0]}); no answer is guessed",
                                       suggestion="raise --rlimit or lower the bound"))
    return CheckReport(rs.name, str(bound), tuple(sorted(readings.items())), tuple(findings),
                       tuple(groups), against=against.name if against else None,
                       groups_maximal=ch.groups_maximal, gaps_complete=ch.gaps_complete,
                       differences_cut=cut)
