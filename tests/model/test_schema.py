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
