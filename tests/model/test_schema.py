"""The committed JSON Schemas agree with what the loader accepts and the
writers produce: generated cases, their JSON rewrite, and their verdicts."""

import json
from pathlib import Path

import jsonschema
from hypothesis import given

from zhifa_logic.model.case_json import case_to_json
from tests.helpers import load, verdict
from tests.strategies import case_docs

SCHEMA = Path(__file__).resolve().parents[2] / "spec" / "schema"
CASE = jsonschema.Draft202012Validator(json.loads((SCHEMA / "case.schema.json").read_text("utf-8")))
VERDICT = jsonschema.Draft202012Validator(json.loads((SCHEMA / "verdict.schema.json").read_text("utf-8")))


def test_schemas_are_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(CASE.schema)
    jsonschema.Draft202012Validator.check_schema(VERDICT.schema)


@given(case_docs())
def test_generated_cases_and_their_rewrite_match_the_case_schema(doc):
    CASE.validate(doc)
    CASE.validate(case_to_json(load(doc)))


@given(case_docs())
def test_verdicts_match_the_verdict_schema(doc):
    VERDICT.validate(verdict(doc))


def test_schema_refuses_what_the_loader_refuses():
    doc = {"format": "zhifa-case/1", "id": "x", "agencies": [{"id": "A", "name": "a"}],
           "persons": [], "act": {"agencies": ["A"], "kind": "penalty",
                                  "approval_required": True, "faults": ["6.18"]},
           "chain": [{"step": "draft", "opinion": "o1", "correct": True}]}
    errors = {e.message for e in CASE.iter_errors(doc)}
    assert errors, "a fault 6.18 and a draft without `by` must be refused"


def _check_validator():
    from referencing import Registry, Resource
    case = json.loads((SCHEMA / "case.schema.json").read_text("utf-8"))
    check = json.loads((SCHEMA / "check.schema.json").read_text("utf-8"))
    registry = Registry().with_resource(case["$id"], Resource.from_contents(case))
    jsonschema.Draft202012Validator.check_schema(check)
    return jsonschema.Draft202012Validator(check, registry=registry)


def test_check_reports_match_the_check_schema(tmp_path):
    # a real report, with witnesses and every kind of the comparison: the
    # shijianguan rules against the Measures at a small bound
    import subprocess
    import sys
    root = SCHEMA.parents[1]
    proc = subprocess.run([sys.executable, "-m", "zhifa_logic.cli", "check", "examples/local/shijianguan-zhidu.zl",
                           "--against", "changzhou-2008", "--persons", "3", "--steps", "3", "--agencies", "1",
                           "--json"], cwd=root, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    _check_validator().validate(doc)
    assert {f["kind"] for f in doc["findings"]} >= {"contradicts", "narrows", "widens", "conflict", "gap"}
    bad = dict(doc, counts=dict(doc["counts"], conflict=-1))
    assert not _check_validator().is_valid(bad)
