"""One error hierarchy; each kind maps to one exit status.

0 ok · 1 findings (or a liable-check failed) · 2 bad input · 3 solver unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .source import Span


@dataclass(frozen=True)
class Diagnostic:
    """A message about a place: what is wrong, what was expected, a hint."""

    message: str
    span: Span | None = None
    expected: str | None = None
    suggestion: str | None = None
    notes: tuple[str, ...] = ()


class ZhifaError(Exception):
    exit_status = 2

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic):
        self.diagnostics = diagnostics if isinstance(diagnostics, list) else [diagnostics]
        super().__init__(self.diagnostics[0].message)


class InputError(ZhifaError):
    """Bad input: a DSL file, a JSON case, a command-line argument."""

    exit_status = 2


class SolverUnknown(ZhifaError):
    """Z3 answered ``unknown`` (a resource limit was hit)."""

    exit_status = 3


@dataclass
class Collector:
    """Gathers diagnostics so that one run reports every problem it can."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, span: Span | None = None, *, expected: str | None = None,
              suggestion: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(message, span, expected, suggestion))

    def raise_if_any(self) -> None:
        if self.diagnostics:
            raise InputError(sorted(self.diagnostics, key=_order))


def _order(d: Diagnostic) -> tuple:
    s = d.span
    return (s.file, s.line, s.col) if s else ("", 0, 0)
