"""Run the peer encodings of zhifa-logic's pairwise consistency check and
print a Markdown table: peer, rules, pairs, overlaps, conflicts, median s.

    python benchmarks/peers/run_peers.py                       # clingo, z3py (+ IDP if .venv-idp exists)
    python benchmarks/peers/run_peers.py --sizes 0,10 --repeat 5
    python benchmarks/peers/run_peers.py --idp-python benchmarks/peers/.venv-idp/bin/python
    python benchmarks/peers/run_peers.py --zhifa .venv/bin/zhifa  # + zhifa check on the Measures, compared

The question, for every pair of clauses among the Measures' Arts 10–15 (20
clauses) and N synthetic local rules: is there a case where both apply
(overlap), and one where they also give one party different lines
(conflict)? Each peer finds one witness case per overlapping pair. The clingo
and z3py peers run in this interpreter (each skipped, with a message, if its
package is missing); the IDP-Z3 peer runs in its own interpreter
(--idp-python), through idp_worker.py.

Time: from the rule text or data to the last pair answered, in-process,
without interpreter start or imports; median of --repeat runs. A (peer, N)
gets --budget seconds: a run still going then is stopped between pairs and
reported as capped (with the pairs it checked), the repeats stop once the
budget is used, and larger N of a capped peer are skipped.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from abc import ABC, abstractmethod
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import CITATION, digest  # noqa: E402

DEFAULT_IDP_PYTHON = HERE / ".venv-idp" / "bin" / "python"


# ── the peers ─────────────────────────────────────────────────────────────

class Peer(ABC):
    name = ""

    @abstractmethod
    def available(self) -> str | None:
        """None if usable, else why not."""

    @abstractmethod
    def versions(self) -> str:
        """The tool's version line for the table's footer."""

    @abstractmethod
    def run(self, n: int, persons: int, deadline: float) -> dict:
        """One run: rules, pairs, checked, capped, overlaps, conflicts (counts),
        seconds, overlap_digest, conflict_digest."""


def _summary(res: dict) -> dict:
    done = not res["capped"]
    return {
        "rules": res["rules"], "pairs": res["pairs"], "checked": res["checked"],
        "capped": res["capped"], "overlaps": len(res["overlaps"]),
        "conflicts": len(res["conflicts"]), "seconds": res["seconds"],
        "overlap_digest": digest(res["overlaps"]) if done else None,
        "conflict_digest": digest(res["conflicts"]) if done else None,
    }


class InProcess(Peer):
    """A peer that runs in this interpreter: ``package`` must be importable;
    ``runner`` is the module (beside this file) whose ``run`` does the work."""

    package = ""
    runner = ""

    def available(self):
        try:
            importlib.import_module(self.package)
        except ImportError:
            return (f"{self.package} is not installed in this interpreter "
                    f"({sys.executable}); run `bash benchmarks/peers/setup.sh` and use "
                    "benchmarks/peers/.venv-peers/bin/python")
        return None

    def run(self, n, persons, deadline):
        return _summary(importlib.import_module(self.runner).run(n, persons, deadline))


class Clingo(InProcess):
    name, package, runner = "clingo (ASP)", "clingo", "asp_peer"

    def versions(self):
        import clingo
        return f"clingo {clingo.__version__}"


class Z3py(InProcess):
    name, package, runner = "z3py", "z3", "z3py_art11"

    def versions(self):
        import z3
        return f"z3 {z3.get_version_string()}"


class Idp(Peer):
    name = "IDP-Z3"

    def __init__(self, python: str | None):
        # absolute (the worker runs with cwd=HERE), symlinks kept (a venv's python is one)
        self.python = os.path.abspath(python) if python else None

    def available(self):
        if not self.python:
            return ("no --idp-python given and no benchmarks/peers/.venv-idp; "
                    "run `bash benchmarks/peers/setup.sh`")
        probe = subprocess.run(
            [self.python, "-c", "import idp_engine, z3, importlib.metadata as m; "
                                "print('idp-engine', m.version('idp-engine'), '· z3', z3.get_version_string())"],
            capture_output=True, text=True)
        if probe.returncode != 0:
            return f"idp_engine is not importable by {self.python}"
        self._versions = probe.stdout.strip()
        return None

    def versions(self):
        return self._versions

    def run(self, n, persons, deadline):
        cmd = [self.python, str(HERE / "idp_worker.py"), "--n", str(n),
               "--persons", str(persons), "--deadline", str(deadline)]
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
        if out.returncode != 0:
            raise RuntimeError(f"idp_worker.py failed:\n{out.stderr[-2000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])


# ── the benchmark ─────────────────────────────────────────────────────────

def bench(peer: Peer, sizes, repeat, budget, persons, log):
    """Rows for one peer: (n, row dict or None, note)."""
    rows = []
    capped_at = None
    for n in sizes:
        if capped_at is not None:
            rows.append((n, None, f"skipped: N={capped_at} already hit the {budget:g} s budget"))
            continue
        runs, spent = [], 0.0
        while len(runs) < repeat:
            res = peer.run(n, persons, deadline=budget)
            spent += res["seconds"]
            log(f"  {peer.name:13} N={n:<4} run {len(runs) + 1}: {res['seconds']:.3f} s"
                + (f"  (capped: {res['checked']}/{res['pairs']} pairs)" if res["capped"] else ""))
            if res["capped"]:
                if not runs:
                    runs.append(res)
                capped_at = n
                break
            runs.append(res)
            if spent + res["seconds"] > budget:
                break
        rows.append((n, runs, None))
    return rows


def fmt_row(peer: Peer, n: int, runs, note, budget) -> str:
    if runs is None:
        return f"| {peer.name} | {20 + n} | — | — | — | {note} |"
    first = runs[0]
    if first["capped"]:
        return (f"| {peer.name} | {first['rules']} | {first['pairs']} ({first['checked']} checked) "
                f"| ≥ {first['overlaps']} | ≥ {first['conflicts']} | > {budget:g} (capped) |")
    secs = statistics.median(r["seconds"] for r in runs)
    return (f"| {peer.name} | {first['rules']} | {first['pairs']} | {first['overlaps']} "
            f"| {first['conflicts']} | {secs:.3f} ({len(runs)} run{'s' if len(runs) > 1 else ''}) |")


def agreement(results) -> list[str]:
    """Do the peers that finished a size find the same pair sets?"""
    lines = []
    sizes = sorted({n for rows in results.values() for n, _, _ in rows})
    for n in sizes:
        digests = {}
        for peer, rows in results.items():
            for m, runs, _ in rows:
                if m == n and runs and not runs[0]["capped"]:
                    digests[peer.name] = (runs[0]["overlap_digest"], runs[0]["conflict_digest"])
        if len(digests) >= 2:
            same = len(set(digests.values())) == 1
            lines.append(f"- N={n}: {', '.join(digests)} — "
                         + ("same overlap and conflict pair sets" if same
                            else "DIFFERENT pair sets: " + "; ".join(f"{k} {v}" for k, v in digests.items())))
    return lines


# ── zhifa-logic on the Measures (N=0 only), for comparison ─────────────────

def _peer_name(clause: dict) -> str:
    ref = clause["ref"]
    if ref == "15":
        return "r15_a" if "前段" in clause["zh"] else "r15_b"
    return "r" + ref.replace(".", "_")


def zhifa_compare(zhifa: str, persons: int) -> list[str]:
    """Time `zhifa check --json` (cold process) and compare its pair sets with
    the flat encoding's, classified with z3py: conflict; benign overlap on a
    common party (same line); overlap without a common party."""
    start = time.perf_counter()
    out = subprocess.run([zhifa, "check", "--json"], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if out.returncode not in (0, 1):
        return [f"`{zhifa} check --json` failed (exit {out.returncode}): {out.stderr.strip()[-500:]}"]
    doc = json.loads(out.stdout)
    zc = {tuple(sorted(_peer_name(c) for c in f["clauses"])) for f in doc["findings"] if f["kind"] == "conflict"}
    zo = {tuple(sorted(_peer_name(c) for c in f["clauses"])) for f in doc["findings"] if f["kind"] == "overlap"}

    import z3py_art11
    flat = z3py_art11.classify(persons)
    fc = {tuple(sorted(p)) for p in flat["conflict"]}
    fb = {tuple(sorted(p)) for p in flat["benign"]}

    def cite(pairs):
        return "; ".join(f"{CITATION[a]} ⟂ {CITATION[b]}" for a, b in sorted(pairs)) or "none"

    lines = [
        f"`zhifa check --json` on the Measures (cold process, one run): {wall:.2f} s; "
        f"bound {doc['bound']}; {doc['counts']['conflict']} conflicts, "
        f"{doc['counts']['overlap']} benign overlaps (a common party, the same line).",
        f"Flat encoding (persons ≤ {persons}): {len(fc)} conflicts, {len(fb)} benign overlaps on a common "
        f"party, {len(flat['disjoint'])} overlaps with no common party (zhifa-logic does not report those).",
        "",
        f"- conflicts in both: {len(fc & zc)}",
        f"- conflicts only in zhifa-logic ({len(zc - fc)}): {cite(zc - fc)}",
        f"- conflicts only in the flat encoding ({len(fc - zc)}): {cite(fc - zc)}",
        f"- benign overlaps in both: {len(fb & zo)}; only in zhifa-logic ({len(zo - fb)}): {cite(zo - fb)}; "
        f"only flat ({len(fb - zo)}): {cite(fb - zo)}",
    ]
    return lines


# ── main ──────────────────────────────────────────────────────────────────

def main() -> int:
    ap = argparse.ArgumentParser(description="Peer encodings (clingo, z3py, IDP-Z3) of the pairwise check.")
    ap.add_argument("--sizes", default="0,10,100,500",
                    help="numbers N of synthetic local rules, comma-separated (default 0,10,100,500)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per (peer, N); the median is printed (default 3)")
    ap.add_argument("--budget", type=float, default=50.0,
                    help="seconds per (peer, N): a run is capped there, repeats stop there (default 50)")
    ap.add_argument("--persons", type=int, default=3, help="persons in a case (default 3)")
    ap.add_argument("--peers", default="clingo,z3py,idp", help="which peers (default clingo,z3py,idp)")
    ap.add_argument("--idp-python", default=str(DEFAULT_IDP_PYTHON) if DEFAULT_IDP_PYTHON.exists() else None,
                    help="interpreter with idp-engine 0.12.1 (default: benchmarks/peers/.venv-idp/bin/python if present)")
    ap.add_argument("--zhifa", default=None,
                    help="path of the `zhifa` command: also time `zhifa check` on the Measures and compare pair sets")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    wanted = {p.strip() for p in args.peers.split(",")}

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    peers = [p for key, p in (("clingo", Clingo()), ("z3py", Z3py()), ("idp", Idp(args.idp_python)))
             if key in wanted]
    results, versions, skipped = {}, [], []
    total_start = time.perf_counter()
    for peer in peers:
        why = peer.available()
        if why:
            skipped.append(f"- {peer.name}: skipped — {why}")
            log(f"{peer.name}: skipped — {why}")
            continue
        versions.append(peer.versions())
        log(f"{peer.name} ({peer.versions()})")
        results[peer] = bench(peer, sizes, args.repeat, args.budget, args.persons, log)
    total = time.perf_counter() - total_start

    print("| peer | rules | pairs | overlaps | conflicts | median s |")
    print("|---|---:|---:|---:|---:|---:|")
    for peer, rows in results.items():
        for n, runs, note in rows:
            print(fmt_row(peer, n, runs, note, args.budget))
    print()
    print(f"Machine: nproc {os.cpu_count()} · Python {platform.python_version()} · "
          f"{' · '.join(versions) or 'no peer ran'} · {platform.system()} {platform.machine()} · "
          f"persons ≤ {args.persons} · budget {args.budget:g} s per (peer, N) · "
          f"whole run {total:.0f} s")
    if skipped:
        print()
        print("\n".join(skipped))
    agree = agreement(results)
    if agree:
        print()
        print("Agreement between peers:")
        print("\n".join(agree))
    if args.zhifa:
        print()
        z3peer = Z3py()
        if z3peer.available():
            print(f"zhifa comparison skipped: {z3peer.available()}")
        else:
            print("\n".join(zhifa_compare(args.zhifa, args.persons)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
