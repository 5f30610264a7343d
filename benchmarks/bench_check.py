"""Timing of ``zhifa check``: the Measures, synthetic local rule sets, growth
with the bound, and a naive baseline — all in one run, on one machine.

Rows (each a median of ``--repeat`` fresh-process runs of ``.venv/bin/zhifa``,
so interpreter start, imports and loading are included):

a. ``zhifa check`` — the Measures at the default bound (exit 1 is normal: the
   Measures have findings).
b. ``zhifa check benchmarks/synthetic/local-NNN.zl --against changzhou-2008``
   for N = 10, 100, 500 (``gen_synthetic.py``), each at a small bound
   (``--persons 3 --steps 3 --agencies 1``), then at the default bound,
   smallest set first (so that a spent budget cuts the costliest rows).
c. The Measures at persons/steps 2/2 … 5/5, agencies 1 and 2.
d. A naive baseline: for every pair of allocating clauses of the Measures, a
   fresh context, chain, world, rule terms and solver, asking one question —
   both clauses stand, in scope, and give one party different lines (the
   question ``Checker.pair_findings`` asks first). Against it, in the same
   child process: the same questions on one incremental ``Checker``, and the
   full in-process ``check`` of the Measures.

Limits. A run is killed at ``--timeout`` seconds (default 600) and recorded
as "> cap"; a row whose first run takes longer than ``--single-above``
seconds (default 60) is not repeated (``runs`` says 1). Once a set has gone
over the cap at a bound, larger sets at that bound, and the same set at a
larger bound, are not run (recorded "> cap", implied) — a check of more rules,
or of larger cases, does not get cheaper. ``--budget`` (default 840 s) caps
the whole script: each run's timeout is also cut to what is left, and rows
left when it is spent say "not run (budget)". ``--budget 0`` lifts it.

In-process check time (column ``check s``): ``python bench_check.py --child``
loads the rule sets outside the timing and times ``reason.report.check``
alone; measured for rows whose cold median is at most ``--single-above`` s.

    .venv/bin/python benchmarks/bench_check.py            # < 15 min
    .venv/bin/python benchmarks/bench_check.py --quick    # about 2 min
    .venv/bin/python benchmarks/bench_check.py --budget 0 # everything, up to the cap

Standard library, the package and z3 only. Nothing is written outside
standard output; the figures are for benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ZHIFA = ROOT / ".venv" / "bin" / "zhifa"
SYNTH = HERE / "synthetic"
SIZES = (10, 100, 500)
SMALL = (3, 3, 1)
DEFAULT = (5, 5, 2)              # zhifa_logic.encode.chain.Bound's defaults
GROWTH = [(n, n, a) for a in (1, 2) for n in (2, 3, 4, 5)]
ACCEPT = (0, 1)                  # 1: the rule set has findings — normal


# ── running ──────────────────────────────────────────────────────────────────

class Budget:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds if seconds > 0 else None

    def left(self) -> float | None:
        return None if self.end is None else max(0.0, self.end - time.monotonic())

    def cap(self, timeout: float) -> tuple[float, bool]:
        """The timeout for the next run, and whether the budget (not the
        cap) set it."""
        left = self.left()
        if left is not None and left < timeout:
            return left, True
        return timeout, False


@dataclass
class Row:
    group: str
    label: str
    argv: list[str]                       # arguments after `zhifa`
    times: list[float] = field(default_factory=list)
    over: str | None = None               # "> cap …", "not run …", "exit N"
    inproc: float | None = None           # median in-process check seconds
    note: str = ""

    @property
    def command(self) -> str:
        return ".venv/bin/zhifa " + " ".join(shlex.quote(a) for a in self.argv)

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and self.over is None else None


def run_once(argv: list[str], timeout: float) -> tuple[float | None, int | None, str]:
    """Wall seconds of one fresh ``zhifa`` process (None if killed at the
    timeout), its exit status and the tail of its standard error."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([str(ZHIFA), *argv], cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, ""
    return time.perf_counter() - start, proc.returncode, proc.stderr.decode(errors="replace")[-400:]


def child(args: list[str], timeout: float) -> dict | None:
    """This script in ``--child`` mode, in a fresh process; its JSON answer."""
    try:
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                              cwd=ROOT, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        tail = proc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        return {"error": f"exit {proc.returncode}: {tail[0][:200]}"}
    return json.loads(proc.stdout)


