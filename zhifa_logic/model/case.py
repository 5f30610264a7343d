"""A case: agencies, persons, the act and its decision chain (zhifa-case/1)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source import Span

ACT_KINDS = {
    "licensing": "行政许可", "penalty": "行政处罚", "expropriation": "行政征收征用",
    "benefit": "行政给付", "coercion": "行政强制", "adjudication": "行政裁决",
    "confirmation": "行政确认", "inspection": "行政检查", "other": "其他",
}
STEP_KINDS = ("draft", "review", "approve", "decide", "execute", "fail_to_act", "collective",
              "superior_change", "superior_order")
STAGES = ("draft", "review", "approve", "collective")
ROLES = ("handler", "reviewer", "approver")
POSITIONS = ("principal", "deputy", "member")
ACTIONS = ("pass", "change", "reject")
# Which flags each step kind may carry (zhifa-case/1 field names).
STEP_FLAGS = {
    "draft": ("falsified",),
    "review": ("should_have_detected", "detected_not_corrected", "falsified"),
    "approve": ("should_have_detected", "detected_not_corrected", "falsified"),
    "decide": (),
    "execute": ("deviates",),
    "fail_to_act": ("delayed",),
    "collective": (),
    "superior_change": (),
    "superior_order": ("objection_raised", "superior_insisted", "clearly_illegal"),
}


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    superior: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    agency: str
    span: Span | None = None


@dataclass(frozen=True)
class Act:
    agencies: tuple[str, ...]
    lead: str | None
    kind: str
    approval_required: bool
    faults: tuple[str, ...]
    exemptions: tuple[str, ...] = ()
    span: Span | None = None


@dataclass(frozen=True)
class Participant:
    person: str
    position: str
    dissent: bool = False


@dataclass(frozen=True)
class Step:
    """One step of the chain; fields not used by a kind stay at their default."""

    index: int
    kind: str
    by: str | None = None
    opinion: str | None = None       # the opinion this step creates
    of: str | None = None            # the opinion this step acts on
    correct: bool | None = None      # of the created opinion
    action: str | None = None        # review/approve
    flags: frozenset[str] = frozenset()
    skipped: tuple[str, ...] = ()    # decide
    role: str | None = None          # fail_to_act (explicit)
    participants: tuple[Participant, ...] = ()
    staff: tuple[tuple[str, tuple[str, ...]], ...] = ()   # superior_change: (role, ids)
    agency: str | None = None        # superior_change
    superior: str | None = None      # superior_order
    span: Span | None = None


@dataclass(frozen=True)
class Case:
    id: str
    title: str | None
    agencies: tuple[Agency, ...]
    persons: tuple[Person, ...]
    act: Act
    chain: tuple[Step, ...]
    circumstances: tuple[tuple[str, tuple[str, ...]], ...] = ()
    file: str = ""
    spans: dict = field(default_factory=dict, compare=False, hash=False)

    def person(self, pid: str) -> Person | None:
        return next((p for p in self.persons if p.id == pid), None)

    def agency(self, aid: str) -> Agency | None:
        return next((a for a in self.agencies if a.id == aid), None)

    def party_ids(self) -> list[str]:
        return [p.id for p in self.persons] + [a.id for a in self.agencies]
