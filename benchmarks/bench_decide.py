"""Timing of ``zhifa decide``: cold command-line runs and warm in-process runs.

Two measurements, both in one run of this script, each against baselines
measured in the same run (never against figures from another machine or day):

1. Cold: ``python -m zhifa_logic.cli decide --json CASE`` in a fresh process,
   as a user runs it, for a few example cases; baselines ``python -c pass``
   (interpreter start) and ``python -c "import z3, lark, networkx"`` (our
   dependencies' import alone), plus ``python -c "import zhifa_logic.cli"``
   (our import, no work). The IR cache lives in a private
   ``XDG_CACHE_HOME``: warm (primed once) for the main series, fresh for every
   run of the "uncached" series.
2. Warm: every example case decided in-process with Z3 (``decide``) and with
   the solver-free interpreter (``interpret`` + ``to_verdict``) on the same
   prepared facts and default readings.

Figures are medians of ``--repeat`` runs. The script prints a Markdown
section; ``--write`` also replaces the "Latest figures" section of
``benchmarks/RESULTS.md``.

    make bench
    .venv/bin/python benchmarks/bench_decide.py --write
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import z3

import zhifa_logic
from zhifa_logic.model.loader import load_case, load_ruleset
from zhifa_logic.reason.decide import decide
from zhifa_logic.reason.firing import to_verdict
from zhifa_logic.reason.interpret import interpret
from zhifa_logic.reason.prepare import prepare, select_readings

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "examples" / "cases"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
SECTION = "## Latest figures"
COLD_CASES = ("04-wrong-proposal-passed", "21-collective-decision",
              "33-conflict-handler-fraud-vs-wrong-draft")
UNCACHED_CASE = COLD_CASES[0]


# ── measuring ────────────────────────────────────────────────────────────────

def run_once(cmd: list[str], env: dict[str, str]) -> float:
    """Wall time of one fresh process; it must exit 0."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}:\n"
                         f"{proc.stderr.decode(errors='replace')}")
    return elapsed


def decide_cmd(case: str) -> list[str]:
    return [sys.executable, "-m", "zhifa_logic.cli", "decide", "--json",
            str(CASES / f"{case}.json")]


def cold_series(repeat: int) -> dict[str, list[float]]:
    """Label → wall times. Runs are interleaved round-robin, so that drift in
    the machine's load spreads over every series alike."""
    commands = {"python -c pass": [sys.executable, "-c", "pass"],
                "import z3, lark, networkx": [sys.executable, "-c", "import z3, lark, networkx"],
                "import zhifa_logic.cli": [sys.executable, "-c", "import zhifa_logic.cli"]}
    commands.update({f"decide {c}": decide_cmd(c) for c in COLD_CASES})
    times: dict[str, list[float]] = {label: [] for label in commands}
    times[f"decide {UNCACHED_CASE}, uncached"] = []
    with tempfile.TemporaryDirectory(prefix="zhifa-bench-") as tmp:
        warm_env = {**os.environ, "XDG_CACHE_HOME": str(Path(tmp) / "warm")}
        warm_env.pop("ZHIFA_NO_CACHE", None)
        run_once(decide_cmd(UNCACHED_CASE), warm_env)          # prime the IR cache
        for i in range(repeat):
            for label, cmd in commands.items():
                times[label].append(run_once(cmd, warm_env))
            fresh_env = {**warm_env, "XDG_CACHE_HOME": str(Path(tmp) / f"fresh-{i}")}
            times[f"decide {UNCACHED_CASE}, uncached"].append(
                run_once(decide_cmd(UNCACHED_CASE), fresh_env))
    return times


def median_time(fn, repeat: int) -> float:
    fn()                                                       # warm-up, not counted
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def warm_series(repeat: int) -> list[tuple[str, float, float]]:
    """(case, median Z3 seconds, median interpreter seconds) for every example."""
    rs = load_ruleset()
    readings = select_readings(rs, [])
    rows = []
    for path in sorted(CASES.glob("*.json")):
        if path.name.endswith(".verdict.json"):
            continue
        case = load_case(str(path))
        facts, findings = prepare(case, rs)

        def by_z3():
            return decide(case.id, rs, facts, findings, readings)

        def by_interpreter():
            return to_verdict(case.id, rs, facts, interpret(rs, facts, readings),
                              findings, readings)

        if by_z3() != by_interpreter():
            raise SystemExit(f"{path.name}: Z3 and the interpreter disagree (a bug)")
        rows.append((case.id, median_time(by_z3, repeat), median_time(by_interpreter, repeat)))
    return rows


