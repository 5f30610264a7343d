"""The resolved rule set: clauses (条款), their conditions and allocations
(责任承担方式), priorities between clauses, and named readings (读法)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ..source import Span
from .citation import Citation


# ── conditions: over case facts (scope "case") or over one party ("party") ──
@dataclass(frozen=True)
class CTrue:
    pass


@dataclass(frozen=True)
class CFact:
    name: str
    scope: str  # "case" | "party"


@dataclass(frozen=True)
class CHolds:
    """A case item (Art. 6/7/8 refs) or, at party scope, a circumstance (19/20)."""

    ref: str
    scope: str


@dataclass(frozen=True)
class CReading:
    reading: str
    option: str


@dataclass(frozen=True)
class CSome:
    role: str
    where: "Cond | None"
    negated: bool = False


@dataclass(frozen=True)
class CNot:
    arg: "Cond"


@dataclass(frozen=True)
class CAnd:
    args: tuple["Cond", ...]


@dataclass(frozen=True)
class COr:
    args: tuple["Cond", ...]


Cond = CTrue | CFact | CHolds | CReading | CSome | CNot | CAnd | COr


def held_refs(c: "Cond | None") -> set[str]:
    """The item refs a condition asks about (``具有 …``)."""
    match c:
        case CHolds(ref=ref):
            return {ref}
        case CSome(where=w):
            return held_refs(w)
        case CNot(arg=a):
            return held_refs(a)
        case CAnd(args=args) | COr(args=args):
            return set().union(*(held_refs(a) for a in args))
    return set()


# ── effects ──
@dataclass(frozen=True)
class Bearer:
    role: str
    where: Cond | None = None
    except_: Cond | None = None


@dataclass(frozen=True)
class Allocate:
    bearer: Bearer
    mode: str        # all | by_degree | main | corresponding | joint
    category: str    # direct | leading | agency


@dataclass(frozen=True)
class Exclude:
    """The bearer is expressly not liable (但……除外; 公务员不承担责任)."""

    bearer: Bearer


@dataclass(frozen=True)
class AdjustEffect:
    bearer: Bearer
    kind: str        # mitigate | may_exempt | aggravate


@dataclass(frozen=True)
class ExemptEffect:
    pass


@dataclass(frozen=True)
class PursueEffect:
    pass


Effect = Allocate | Exclude | AdjustEffect | ExemptEffect | PursueEffect


@dataclass(frozen=True)
class ArticleText:
    citation: Citation
    zh: str
    en: str | None
    span: Span


@dataclass(frozen=True)
class Clause:
    """One rule of a rule set, keyed by its citation (unique in the set)."""

    key: str                  # unique id, e.g. "changzhou-2008:11.4"
    citation: Citation
    ref: str                  # what verdicts print: "11.4", "15", "wujin:3.2"
    via: Citation | None
    title: str | None
    when: Cond
    effects: tuple[Effect, ...]
    span: Span
    ruleset: str

    @cached_property        # asked for in every step of a check's inner loops
    def kind(self) -> str:
        if any(isinstance(e, ExemptEffect) for e in self.effects):
            return "exempt"
        if any(isinstance(e, PursueEffect) for e in self.effects):
            return "pursue"
        if any(isinstance(e, (Allocate, Exclude)) for e in self.effects):
            return "allocate"
        return "adjust"


@dataclass(frozen=True)
class Priority:
    high: str                 # clause key
    low: str
    when: Cond
    span: Span


@dataclass(frozen=True)
class Option:
    name: str
    description: str | None


@dataclass(frozen=True)
class Reading:
    name: str
    description: str | None
    options: tuple[Option, ...]
    default: str
    span: Span


@dataclass(frozen=True)
class Unformalised:
    citation: Citation
    reason: str
    span: Span


@dataclass
class RuleSet:
    """A rule set with everything it extends merged in (base first)."""

    name: str
    title: str | None
    short_names: tuple[str, ...]
    file: str
    clauses: dict[str, Clause] = field(default_factory=dict)
    priorities: list[Priority] = field(default_factory=list)
    readings: dict[str, Reading] = field(default_factory=dict)
    texts: dict[Citation, ArticleText] = field(default_factory=dict)
    unformalised: list[Unformalised] = field(default_factory=list)
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> names
    base: "RuleSet | None" = None
    case_items: frozenset[str] = frozenset()     # refs usable in act.faults/exemptions
    party_items: frozenset[str] = frozenset()    # refs usable in circumstances

    def default_readings(self) -> dict[str, str]:
        return {name: r.default for name, r in sorted(self.readings.items())}

    def exemption_items(self) -> frozenset[str]:
        """Case items that are grounds of exemption: those the conditions of
        exempting clauses ask about (Art. 8's items; a local rule set's own
        grounds, such as ``shijianguan:4.1``). Every other case item is a
        fault (Art. 6, Art. 7, or a local rule set's own)."""
        return frozenset(ref for cl in self.clauses.values() if cl.kind == "exempt"
                         for ref in held_refs(cl.when) if ref in self.case_items)


def words_of(c: Cond | None) -> set[str]:
    """The vocabulary words (roles and facts) a condition mentions."""
    match c:
        case CFact(name=n):
            return {n}
        case CSome(role=role, where=w):
            return {role} | words_of(w)
        case CNot(arg=a):
            return words_of(a)
        case CAnd(args=args) | COr(args=args):
            return set().union(*(words_of(a) for a in args))
    return set()