def measure(row: Row, repeat: int, timeout: float, budget: Budget, single_above: float,
            log) -> None:
    for i in range(repeat):
        t, capped_by_budget = budget.cap(timeout)
        if t <= 1:
            row.over = row.over or "not run (budget)"
            break
        elapsed, status, err = run_once(row.argv, t)
        if elapsed is None:
            row.over = f"> {t:.0f} s (budget)" if capped_by_budget else f"> cap ({t:.0f} s)"
            log(f"  {row.label}: {row.over}")
            break
        if status not in ACCEPT:
            row.over = f"exit {status}"
            row.note = (row.note + " " + err.strip().splitlines()[-1] if err.strip() else row.note)
            log(f"  {row.label}: exit {status}: {err.strip()[-200:]}")
            break
        row.times.append(elapsed)
        log(f"  {row.label}: run {i + 1}: {elapsed:.2f} s (exit {status})")
        if elapsed > single_above:
            break


def inproc(row: Row, repeat: int, timeout: float, budget: Budget, single_above: float, log) -> None:
    """In-process check seconds for ``row`` (one child per run)."""
    if row.median is None or row.median > single_above:
        return
    argv = row.argv[1:]              # drop "check"
    got = []
    for _ in range(repeat):
        t, _b = budget.cap(timeout)
        if t <= 1:
            break
        ans = child(["check", *argv], t)
        if ans is None or "error" in ans:
            log(f"  {row.label}: in-process: {ans and ans['error'] or 'over the cap'}")
            break
        got.append(ans["check"])
    if got:
        row.inproc = statistics.median(got)
        log(f"  {row.label}: in-process check {row.inproc:.2f} s")


def bound_args(b: tuple[int, int, int]) -> list[str]:
    return ["--persons", str(b[0]), "--steps", str(b[1]), "--agencies", str(b[2])]


# ── the child: in-process check, and the naive baseline ──────────────────────

def child_main(argv: list[str]) -> int:
    import z3  # noqa: F401  (imported before any timing)
    from zhifa_logic.encode.chain import Bound
    from zhifa_logic.model.loader import load_ruleset, load_ruleset_ref
    from zhifa_logic.reason.prepare import select_readings
    from zhifa_logic.reason.report import check

    if argv[0] == "check":
        p = argparse.ArgumentParser()
        p.add_argument("ruleset", nargs="?")
        p.add_argument("--against")
        p.add_argument("--persons", type=int, default=DEFAULT[0])
        p.add_argument("--steps", type=int, default=DEFAULT[1])
        p.add_argument("--agencies", type=int, default=DEFAULT[2])
        a = p.parse_args(argv[1:])
        t0 = time.perf_counter()
        rs = load_ruleset(a.ruleset)
        against = load_ruleset_ref(a.against, ".") if a.against else None
        readings = select_readings(rs, [])
        t1 = time.perf_counter()
        report = check(rs, readings, Bound(a.persons, a.steps, a.agencies), against=against)
        t2 = time.perf_counter()
        json.dump({"load": t1 - t0, "check": t2 - t1, "findings": len(report.findings)}, sys.stdout)
        return 0
    if argv[0] == "naive":
        bound = Bound(*map(int, argv[1:4]))
        json.dump(naive(bound), sys.stdout)
        return 0
    raise SystemExit(f"unknown child mode {argv[0]}")


