"""JSON text → (value, spans by path): plain Python values plus where each
value stands, so that case errors can point at ``chain[2].by``'s line."""

from __future__ import annotations

import json
from functools import lru_cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedEOF, UnexpectedInput

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
        token = getattr(exc, "token", None)
        expected_set = set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())
        pos = getattr(exc, "pos_in_stream", None) or 0
        bad = text[pos:pos + 1]
        suggestion = None
        full = {"：": ":", "，": ",", "“": '"', "”": '"', "｛": "{", "｝": "}", "［": "[", "］": "]"}
        if isinstance(exc, UnexpectedEOF) or (token is not None and token.type == "$END"):
            lines = text.splitlines() or [""]
            line, col = len(lines), len(lines[-1]) + 1
            msg = "the JSON ends too early"
        elif token is not None and "$END" in expected_set:
            msg = "there is more after the end of the JSON document"
        elif bad == '"' and '"' not in text[pos + 1:]:
            msg = "the JSON ends too early: a string is not closed"
        elif bad == '"':
            msg = "this string is not valid JSON (a raw line break, tab or bad escape?)"
        else:
            msg = "this is not valid JSON here"
            if bad in full:
                suggestion = f"use the ASCII `{full[bad]}` instead of the full-width `{bad}`"
        expected = getattr(exc, "expected", None) or getattr(exc, "allowed", None)
        raise InputError(Diagnostic(msg, Span(file, line, col, line, col + 1),
                                    expected=describe_expected(set(expected)) if expected else None,
                                    suggestion=suggestion)) from None
    spans: dict[Path, Span] = {}
    try:
        value = _walk(tree, (), spans, file)
    except RecursionError:
        raise InputError(Diagnostic("the JSON is nested too deeply to be a case",
                                    Span(file, 1, 1, 1, 2), expected="a zhifa-case/1 object")) from None
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
        return _text(node.children[0], file)
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
            key = _text(key_tok, file)
            if key in out:
                raise InputError(Diagnostic(f"the key `{key}` appears twice", _span(key_tok, file)))
            spans[path + (key, "<key>")] = _span(key_tok, file)
            out[key] = _walk(val, path + (key,), spans, file) if isinstance(val, Tree) \
                else _token_value(val, path + (key,), spans, file)
        return out
    raise AssertionError(kind)


def _token_value(tok: Token, path: Path, spans: dict, file: str):
    spans[path] = _span(tok, file)
    return _text(tok, file) if str(tok).startswith('"') else json.loads(tok)


def _text(tok: Token, file: str) -> str:
    """A JSON string; a lone surrogate (\\ud800) is not text and is refused."""
    value = json.loads(tok)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(Diagnostic("this string holds a lone surrogate escape (\\ud800–\\udfff), "
                                    "which is not a character", _span(tok, file),
                                    expected="text that is valid Unicode")) from None
    return value
