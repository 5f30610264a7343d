"""Source files and spans — where every syntax-tree and IR node came from.

Columns are counted in code points (1-based) as editors do; ``display_width``
measures what a terminal shows, so that carets line up under 张三.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


NO_SPAN = Span("<builtin>", 0, 0, 0, 0)


@dataclass(frozen=True)
class SourceFile:
    """A named text, kept so that diagnostics can quote its lines."""

    name: str
    text: str

    def line(self, number: int) -> str:
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""


def char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns a terminal uses for ``text`` (wide CJK characters count two)."""
    return sum(char_width(ch) for ch in text)


def pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` display columns."""
    return text + " " * max(0, width - display_width(text))
