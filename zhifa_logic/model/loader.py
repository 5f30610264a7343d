"""The one loader: a path (or stdin text) → a ``RuleSet`` or a ``Case``.

``.json`` files are zhifa-case/1; everything else is DSL, whose first
keyword says whether it is a rule set or a case. Undecodable bytes, missing
files and bad syntax all become ``InputError`` with a position.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, InputError
from ..resources import MEASURES, builtin_ruleset_path
from ..source import Span
from ..syntax import nodes as n
from ..syntax.json_positions import parse_json
from ..syntax.parse import parse
from .case import Case
from .case_json import case_from_json
from .case_syntax import case_from_syntax
from .from_syntax import resolve_ruleset
from .ir_cache import cached_ruleset
from .rules import RuleSet

_CACHE: dict[str, RuleSet] = {}


def read_text(path: str, data: bytes | None = None) -> str:
    """Decode a file as UTF-8, pointing at the first bad byte if it is not."""
    if data is None:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(Diagnostic(f"no such file: {path}")) from None
        except IsADirectoryError:
            raise InputError(Diagnostic(f"{path} is a directory, not a file")) from None
        except OSError as exc:
            raise InputError(Diagnostic(f"cannot read {path}: {exc.strerror}")) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8", "replace")
        line = head.count("\n") + 1
        col = len(head) - (head.rfind("\n") + 1) + 1
        raise InputError(Diagnostic(f"byte 0x{data[exc.start]:02x} is not UTF-8 text "
                                    f"(offset {exc.start})", Span(path, line, col, line, col + 1),
                                    expected="a UTF-8 text file")) from None
    if "\x00" in text:
        i = text.index("\x00")
        line = text.count("\n", 0, i) + 1
        col = i - (text.rfind("\n", 0, i) + 1) + 1
        raise InputError(Diagnostic("a NUL byte: this looks like a binary file",
                                    Span(path, line, col, line, col + 1),
                                    expected="a UTF-8 text file")) from None
    return text.removeprefix("\ufeff")


def load_document(path: str, text: str | None = None) -> RuleSet | Case:
    if text is None:
        text = read_text(path)
    if path.endswith(".json") or (path == "-" and text.lstrip().startswith("{")):
        doc, spans = parse_json(text, path)
        return case_from_json(doc, spans, path)
    node = parse(text, path)
    if isinstance(node, n.CaseNode):
        return case_from_syntax(node)
    return resolve_ruleset(node, lambda target, span: load_ruleset_ref(target, path, span))


def load_ruleset_ref(target: str, relative_to: str, span: Span | None = None) -> RuleSet:
    """``extends`` target: a built-in rule set name or a path beside the file."""
    builtin = builtin_ruleset_path(target)
    candidate = Path(relative_to).parent / target if relative_to not in ("-", "") else Path(target)
    if candidate.is_file():
        return load_ruleset(str(candidate))
    if builtin is not None:
        return load_ruleset(str(builtin))
    raise InputError(Diagnostic(f"cannot find the rule set `{target}`", span,
                                expected=f"a built-in rule set (`{MEASURES}`) or a .zl file path"))


def load_ruleset(path: str | None = None) -> RuleSet:
    """A rule set file; ``None`` means the embedded Measures (cached on disk)."""
    builtin = builtin_ruleset_path(MEASURES)
    if path is None or Path(path).resolve() == builtin.resolve():
        key = str(builtin.resolve())
        if key not in _CACHE:
            _CACHE[key] = cached_ruleset(builtin, lambda: _read_ruleset(str(builtin)))
        return _CACHE[key]
    return _read_ruleset(path)


def _read_ruleset(path: str) -> RuleSet:
    doc = load_document(path)
    if not isinstance(doc, RuleSet):
        raise InputError(Diagnostic(f"{path} is a case, not a rule set",
                                    expected="a file starting with `ruleset`/`规则集`"))
    return doc


def load_case(path: str, text: str | None = None) -> Case:
    doc = load_document(path, text)
    if not isinstance(doc, Case):
        raise InputError(Diagnostic(f"{path} is a rule set, not a case",
                                    expected="a zhifa-case/1 JSON file or a file starting with `case`/`案件`"))
    return doc
