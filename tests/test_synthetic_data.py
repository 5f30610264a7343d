"""The synthetic local rule sets of benchmarks/synthetic/ are what the seeded
generator writes (so a benchmark figure names reproducible input), and they
load as rule sets extending the Measures."""

import importlib.util
from pathlib import Path

import pytest

from zhifa_logic.model.loader import load_ruleset

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
spec = importlib.util.spec_from_file_location("gen_synthetic", BENCH / "gen_synthetic.py")
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


@pytest.mark.parametrize("n", gen.SIZES)
def test_the_committed_file_is_the_generators_output(n):
    path = BENCH / "synthetic" / f"local-{n:03d}.zl"
    assert path.read_text(encoding="utf-8") == gen.render(n), "run benchmarks/gen_synthetic.py"


def test_the_small_set_loads_and_extends_the_measures():
    rs = load_ruleset(str(BENCH / "synthetic" / "local-010.zl"))
    own = [k for k, cl in rs.clauses.items() if cl.ruleset == rs.name]
    assert rs.base is not None and rs.base.name == "changzhou-2008" and len(own) == 10
