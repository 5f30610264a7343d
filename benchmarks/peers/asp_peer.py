"""clingo runner for asp_art11.lp: every pair of clauses, overlap and conflict.

For each clause A, two solve calls on one ground program under the
assumption pick_a(A), both enumerating the models projected on the picked
pair (`#project pick_a/1. #project pick_b/1.`):
  1. `conflicts_only` false — every later clause whose condition can hold
     together with A's;
  2. `conflicts_only` true  — every later clause that also allocates
     differently from A to one party.
Each enumerated model is the witness case of its pair. (One solve call
enumerating all pairs at once is as fast; per-clause calls let a deadline
stop the run between clauses with an exact count of the pairs checked.)
"""

from __future__ import annotations

import time
from pathlib import Path

import clingo

from synth import PERSONS_DEFAULT, SynthRule, synth_rules

LP = Path(__file__).with_name("asp_art11.lp")


def render(rule: SynthRule) -> str:
    """A synthetic local rule as ASP: applies/1 and line/4, like the Measures' clauses."""
    body = [("" if value else "not ") + fact for fact, value in rule.case_facts]
    var = {}
    for k, (role, flags) in enumerate(rule.person_facts):
        v = var[role] = f"P{k}"
        body.append(f"role({v}, {role})")
        body += [f"flag({v}, {f})" for f in flags]
    name = rule.name
    head = [f"rule({name}).", f"applies({name}) :- {', '.join(body)}."]
    if rule.bearer in var:
        v = var[rule.bearer]
        bearer_body = [f"role({v}, {rule.bearer})"] + [f"flag({v}, {f})" for f in rule.bearer_flags()]
    else:
        v = "B"
        bearer_body = [f"role(B, {rule.bearer})"]
    head.append(f"line({name}, {v}, {rule.category}, {rule.mode}) :- "
                f"applies({name}), {', '.join(bearer_body)}.")
    return "\n".join(head)


def run(n: int, persons: int = PERSONS_DEFAULT, deadline: float | None = None) -> dict:
    """Check every pair among the Measures' 20 clauses and `n` synthetic rules.

    One ground program. For each clause A (in clingo's term order), two solve
    calls under the assumption pick_a(A), each enumerating the models
    projected on pick_b: the clauses after A that overlap with it, then those
    that conflict with it. Each model is the witness case of its pair.
    `deadline`: stop (result marked `capped`) once this many seconds passed.
    """
    extra = "\n".join(render(r) for r in synth_rules(n))
    start = time.perf_counter()
    ctl = clingo.Control(["--models=0", "--project=auto", "--sign-def=neg", f"-c n={persons}"])
    ctl.load(str(LP))
    ctl.add("base", [], extra)
    ctl.ground([("base", [])])
    pick_a = {atom.symbol.arguments[0]: atom.literal
              for atom in ctl.symbolic_atoms.by_signature("pick_a", 1)}
    order = sorted(pick_a)  # the order `R2 <= R1` in asp_art11.lp uses
    conflicts_only = clingo.Function("conflicts_only")
    overlaps: dict[tuple[str, str], list[str]] = {}
    conflicts: dict[tuple[str, str], list[str]] = {}

    def collect(a: str, into: dict):
        def on_model(model: clingo.Model) -> None:
            b, facts = None, []
            for sym in model.symbols(shown=True):
                if sym.name == "pick_b":
                    b = str(sym.arguments[0])
                elif sym.name != "pick_a":
                    facts.append(str(sym))
            into[a, b] = facts  # the witness case of this pair
        return on_model

    done, capped = 0, False
    for k, a in enumerate(order):
        if deadline is not None and time.perf_counter() - start > deadline:
            capped = True
            break
        ctl.assign_external(conflicts_only, False)
        ctl.solve(on_model=collect(str(a), overlaps), assumptions=[pick_a[a]])
        ctl.assign_external(conflicts_only, True)
        ctl.solve(on_model=collect(str(a), conflicts), assumptions=[pick_a[a]])
        done += len(order) - k - 1
    seconds = time.perf_counter() - start
    rules = len(order)
    return {"rules": rules, "pairs": rules * (rules - 1) // 2, "checked": done,
            "capped": capped, "overlaps": overlaps, "conflicts": conflicts,
            "seconds": seconds}


if __name__ == "__main__":
    import sys

    res = run(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(res["rules"], res["pairs"], len(res["overlaps"]), len(res["conflicts"]),
          f"{res['seconds']:.3f}s")
    if len(sys.argv) > 2:  # python asp_peer.py N show: the conflicts' witnesses
        for pair in sorted(res["conflicts"]):
            print("conflict", *pair, " ".join(res["conflicts"][pair]))
