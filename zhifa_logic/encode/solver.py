"""The one solver factory and the one way to ask it: a context of its own,
fixed seeds, and a deterministic resource budget (``rlimit``, never
wall-clock) per question.

Every check and every decision builds its terms in a fresh ``z3.Context``.
In z3's shared default context the terms a process has already built change
the order Z3 meets new ones in, and with it the search: the same check gave
other witnesses, and took minutes instead of seconds, after a test session
had solved other things. A context per question makes each answer a function
of its input alone.

Z3 counts resources for the whole context, across solvers and checks, so a
fixed ``rlimit`` would run out in a long process (a test run, an oracle
serving many cases); each check gets its budget on top of the count so far.
"""

from __future__ import annotations

import z3

DEFAULT_RLIMIT = 50_000_000


def new_context() -> z3.Context:
    return z3.Context()


def make_solver(ctx: z3.Context) -> z3.Solver:
    z3.set_param("smt.random_seed", 0)
    z3.set_param("sat.random_seed", 0)
    solver = z3.Solver(ctx=ctx)
    solver.set("random_seed", 0)
    return solver


def _count(solver: z3.Solver) -> int:
    stats = solver.statistics()
    return int(stats.get_key_value("rlimit count")) if "rlimit count" in stats.keys() else 0


def check_within(solver: z3.Solver, budget: int, *assumptions: z3.BoolRef) -> z3.CheckSatResult:
    """``solver.check(*assumptions)`` allowed ``budget`` more resource units."""
    solver.set("rlimit", _count(solver) + budget)
    return solver.check(*assumptions)
