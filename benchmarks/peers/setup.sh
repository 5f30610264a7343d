#!/usr/bin/env bash
# Create the two local virtualenvs the peer benchmark uses (gitignored):
#   .venv-peers  zhifa-logic[peers]: clingo 5.8.x + our z3-solver — runs run_peers.py itself
#   .venv-idp    idp-engine 0.12.1 (pins z3-solver 4.11.2) — only the IDP worker
# Usage (from anywhere):  bash benchmarks/peers/setup.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$here/.venv-peers/bin/python" ]; then
  "$PYTHON" -m venv "$here/.venv-peers"
fi
"$here/.venv-peers/bin/python" -m pip install --quiet --upgrade pip
# the clingo pin lives in the project's `peers` extra (pyproject.toml)
"$here/.venv-peers/bin/python" -m pip install --quiet "$here/../..[peers]"

if [ ! -x "$here/.venv-idp/bin/python" ]; then
  "$PYTHON" -m venv "$here/.venv-idp"
fi
"$here/.venv-idp/bin/python" -m pip install --quiet --upgrade pip
"$here/.venv-idp/bin/python" -m pip install --quiet 'idp-engine==0.12.1'

"$here/.venv-peers/bin/python" -c 'import clingo, z3; print("peers: clingo", clingo.__version__, "· z3", z3.get_version_string())'
"$here/.venv-idp/bin/python" -c 'import z3, importlib.metadata as m; print("idp: idp-engine", m.version("idp-engine"), "· z3", z3.get_version_string())'
