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
        text, start, end = _window(text, start, end)
        gutter = f"{d.span.line:>4} | "
        out.append(gutter + text)
        lead = display_width(text[:start])
        width = max(display_width(text[start:end]), 1)
        out.append(" " * (len(gutter) - 2) + "| " + " " * lead + "^" * min(width, 60))
    if d.expected:
        out.append(f"  {w['expected']}: {d.expected}")
    if d.suggestion:
        out.append(f"  {w['suggestion']}: {d.suggestion}")
    out.extend(f"  {note}" for note in d.notes)
    return "\n".join(out)


def _window(text: str, start: int, end: int, room: int = 100) -> tuple[str, int, int]:
    """A long line (minified JSON) cut to ``room`` characters around the error."""
    if len(text) <= room:
        return text, start, end
    left = max(0, min(start - room // 3, len(text) - room))
    cut = text[left:left + room]
    prefix = "…" if left else ""
    suffix = "…" if left + room < len(text) else ""
    shift = len(prefix) - left
    return prefix + cut + suffix, start + shift, min(end, left + room) + shift
