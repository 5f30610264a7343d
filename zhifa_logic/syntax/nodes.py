"""The syntax tree: what the text says, with a span on every node.

Names are still strings here; ``model.from_syntax`` resolves them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..source import Span


@dataclass(frozen=True)
class Name:
    text: str
    span: Span


@dataclass(frozen=True)
class CitationNode:
    text: str
    span: Span


# ── conditions ──
@dataclass(frozen=True)
class Fact:
    name: Name


@dataclass(frozen=True)
class Holds:
    citation: CitationNode
    span: Span


@dataclass(frozen=True)
class ReadingIs:
    reading: Name
    option: Name


@dataclass(frozen=True)
class Some:
    role: Name
    where: "Expr | None"
    negated: bool = False


@dataclass(frozen=True)
class TrueExpr:
    span: Span


@dataclass(frozen=True)
class Not:
    arg: "Expr"


@dataclass(frozen=True)
class And:
    args: tuple["Expr", ...]


@dataclass(frozen=True)
class Or:
    args: tuple["Expr", ...]


Expr = Fact | Holds | ReadingIs | Some | TrueExpr | Not | And | Or


# ── rule sets ──
@dataclass(frozen=True)
class Bearer:
    role: Name
    where: Expr | None
    except_: Expr | None


@dataclass(frozen=True)
class Liable:
    bearer: Bearer
    mode: str
    category: str
    span: Span


@dataclass(frozen=True)
class NotLiable:
    bearer: Bearer
    span: Span


@dataclass(frozen=True)
class Adjust:
    bearer: Bearer
    kind: str
    span: Span


@dataclass(frozen=True)
class Exempt:
    span: Span


@dataclass(frozen=True)
class Pursue:
    span: Span


Effect = Liable | NotLiable | Adjust | Exempt | Pursue


@dataclass(frozen=True)
class RuleNode:
    citation: CitationNode
    via: CitationNode | None
    title: str | None
    when: Expr | None
    effects: tuple[Effect, ...]
    span: Span


@dataclass(frozen=True)
class TextNode:
    citation: CitationNode
    zh: str
    en: str | None
    span: Span


@dataclass(frozen=True)
class OptionNode:
    name: Name
    default: bool
    description: str | None


@dataclass(frozen=True)
class ReadingNode:
    name: Name
    description: str | None
    options: tuple[OptionNode, ...]
    span: Span


@dataclass(frozen=True)
class PriorityNode:
    high: CitationNode
    low: CitationNode
    when: Expr | None
    span: Span


@dataclass(frozen=True)
class UnformalisedNode:
    citations: tuple[CitationNode, ...]
    reason: str
    span: Span


@dataclass(frozen=True)
class SourceNode:
    key: Name
    names: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class ExtendsNode:
    target: str
    span: Span


@dataclass
class RuleSetNode:
    name: Name
    title: str | None
    short_names: tuple[str, ...]
    decls: list = field(default_factory=list)
    file: str = ""


# ── cases ──
@dataclass(frozen=True)
class AgencyNode:
    id: Name
    title: str | None
    superior: Name | None
    span: Span


@dataclass(frozen=True)
class PersonNode:
    id: Name
    title: str | None
    agency: Name
    span: Span


@dataclass(frozen=True)
class ActItem:
    key: str  # agencies | lead | kind | approval | faults | exemptions
    values: tuple  # Names, CitationNodes or a bool
    span: Span


@dataclass(frozen=True)
class StepNode:
    """One chain step; ``fields`` holds what the step kind needs (see build)."""

    kind: str
    fields: dict
    span: Span

    def __hash__(self) -> int:  # dict field: identity is enough
        return id(self)


@dataclass(frozen=True)
class CircEntry:
    party: Name
    items: tuple  # CitationNode | "no_loss"
    span: Span


@dataclass
class CaseNode:
    name: Name
    title: str | None
    agencies: list[AgencyNode] = field(default_factory=list)
    persons: list[PersonNode] = field(default_factory=list)
    act: list[ActItem] = field(default_factory=list)
    act_span: Span | None = None
    chain: list[StepNode] = field(default_factory=list)
    circumstances: list[CircEntry] = field(default_factory=list)
    file: str = ""
