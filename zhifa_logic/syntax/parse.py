"""Text → syntax tree. Lark's errors become diagnostics with expected words."""

from __future__ import annotations

import re
from functools import lru_cache

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import Diagnostic, InputError
from ..model.names import did_you_mean
from ..resources import data_dir
from ..source import Span
from . import nodes
from .build import Builder


@lru_cache(maxsize=1)
def parser() -> Lark:
    grammar = (data_dir("grammar") / "zhifa.lark").read_text(encoding="utf-8")
    return Lark(grammar, parser="lalr", lexer="contextual", propagate_positions=True,
                maybe_placeholders=False, cache=True)


@lru_cache(maxsize=1)
def keywords() -> dict[str, str]:
    """Terminal name → its spelling, for the keywords of the grammar."""
    out = {}
    for term in parser().terminals:
        if term.pattern.type == "str":
            out[term.name] = term.pattern.value
    return out


@lru_cache(maxsize=1)
def chinese_keywords() -> tuple[str, ...]:
    words = [w for w in keywords().values() if re.search(r"[\u4e00-\u9fff]", w)]
    return tuple(sorted(words, key=len, reverse=True))


_READABLE = {
    "NAME": "a name", "ZH_CITE": "a citation (第十一条第（四）项)",
    "EN_CITE": "a citation (Art. 11(4))", "STRING": "a quoted text", "ZH_STRING": "a text in 「」",
    "FLAG": "a flag (should-have-detected, 弄虚作假…)", "MITIGATE": "mitigate / 从轻减轻",
    "LBRACE": "{", "RBRACE": "}", "LPAR": "(", "RPAR": ")", "$END": "the end of the file",
    # the JSON grammar's terminals
    "ESCAPED_STRING": 'a "string"', "SIGNED_NUMBER": "a number", "LSQB": "[", "RSQB": "]",
    "COMMA": ",", "COLON": ":", "TRUE": "true", "FALSE": "false", "NULL": "null",
}


def _is_zh(word: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", word))


def describe_expected(names: set[str], zh_first: bool = False) -> str:
    """The expected terminals in words. Keywords in the script the writer is
    using come first (a Chinese file sees 规则、当 … before rule, when …), so
    the cut after twelve never hides the words they need."""
    kw = keywords()
    words = sorted({_READABLE.get(t) or f"`{kw[t]}`" if t in kw else _READABLE.get(t, t)
                    for t in names}, key=lambda w: (_is_zh(w) != zh_first, w))
    if len(words) > 12:
        words = words[:12] + [f"… ({len(words) - 12} more)"]
    return ", ".join(words)


def _keyword_suggestion(word: str, expected: set[str]) -> str | None:
    kw = keywords()
    return did_you_mean(word, [kw[t] for t in expected if t in kw])


def glued_keyword(word: str) -> str | None:
    """If ``word`` is a name run into a keyword (张三拟办), the spaced spelling."""
    for kw in chinese_keywords():
        i = word.find(kw)
        if i > 0 or (i == 0 and len(word) > len(kw)):
            head, tail = word[:i], word[i + len(kw):]
            return " ".join(p for p in (head, kw, tail) if p)
    return None


def parse(text: str, file: str) -> nodes.RuleSetNode | nodes.CaseNode:
    try:
        tree = parser().parse(text)
    except UnexpectedInput as exc:
        raise InputError(_diagnose(exc, text, file)) from None
    return Builder(file).transform(tree)


def _diagnose(exc: UnexpectedInput, text: str, file: str) -> Diagnostic:
    line = getattr(exc, "line", 0) or 0
    col = getattr(exc, "column", 0) or 0
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken)
                                          and exc.token.type == "$END"):
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
        expected = describe_expected(set(exc.expected))
        return Diagnostic("the file ends too early", Span(file, line, col, line, col),
                          expected=expected)
    if isinstance(exc, UnexpectedCharacters):
        ch = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        span = Span(file, line, col, line, col + 1)
        return Diagnostic(f"unexpected character {ch!r}", span,
                          expected=describe_expected(set(exc.allowed or ())) or None)
    assert isinstance(exc, UnexpectedToken)
    tok = exc.token
    span = Span(file, line, col, tok.end_line or line, tok.end_column or col + len(str(tok)))
    suggestion = None
    line_text = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    previous = re.findall(r"[\w\-]+", line_text[: max(col - 1, 0)])
    for word in ([str(tok)] if tok.type == "NAME" else []) + previous[-1:]:
        split = glued_keyword(word)
        if split:
            suggestion = (f"write `{split}` for `{word}`: a keyword must be separated "
                          "from a name by a space")
            break
    if suggestion is None and tok.type == "NAME":
        suggestion = _keyword_suggestion(str(tok), set(exc.expected))
    at_end = not text[getattr(tok, "end_pos", len(text)) or len(text):].strip()
    message = (f"the file ends too early, after `{tok}`" if at_end else f"unexpected `{tok}`")
    first = re.search(r"^[ \t]*([^\s#/])\S*", text, re.M)    # the document's opening keyword
    zh = _is_zh(str(tok)) or bool(first and _is_zh(first.group(0)))
    return Diagnostic(message, span, expected=describe_expected(set(exc.expected), zh),
                      suggestion=suggestion)
