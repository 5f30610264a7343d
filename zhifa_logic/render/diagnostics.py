"""Diagnostics as a person reads them: file:line:col, the line, a caret
under the offending text (display width: a CJK character is two columns)."""

from __future__ import annotations

from ..errors import Diagnostic
from ..source import SourceFile, display_width
from .messages import WORDS


def render_diagnostic(d: Diagnostic, sources: dict[str, SourceFile], lang: str = "en") -> str:
    w = WORDS[lang]
    head = f"{d.span}: {w['error']}: {d.message}" if d.span and d.span.line else \
        f"{(d.span.file + ': ') if d.span else ''}{w['error']}: {d.message}"
    out = [head]
    src = sources.get(d.span.file) if d.span else None
    if src is not None and d.span.line:
        text = src.line(d.span.line).expandtabs(1)
        start = max(d.span.col - 1, 0)
        end = d.span.end_col - 1 if d.span.end_line == d.span.line else len(text)
        end = max(end, start + 1)
        gutter = f"{d.span.line:>4} | "
        out.append(gutter + text)
        lead = display_width(text[:start])
        width = max(display_width(text[start:end]), 1)
        out.append(" " * (len(gutter) - 2) + "| " + " " * lead + "^" * width)
    if d.expected:
        out.append(f"  {w['expected']}: {d.expected}")
    if d.suggestion:
        out.append(f"  {w['suggestion']}: {d.suggestion}")
    out.extend(f"  {note}" for note in d.notes)
    return "\n".join(out)