def naive(bound) -> dict:
    """Every pair of allocating clauses of the Measures, each asked from
    scratch; then the same questions on one incremental Checker; then the
    full check — three timings of one process, one machine, one moment."""
    from itertools import combinations

    import z3
    from zhifa_logic.encode.chain import build_chain
    from zhifa_logic.encode.rules import readings_constraint, rule_terms
    from zhifa_logic.encode.solver import DEFAULT_RLIMIT, check_within, make_solver, new_context
    from zhifa_logic.encode.terms import World
    from zhifa_logic.model.loader import load_ruleset
    from zhifa_logic.reason.check import Checker
    from zhifa_logic.reason.prepare import select_readings
    from zhifa_logic.reason.report import check

    rs = load_ruleset()
    readings = select_readings(rs, [])
    allocating = sorted(k for k, cl in rs.clauses.items() if cl.kind == "allocate")
    pairs = list(combinations(allocating, 2))

    def clash(t, sc, a, b):
        """Some party both reach gets different lines: the term
        ``Checker.pair_findings`` builds (Boolean line terms, or integer line
        codes in earlier versions of encode/rules.py)."""
        if hasattr(t, "same_line"):
            differ = lambda p: z3.Not(t.same_line(a, b, p))        # noqa: E731
        else:
            differ = lambda p: t.code[(a, p)] != t.code[(b, p)]    # noqa: E731
        return z3.Or([z3.And(t.reach[(a, p)], t.reach[(b, p)], differ(p)) for p in sc.parties])

    # 1. naive: everything rebuilt per pair
    build_s = solve_s = 0.0
    naive_sat, unknown = set(), 0
    start = time.perf_counter()
    for a, b in pairs:
        t0 = time.perf_counter()
        ctx = new_context()
        sc = build_chain(bound, ctx)
        world = World(sc.parties, ctx, defs=sc.facts)
        t = rule_terms(rs, world)
        solver = make_solver(ctx)
        solver.add(sc.constraints)
        solver.add(readings_constraint(rs, world))
        fixed = [world.reading(k, v) for k, v in sorted(readings.items())]
        solver.add(t.in_scope, t.enc.stands[a], t.enc.stands[b], clash(t, sc, a, b))
        t1 = time.perf_counter()
        status = check_within(solver, DEFAULT_RLIMIT, *fixed)
        t2 = time.perf_counter()
        build_s += t1 - t0
        solve_s += t2 - t1
        naive_sat |= {(a, b)} if status == z3.sat else set()
        unknown += status == z3.unknown
    naive_s = time.perf_counter() - start

    # 2. the same questions on one incremental solver (Checker.model)
    start = time.perf_counter()
    ch = Checker(rs, readings, bound)
    setup_s = time.perf_counter() - start
    inc_sat = set()
    for a, b in pairs:
        m = ch.model(ch.in_scope, ch.enc.stands[a], ch.enc.stands[b], clash(ch.t, ch.sc, a, b),
                     what=f"conflict {a} / {b}")
        if m is not None:
            inc_sat.add((a, b))
    inc_s = time.perf_counter() - start
    pruned = sum(1 for ab in pairs if not ch.may_share(*ab))

    # 3. the full check, as `zhifa check` runs it
    start = time.perf_counter()
    report = check(rs, readings, bound)
    check_s = time.perf_counter() - start
    conflicts = {tuple(sorted(f.clauses)) for f in report.findings if f.kind == "conflict"}
    return {"bound": [bound.persons, bound.steps, bound.agencies], "clauses": len(allocating),
            "pairs": len(pairs), "pruned_by_roles": pruned,
            "naive_s": naive_s, "naive_build_s": build_s, "naive_solve_s": solve_s,
            "naive_sat": len(naive_sat), "naive_unknown": unknown,
            "incremental_s": inc_s, "incremental_setup_s": setup_s, "incremental_sat": len(inc_sat),
            "check_s": check_s, "check_conflicts": len(conflicts),
            "same_answers": naive_sat == inc_sat,
            "check_conflicts_subset": conflicts <= naive_sat,
            "check_conflicts_equal": conflicts == naive_sat}


# ── the report ───────────────────────────────────────────────────────────────

def fmt(x: float | None, digits: int = 2) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def table(rows: list[Row]) -> str:
    out = ["| row | command | runs | median s | min s | max s | check s (in-process) |",
           "|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        if r.over is not None and not r.times:
            cells = [r.over, "—", "—"]
        elif r.over is not None:
            cells = [f"{r.over} (run 1: {r.times[0]:.1f})", "—", "—"]
        else:
            cells = [fmt(r.median), fmt(min(r.times)), fmt(max(r.times))]
        label = r.label + (f" ({r.note.strip()})" if r.note.strip() else "")
        out.append(f"| {label} | `{r.command}` | {len(r.times)} | " + " | ".join(cells)
                   + f" | {fmt(r.inproc)} |")
    return "\n".join(out)


def busy_processes() -> list[str]:
    """Other processes using the CPU now (pid, %cpu, elapsed, command, cut)."""
    try:
        out = subprocess.run(["ps", "-eo", "pid,pcpu,etime,args", "--sort=-pcpu"],
                             capture_output=True, text=True, timeout=10).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return []
    me = {str(os.getpid())}
    rows = []
    for line in out[1:]:
        parts = line.split(None, 3)
        if len(parts) == 4 and parts[0] not in me and float(parts[1]) >= 5.0 and " ps " not in f" {parts[3]} ":
            rows.append(f"{parts[0]} {parts[1]}% {parts[2]} {parts[3][:90]}")
    return rows[:5]


def code_state() -> str:
    """Which code was measured: HEAD, and a digest of zhifa_logic/ as it is
    on disk (the package may differ from HEAD while it is being worked on)."""
    digest = hashlib.sha256()
    for f in sorted((ROOT / "zhifa_logic").rglob("*.py")):
        digest.update(f.relative_to(ROOT).as_posix().encode() + b"\0" + f.read_bytes())
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "?"
        dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "zhifa_logic"], cwd=ROOT,
                               timeout=10).returncode != 0
    except (OSError, subprocess.SubprocessError):
        head, dirty = "?", False
    return f"HEAD {head}" + (" + uncommitted changes in zhifa_logic/" if dirty else "") + \
        f" (zhifa_logic/*.py sha256 {digest.hexdigest()[:12]})"


