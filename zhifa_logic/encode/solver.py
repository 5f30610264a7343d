"""The one solver factory: fixed seed, a deterministic resource limit
(``rlimit``, never wall-clock), so that answers repeat byte for byte."""

from __future__ import annotations

import z3

DEFAULT_RLIMIT = 50_000_000


def make_solver(rlimit: int = DEFAULT_RLIMIT) -> z3.Solver:
    z3.set_param("smt.random_seed", 0)
    z3.set_param("sat.random_seed", 0)
    solver = z3.Solver()
    solver.set("random_seed", 0)
    solver.set("rlimit", rlimit)
    return solver
