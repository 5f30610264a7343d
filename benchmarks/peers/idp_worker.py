"""IDP-Z3 runner for idp_art11.idp: every pair of clauses, overlap and conflict.

Runs under its own interpreter (idp-engine 0.12.1 pins z3-solver 4.11.2,
which must not meet the z3 of the other peers), so run_peers.py calls it as
a subprocess:

    .venv-idp/bin/python idp_worker.py --n 10 [--deadline 60] [--persons 3]

and reads one JSON object from stdout. It loads the theory once and, for
each pair, asserts pick_a()/pick_b() and expands one model (the pair's
witness): first with conflicts_only() false (overlap), then, if there is
one, with conflicts_only() true (conflict).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from idp_engine import IDP, Theory

from synth import SynthRule, digest, rule_names, synth_rules

IDP_FILE = Path(__file__).with_name("idp_art11.idp")
MARK = "// @synthetic-rules"


def render(rule: SynthRule) -> str:
    """A synthetic local rule as two definitional rules (applies/1, line/3)."""
    parts = [("" if value else "~") + f"{fact}()" for fact, value in rule.case_facts]
    for role, flags in rule.person_facts:
        conj = " & ".join([f"role(p, {role})"] + [f"flag(p, {f})" for f in flags])
        parts.append(f"(?p in Person: {conj})")
    bearer = " & ".join([f"role(p, {rule.bearer})"] + [f"flag(p, {f})" for f in rule.bearer_flags()])
    return (f"        applies({rule.name}) <- {' & '.join(parts)}.\n"
            f"        !p in Person: line({rule.name}, p, {rule.category}_{rule.mode}) "
            f"<- applies({rule.name}) & {bearer}.")


def source(n: int, persons: int) -> str:
    text = IDP_FILE.read_text(encoding="utf-8")
    if persons != 3:
        ps = ", ".join(f"p{i}" for i in range(1, persons + 1))
        text = text.replace("type Party := {p1, p2, p3, a1, a2}", f"type Party := {{{ps}, a1, a2}}")
        text = text.replace("type Person := {p1, p2, p3} <: Party", f"type Person := {{{ps}}} <: Party")
    if n:
        rules = synth_rules(n)
        text = text.replace("r13_1, r13_2, r14, r15_a, r15_b}",
                            "r13_1, r13_2, r14, r15_a, r15_b, "
                            + ", ".join(r.name for r in rules) + "}")
        text = text.replace(MARK, MARK + "\n" + "\n".join(render(r) for r in rules))
    return text


def run(n: int, persons: int = 3, deadline: float | None = None) -> dict:
    text = source(n, persons)
    start = time.perf_counter()
    kb = IDP.from_str(text)
    theory = Theory(kb.theories["T"], kb.structures["S"])
    names = rule_names(n)
    overlaps, conflicts, done, capped = {}, {}, 0, False
    for a, b in itertools.combinations(names, 2):
        if deadline is not None and time.perf_counter() - start > deadline:
            capped = True
            break
        theory.assert_("pick_a()", a)
        theory.assert_("pick_b()", b)
        theory.assert_("conflicts_only()", False)
        models = [m for m in theory.expand(max=1, timeout_seconds=0) if not isinstance(m, str)]
        if models:
            overlaps[a, b] = models[0]  # the witness: an Assignments object
            theory.assert_("conflicts_only()", True)
            models = [m for m in theory.expand(max=1, timeout_seconds=0) if not isinstance(m, str)]
            if models:
                conflicts[a, b] = models[0]
        done += 1
    seconds = time.perf_counter() - start
    total = len(names) * (len(names) - 1) // 2
    return {"rules": len(names), "pairs": total, "checked": done, "capped": capped,
            "overlaps": overlaps, "conflicts": conflicts, "seconds": seconds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=0, help="synthetic local rules")
    ap.add_argument("--persons", type=int, default=3)
    ap.add_argument("--deadline", type=float, default=None, help="stop after this many seconds")
    ap.add_argument("--show", action="store_true", help="print the conflicting pairs' witnesses")
    args = ap.parse_args()
    res = run(args.n, args.persons, args.deadline)
    if args.show:
        for pair, model in sorted(res["conflicts"].items()):
            print("conflict", *pair, file=sys.stderr)
            print(model, file=sys.stderr)
    print(json.dumps({
        "rules": res["rules"], "pairs": res["pairs"], "checked": res["checked"],
        "capped": res["capped"], "overlaps": len(res["overlaps"]),
        "conflicts": len(res["conflicts"]), "seconds": res["seconds"],
        "overlap_digest": digest(res["overlaps"]) if not res["capped"] else None,
        "conflict_digest": digest(res["conflicts"]) if not res["capped"] else None,
    }))


if __name__ == "__main__":
    main()
