"""Verdicts (zhifa-verdict/1) as our own data, whatever computed them."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTCOMES = ("liable", "none", "no_fault", "exempt", "gap", "conflict")


@dataclass(frozen=True)
class Line:
    """What one clause says of one party: liable (category, mode) or not (None)."""

    category: str | None
    mode: str | None

    @property
    def liable(self) -> bool:
        return self.mode is not None


@dataclass(frozen=True)
class PartyLine:
    id: str
    kind: str
    liable: bool
    category: str | None
    mode: str | None
    basis: tuple[str, ...]
    adjust: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    clauses: tuple[str, ...]                 # refs
    parties: tuple[str, ...]
    allocations: tuple[tuple[str, tuple[tuple[str, Line], ...]], ...]  # ref -> party -> line


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    step: int | None = None


@dataclass(frozen=True)
class Verdict:
    case: str
    outcome: str
    parties: tuple[PartyLine, ...]
    conflicts: tuple[Conflict, ...] = ()
    findings: tuple[Finding, ...] = ()
    fired: tuple[str, ...] = field(default=(), compare=False)   # clause keys, for explain
    readings: tuple[tuple[str, str], ...] = field(default=(), compare=False)
