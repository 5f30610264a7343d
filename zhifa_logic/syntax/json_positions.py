"""JSON text → (value, spans by path): plain Python values plus where each
value stands, so that case errors can point at ``chain[2].by``'s line."""

from __future__ import annotations

import json
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from ..errors import Diagnostic, InputError
from ..resources import data_dir
from ..source import Span
from .parse import describe_expected

Path = tuple[str | int, ...]


@lru_cache(maxsize=1)
def _parser() -> Lark:
    grammar = (data_dir("grammar") / "json.lark").read_text(encoding="utf-8")
    return Lark(grammar, start="value", parser="lalr", propagate_positions=True,
                maybe_placeholders=False, cache=True)


def parse_json(text: str, file: str) -> tuple[object, dict[Path, Span]]:
    try:
        tree = _parser().parse(text)
    except UnexpectedInput as exc:
        line, col = getattr(exc, "line", 1) or 1, getattr(exc, "column", 1) or 1
        rest = text.splitlines()[line:] if line else []
        if (getattr(exc, "token", None) is not None and exc.token.type == "$END") or \
                not "".join(rest).strip():
            lines = text.splitlines() or [""]
            line, col = len(lines), len(lines[-1]) + 1
            msg = "the JSON ends too early"
        else:
            msg = "this is not valid JSON here"
        expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None)
        raise InputError(Diagnostic(msg, Span(file, line, col, line, col + 1),
                                    expected=describe_expected(set(expected)) if expected else None)) from None
    spans: dict[Path, Span] = {}
    value = _walk(tree, (), spans, file)
    return value, spans


def _span(node, file: str) -> Span:
    if isinstance(node, Token):
        return Span(file, node.line, node.column, node.end_line, node.end_column)
    m = node.meta
    return Span(file, m.line, m.column, m.end_line, m.end_column)


def _walk(node, path: Path, spans: dict, file: str):
    spans[path] = _span(node, file)
    if isinstance(node, Token):
        raise AssertionError(node)
    kind = node.data
    if kind == "string":
        return json.loads(node.children[0])
    if kind == "number":
        return json.loads(node.children[0])
    if kind in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[kind]
    if kind == "array":
        return [_walk(c, path + (i,), spans, file) for i, c in enumerate(node.children)]
    if kind == "object":
        out: dict = {}
        for pair in node.children:
            key_tok, val = pair.children
            key = json.loads(key_tok)
            if key in out:
                raise InputError(Diagnostic(f"the key `{key}` appears twice", _span(key_tok, file)))
            spans[path + (key, "<key>")] = _span(key_tok, file)
            out[key] = _walk(val, path + (key,), spans, file) if isinstance(val, Tree) \
                else _token_value(val, path + (key,), spans, file)
        return out
    raise AssertionError(kind)


def _token_value(tok: Token, path: Path, spans: dict, file: str):
    spans[path] = _span(tok, file)
    return json.loads(tok)
