"""A cache of the resolved embedded Measures, so that a cold ``zhifa`` run
does not parse and resolve 400 lines of DSL each time.

The key hashes the rule-set text, its resolved path (source positions in
the cached IR name the file, so two checkouts must not share an entry), the
grammar, the package version and the code that builds the IR (syntax/ and
model/, so an edited resolver never meets its old output); a stale or
unreadable entry is simply rebuilt. Nothing is cached where the
cache folder cannot be written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from ..resources import data_dir
from .rules import RuleSet


_PACKAGE = Path(__file__).resolve().parents[1]


def _folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zhifa-logic"


def cached_ruleset(path: Path, build: Callable[[], RuleSet]) -> RuleSet:
    if os.environ.get("ZHIFA_NO_CACHE"):
        return build()
    digest = hashlib.sha256()
    digest.update(__version__.encode())
    digest.update((data_dir("grammar") / "zhifa.lark").read_bytes())
    for module in sorted((_PACKAGE / "syntax").glob("*.py")) + sorted((_PACKAGE / "model").glob("*.py")):
        digest.update(module.read_bytes())
    digest.update(str(path.resolve()).encode("utf-8", "surrogateescape"))
    digest.update(path.read_bytes())
    entry = _folder() / f"{path.stem}-{digest.hexdigest()[:24]}.pickle"
    try:
        with entry.open("rb") as f:
            rs = pickle.load(f)
        if isinstance(rs, RuleSet):
            return rs
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    rs = build()
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(rs, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(entry)
    except OSError:
        pass
    return rs
