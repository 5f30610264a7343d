"""Where the packaged grammar and spec live (installed wheel or source tree)."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``grammar`` or ``spec``: inside the wheel, else beside the package."""
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"zhifa-logic data folder {name!r} is missing from the installation")


def builtin_ruleset_path(name: str) -> Path | None:
    path = data_dir("spec") / f"{name}.zl"
    return path if path.is_file() else None


MEASURES = "changzhou-2008"