# ── reporting ────────────────────────────────────────────────────────────────

def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (f"nproc {cpus} · Python {platform.python_version()} · z3 {z3.get_version_string()} · "
            f"zhifa-logic {zhifa_logic.__version__} · {platform.system()} {platform.machine()} · "
            f"{date.today().isoformat()}")


def cold_table(times: dict[str, list[float]], repeat: int) -> list[str]:
    base = statistics.median(times["import z3, lark, networkx"])
    out = [f"### Cold `zhifa decide --json CASE` (fresh process, {repeat} runs each)", "",
           "| command | median ms | min ms | max ms | ÷ deps import | ours ms |",
           "|---|---:|---:|---:|---:|---:|"]
    for label, samples in times.items():
        med = statistics.median(samples)
        ours_too = label.startswith(("decide", "import zhifa"))
        ours = f"{ms(med - base)}" if ours_too else "—"
        ratio = f"{med / base:.2f}" if ours_too else "—"
        out.append(f"| `{label}` | {ms(med)} | {ms(min(samples))} | {ms(max(samples))} "
                   f"| {ratio} | {ours} |")
    out += ["", "*÷ deps import*: median ÷ median of `import z3, lark, networkx`. "
            "*ours*: median − that median. `import zhifa_logic.cli` imports the package and "
            "reads no case: it splits *ours* into importing and working. *uncached*: a fresh "
            "`XDG_CACHE_HOME` for every run, so the embedded Measures are parsed and resolved "
            "from the DSL each time; the other `decide` rows load the pickled IR from a primed "
            "cache."]
    return out


def warm_table(rows: list[tuple[str, float, float]], repeat: int) -> list[str]:
    z3_total = sum(r[1] for r in rows)
    it_total = sum(r[2] for r in rows)
    out = [f"### Warm in-process decide, every example case (median of {repeat} runs each)", "",
           "| case | Z3 ms | interpreter ms | Z3 ÷ interpreter |", "|---|---:|---:|---:|"]
    for case, z, i in rows:
        out.append(f"| {case} | {ms(z)} | {ms(i)} | {z / i:.0f} |")
    out.append(f"| **total ({len(rows)} cases)** | **{ms(z3_total)}** | **{ms(it_total)}** "
               f"| **{z3_total / it_total:.0f}** |")
    out += ["", "Both paths include `to_verdict`; the rule set is loaded and each case "
            "prepared once, outside the timing. The script checks that both paths give the "
            "same verdict on every case."]
    return out


def report(cold: dict[str, list[float]], warm: list[tuple[str, float, float]],
           repeat: int, command: str) -> str:
    lines = [SECTION, "", f"Command: `{command}`  ", f"Machine: {machine()}", ""]
    lines += cold_table(cold, repeat) + [""] + warm_table(warm, repeat)
    return "\n".join(lines) + "\n"


def write_section(section: str) -> None:
    """Replace the "Latest figures" section of RESULTS.md (up to the next
    level-2 heading), or append it if there is none."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    head, found, rest = text.partition(SECTION)
    tail = ""
    if found:
        nxt = rest.find("\n## ")
        tail = rest[nxt + 1:] if nxt >= 0 else ""
    RESULTS.write_text(head.rstrip("\n") + "\n\n" + section + ("\n" + tail if tail else ""),
                       encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=15, help="runs per measurement (default 15)")
    p.add_argument("--write", action="store_true",
                   help=f"also replace the '{SECTION[3:]}' section of {RESULTS.relative_to(ROOT)}")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    command = ".venv/bin/python benchmarks/bench_decide.py" + (
        f" --repeat {args.repeat}" if args.repeat != 15 else "") + (" --write" if args.write else "")
    section = report(cold_series(args.repeat), warm_series(args.repeat), args.repeat, command)
    sys.stdout.write(section)
    if args.write:
        write_section(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