def machine() -> str:
    import z3
    import zhifa_logic
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"nproc {os.cpu_count()} · Python {platform.python_version()} · z3 {z3.get_version_string()} · "
            f"zhifa-logic {zhifa_logic.__version__} · {platform.system()} {platform.machine()} · "
            f"{date.today().isoformat()} · load average {load}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3, help="fresh-process runs per row (median)")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds a run may take (cap)")
    p.add_argument("--budget", type=float, default=840.0,
                   help="seconds for the whole benchmark; 0 = no limit (default 840)")
    p.add_argument("--single-above", type=float, default=60.0,
                   help="a row whose first run takes longer is run once")
    p.add_argument("--quick", action="store_true",
                   help="1 run per row, growth to 4/4, naive at 3/3/1, local-010 at 2/2/1 only")
    p.add_argument("--sizes", type=int, nargs="*", default=list(SIZES),
                   help="synthetic sets to check (benchmarks/synthetic/local-NNN.zl)")
    p.add_argument("--no-naive", action="store_true", help="skip the naive baseline")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    args = p.parse_args(argv)
    if args.quick:
        args.repeat = 1
        args.timeout = min(args.timeout, 120.0)
    log = (lambda *_a: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    budget = Budget(args.budget)
    started = time.monotonic()
    head = machine()
    code = code_state()
    busy_before = busy_processes()
    sizes = [10] if args.quick else args.sizes
    for n in sizes:
        if not (SYNTH / f"local-{n:03d}.zl").is_file():
            raise SystemExit(f"benchmarks/synthetic/local-{n:03d}.zl is missing: "
                             f"run benchmarks/gen_synthetic.py {n}")

    # warm the IR cache and Lark's grammar cache: loading is not what we time
    subprocess.run([str(ZHIFA), "rules"], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)

    # ── a + c: the Measures, interleaved round-robin over the bounds ──
    growth = [b for b in GROWTH if not args.quick or b[0] <= 4]
    startup = Row("startup", "startup (`zhifa vocabulary`, no check)", ["vocabulary"])
    full = Row("a", "a. Measures, default bound 5/5/2 (also c at 5/5, agencies 2)", ["check"])
    grow = [Row("c", f"c. Measures {b[0]}/{b[1]}, agencies {b[2]}", ["check", *bound_args(b)])
            for b in growth if b != DEFAULT]
    measures = [startup, full, *grow]
    log(f"a + c: the Measures at {len(measures) - 1} bounds, {args.repeat} run(s) each")
    for i in range(args.repeat):
        for row in measures:
            if row.over is None and len(row.times) == i and not (
                    row.times and row.times[0] > args.single_above):
                measure(row, 1, args.timeout, budget, args.single_above, log)
    for row in measures[1:]:
        inproc(row, args.repeat, args.timeout, budget, args.single_above, log)

    # ── d: the naive baseline ──
    naive_res = None
    nb = SMALL if args.quick else DEFAULT
    if not args.no_naive:
        t, _b = budget.cap(max(args.timeout, 1200.0))
        log(f"d: naive baseline at {nb}")
        naive_res = child(["naive", *map(str, nb)], t) if t > 1 else None

    # ── b: synthetic sets, small bound then default bound ──
    bounds = [(2, 2, 1)] if args.quick else [SMALL, DEFAULT]
    synth: list[Row] = []
    over_at: dict[tuple, int] = {}        # bound -> smallest size that went over
    for n in sizes:                       # cheapest first: each set small, then default
        for b in bounds:
            argv_ = ["check", f"benchmarks/synthetic/local-{n:03d}.zl", "--against", "changzhou-2008"]
            if b != DEFAULT:
                argv_ += bound_args(b)
            row = Row("b", f"b. local-{n:03d} ({n} rules) vs Measures, {b[0]}/{b[1]}/{b[2]}", argv_)
            synth.append(row)
            smaller = [m for bb, m in over_at.items() if m <= n and all(x <= y for x, y in zip(bb, b))]
            if smaller:
                row.over = f"> cap (implied: local-{min(smaller):03d} at a bound ≤ this one went over)"
                over_at[b] = min(over_at.get(b, n), n)
                continue
            log(f"b: {row.label}")
            measure(row, args.repeat, args.timeout, budget, args.single_above, log)
            if row.over is not None and row.over.startswith("> cap"):
                over_at[b] = min(over_at.get(b, n), n)
            inproc(row, args.repeat, args.timeout, budget, args.single_above, log)

    # ── print ──
    total = time.monotonic() - started
    cmd = ".venv/bin/python benchmarks/bench_check.py " + " ".join(shlex.quote(a) for a in argv)
    print("## `zhifa check` timings\n")
    print(f"Command: `{cmd.strip()}`  ")
    print(f"Machine: {head}  ")
    print(f"Code: {code}  ")
    print(f"Benchmark wall time: {total / 60:.1f} min; load average at the end "
          f"{' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if busy_before:
        print("\nOther processes busy when it started (they share the cores; figures are slower "
              "than on an idle machine):\n")
        for line in busy_before:
            print(f"    {line}")
    print(f"\nMedians of up to {args.repeat} fresh-process runs; a run over {args.single_above:.0f} s "
          f"is not repeated; cap {args.timeout:.0f} s per run"
          + (f", budget {args.budget:.0f} s for everything" if args.budget > 0 else "") + ".\n")
    print(table(measures + synth))
    print("\n*check s (in-process)*: `reason.report.check` alone, rule sets loaded outside the "
          "timing (`bench_check.py --child check …`); `—` when the row is slow (its cold time is then "
          "almost all check) or did not finish. Exit status 1 (findings) counts as success.")
    code_after = code_state()
    if code_after != code:
        print(f"\n**The package changed while this ran** (now: {code_after}): the rows mix versions; "
              "run again.")
    if naive_res is not None and "error" in naive_res:
        print(f"\n### d. Naive baseline\n\nfailed: {naive_res['error']}")
    elif naive_res is not None:
        r = naive_res
        per = r["naive_s"] / r["pairs"]
        print(f"\n### d. Naive baseline — the Measures, bound {'/'.join(map(str, r['bound']))}\n")
        print(f"Command: `.venv/bin/python benchmarks/bench_check.py --child naive "
              f"{' '.join(map(str, r['bound']))}` (one process, three timings)\n")
        print("| what | seconds | ÷ full check | queries | sat |")
        print("|---|---:|---:|---:|---:|")
        print(f"| naive: fresh context, chain, terms and solver per pair | {r['naive_s']:.2f} | "
              f"{r['naive_s'] / r['check_s']:.1f} | {r['pairs']} | {r['naive_sat']} |")
        print(f"| … of which building (chain, world, rule terms, asserting) | {r['naive_build_s']:.2f} | "
              f"{r['naive_build_s'] / r['check_s']:.1f} | | |")
        print(f"| … of which solving | {r['naive_solve_s']:.2f} | {r['naive_solve_s'] / r['check_s']:.1f} | | |")
        print(f"| same questions, one incremental `Checker` (incl. its set-up {r['incremental_setup_s']:.2f} s) | "
              f"{r['incremental_s']:.2f} | {r['incremental_s'] / r['check_s']:.2f} | {r['pairs']} | "
              f"{r['incremental_sat']} |")
        print(f"| full `check` of the Measures (every question, witnesses) | {r['check_s']:.2f} | 1.0 | | "
              f"{r['check_conflicts']} conflicts |")
        print(f"\n{r['clauses']} allocating clauses, {r['pairs']} pairs ({per * 1000:.0f} ms a pair naively); "
              f"the check's role filter (`may_share`) would drop {r['pruned_by_roles']} of them before asking. "
              f"Naive ÷ incremental, same questions: {r['naive_s'] / r['incremental_s']:.1f}. "
              f"Same sat/unsat answers: {'yes' if r['same_answers'] else 'NO'}; "
              f"unknown: {r['naive_unknown']}; the check's conflict pairs "
              f"{'equal' if r['check_conflicts_equal'] else ('are a subset of' if r['check_conflicts_subset'] else 'DIFFER from')} "
              f"the naive sat pairs.")
    elif not args.no_naive:
        print("\n### d. Naive baseline\n\nnot run or over the budget")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
