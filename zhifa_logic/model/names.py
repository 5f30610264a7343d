"""Did-you-mean suggestions, shared by every resolver."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.5)
    if not close and len(word) <= 4:
        # short CJK names: one character off (张叁 / 张三) scores low in difflib
        close = [c for c in pool if len(c) == len(word)
                 and sum(a != b for a, b in zip(c, word)) == 1][:1]
    return f"did you mean `{close[0]}`?" if close else None
